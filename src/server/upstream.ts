// The private client this handler talks to Quaderno with: its API key stays here, its retries stay short enough for a
// customer waiting in a browser, and Quaderno's rate-limit headers become a Retry-After the client understands.
import { createPrivateClient, type PrivateClient } from '../api/private.js';

/**
 * Seconds until the window resets, from `X-RateLimit-Reset`. Recorded traffic has both forms: an epoch timestamp
 * (`1689844095`) and seconds from now (`15`).
 */
export function resetSeconds(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n > 1_000_000_000 ? Math.max(0, n - Math.floor(nowMs / 1000)) : n;
}

/** A fetch that adds `Retry-After` to a 429 that only carries Quaderno's `X-RateLimit-Reset`. */
export function rateLimitAwareFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 429 || response.headers.has('retry-after')) return response;
    const wait = resetSeconds(response.headers.get('x-ratelimit-reset'));
    if (wait === undefined) return response;
    const headers = new Headers(response.headers);
    headers.set('Retry-After', String(wait));
    return new Response(response.body, { status: 429, statusText: response.statusText, headers });
  };
}

export interface UpstreamOptions {
  apiUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  timeoutMs: number;
  retries: number;
}

export function createUpstream(options: UpstreamOptions): PrivateClient {
  return createPrivateClient({
    baseUrl: options.apiUrl,
    apiKey: options.apiKey,
    fetch: rateLimitAwareFetch(options.fetch ?? globalThis.fetch.bind(globalThis)),
    timeoutMs: options.timeoutMs,
    // why: the private client retries only idempotent calls (GET, PUT); a longer Retry-After is passed on, not waited out.
    retries: options.retries,
    retryBaseMs: 150,
    maxRetryDelayMs: 1000,
  });
}
