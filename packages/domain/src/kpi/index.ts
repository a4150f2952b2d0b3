export * from './definitions.ts';
export * from './facts.ts';
export * from './figures.ts';
export * from './query.ts';
export * from './recommendations.ts';
export * from './reference.ts';
export * from './snapshot.ts';
export * from './snapshot-markdown.ts';
