export * from './inboxes.ts';
