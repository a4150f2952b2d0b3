export * from './business-time.ts';
export * from './calendar.ts';
export * from './clocks.ts';
export * from './policy.ts';
export * from './replay.ts';
export * from './targets.ts';
