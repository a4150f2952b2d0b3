export { type ChatApiOptions, mountChatApi } from './chat-api.ts';
export { mountChatPages, PAGE_SECURITY_HEADERS } from './pages.ts';
export { mountSurvey } from './survey.ts';
