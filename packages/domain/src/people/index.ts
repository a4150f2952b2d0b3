export * from './certification-inputs.ts';
export * from './certifications.ts';
export * from './roles.ts';
export * from './schemas.ts';
export * from './team-inputs.ts';
export * from './teams.ts';
