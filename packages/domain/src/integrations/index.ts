export * from './api-keys.ts';
export * from './chat.ts';
