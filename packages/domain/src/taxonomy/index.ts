export * from './tags.ts';
export * from './tree.ts';
