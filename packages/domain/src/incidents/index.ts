export * from './classify.ts';
export * from './inputs.ts';
export * from './lifecycle.ts';
export * from './review.ts';
export * from './spikes.ts';
