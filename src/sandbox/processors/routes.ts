// The sandbox's server side of the real processors (Stripe and PayPal):
// - `POST <permalink>/payment.json` (the checkout protocol's payment start), and
// - the simulated Stripe and PayPal APIs that their SDK test doubles call (`/doubles/stripe/v1/…`,
//   `/doubles/paypal/v2/…`). Neither simulated API is part of Quaderno's; see src/sandbox/doubles/README.md.
import type { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { PROCESSOR_OF_METHOD, type PaymentStartResponse } from '../../protocol/payments.js';
import { paymentStartRequest } from '../../protocol/requests.js';
import { fragment, REDIRECT_METHODS, type BankPageConfig } from '../doubles/messages.js';
import { mountDoubles } from '../doubles/routes.js';
import { invalid, notFound, parseOptions, validationErrors } from '../errors.js';
import type { SandboxStore } from '../store/index.js';
import type { ProcessorReport } from '../store/open-payment.js';
import { PaypalSimulator } from './paypal.js';
import { intentJSON, StripeSimulator, type StripeAnswer } from './stripe.js';

export interface SandboxProcessors {
  stripe: StripeSimulator;
  paypal: PaypalSimulator;
  /**
   * The origin the SDK doubles draw their frames on: another port of the sandbox (set by `startSandbox`), so the
   * merchant page cannot read what is typed in them. Unset, frames use the request's own origin.
   */
  frameOrigin?: string;
}

const confirmBody = z.union([
  z.object({
    client_secret: z.string().check(z.maxLength(200)),
    card: z.object({
      number: z.string().check(z.maxLength(40)),
      expiry: z.string().check(z.maxLength(10)),
      cvc: z.string().check(z.maxLength(10)),
    }),
  }),
  z.object({
    client_secret: z.string().check(z.maxLength(200)),
    payment_method_type: z.enum(REDIRECT_METHODS),
    return_url: z.optional(z.string().check(z.maxLength(2000))),
  }),
]);
const authenticateBody = z.object({ client_secret: z.string().check(z.maxLength(200)), passed: z.boolean() });

function parse<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, parseOptions);
  if (!parsed.success) throw invalid(validationErrors(parsed.error));
  return parsed.data;
}

/** Mounts the payment start, the simulated processor APIs and the SDK doubles. Call before the generic POST route. */
export function mountProcessors(
  app: Hono,
  store: SandboxStore,
  readBody: (c: Context) => Promise<unknown>,
): SandboxProcessors {
  // why: the store's keys, the same ones the session JSON carries (`processor_public_keys`).
  const keys = store.processorKeys;
  // why: a settled payment reaches the session the way a webhook would, and the session answers whether it takes a
  // capture: only its open payment record, for exactly its amount. A refused capture is not captured at all.
  const report = (token: string, report: ProcessorReport) => store.settleProcessorPayment(token, report);
  const processors: SandboxProcessors = {
    stripe: new StripeSimulator(keys.stripe, (intent, result) =>
      report(intent.token, { processor: 'stripe', processor_id: intent.id, amount: intent.amount, currency: intent.currency, result }),
    ),
    paypal: new PaypalSimulator(keys.paypal, (order) =>
      report(order.token, { processor: 'paypal', processor_id: order.id, amount: order.amount, currency: order.currency, result: 'succeeded' }),
    ),
  };
  store.payments.processors = {
    void: ({ processor, processor_id }) => (processor === 'stripe' ? processors.stripe.cancel(processor_id) : processors.paypal.void(processor_id)),
    voidAllBut: (token, keep) => {
      processors.stripe.cancelAllBut(token, keep?.processor === 'stripe' ? keep.processor_id : null);
      processors.paypal.voidAllBut(token, keep?.processor === 'paypal' ? keep.processor_id : null);
    },
  };

  app.post('/checkout/session/:token/payment.json', start);
  app.post('/checkout/session/:token/payment', start);

  /**
   * The payment start: the confirmed `total` is required and must be the server's (`payment_total_changed`
   * otherwise, nothing started); the intent or order is for exactly that total, and its record is the session's one
   * open payment (store/open-payment.ts).
   */
  async function start(c: Context) {
    const token = c.req.param('token') ?? '';
    if (!store.getByToken(token)) throw notFound('Session');
    const request = parse(paymentStartRequest, await readBody(c));
    const record = store.startProcessorPayment(token, request, (amount, currency, current) =>
      PROCESSOR_OF_METHOD[request.method] === 'stripe'
        ? { processor: 'stripe', processor_id: processors.stripe.intentFor(token, amount, currency, current?.processor === 'stripe' ? current.processor_id : undefined).id }
        : { processor: 'paypal', processor_id: processors.paypal.createOrder(token, amount, currency).id },
    );
    const { amount, currency } = { amount: record.total, currency: record.currency };
    let answer: PaymentStartResponse;
    if (record.processor === 'stripe') {
      const intent = processors.stripe.intent(record.processor_id)!;
      answer = {
        processor: 'stripe',
        processor_id: intent.id,
        publishable_key: processors.stripe.publishableKey,
        client_secret: intent.client_secret,
        amount,
        currency,
      };
    } else {
      answer = { processor: 'paypal', processor_id: record.processor_id, client_id: processors.paypal.clientId, order_id: record.processor_id, amount, currency };
    }
    return c.json(answer, 201);
  }

  // ---- the simulated processors' own APIs, called by the doubles (CORS like the real ones) -------------------

  app.use('/doubles/*', cors({ origin: '*', allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'] }));

  const stripeJson = (c: Context, answer: StripeAnswer) =>
    answer.status === 200
      ? c.json({ ...intentJSON(answer.intent), next_action: answer.next_action ?? null })
      : c.json({ error: answer.error }, answer.status);

  app.get('/doubles/stripe/v1/payment_intents/:id', (c) => stripeJson(c, processors.stripe.retrieve(c.req.query('client_secret') ?? '')));
  app.post('/doubles/stripe/v1/payment_intents/:id/confirm', async (c) => {
    const body = parse(confirmBody, await readBody(c));
    const method = 'card' in body ? { type: 'card' as const, card: body.card } : { type: body.payment_method_type, returnUrl: body.return_url };
    // why: the bank page is on the frames' origin, where the card frame that confirms is served (the page's other port).
    const bankPage = (config: BankPageConfig) => `${new URL(c.req.url).origin}/doubles/stripe/bank${fragment(config)}`;
    return stripeJson(c, processors.stripe.confirm(body.client_secret, method, bankPage));
  });
  app.post('/doubles/stripe/v1/payment_intents/:id/authenticate', async (c) => {
    const body = parse(authenticateBody, await readBody(c));
    return stripeJson(c, processors.stripe.authenticate(body.client_secret, body.passed));
  });

  // why: tests (and a curious developer) check over HTTP which orders a session caused, e.g. none before a click.
  // Simulation only: PayPal's API has no listing by session. The permalink token is what the holder already has.
  app.get('/doubles/paypal/v2/checkout/orders', (c) => {
    const token = c.req.query('session') ?? '';
    if (!store.getByToken(token)) throw notFound('Session');
    const orders = processors.paypal.ordersOf(token).map(({ id, status, amount, currency }) => ({ id, status, amount, currency }));
    return c.json({ orders });
  });

  app.post('/doubles/paypal/v2/checkout/orders/:id/:action', (c) => {
    const action = c.req.param('action');
    if (action !== 'approve' && action !== 'cancel') throw notFound('Action');
    const answer = action === 'approve' ? processors.paypal.approve(c.req.param('id')) : processors.paypal.cancel(c.req.param('id'));
    if (answer.status !== 200) return c.json(answer.error, answer.status);
    const { order } = answer;
    return c.json({ id: order.id, status: order.status, payer: { payer_id: answer.payer_id ?? null } });
  });

  mountDoubles(app, () => processors.frameOrigin);
  return processors;
}
