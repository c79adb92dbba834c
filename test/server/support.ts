// Shared by the handler's suites: the sandbox's private API acting as Quaderno, the handler served over HTTP on its
// own origin (the merchant's), and a count of what reached Quaderno.
import { serve } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import { createCheckoutHandler, type CheckoutHandler, type CheckoutHandlerOptions } from '../../src/server/index.js';
import { send, type Reply } from '../helpers/http.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

export interface Quaderno {
  /** The sandbox's origin: its private API is Quaderno's here. */
  url: string;
  sandbox: RunningSandbox;
  /** Every request the handler sent to Quaderno (method, path with query, Authorization). */
  seen: Array<{ method: string; path: string; authorization: string | null }>;
  count(pathPrefix: string): number;
  /** The fetch to give the handler: the global one, recording what it sends. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** The real sandbox acting as Quaderno (sessions, coupons, `tax_rates/calculate`, `tax_ids/validate`). */
export async function startQuaderno(): Promise<Quaderno> {
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, processingDelayMs: 40 });
  const seen: Quaderno['seen'] = [];
  const recording: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    seen.push({ method: request.method, path: url.pathname + url.search, authorization: request.headers.get('authorization') });
    return fetch(request);
  };
  return {
    url: sandbox.url,
    sandbox,
    seen,
    count: (pathPrefix) => seen.filter((request) => request.path.startsWith(pathPrefix)).length,
    fetch: recording,
    close: () => sandbox.close(),
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

export type { Reply } from '../helpers/http.js';

/** One request as the browser would send it: JSON accepted, a body (object or string) sent as JSON, no redirects followed. */
export function browser(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  return send(url, {
    method: init.method,
    body: init.body,
    headers: { Accept: 'application/json', ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
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

/** Runs an example with tsx (as `node --import tsx FILE`) and resolves with its URL once it listens. */
export function runExample(file: string, env: Record<string, string>, children: Set<ChildProcess>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, PORT: '0', ...env } });
  // why: registered at once; an example still compiling when the start timer fires would otherwise keep this
  // file's process (and the whole test run) alive through its stdio pipes.
  children.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    // why 60 s: tsx compiles the example and Express on a cold, loaded CI machine.
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${file} did not start:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}:\n${output}`)));
  });
}
