/** The conversation page's data; its timeline is built by `@switchboard/ui/conversations`. */
export type { ConversationDetail } from '@switchboard/ui/conversations';
