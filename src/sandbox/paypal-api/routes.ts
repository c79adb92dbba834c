// TEST DOUBLE: the HTTP face of the PayPal API double (double.ts) on the sandbox's own port, at PayPal's REST paths
// (`/v1/oauth2/token`, `/v2/checkout/orders…`, `/v2/payments/captures/{id}/refund`, `/v1/notifications/…`), so a
// merchant handler given `paypalApiUrl: <sandbox origin>` talks to it as to PayPal. The double's own, under
// `/sandbox/paypal/…`: the buyer's approval (PayPal's window, which has no API), the automatic delivery switch and a
// delivery on demand (as PayPal's "resend event"). The browser PayPal SDK double's window approves through
// `/doubles/paypal/v2/checkout/orders/{id}/approve`: for an order of this double, that path lands here.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, Next } from 'hono';
import { SandboxError } from '../errors.js';
import { PAYPAL_DOUBLE_CLIENT_ID, PAYPAL_DOUBLE_CLIENT_SECRET, PaypalApiDouble, PaypalDoubleError } from './double.js';

const digest = (value: string) => createHash('sha256').update(value).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
const unauthorized = () =>
  new PaypalDoubleError(401, { name: 'AUTHENTICATION_FAILURE', message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.' });

/** Mounts the double's routes; call before the sandbox's own `/doubles/paypal/v2/…` routes. */
export function mountPaypalApi(app: Hono, readBody: (c: Context) => Promise<unknown>, double = new PaypalApiDouble()): PaypalApiDouble {
  const body = async (c: Context) => {
    const value = await readBody(c);
    return (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  };
  const answer =
    (work: (c: Context) => Promise<unknown> | unknown, options: { status?: 200 | 201; bearer?: boolean } = {}) =>
    async (c: Context): Promise<Response> => {
      try {
        if (options.bearer !== false) {
          const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
          if (!bearer || !double.authorized(bearer)) throw unauthorized();
        }
        return c.json(await work(c), options.status ?? 200);
      } catch (error) {
        if (error instanceof PaypalDoubleError) return c.json(error.body, error.status);
        // why: the sandbox's body parser refuses bad bodies with its own 4xx; PayPal says INVALID_REQUEST.
        if (error instanceof SandboxError) return c.json({ name: 'INVALID_REQUEST', message: error.message }, 400);
        throw error;
      }
    };
  const requestId = (c: Context) => c.req.header('paypal-request-id');
  const param = (c: Context) => c.req.param('id') ?? '';

  app.post(
    '/v1/oauth2/token',
    answer(
      async (c) => {
        const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
        const [clientId = '', secret = ''] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
        const input = await body(c);
        if (input.grant_type !== 'client_credentials') throw new PaypalDoubleError(400, { name: 'unsupported_grant_type', message: 'Grant Type is NULL' });
        if (!same(clientId, PAYPAL_DOUBLE_CLIENT_ID) || !same(secret, PAYPAL_DOUBLE_CLIENT_SECRET)) throw new PaypalDoubleError(401, { name: 'invalid_client', message: 'Client Authentication failed' });
        return double.token(clientId, secret);
      },
      { bearer: false },
    ),
  );
  app.post(
    '/v2/checkout/orders',
    answer(async (c) => {
      const input = await body(c);
      return double.idempotent('create', requestId(c), () => double.createOrder(input));
    }, { status: 201 }),
  );
  app.get('/v2/checkout/orders/:id', answer((c) => double.orderJSON(param(c))));
  app.patch(
    '/v2/checkout/orders/:id',
    answer(async (c) => {
      double.patch(param(c), await readBody(c));
      return {};
    }),
  );
  app.post(
    '/v2/checkout/orders/:id/capture',
    answer((c) => double.idempotent(`capture:${param(c)}`, requestId(c), () => double.capture(param(c))), { status: 201 }),
  );
  app.post(
    '/v2/payments/captures/:id/refund',
    answer((c) => double.idempotent(`refund:${param(c)}`, requestId(c), () => double.refund(param(c))), { status: 201 }),
  );
  app.get(
    '/v2/payments/captures/:id',
    answer((c) => {
      const capture = double.captures.get(param(c));
      if (!capture) throw new PaypalDoubleError(404, { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' });
      const { order_id: _order, ...fields } = capture;
      return fields;
    }),
  );
  app.post(
    '/v1/notifications/webhooks',
    answer(async (c) => {
      const input = await body(c);
      const url = typeof input.url === 'string' ? input.url : '';
      if (!/^https?:\/\//.test(url)) throw new PaypalDoubleError(400, { name: 'INVALID_REQUEST', message: 'Invalid URL', details: [{ issue: 'INVALID_PARAMETER_SYNTAX', field: 'url' }] });
      const types = Array.isArray(input.event_types) ? (input.event_types as Array<{ name?: unknown }>).map((t) => ({ name: String(t?.name ?? '') })) : [];
      return double.addWebhook(url, types);
    }, { status: 201 }),
  );
  app.get(
    '/v1/notifications/webhooks-events',
    answer((c) => {
      const type = c.req.query('event_type');
      return { events: double.events.filter((event) => !type || event.event_type === type).reverse(), count: double.events.length };
    }),
  );
  app.get('/v1/notifications/webhooks-events/:id', answer((c) => double.event(param(c))));
  app.post(
    '/v1/notifications/verify-webhook-signature',
    answer(async (c) => ({ verification_status: double.verify(await body(c)) })),
  );

  // The double's own: the buyer's approval, keyless as a buyer's PayPal login is nothing the merchant holds.
  app.post(
    '/sandbox/paypal/orders/:id/approve',
    answer(
      async (c) => {
        const input = await body(c);
        return double.approve(param(c), input.funding === 'declined' || input.funding === 'pending' ? input.funding : 'ok', typeof input.country === 'string' ? input.country : undefined);
      },
      { bearer: false },
    ),
  );
  // why here: the browser PayPal SDK double's window approves or cancels at this path; an order of this double is
  // answered here, any other falls through to the sandbox's simulated PayPal.
  app.post('/doubles/paypal/v2/checkout/orders/:id/:action', async (c: Context, next: Next) => {
    const action = c.req.param('action');
    const order = double.orders.get(param(c));
    if (!order || (action !== 'approve' && action !== 'cancel')) return next();
    try {
      // A cancel changes nothing at PayPal: the order stays CREATED until it expires.
      const approved = action === 'approve' ? double.approve(order.id, double.approvalsDecline ? 'declined' : 'ok') : double.orderJSON(order.id);
      return c.json({ id: approved.id, status: approved.status, payer: { payer_id: approved.payer?.payer_id ?? null } });
    } catch (error) {
      if (error instanceof PaypalDoubleError) return c.json(error.body, error.status);
      throw error;
    }
  });
  app.post(
    '/sandbox/paypal/settings',
    answer(async (c) => {
      const input = await body(c);
      const on = (value: unknown) => value === true || value === 'true';
      if (input.auto_deliver !== undefined) double.autoDeliver = on(input.auto_deliver);
      if (input.approvals_decline !== undefined) double.approvalsDecline = on(input.approvals_decline);
      return { auto_deliver: double.autoDeliver, approvals_decline: double.approvalsDecline };
    }),
  );
  app.post('/sandbox/paypal/captures/:id/complete', answer(async (c) => double.completeCapture(param(c))));
  app.post('/sandbox/paypal/captures/:id/deny', answer(async (c) => double.denyCapture(param(c))));
  app.post('/sandbox/paypal/events/:id/deliver', answer(async (c) => ({ statuses: await double.deliver(param(c)) })));
  return double;
}
