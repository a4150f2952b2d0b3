export * from './roles.ts';
export * from './schemas.ts';
export * from './teams.ts';
