// why: the store is split by concern under ./store/; this path stays so existing imports (app, server, tests) hold.
export * from './store/index.ts';
