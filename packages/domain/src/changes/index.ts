export * from './diff.ts';
export * from './schemas.ts';
