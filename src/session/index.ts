export * from './schema.ts';
export * from './requests.ts';
export * from './money.ts';
