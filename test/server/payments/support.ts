// The in-page payment rig: the real sandbox as Quaderno and as the merchant's Stripe account (its Stripe API test
// double, reached by the official SDK), and the handler served on its own loopback origin with the webhook
// endpoint registered through the SDK, as a merchant registers theirs. `restart()` swaps in a new handler instance
// on the same payment store, as a redeploy does.
import { createServer } from 'node:net';
import Stripe from 'stripe';
import { STRIPE_DOUBLE_SECRET_KEY } from '../../../src/sandbox/stripe-api/double.js';
import { createCheckoutHandler, type CheckoutHandler, type CheckoutHandlerOptions } from '../../../src/server/index.js';
import { MemoryPaymentStore } from '../../../src/server/payments/store.js';
import { API_KEY, browser, createSession, SECRET, serveFetch, startQuaderno, type Quaderno } from '../support.js';

export const PUBLISHABLE_KEY = 'pk_test_merchant';

export interface InPageRig {
  quaderno: Quaderno;
  stripe: Stripe;
  url: string;
  webhookSecret: string;
  store: MemoryPaymentStore;
  errors: unknown[];
  logs: string[];
  handler(): CheckoutHandler;
  /** A new handler instance on the same store (the old one is dropped mid-flight). */
  restart(): void;
  /** Another handler instance on the same store beside the served one (a second serverless instance), with more options. */
  instance(more?: Partial<CheckoutHandlerOptions>): CheckoutHandler;
  permalink(id: number | string): string;
  /** A pending card session whose customer is in France (20 % VAT in the sandbox's default settings). */
  session(extra?: Record<string, unknown>): { id: number };
  /** The total the handler shows for a session. */
  total(id: number): Promise<number>;
  /** The invoices the sandbox issued for a processor id (the charge's). */
  invoices(): Promise<Array<Record<string, any>>>;
  close(): Promise<void>;
}

export function sdkFor(url: string): Stripe {
  const { hostname, port } = new URL(url);
  return new Stripe(STRIPE_DOUBLE_SECRET_KEY, { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 });
}

/** More handler options, or a function that makes them once the handler's origin is known (to register a webhook). */
export type RigOptions = Partial<CheckoutHandlerOptions> | ((at: { url: string; quaderno: Quaderno }) => Promise<Partial<CheckoutHandlerOptions>>);

export async function startInPage(rigOptions: RigOptions = {}, autoDeliver = true): Promise<InPageRig> {
  const quaderno = await startQuaderno();
  const stripe = sdkFor(quaderno.url);
  let current: CheckoutHandler | undefined;
  const served = await serveFetch((request) => current!(request));
  const options = typeof rigOptions === 'function' ? await rigOptions({ url: served.url, quaderno }) : rigOptions;
  const endpoint = await stripe.webhookEndpoints.create({ url: `${served.url}/checkout/webhooks/stripe`, enabled_events: ['payment_intent.succeeded', 'payment_intent.payment_failed'] });
  const store = new MemoryPaymentStore();
  const errors: unknown[] = [];
  const logs: string[] = [];
  const make = (more: Partial<CheckoutHandlerOptions> = {}) =>
    createCheckoutHandler({
      apiUrl: quaderno.url,
      apiKey: API_KEY,
      secret: SECRET,
      onError: (error) => errors.push(error),
      stripePublishableKey: PUBLISHABLE_KEY,
      stripeSecretKey: STRIPE_DOUBLE_SECRET_KEY,
      stripeWebhookSecret: endpoint.secret!,
      stripeApiUrl: quaderno.url,
      paymentStore: store,
      clientIp: (request) => request.headers.get('x-test-client-ip') ?? undefined,
      log: (line) => logs.push(line),
      fetch: quaderno.fetch,
      // why: the suites share two cores with others; a create timing out is the ambiguous case the recorder then
      // waits out for a minute, which no test wants to sit through by accident.
      timeoutMs: 30_000,
      ...options,
      ...more,
    });
  current = make();
  if (!autoDeliver) await setAutoDeliver(quaderno.url, false);
  return {
    quaderno,
    stripe,
    url: served.url,
    webhookSecret: endpoint.secret!,
    store,
    errors,
    logs,
    handler: () => current!,
    restart: () => {
      current = make();
    },
    instance: make,
    permalink: (id) => current!.permalinkFor(id, served.url),
    session: (extra = {}) =>
      createSession(quaderno.sandbox, {
        payment_methods: ['card'],
        coupon_collection: false,
        customer: { billing_country: 'FR', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
        ...extra,
      }),
    total: async (id) => {
      const reply = await browser(`${current!.permalinkFor(id, served.url)}.json`);
      return (reply.json as { tax: { total: number } }).tax.total;
    },
    invoices: async () => {
      const reply = await fetch(`${quaderno.url}/api/invoices.json`, { headers: { Authorization: `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}` } });
      return (await reply.json()) as Array<Record<string, any>>;
    },
    close: async () => {
      await served.close();
      await quaderno.close();
    },
  };
}

/** The Stripe double delivers each event once by itself unless a test drives the deliveries. */
export async function setAutoDeliver(url: string, on: boolean) {
  const reply = await fetch(`${url}/sandbox/stripe/settings`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${STRIPE_DOUBLE_SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ auto_deliver: on }),
  });
  if (!reply.ok) throw new Error(`settings: ${reply.status}`);
}

/** Delivers an event once more (and reports the endpoint's status). */
export async function deliver(url: string, eventId: string): Promise<number[]> {
  const reply = await fetch(`${url}/sandbox/stripe/events/${eventId}/deliver`, { method: 'POST', headers: { Authorization: `Bearer ${STRIPE_DOUBLE_SECRET_KEY}` } });
  return ((await reply.json()) as { statuses: number[] }).statuses;
}

/** A port nobody listens on now: a webhook must name the shop's address before the shop starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The money of a delayed method's `processing` intent arrives at the Stripe double (it succeeds). */
export async function settleIntent(url: string, intentId: string): Promise<void> {
  const reply = await fetch(`${url}/sandbox/stripe/payment_intents/${intentId}/settle`, { method: 'POST', headers: { Authorization: `Bearer ${STRIPE_DOUBLE_SECRET_KEY}` } });
  if (!reply.ok) throw new Error(`settle: ${reply.status} ${await reply.text()}`);
}

/** A session's PaymentIntents at the Stripe double (found by the events that created them), each with its status now. */
export async function intentsOf(rig: Pick<InPageRig, 'stripe'>, sessionId: number | string): Promise<Array<{ id: string; status: string }>> {
  const created = (await rig.stripe.events.list({ type: 'payment_intent.created' })).data;
  const ids = created
    .map((event) => event.data.object as { id: string; metadata: Record<string, string> })
    .filter((intent) => intent.metadata.quaderno_checkout_session === String(sessionId))
    .map((intent) => intent.id);
  return Promise.all(ids.map(async (id) => ({ id, status: (await rig.stripe.paymentIntents.retrieve(id)).status })));
}
