export * from './errors.ts';
export { requestJson, parseRetryAfter, errorForResponse } from './http.ts';
export type { CallOptions, TransportOptions, HttpMethod, JsonResponse } from './http.ts';
export { createPublicClient, protocolSessionFromBody, protocolUrl, sessionFromBody } from './public.ts';
export type { PublicClient } from './public.ts';
export { createPrivateClient } from './private.ts';
export type { PrivateClient, PrivateClientOptions } from './private.ts';
export { isHttpUrl, permalinkEndpoint } from './urls.ts';
