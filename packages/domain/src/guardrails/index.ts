export * from './approvals.ts';
export * from './decide.ts';
export * from './example-policy.ts';
export * from './inputs.ts';
export * from './policy.ts';
export * from './policy-text.ts';
