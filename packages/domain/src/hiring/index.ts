export * from './attachments.ts';
export * from './candidates.ts';
export * from './funnel.ts';
export * from './hire.ts';
export * from './invitations.ts';
export * from './pipeline.ts';
export * from './requisitions.ts';
export * from './scorecards.ts';
