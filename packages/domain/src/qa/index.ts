export * from './calibration.ts';
export * from './review-inputs.ts';
export * from './review-status.ts';
export * from './reviewable.ts';
export * from './sampling.ts';
export * from './scorecard.ts';
export * from './scoring.ts';
export * from './trends.ts';
