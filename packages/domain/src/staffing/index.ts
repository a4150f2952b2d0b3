export * from './erlang-c.ts';
export * from './forecast.ts';
export * from './gaps.ts';
export * from './inputs.ts';
export * from './plan.ts';
export * from './shifts.ts';
