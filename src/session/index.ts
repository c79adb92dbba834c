export * from './schema.js';
export * from './requests.js';
export * from './money.js';
