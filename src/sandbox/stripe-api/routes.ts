// TEST DOUBLE: the HTTP face of the Stripe API double (double.ts) on the sandbox's own port, at Stripe's paths
// (`/v1/…`), so the official `stripe` SDK configured with `host`/`port`/`protocol: 'http'` talks to it unchanged.
// `POST /sandbox/stripe/events/:id/deliver` is the double's own (what `stripe events resend` does from Stripe's CLI).
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { SandboxError } from '../errors.js';
import { eventJSON, intentJSON, chargeJSON, refundJSON, STRIPE_DOUBLE_SECRET_KEY, StripeApiDouble, StripeDoubleError } from './double.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** `expand[0]=latest_charge` / `expand[]=latest_charge`, from a query or a form body. */
function expandOf(c: Context, body: Record<string, unknown> = {}): string[] {
  const fromQuery = [...new URL(c.req.url).searchParams].filter(([key]) => /^expand(\[\d*\])?$/.test(key)).map(([, value]) => value);
  const fromBody = body.expand;
  return [...fromQuery, ...(Array.isArray(fromBody) ? fromBody : fromBody && typeof fromBody === 'object' ? Object.values(fromBody) : [])].map(String);
}

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
const record = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : undefined;
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : value && typeof value === 'object' ? Object.values(value).map(String) : []);

/** Mounts the double's routes; call before anything that would answer `/v1/*`. */
export function mountStripeApi(app: Hono, readBody: (c: Context) => Promise<unknown>, double = new StripeApiDouble()): StripeApiDouble {
  const key = digest(STRIPE_DOUBLE_SECRET_KEY);
  const authorize = (c: Context) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!bearer || !timingSafeEqual(digest(bearer), key)) {
      throw new StripeDoubleError(401, { type: 'invalid_request_error', message: 'Invalid API Key provided' });
    }
  };
  const body = async (c: Context) => {
    const value = await readBody(c);
    return (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  };
  const handle =
    (work: (c: Context) => Promise<unknown> | unknown) =>
    async (c: Context): Promise<Response> => {
      try {
        authorize(c);
        return c.json(await work(c));
      } catch (error) {
        if (error instanceof StripeDoubleError) return c.json({ error: error.body }, error.status);
        // why: the sandbox's body parser refuses bad bodies with its own 4xx; Stripe says invalid_request_error.
        if (error instanceof SandboxError) return c.json({ error: { type: 'invalid_request_error', message: error.message } }, 400);
        throw error;
      }
    };
  const amount = (value: unknown) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new StripeDoubleError(400, { type: 'invalid_request_error', message: 'Invalid integer: amount', param: 'amount' });
    return n;
  };

  app.post(
    '/v1/payment_intents',
    handle(async (c) => {
      const input = await body(c);
      const currency = str(input.currency);
      if (!currency || !/^[a-z]{3}$/i.test(currency)) {
        throw new StripeDoubleError(400, { type: 'invalid_request_error', message: 'Missing required param: currency.', param: 'currency' });
      }
      const intent = double.create(
        { amount: amount(input.amount), currency, metadata: record(input.metadata), description: str(input.description) },
        c.req.header('idempotency-key'),
      );
      return intentJSON(intent, double, expandOf(c, input));
    }),
  );
  app.get('/v1/payment_intents/:id', handle((c) => intentJSON(double.get(c.req.param('id') ?? ''), double, expandOf(c))));
  app.post(
    '/v1/payment_intents/:id',
    handle(async (c) => {
      const input = await body(c);
      const intent = double.update(c.req.param('id') ?? '', { amount: input.amount === undefined ? undefined : amount(input.amount), metadata: record(input.metadata) });
      return intentJSON(intent, double, expandOf(c, input));
    }),
  );
  app.post(
    '/v1/payment_intents/:id/confirm',
    handle(async (c) => {
      const input = await body(c);
      const intent = double.confirm(c.req.param('id') ?? '', str(input.payment_method) ?? 'pm_card_visa');
      return intentJSON(intent, double, expandOf(c, input));
    }),
  );
  app.post('/v1/payment_intents/:id/cancel', handle((c) => intentJSON(double.cancel(c.req.param('id') ?? ''), double)));
  app.post(
    '/v1/refunds',
    handle(async (c) => {
      const input = await body(c);
      const refund = double.refund(
        { payment_intent: str(input.payment_intent), charge: str(input.charge), amount: input.amount === undefined ? undefined : amount(input.amount), metadata: record(input.metadata) },
        c.req.header('idempotency-key'),
      );
      return refundJSON(refund);
    }),
  );
  app.get(
    '/v1/refunds',
    handle((c) => {
      const intent = c.req.query('payment_intent');
      const data = [...double.refunds.values()].filter((r) => !intent || r.payment_intent === intent).reverse().map(refundJSON);
      return { object: 'list', url: '/v1/refunds', has_more: false, data };
    }),
  );
  app.get('/v1/charges/:id', handle((c) => chargeJSON(double.charge(c.req.param('id') ?? ''))));
  app.post(
    '/v1/webhook_endpoints',
    handle(async (c) => {
      const input = await body(c);
      const url = str(input.url);
      if (!url || !/^https?:\/\//.test(url)) throw new StripeDoubleError(400, { type: 'invalid_request_error', message: 'Invalid URL', param: 'url' });
      const endpoint = double.addEndpoint(url, list(input.enabled_events));
      return { object: 'webhook_endpoint', status: 'enabled', livemode: false, ...endpoint };
    }),
  );
  app.get(
    '/v1/events',
    handle((c) => {
      const type = c.req.query('type');
      const data = double.events.filter((event) => !type || event.type === type).reverse().map(eventJSON);
      return { object: 'list', url: '/v1/events', has_more: false, data };
    }),
  );
  app.get('/v1/events/:id', handle((c) => eventJSON(double.event(c.req.param('id') ?? ''))));
  // The double's own switch: tests that drive every delivery themselves turn the automatic one off.
  app.post(
    '/sandbox/stripe/settings',
    handle(async (c) => {
      const input = await body(c);
      if (input.auto_deliver !== undefined) double.autoDeliver = input.auto_deliver === true || input.auto_deliver === 'true';
      return { auto_deliver: double.autoDeliver };
    }),
  );
  // The double's own: the money of a delayed method's `processing` intent arrives.
  app.post('/sandbox/stripe/payment_intents/:id/settle', handle((c) => intentJSON(double.settle(c.req.param('id') ?? ''), double)));
  app.post('/sandbox/stripe/events/:id/deliver', handle(async (c) => ({ statuses: await double.deliver(c.req.param('id') ?? '') })));
  return double;
}
