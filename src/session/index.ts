export * from './schema.ts';
export * from './money.ts';
