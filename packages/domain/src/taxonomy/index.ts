export * from './editor-inputs.ts';
export * from './tags.ts';
export * from './tree.ts';
