export * from './definitions.ts';
export * from './facts.ts';
export * from './figures.ts';
export * from './query.ts';
export * from './reference.ts';
