// Shared harness for the sandbox suites: a real server on a free port and small fetch helpers.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before } from 'node:test';
import { sessionSchema } from '../../src/session/schema.js';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../src/sandbox/server.js';
import { send, type Reply } from '../helpers/http.js';

export const KEY = 'sk_test_harness';
export const AUTH = `Basic ${Buffer.from(`${KEY}:x`).toString('base64')}`;

/** Starts one sandbox for the enclosing suite (fast timers) and closes it afterwards. */
export function useSandbox(options: StartOptions = {}): () => RunningSandbox {
  let sandbox: RunningSandbox | undefined;
  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: KEY, processingDelayMs: 40, abandonAfterMs: 60_000, ...options });
  });
  after(() => sandbox?.close());
  return () => {
    assert.ok(sandbox, 'sandbox not started');
    return sandbox;
  };
}

export type { Reply } from '../helpers/http.js';

export interface CallInit {
  method?: string;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Adds the harness's Basic auth (default true for /api/ paths). */
  auth?: boolean;
}

/** One request to the sandbox at `base`; the reply's body is parsed as JSON when it is JSON. */
export function call(base: string, path: string, init: CallInit = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.auth ?? path.startsWith('/api/')) headers.Authorization ??= AUTH;
  return send(`${base}${path}`, { method: init.method, body: init.body, headers });
}

/**
 * pay.json with the total the customer confirmed (required since protocol 1.1): the session's `tax.total` as read
 * just before, unless the body names its own `total`.
 */
export async function payShown(base: string, session: { permalink?: unknown }, body: unknown, headers?: Record<string, string>): Promise<Reply> {
  const shown = (await call(base, publicPath(session))).json;
  const confirmed = typeof body === 'object' && body !== null ? { total: shown?.tax?.total ?? 0, ...body } : body;
  return call(base, publicPath(session, '/pay'), { method: 'POST', body: confirmed, headers });
}

/** The body every recorded create sends. */
export const RECORDED_CREATE = {
  billing_details_collection: 'auto',
  cancel_url: 'http://example.com/cancel',
  success_url: 'http://example.com/success',
  coupon_collection: true,
  items: [{ product: '000000' }],
};

/** Asserts the value is a valid session per the project's schema and returns it. */
export function assertSession(value: unknown) {
  const parsed = sessionSchema.safeParse(value);
  assert.ok(parsed.success, `not a valid session: ${JSON.stringify(parsed.error?.issues)}`);
  return parsed.data;
}

/** The permalink's token. */
export function tokenOf(session: { permalink?: unknown }): string {
  return String(session.permalink).split('/').pop()!;
}

/** Path of the public JSON endpoint for a session. */
export function publicPath(session: { permalink?: unknown }, suffix = ''): string {
  return `/checkout/session/${tokenOf(session)}${suffix}.json`;
}

/** A shape: the same keys and the same JSON types, recursively (arrays by their first element). */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === 'object') {
    const entries = Object.entries(value as object).map(([k, v]): [string, unknown] => [k, shapeOf(v)]);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return typeof value;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` passes or the time runs out. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await sleep(15);
  }
}

/** A GET with a chosen Host header (fetch may not set it). */
export function getWithHost(base: string, path: string, host: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { Host: host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}
