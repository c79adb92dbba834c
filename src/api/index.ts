export * from './errors.js';
export { requestJson, parseRetryAfter, errorForResponse } from './http.js';
export type { CallOptions, TransportOptions, HttpMethod, JsonResponse } from './http.js';
export { createPublicClient, protocolSessionFromBody, protocolUrl, sessionFromBody } from './public.js';
export type { PublicClient } from './public.js';
export { createPrivateClient } from './private.js';
export type { PrivateClient, PrivateClientOptions } from './private.js';
export { isHttpUrl, permalinkEndpoint } from './urls.js';
