import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { STATUSES, type SessionStatus } from '../session/schema.js';
import { readBody } from './body.js';
import { notFound, SandboxError } from './errors.js';
import { FaultSchedule, faultMiddleware } from './faults.js';
import { checkoutPage, DEFAULT_SCRIPT_URL, messagePage, pageCsp, ScriptBundler } from './page.js';
import { SEED_COUPONS } from './seed.js';
import type { ProcessorOptions } from './processors/keys.js';
import { mountProcessors, type SandboxProcessors } from './processors/routes.js';
import { SandboxStore } from './store/index.js';
import { mountTaxRoutes, type TaxRoutes } from './tax/routes.js';
import { mountTransactions, type TransactionsLedger } from './quaderno/transactions.js';
import { mountStripeApi } from './stripe-api/routes.js';
import { StripeApiDouble } from './stripe-api/double.js';
import { mountStripeBrowserFace } from './stripe-api/browser.js';
import { mountPaypalApi } from './paypal-api/routes.js';
import type { PaypalApiDouble } from './paypal-api/double.js';
import type { TaxSettingsPatch } from './tax/settings.js';

export interface SandboxOptions {
  /** The private API's key (HTTP Basic user name). Default `process.env.QUADERNO_API_KEY ?? 'sk_test_sandbox'`. */
  apiKey?: string;
  /**
   * Origin used in permalinks and joined to the hosted page's connect-src, or a function that reads it when needed
   * (the bound address is known only once the server listens). `startSandbox` and the Vite plugin always set it.
   * Only without one (an in-memory `app.request`) does a permalink take the request URL's origin.
   */
  publicOrigin?: string | (() => string | undefined);
  /** A pending session with no activity for this long becomes abandoned. Default 30 min. */
  abandonAfterMs?: number;
  /** How long a payment stays processing before it completes or fails. Default 1500 ms. */
  processingDelayMs?: number;
  /** One log line per request: true logs to the console, a function receives each line. Default false. */
  log?: boolean | ((line: string) => void);
  /** Load the seed data. Default true. */
  seed?: boolean;
  /** The element script the hosted page loads. Default `/quaderno-checkout.js` (served by the sandbox). */
  scriptUrl?: string;
  /** Largest accepted request body. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Test-only: enable fault injection on the public endpoints (see `faults.ts`). Default false. */
  faults?: boolean;
  /** The account's tax settings (home country, registrations, default tax code); over env `SANDBOX_TAX_*`. */
  tax?: TaxSettingsPatch;
  /** The real processors' keys the payment start hands out (see src/sandbox/processors/). */
  processors?: ProcessorOptions;
}

export interface SandboxApp {
  app: Hono;
  store: SandboxStore;
  /** The fault schedule, when `faults` is enabled. */
  faults?: FaultSchedule;
  /** The tax settings (the store's; src/sandbox/tax/routes.ts). */
  tax: TaxRoutes;
  /** The simulated Stripe and PayPal, and the origin their SDK doubles draw frames on. */
  processors: SandboxProcessors;
  /** Quaderno's transactions (`POST /api/transactions`) and the Stripe and PayPal API test doubles a merchant server calls. */
  merchant: { transactions: TransactionsLedger; stripe: StripeApiDouble; paypal: PaypalApiDouble };
  /** Stops the store's timers. */
  close(): void;
}

const JSON_SUFFIX = /\.json$/i;

const SEED_COUPON_CODES: ReadonlySet<string> = new Set(SEED_COUPONS.map((coupon) => coupon.code.toUpperCase()));

/** `26.json` → 26; anything that is not a positive integer id → undefined. */
function parseId(raw: string): number | undefined {
  const match = /^(\d{1,15})(?:\.json)?$/i.exec(raw);
  return match ? Number(match[1]) : undefined;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The API key from an `Authorization: Basic base64(KEY:anything)` header. */
function basicUser(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? decoded : decoded.slice(0, colon);
}

/** Creates the sandbox: a Hono app with the private API, the public permalink endpoints and the hosted page. */
export function createSandboxApp(options: SandboxOptions = {}): SandboxApp {
  const apiKey = options.apiKey ?? process.env.QUADERNO_API_KEY ?? 'sk_test_sandbox';
  const apiKeyDigest = sha256(apiKey);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const scriptUrl = options.scriptUrl ?? DEFAULT_SCRIPT_URL;
  const configuredOrigin = options.publicOrigin;
  // why: never the Host header of a running server: a caller could otherwise have permalinks point at their own site.
  const publicOrigin = () =>
    (typeof configuredOrigin === 'function' ? configuredOrigin() : configuredOrigin)?.replace(/\/+$/, '') || undefined;
  const store = new SandboxStore({
    abandonAfterMs: options.abandonAfterMs,
    processingDelayMs: options.processingDelayMs,
    seed: options.seed,
    tax: options.tax,
    processors: options.processors,
  });
  const bundler = new ScriptBundler();
  const log =
    options.log === true ? (line: string) => console.log(line) : typeof options.log === 'function' ? options.log : undefined;

  const app = new Hono({ strict: false });
  const originOf = (c: Context) => publicOrigin() ?? new URL(c.req.url).origin;
  const sessionJson = (c: Context, session: Parameters<SandboxStore['toJSON']>[0], status: 200 | 201 | 202 = 200) =>
    c.json(store.toJSON(session, originOf(c)), status);
  const publicJson = (c: Context, session: Parameters<SandboxStore['toJSON']>[0], status: 200 | 202 = 200) =>
    c.json(store.publicJSON(session, originOf(c)), status);
  const body = (c: Context) => readBody(c.req.raw, maxBodyBytes);

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log?.(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - started).toFixed(1)}ms`);
  });

  app.onError((error, c) => {
    if (error instanceof SandboxError) return c.json(error.body, error.status);
    // why: only a bug in the sandbox gets here; bad input is always a SandboxError with a 4xx.
    console.error('[sandbox] internal error:', error);
    return c.json({ code: 'internal', error: 'Internal sandbox error' }, 500);
  });

  app.notFound((c) => c.json({ code: 'capability_unsupported', error: `No route for ${c.req.method} ${c.req.path}` }, 404));

  // ---- private API: HTTP Basic, the API key as the user name -----------------------------------------------

  /** Whether the request carries the API key (HTTP Basic, the key as the user name). */
  const hasKey = (c: Context) => {
    const user = basicUser(c.req.header('authorization'));
    return user !== undefined && timingSafeEqual(sha256(user), apiKeyDigest);
  };

  /** Throws a 401 (with the Basic challenge) unless the request carries the API key. */
  const requireKey = (c: Context) => {
    if (hasKey(c)) return;
    const user = basicUser(c.req.header('authorization'));
    c.header('WWW-Authenticate', 'Basic realm="Quaderno sandbox"');
    throw new SandboxError(401, {
      code: 'unauthorized',
      error: user === undefined ? 'Authentication required: use HTTP Basic with your API key as the user name' : 'Invalid API key',
    });
  };

  app.use('/api/*', async (c, next) => {
    requireKey(c);
    await next();
  });

  // The official clients' connection test (QuadernoBase::ping() in PHP): an authenticated 200, as Quaderno answers.
  app.get('/api/ping', (c) => c.json({ status: 'OK' }));
  app.get('/api/ping.json', (c) => c.json({ status: 'OK' }));

  // Both the recorded plural and the seed document's singular spelling, each with or without `.json`.
  const collections = ['/api/checkout/sessions', '/api/checkout/sessions.json', '/api/checkout/session', '/api/checkout/session.json'];
  const members = ['/api/checkout/sessions/:id', '/api/checkout/session/:id'];

  app.on('GET', collections, (c) => {
    const status = c.req.query('status');
    if (status && !(STATUSES as readonly string[]).includes(status)) {
      throw new SandboxError(422, { errors: { status: [`must be one of ${STATUSES.join(', ')}`] } });
    }
    const origin = originOf(c);
    return c.json(store.listSessions((status || undefined) as SessionStatus | undefined).map((s) => store.toJSON(s, origin)));
  });

  app.on('POST', collections, async (c) => sessionJson(c, store.createSession(await body(c)), 201));

  const memberId = (c: Context) => {
    const id = parseId(c.req.param('id') ?? '');
    if (id === undefined) throw notFound('Session');
    return id;
  };

  app.on('GET', members, (c) => {
    const session = store.getSession(memberId(c));
    if (!session) throw notFound('Session');
    return sessionJson(c, session);
  });

  app.on(['PUT', 'PATCH'], members, async (c) => {
    const id = memberId(c);
    if (!store.getSession(id)) throw notFound('Session');
    const input = await body(c);
    return sessionJson(c, store.updateSession(id, input));
  });

  app.on('DELETE', members, (c) => {
    store.deleteSession(memberId(c));
    return c.body(null, 204);
  });

  // Coupons, in Quaderno's shape.
  const couponCollections = ['/api/checkout/coupons', '/api/checkout/coupons.json'];
  app.on('GET', couponCollections, (c) => c.json(store.listCoupons().map((coupon) => store.couponJSON(coupon))));
  app.on('POST', couponCollections, async (c) => c.json(store.couponJSON(store.createCoupon(await body(c))), 201));
  const couponCode = (c: Context) => (c.req.param('code') ?? '').replace(JSON_SUFFIX, '');
  app.get('/api/checkout/coupons/:code', (c) => {
    const coupon = store.getCoupon(couponCode(c));
    if (!coupon) throw notFound('Coupon');
    return c.json(store.couponJSON(coupon));
  });
  app.delete('/api/checkout/coupons/:code', (c) => {
    store.deleteCoupon(couponCode(c));
    return c.body(null, 204);
  });

  // ---- public endpoints, keyed by the permalink's token: no key, CORS for any origin -------------------------

  const publicCors = cors({
    origin: '*',
    allowMethods: ['GET', 'PUT', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept'],
    // why: Retry-After is not a CORS-safelisted response header; without this a cross-origin 429's wait is unreadable.
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  app.use('/checkout/*', publicCors);
  app.use('/sandbox/*', publicCors);
  const faults = options.faults ? new FaultSchedule() : undefined;
  // why: after CORS, so an injected error still reaches the page as that error and not as a CORS failure.
  if (faults) app.use('/checkout/*', faultMiddleware(faults));
  // why: before the generic `:token/:action` POST below, which answers 404 to any other action.
  // why before the processors: the browser PayPal double's window approves this double's orders at a path of theirs.
  const paypalApi = mountPaypalApi(app, body);
  // why before the simulated Stripe: the Stripe.js double's card frame confirms the merchant server's intents there too.
  const stripeDouble = new StripeApiDouble();
  mountStripeBrowserFace(app, body, stripeDouble);
  const processors = mountProcessors(app, store, body);

  app.get('/checkout/session/:token', async (c) => {
    const raw = c.req.param('token');
    if (JSON_SUFFIX.test(raw)) {
      const session = store.getByToken(raw.replace(JSON_SUFFIX, ''));
      if (!session) throw notFound('Session');
      return publicJson(c, session);
    }
    return hostedPage(c, raw);
  });

  app.put('/checkout/session/:token', async (c) => {
    const token = c.req.param('token').replace(JSON_SUFFIX, '');
    if (!store.getByToken(token)) throw notFound('Session');
    const input = await body(c);
    return publicJson(c, store.publicUpdate(token, input));
  });

  // Sandbox-only payment simulation: NOT part of Quaderno's API (see src/sandbox/README.md).
  app.post('/checkout/session/:token/:action', async (c) => {
    const token = c.req.param('token');
    const action = c.req.param('action').replace(JSON_SUFFIX, '');
    if (!store.getByToken(token) || !['pay', 'cancel', 'retry'].includes(action)) throw notFound('Session');
    if (action === 'cancel') return publicJson(c, store.cancel(token));
    if (action === 'retry') return publicJson(c, store.retry(token));
    const input = await body(c);
    return publicJson(c, store.pay(token, input), 202);
  });

  async function hostedPage(c: Context, token: string) {
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    // why: the permalink's token is a bearer credential; don't leak it through Referer to other sites.
    c.header('Referrer-Policy', 'same-origin');
    const session = store.getByToken(token);
    if (!session) return c.html(messagePage('Checkout not found', 'There is no checkout session at this address.'), 404);
    if (scriptUrl === DEFAULT_SCRIPT_URL) {
      const script = await bundler.get();
      if (!script.ok) {
        return c.html(messagePage('Checkout unavailable', `The checkout script could not be built. ${script.error}`), 503);
      }
    }
    // why: the page holds a bearer token and a pay button; no other site may frame it (clickjacking). Merchants embed
    // the element itself, never this page. X-Frame-Options says the same to browsers without CSP level 2.
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Security-Policy', pageCsp(scriptUrl, originOf(c)));
    const title = typeof session.metadata.label === 'string' ? session.metadata.label : `Session ${session.id}`;
    return c.html(
      checkoutPage({ permalink: store.toJSON(session, originOf(c)).permalink as string, scriptUrl, locale: c.req.query('locale'), title }),
    );
  }

  // The element's script, and the locale chunks of a built dist/ next to it.
  app.get('/:file{quaderno-checkout(?:-[\\w-]+)?\\.js}', async (c) => {
    const script = await bundler.get(c.req.param('file'));
    c.header('Cache-Control', 'no-cache');
    if (!script.ok) return c.text(`/* ${script.error.replace(/\*\//g, '* /')} */\n`, 503);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(script.code);
  });

  // ---- sandbox-only helpers for demos and tests (no key; NOT part of Quaderno's API) -------------------------

  const sandboxSessions = ['/sandbox/sessions', '/sandbox/sessions.json'];
  app.on('GET', sandboxSessions, (c) => {
    const origin = originOf(c);
    return c.json(
      store.seedSessions().map((s) => ({
        id: s.id,
        label: s.metadata.label,
        status: s.status,
        permalink: store.toJSON(s, origin).permalink,
        locale: s.locale,
        currency: s.items[0]?.currency ?? null,
        billing_details_collection: s.billing_details_collection,
        payment_methods: s.payment_methods,
        coupon_collection: s.coupon_collection,
      })),
    );
  });

  app.on('POST', sandboxSessions, async (c) => {
    const input = (await body(c)) as { from?: unknown };
    const from = typeof input === 'object' && input !== null ? input.from : undefined;
    if (typeof from !== 'number' || !Number.isSafeInteger(from)) {
      throw new SandboxError(422, { errors: { from: ['must be the id of a session to copy'] } });
    }
    // why: a session's id is sequential; keyless copies of any id would hand its customer, metadata and custom
    // to anyone through the copy's permalink. The seeded demo sessions are public already (listed above).
    if (!store.seedSessions().some((seed) => seed.id === from)) requireKey(c);
    const copy = store.copySession(from);
    return c.json({ id: copy.id, status: copy.status, permalink: store.toJSON(copy, originOf(c)).permalink }, 201);
  });

  // why: a coupon code is a discount anyone may apply; without the key only the seeded demo codes are listed,
  // so a merchant's own codes stay behind the key (GET /api/checkout/coupons.json).
  app.on('GET', ['/sandbox/coupons', '/sandbox/coupons.json'], (c) => {
    const all = hasKey(c);
    const listed = store.listCoupons().filter((coupon) => all || SEED_COUPON_CODES.has(coupon.code.toUpperCase()));
    return c.json(listed.map((coupon) => ({ code: coupon.code, name: coupon.name, valid: store.couponJSON(coupon).valid })));
  });

  /**
   * Whether a browser sent this from another site's page. Sec-Fetch-Site says so in current browsers, Origin in older
   * ones; a tool such as curl sends neither.
   */
  const fromAnotherSite = (c: Context) => {
    const site = c.req.header('sec-fetch-site');
    if (site) return site !== 'same-origin' && site !== 'none';
    const origin = c.req.header('origin');
    return origin !== undefined && origin !== originOf(c);
  };

  /**
   * Guards a dev endpoint that changes the sandbox. why: a bodiless or form POST is CORS-simple, so any page the
   * developer visits could send one; the demo's own page, curl and a caller with the key may.
   */
  const sameSiteOrKey: MiddlewareHandler = async (c, next) => {
    if (fromAnotherSite(c)) requireKey(c);
    await next();
  };
  // why before mountTaxRoutes: middleware runs in registration order, ahead of the settings' own routes.
  app.on(['PUT', 'PATCH', 'POST', 'DELETE'], ['/sandbox/tax-settings', '/sandbox/tax-settings.json'], sameSiteOrKey);

  app.on('POST', ['/sandbox/reset', '/sandbox/reset.json'], sameSiteOrKey, (c) => {
    // why no tax line: the store keeps the tax settings, and its reset returns them to the start too.
    store.reset();
    merchant.transactions.clear();
    merchant.stripe.clear();
    merchant.paypal.clear();
    return c.body(null, 204);
  });

  const tax = mountTaxRoutes(app, store);
  const merchant = { transactions: mountTransactions(app, body, originOf), stripe: mountStripeApi(app, body, stripeDouble), paypal: paypalApi };

  return { app, store, faults, tax, processors, merchant, close: () => store.close() };
}
