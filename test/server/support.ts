// Shared by the handler's suites: the sandbox's private API acting as Quaderno, the handler served over HTTP on its
// own origin (the merchant's), and a count of what reached Quaderno.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import type { SessionStatus } from '../../src/session/schema.ts';
import { createCheckoutHandler, type CheckoutHandler, type CheckoutHandlerOptions } from '../../src/server/index.ts';

export const API_KEY = 'sk_test_sandbox';
export const SECRET = 'test-secret-that-is-long-enough-000';
/** What the API key looks like on the wire (HTTP Basic). */
export const KEY_ON_THE_WIRE = Buffer.from(`${API_KEY}:x`).toString('base64');

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a Fetch handler on 127.0.0.1, port 0. */
export async function serveFetch(fetch: (request: Request) => Response | Promise<Response>): Promise<Served> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * TEST DOUBLE of Quaderno's tax endpoints, standing in ONLY until the sandbox has `tax_rates/calculate` and
 * `tax_ids/validate` (the "tax" helper's branch): a handful of recorded-shape answers. Everything else is
 * proxied, unchanged, to the real sandbox.
 */
const FAKE_RATES: Record<string, Record<string, unknown>> = {
  ES: { country: 'ES', name: 'IVA', rate: 21.0, taxable_part: 100.0, tax_behavior: 'exclusive', status: 'taxable', notes: null },
  FR: { country: 'FR', name: 'TVA', rate: 20.0, taxable_part: 100.0, tax_behavior: 'exclusive', status: 'taxable', notes: null },
  'US:90210': { country: 'US', region: 'CA', name: 'Sales tax', rate: 9.5, taxable_part: 100.0, tax_behavior: 'exclusive', status: 'taxable', notes: null },
};
const VALID_IDS: Record<string, boolean | null> = { DE111111111: false, IE222222222: null, IE6388047V: true };

export interface FakeQuaderno extends Served {
  sandbox: RunningSandbox;
  /** Every request that reached "Quaderno" (method, path with query, Authorization). */
  seen: Array<{ method: string; path: string; authorization: string | null }>;
  count(pathPrefix: string): number;
}

export async function startFakeQuaderno(): Promise<FakeQuaderno> {
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, processingDelayMs: 40 });
  const seen: FakeQuaderno['seen'] = [];
  const app = new Hono();
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    seen.push({ method: c.req.method, path: url.pathname + url.search, authorization: c.req.header('authorization') ?? null });
    if (url.pathname.startsWith('/api/') && c.req.header('authorization') !== `Basic ${KEY_ON_THE_WIRE}`) {
      return c.json({ error: 'Invalid API key' }, 401);
    }
    await next();
  });
  app.get('/api/tax_rates/calculate.json', (c) => {
    const country = c.req.query('to_country') ?? '';
    const rate = FAKE_RATES[`${country}:${c.req.query('to_postal_code') ?? ''}`] ?? FAKE_RATES[country];
    if (!/^[A-Z]{2}$/.test(country)) return c.json({ errors: { to_country: ['is invalid'] } }, 422);
    const taxId = c.req.query('tax_id');
    if (rate && taxId && VALID_IDS[taxId] === true && country !== 'ES') {
      return c.json({ ...rate, rate: 0, status: 'reverse_charge', notes: 'Reverse charge' });
    }
    return c.json(rate ?? { country, name: null, rate: 0, status: 'not_registered', taxable_part: 100, notes: null });
  });
  app.get('/api/tax_ids/validate.json', (c) => {
    const taxId = c.req.query('tax_id') ?? '';
    return c.json({ valid: taxId in VALID_IDS ? VALID_IDS[taxId]! : false });
  });
  app.all('*', async (c) => {
    const url = new URL(c.req.url);
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? undefined : await c.req.arrayBuffer();
    const headers = new Headers(c.req.raw.headers);
    headers.delete('host');
    const response = await fetch(`${sandbox.url}${url.pathname}${url.search}`, { method: c.req.method, headers, body });
    return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
  });
  const served = await serveFetch(app.fetch);
  return {
    ...served,
    sandbox,
    seen,
    count: (pathPrefix) => seen.filter((request) => request.path.startsWith(pathPrefix)).length,
    close: async () => {
      await served.close();
      await sandbox.close();
    },
  };
}

/** The handler in front of an upstream, served on its own origin. */
export async function startHandler(apiUrl: string, options: Partial<CheckoutHandlerOptions> = {}) {
  const errors: unknown[] = [];
  const handler: CheckoutHandler = createCheckoutHandler({
    apiUrl,
    apiKey: API_KEY,
    secret: SECRET,
    prefix: '/checkout',
    onError: (error) => errors.push(error),
    ...options,
  });
  const served = await serveFetch(handler);
  return { ...served, handler, errors, permalink: (id: number | string) => handler.permalinkFor(id, served.url) };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** One request as the browser would send it; a body object is sent as JSON. */
export async function browser(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A pending session in the sandbox with private data the browser must never see. */
export function createSession(sandbox: RunningSandbox, extra: Record<string, unknown> = {}) {
  return sandbox.store.createSession({
    items: [{ product: '000000' }],
    success_url: 'https://shop.example/thanks',
    cancel_url: 'https://shop.example/cart',
    coupon_collection: true,
    custom: { internal_note: 'VIP, call before shipping' },
    metadata: { crm_id: 'crm_42' },
    ...extra,
  });
}

/**
 * A target for the protocol's contract suite (test/protocol/contract.ts, after merge): the handler on its own origin
 * with the sandbox acting as Quaderno behind it. `createSession` stores a session in the sandbox (optionally straight
 * in a status) and returns the handler's permalink for it; `capabilities` says what the suite may expect.
 */
export async function startHandlerTarget() {
  const quaderno = await startFakeQuaderno();
  const shop = await startHandler(quaderno.url);
  return {
    url: shop.url,
    capabilities: ['update', 'tax_preview', 'tax_id_validation', 'hosted_payment'] as const,
    sandbox: quaderno.sandbox,
    createSession(body: Parameters<RunningSandbox['store']['createSession']>[0], status?: SessionStatus) {
      const session = quaderno.sandbox.store.createSession(body, status ? { status } : undefined);
      return { id: session.id, permalink: shop.permalink(session.id) };
    },
    async close() {
      await shop.close();
      await quaderno.close();
    },
  };
}
