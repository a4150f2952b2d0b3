export { type ChatApiOptions, mountChatApi } from './chat-api.ts';
export { type ChatBotOptions, mountChatBot } from './chat-bot.ts';
export { mountChatPages, PAGE_SECURITY_HEADERS } from './pages.ts';
export { mountSurvey } from './survey.ts';
