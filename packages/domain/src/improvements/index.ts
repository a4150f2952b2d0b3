export * from './root-causes.ts';
export * from './themes.ts';
