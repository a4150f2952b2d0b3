export * from './conversations/index.ts';
export * from './people/index.ts';
export * from './playbooks/index.ts';
export * from './routing/index.ts';
export * from './shared/index.ts';
export * from './sla/index.ts';
export * from './taxonomy/index.ts';
