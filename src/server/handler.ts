// createCheckoutHandler: the checkout protocol on the merchant's own origin, on Quaderno's documented private API.
import * as z from 'zod/mini';
import { isHttpUrl } from '../api/urls.js';
import type { PrivateClient } from '../api/private.js';
import { publicUpdateSchema } from '../session/requests.js';
import { CUSTOMER_FIELDS, type CheckoutSession } from '../session/schema.js';
import { AbortedError, ApiError, TimeoutError } from '../api/errors.js';
import type { CallOptions } from '../api/http.js';
import { ActivityClock, QUADERNO_INACTIVITY_MS } from './activity.js';
import { readJsonBody, readTextBody } from './body.js';
import { TtlCache } from './cache.js';
import { failure, fieldFailure, fromUpstream, ProtocolFailure, sessionNotFound, type UpstreamContext } from './errors.js';
import { presentSession } from './present.js';
import { normalizeTaxInput, parseTaxQuery, TaxPreviewer, type TaxInput } from './preview.js';
import type { TaxSummary } from '../tax/index.js';
import { createTokenSigner } from './token.js';
import { createUpstream } from './upstream.js';
import { checkPaymentOptions, createPayments, type InPagePaymentOptions } from './payments/index.js';

export interface CheckoutHandlerOptions extends InPagePaymentOptions {
  /** The account's API origin, e.g. `https://ACCOUNT.quadernoapp.com` (or the sandbox's). */
  apiUrl: string;
  /** The private API key. It is only ever sent to `apiUrl`. */
  apiKey: string;
  /** Signs the permalinks: at least 32 characters, kept stable across restarts (or every permalink breaks). */
  secret: string;
  /** The path the handler is mounted at. Default `/checkout`. */
  prefix?: string;
  /** The public origin of permalinks when requests arrive with another (behind a proxy). Default: each request's. */
  publicOrigin?: string;
  /** Sends Quaderno's numeric session `id` to the browser too. Default false: the permalink's token hides it. */
  exposeSessionId?: boolean;
  /** Per-attempt timeout of a call to Quaderno. Default 8000 ms (each attempt also ends with `deadlineMs`). */
  timeoutMs?: number;
  /** Retries of idempotent calls to Quaderno (GET, PUT) on network errors, 5xx and short 429s. Default 2. */
  retries?: number;
  /**
   * The whole answer to one request, every call to Quaderno and every retry, ends within this (504
   * `upstream_unavailable` after it). Default 8000 ms: under the element's default `timeout` (10 s), so the element
   * reads the handler's answer instead of giving up on it first.
   */
  deadlineMs?: number;
  /** Largest accepted request body. Default 16 KiB. */
  maxBodyBytes?: number;
  /** How long a tax rate or a tax ID's validity is reused for the same input. Default 60 s; 0 disables. */
  cacheTtlMs?: number;
  /** How many inputs the tax caches hold. Default 1000. */
  cacheMaxEntries?: number;
  /** How long a tax preview reuses a session's items. Default 10 s. */
  sessionTtlMs?: number;
  /** The fetch used to call Quaderno. Default the global one. */
  fetch?: typeof fetch;
  /** Failures the merchant should see (a refused API key, a bug); the browser only gets a code. Default console.error. */
  onError?: (error: unknown) => void;
  /**
   * The Stripe publishable key (`pk_live_…` or `pk_test_…`) of the account Quaderno charges cards through. Sent to the
   * browser as the session's `processor_public_keys.stripe` (public by design); a secret or restricted key is refused.
   * Default none: null.
   */
  stripePublishableKey?: string;
  /** The PayPal client id (public) Quaderno's orders are made with: the session's `processor_public_keys.paypal`. Default none: null. */
  paypalClientId?: string;
  /**
   * The account's home country (ISO 3166-1), as in its Quaderno tax settings. With it the tax summary says when a
   * domestic sale needs the customer's tax ID (BG, CY, ES, HR, IT, PT); without it, the summary does not say.
   */
  sellerCountry?: string;
}

export interface CheckoutHandler {
  (request: Request): Promise<Response>;
  /** The permalink of a session on this handler: `<origin><prefix>/<token>`; without an origin, a root-relative path. */
  permalinkFor(sessionId: number | string, origin?: string): string;
  /** Where it reports failures (the `onError` option); toNodeListener reports its own there too. */
  readonly onError: (error: unknown) => void;
}

const english = z.locales.en();

/**
 * The largest webhook body read. why not `maxBodyBytes`: a processor's event (an intent with its charge) can outgrow a
 * customer's update, yet no event comes near this, and nothing larger is held in memory.
 */
const WEBHOOK_MAX_BYTES = 256 * 1024;

// why: a permalink is a bearer link and no cookie is read, so any origin may call (the element may live on another
// page than the handler); a cross-origin page must be able to read a 429's Retry-After.
const CORS: Record<string, string> = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
const PREFLIGHT: Record<string, string> = {
  ...CORS,
  'Access-Control-Allow-Methods': 'GET, PUT, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept',
  'Access-Control-Max-Age': '600',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...CORS,
      ...headers,
    },
  });
}

/** The customer's update, with the sandbox's tamper rules: known customer fields and `coupon`, nothing else. */
function parseUpdate(body: unknown) {
  const parsed = publicUpdateSchema.safeParse(body, { error: english.localeError });
  if (parsed.success) return parsed.data;
  const notAllowed: Record<string, string[]> = {};
  const invalid: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) notAllowed[path ? `${path}.${key}` : key] = ['is not allowed here'];
    } else (invalid[path || 'base'] ??= []).push(issue.message);
  }
  if (Object.keys(notAllowed).length) throw fieldFailure('field_not_allowed', notAllowed, 'Only customer fields can be changed');
  throw fieldFailure('field_invalid', invalid, 'A field is invalid');
}

export function createCheckoutHandler(options: CheckoutHandlerOptions): CheckoutHandler {
  if (!isHttpUrl(options.apiUrl)) throw new TypeError('createCheckoutHandler: `apiUrl` must be an http(s) URL');
  if (!options.apiKey) throw new TypeError('createCheckoutHandler: `apiKey` is required');
  // why: this key goes to every browser; a secret key (`sk_`, `rk_`) given here by mistake must never leave the server.
  if (options.stripePublishableKey !== undefined && !/^pk_(live|test)_\w+$/.test(options.stripePublishableKey)) {
    throw new TypeError('createCheckoutHandler: `stripePublishableKey` must be a publishable key (pk_live_… or pk_test_…)');
  }
  checkPaymentOptions(options);
  const publicKeys = { stripe: options.stripePublishableKey, paypal: options.paypalClientId || undefined };
  const prefix = `/${(options.prefix ?? '/checkout').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const signer = createTokenSigner(options.secret, new URL(options.apiUrl).origin);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const onError = options.onError ?? ((error: unknown) => console.error('[quaderno-checkout/server]', error));
  const client: PrivateClient = createUpstream({
    apiUrl: options.apiUrl,
    apiKey: options.apiKey,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 8000,
    retries: options.retries ?? 2,
  });
  const previewer = new TaxPreviewer(client, {
    ttlMs: options.cacheTtlMs ?? 60_000,
    maxEntries: options.cacheMaxEntries ?? 1000,
    sellerCountry: options.sellerCountry,
  });
  const sessions = new TtlCache<CheckoutSession>(options.sessionTtlMs ?? 10_000, options.cacheMaxEntries ?? 1000);
  const deadlineMs = options.deadlineMs ?? 8000;
  const activity = new ActivityClock(QUADERNO_INACTIVITY_MS, options.cacheMaxEntries ?? 1000);

  /**
   * What one request may still spend on Quaderno: the time left of its deadline and, for a call of its own, its
   * client's signal (a browser that goes away cancels it). why not the signal for a `shared` call: a cached call
   * serves other customers too; the deadline still bounds it.
   */
  const budgetOf = (request: Request) => {
    const until = Date.now() + deadlineMs;
    return (shared = false): CallOptions => ({ deadlineMs: Math.max(0, until - Date.now()), ...(shared ? {} : { signal: request.signal }) });
  };
  type Budget = ReturnType<typeof budgetOf>;

  const payments = createPayments(options, {
    client,
    apiUrl: options.apiUrl,
    apiKey: options.apiKey,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? 8000,
    sellerCountry: options.sellerCountry,
    publishableKey: options.stripePublishableKey,
    onError,
    readBody: (request) => readJsonBody(request, maxBodyBytes),
  });

  const permalinkFor = (sessionId: number | string, origin?: string) =>
    `${(origin ?? options.publicOrigin ?? '').replace(/\/+$/, '')}${prefix}/${signer.sign(sessionId)}`;

  async function upstream<T>(context: UpstreamContext, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const mapped = fromUpstream(error, context, { attemptMs: options.timeoutMs ?? 8000, deadlineMs });
      // why not an abort: the browser went away, which is no failure the merchant should see.
      if (mapped.status >= 500 && !(error instanceof ProtocolFailure) && !(error instanceof AbortedError)) onError(error);
      throw mapped;
    }
  }

  const retrieve = (id: string, budget: Budget) =>
    upstream('session', async () => {
      const session = await client.retrieve(id, budget());
      sessions.set(id, session);
      return session;
    });

  /** The saved customer's tax, or null when it can't be had now: a preview failure never fails the session. */
  async function savedTax(session: CheckoutSession, budget: Budget): Promise<TaxSummary | null> {
    const { billing_country, billing_postal_code, tax_id } = session.customer;
    try {
      const input = normalizeTaxInput({ country: billing_country, postal_code: billing_postal_code, tax_id });
      return await previewer.summary(session, input, budget(true));
    } catch {
      return null;
    }
  }

  async function present(session: CheckoutSession, id: string, request: Request, budget: Budget): Promise<Response> {
    const origin = options.publicOrigin ?? new URL(request.url).origin;
    const shown = presentSession(session, permalinkFor(id, origin), await savedTax(session, budget), publicKeys, options.exposeSessionId);
    const expires = session.status === 'pending' ? activity.expiresAt(id) : undefined;
    return json(200, await payments.present(id, expires ? { ...shown, expires_at: expires } : shown, budget(true)));
  }

  async function update(id: string, request: Request, budget: Budget): Promise<Response> {
    const data = parseUpdate(await readJsonBody(request, maxBodyBytes));
    await payments.assertUnpaid(id);
    if (data.coupon !== undefined) {
      throw fieldFailure(
        'capability_unsupported',
        { coupon: ['Coupons are applied on the hosted payment page'] },
        "Quaderno's API has no call to apply a coupon to a session",
      );
    }
    const session = data.customer ? await saveCustomer(id, data.customer, budget) : await keepAlive(id, budget);
    sessions.set(id, session);
    if (data.customer) await payments.customerChanged(id, session);
    return present(session, id, request, budget);
  }

  /**
   * `PUT {}`: the customer is still here. why an update of the saved customer: Quaderno counts only writes as activity,
   * and an update with the fields it already holds is a documented call that changes nothing.
   */
  async function keepAlive(id: string, budget: Budget): Promise<CheckoutSession> {
    const current = await retrieve(id, budget);
    if (current.status !== 'pending') return current;
    const customer = Object.fromEntries(CUSTOMER_FIELDS.filter((field) => current.customer[field] != null).map((field) => [field, current.customer[field]]));
    return saveCustomer(id, customer, budget);
  }

  /**
   * why: Quaderno documents that only pending sessions can be updated, not how it refuses the others; a refusal of a
   * session that has left `pending` is reported as such, whatever words it came with.
   */
  async function saveCustomer(id: string, customer: NonNullable<ReturnType<typeof parseUpdate>['customer']>, budget: Budget) {
    try {
      const saved = await upstream('session', () => client.update(id, { customer }, budget()));
      activity.wrote(id);
      return saved;
    } catch (error) {
      if (!(error instanceof ProtocolFailure) || error.body.code !== 'field_invalid') throw error;
      const current = await retrieve(id, budget).catch(() => undefined);
      if (current && current.status !== 'pending') {
        throw failure(422, 'session_not_pending', 'The checkout session can no longer be changed', { status: current.status });
      }
      throw error;
    }
  }

  async function tax(id: string, request: Request, what: 'tax' | 'tax_id', budget: Budget): Promise<Response> {
    const input: TaxInput = parseTaxQuery(new URL(request.url).searchParams);
    const session = await upstream('session', () => sessions.get(id, () => client.retrieve(id, budget(true))));
    const body = await upstream<unknown>('tax', () =>
      what === 'tax' ? previewer.summary(session, input, budget(true)) : previewer.taxIdCheck(input, budget(true)),
    );
    // why: the same input gives the same answer for a while; the browser may keep it too.
    return json(200, body, { 'Cache-Control': 'private, max-age=30' });
  }

  /** A webhook delivery with its body read within the limit (413 while it streams, 400 if cut off), as sent. */
  async function bounded(request: Request): Promise<Request> {
    const body = await readTextBody(request, Math.max(maxBodyBytes, WEBHOOK_MAX_BYTES));
    return new Request(request.url, { method: request.method, headers: request.headers, body });
  }

  /**
   * The payment start within the request's deadline: every call it makes to Quaderno, Stripe or PayPal gets what is
   * left of it (and the browser's signal where the call takes one), and the answer is a 504 once it is spent, or a
   * 503 nobody reads once the browser has gone. A processor's own failure is the merchant's to see, the customer's
   * to retry: 502.
   */
  async function paymentStart(id: string, request: Request, budget: Budget): Promise<Record<string, unknown>> {
    const { deadlineMs: left = deadlineMs, signal } = budget();
    // why a signal for the deadline too: PayPal's calls take one; Stripe's SDK takes only a timeout (what is left).
    const spent = AbortSignal.timeout(Math.max(1, left));
    const ends = signal ? AbortSignal.any([signal, spent]) : spent;
    let stop: (() => void) | undefined;
    const started = payments.start(id, request, () => retrieve(id, budget), () => ({ ...budget(), signal: ends }));
    // why: the start may end after its answer was given up on; its failure then has no one to hear it.
    started.catch(() => undefined);
    const ended = new Promise<never>((_, reject) => {
      stop = () => reject(signal?.aborted ? new AbortedError() : new TimeoutError(deadlineMs));
      ends.addEventListener('abort', stop, { once: true });
    });
    try {
      return await Promise.race([started, ended]);
    } catch (error) {
      if (error instanceof ProtocolFailure) throw error;
      // why not reported: the browser went away, which is no failure the merchant should see.
      if (signal?.aborted) throw failure(503, 'upstream_unavailable', 'The request was aborted');
      onError(error);
      if (spent.aborted || error instanceof TimeoutError || (error instanceof Error && /timeout/i.test(error.message))) {
        throw failure(504, 'upstream_unavailable', `The payment could not be started within ${deadlineMs} ms`);
      }
      if (error instanceof ApiError) throw fromUpstream(error, 'tax');
      throw failure(502, 'upstream_unavailable', 'The payment processor is not available right now');
    } finally {
      if (stop) ends.removeEventListener('abort', stop);
    }
  }

  async function route(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === `${prefix}/webhooks/stripe` && request.method.toUpperCase() === 'POST') return payments.webhook(await bounded(request));
    if (path === `${prefix}/webhooks/paypal` && request.method.toUpperCase() === 'POST') return payments.paypalWebhook(await bounded(request));
    if (!path.startsWith(`${prefix}/`)) throw sessionNotFound();
    const match = /^([A-Za-z0-9_-]+)(?:\/(tax|tax_id|pay|cancel|payment|retry))?(\.json)?$/.exec(path.slice(prefix.length + 1));
    const id = match ? signer.verify(match[1]!) : undefined;
    if (!match || id === undefined) throw sessionNotFound();
    const [, , action, dotJson] = match;
    const method = request.method.toUpperCase();
    const budget = budgetOf(request);
    if (!dotJson && !action && method === 'GET') {
      // The permalink opened as a page: on to Quaderno's hosted page for the same session.
      const hosted = (await retrieve(id, budget)).permalink;
      if (!isHttpUrl(hosted)) throw sessionNotFound();
      return new Response(null, { status: 303, headers: { Location: hosted, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });
    }
    if (!dotJson) throw sessionNotFound();
    if (!action && method === 'GET') return present(await payments.sessionFor(id, () => retrieve(id, budget)), id, request, budget);
    if (action === 'payment' && method === 'POST') return json(201, await paymentStart(id, request, budget));
    if (!action && method === 'PUT') return update(id, request, budget);
    if ((action === 'tax' || action === 'tax_id') && method === 'GET') return tax(id, request, action, budget);
    if (action === 'pay' || action === 'cancel' || action === 'retry') {
      // why: Quaderno's API has no call for any of them (it cannot reopen a failed session); the session advertises
      // none, and the customer does them on the hosted page. 422 is the protocol's status for an operation a server
      // does not offer.
      throw failure(422, 'capability_unsupported', `This server cannot ${action} a session: it is done on the hosted page`);
    }
    throw new ProtocolFailure(
      405,
      { code: 'capability_unsupported', error: `${method} is not supported here` },
      { Allow: action ? 'GET' : 'GET, PUT' },
    );
  }

  const handler = async (request: Request): Promise<Response> => {
    // why: a preflight carries no token worth checking and must not cost a call to Quaderno.
    if (request.method.toUpperCase() === 'OPTIONS') return new Response(null, { status: 204, headers: PREFLIGHT });
    try {
      return await route(request);
    } catch (error) {
      if (error instanceof ProtocolFailure) return json(error.status, error.body, error.headers);
      onError(error);
      return json(500, { code: 'internal', error: 'The checkout server failed' });
    }
  };
  return Object.assign(handler, { permalinkFor, onError });
}
