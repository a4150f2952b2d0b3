export * from './macros.ts';
export * from './sops.ts';
