export * from './inputs.ts';
export * from './live-practice.ts';
export * from './modules.ts';
export * from './progress.ts';
export * from './quiz.ts';
export * from './records.ts';
export * from './sop-reacknowledgement.ts';
