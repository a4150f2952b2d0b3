export * from './enums.ts';
export * from './money.ts';
export * from './pagination.ts';
export * from './places.ts';
export * from './severity.ts';
