export * from './access.ts';
export * from './events.ts';
export * from './priority.ts';
export * from './schemas.ts';
export * from './status.ts';
