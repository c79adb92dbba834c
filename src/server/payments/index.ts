// Paying inside the page with the merchant's own processor account: the handler starts a Stripe PaymentIntent (or a
// PayPal order, paypal-payments.ts) for exactly the total the customer confirmed (tax from Quaderno's calculate),
// keeps what was confirmed as a payment record, and records the sale in Quaderno exactly once (recorder.ts) from the
// signed webhook or the customer's return, whichever comes first.
import * as z from 'zod/mini';
import type { PrivateClient } from '../../api/private.js';
import { PAYMENT_METHODS } from '../../session/methods.js';
import type { CheckoutSession } from '../../session/schema.js';
import { taxIdRequired } from '../../tax/tax-id-rule.js';
import { failure, fieldFailure } from '../errors.js';
import { normalizeTaxInput } from '../preview.js';
import { summarize } from '../tax-summary.js';
import { paypalAccount } from './paypal.js';
import { paypalPayments } from './paypal-payments.js';
import { createRecorder, readRecord, writeRecord, type Recorder } from './recorder.js';
import { MemoryPaymentStore, type PaymentStore } from './store.js';
import { stripeAccount, type StripeAccount } from './stripe.js';
import { transactionsApi, type PaymentRecord } from './transaction.js';

/** Processor statuses of a payment the customer made whose money has not arrived yet. */
const MONEY_ON_ITS_WAY = new Set(['PENDING', 'processing']);

export type { PaymentStore } from './store.js';
export { MemoryPaymentStore } from './store.js';

/** The options of paying inside the page (all server-side secrets: none of them ever reaches a browser). */
export interface InPagePaymentOptions {
  /**
   * The secret (`sk_…`) or restricted (`rk_…`) key of the merchant's Stripe account. With it (and
   * `stripePublishableKey`), card payments happen inside the page and each sale is recorded through Quaderno's
   * `POST /api/transactions`. Needs the `stripe` package. Default none: the customer pays on Quaderno's hosted page.
   */
  stripeSecretKey?: string;
  /** The signing secret (`whsec_…`) of the webhook endpoint pointed at `<prefix>/webhooks/stripe`. */
  stripeWebhookSecret?: string;
  /** Another Stripe API origin for the SDK (its `host`/`port`/`protocol`): the sandbox's test double. Default Stripe's. */
  stripeApiUrl?: string;
  /**
   * true when the account's Stripe integration in Quaderno already issues an invoice for every Stripe payment: the
   * handler then records nothing (a transaction would be a second invoice) and says so once at startup. Default false.
   */
  quadernoInvoicesStripe?: boolean;
  /**
   * The secret of the merchant's PayPal REST app whose public `paypalClientId` the page loads PayPal's buttons with.
   * With it (and `paypalWebhookId`), PayPal payments happen inside the page: the handler creates and captures the
   * Orders v2 order and records each sale through `POST /api/transactions`. Default none: PayPal pays on the hosted page.
   */
  paypalClientSecret?: string;
  /** The id PayPal gave the webhook pointed at `<prefix>/webhooks/paypal` (its signature is verified with it). */
  paypalWebhookId?: string;
  /**
   * PayPal's REST origin. Default `https://api-m.paypal.com` (live); PayPal's sandbox is
   * `https://api-m.sandbox.paypal.com`, and the sandbox's PayPal API test double is its own origin.
   */
  paypalApiUrl?: string;
  /** Payment records and locks. Default in memory: one instance only; several instances must share one store. */
  paymentStore?: PaymentStore;
  /** The customer's IP address for the tax evidence (e.g. from your proxy's header). Default none. */
  clientIp?: (request: Request) => string | undefined;
  /** Where the startup notice goes. Default console.info. */
  log?: (line: string) => void;
}

interface Context {
  client: PrivateClient;
  apiUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  sellerCountry?: string;
  publishableKey?: string;
  onError: (error: unknown) => void;
  readBody: (request: Request) => Promise<unknown>;
}

const english = z.locales.en();
const startBody = z.object({
  method: z.enum(PAYMENT_METHODS),
  total: z.number().check(z.refine(Number.isSafeInteger, 'must be an integer amount in minor units'), z.gte(0)),
});

interface SessionPayments {
  /** The intent the next start reuses. */
  current: string | null;
  all: string[];
}

/** Refuses options that would put a secret where a browser gets it, or the wrong kind of key in a secret's place. */
export function checkPaymentOptions(options: InPagePaymentOptions & { stripePublishableKey?: string; paypalClientId?: string }): void {
  const fail = (message: string) => {
    throw new TypeError(`createCheckoutHandler: ${message}`);
  };
  if (options.stripeSecretKey !== undefined) {
    if (!/^(sk|rk)_(live|test)_\w+$/.test(options.stripeSecretKey)) fail('`stripeSecretKey` must be a secret or restricted key (sk_… or rk_…)');
    if (!options.stripePublishableKey) fail('`stripeSecretKey` needs `stripePublishableKey`: the card fields in the page are made with it');
    if (!options.stripeWebhookSecret) fail('`stripeSecretKey` needs `stripeWebhookSecret` (whsec_…): a sale is recorded from the signed webhook');
  }
  if (options.stripeWebhookSecret !== undefined && !/^whsec_\w+$/.test(options.stripeWebhookSecret)) {
    fail('`stripeWebhookSecret` must be a webhook signing secret (whsec_…)');
  }
  if (options.paypalClientSecret !== undefined) {
    if (!options.paypalClientId) fail('`paypalClientSecret` needs `paypalClientId`: PayPal\'s buttons in the page are made with it');
    // why: the client id goes to every browser; the secret given there by mistake would too.
    if (options.paypalClientSecret === options.paypalClientId) fail('`paypalClientId` is the secret: give the public client id there');
    if (!options.paypalWebhookId) fail('`paypalClientSecret` needs `paypalWebhookId`: a sale is recorded from the verified webhook');
  }
  if (options.paypalWebhookId !== undefined && !/^[A-Za-z0-9]+$/.test(options.paypalWebhookId)) fail('`paypalWebhookId` must be the id PayPal gave the webhook');
  if (options.paypalApiUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(options.paypalApiUrl)) fail('`paypalApiUrl` must be an http(s) origin');
}

export function createPayments(options: InPagePaymentOptions & { paypalClientId?: string }, context: Context) {
  const secretKey = options.stripeSecretKey;
  const store = options.paymentStore ?? new MemoryPaymentStore();
  const stripe: StripeAccount | undefined = secretKey
    ? stripeAccount({ secretKey, webhookSecret: options.stripeWebhookSecret, apiUrl: options.stripeApiUrl })
    : undefined;
  const paypal =
    options.paypalClientSecret && options.paypalClientId
      ? paypalPayments({
          account: paypalAccount({
            clientId: options.paypalClientId,
            clientSecret: options.paypalClientSecret,
            webhookId: options.paypalWebhookId,
            apiUrl: options.paypalApiUrl,
            fetch: context.fetch,
            timeoutMs: context.timeoutMs,
          }),
          store,
          onError: context.onError,
        })
      : undefined;
  const quadernoInvoicesStripe = options.quadernoInvoicesStripe ?? false;
  if (stripe && quadernoInvoicesStripe) {
    (options.log ?? console.info)(
      '[quaderno-checkout/server] quadernoInvoicesStripe: Quaderno invoices this Stripe account itself, so no transaction is posted for card payments',
    );
  }
  const sessionKey = (id: string) => `session:${id}`;
  const readSession = async (id: string): Promise<SessionPayments> => {
    const raw = await store.get(sessionKey(id));
    return raw ? (JSON.parse(raw) as SessionPayments) : { current: null, all: [] };
  };

  const recorder: Recorder | undefined = stripe || paypal
    ? createRecorder({
        store,
        stripe,
        paypal: paypal?.collect,
        transactions: transactionsApi({ apiUrl: context.apiUrl, apiKey: context.apiKey, fetch: context.fetch, timeoutMs: context.timeoutMs }),
        quadernoInvoicesStripe,
        onError: context.onError,
        afterRecorded: async (record) => {
          // At most one capture: the session's other intents are cancelled, so a second confirm is refused by Stripe.
          const payments = await readSession(record.session_id);
          for (const other of payments.all) if (other !== record.processor_id) await voidPayment(other);
          await writeSessionRecorded(record);
          // why delete: Quaderno's API cannot mark the session completed; deleted, it cannot be paid a second time on
          // the hosted page nor show up as abandoned. The handler answers for it from the record from now on.
          await context.client.delete(record.session_id).catch(context.onError);
        },
      })
    : undefined;

  async function writeSessionRecorded(record: PaymentRecord) {
    await store.set(`recorded:${record.session_id}`, record.processor_id);
  }

  async function voidPayment(processorId: string) {
    const record = await readRecord(store, processorId);
    if (!record || record.state !== 'open') return;
    // why no call for PayPal: Orders v2 has no void for a capture-intent order; voided here, it is never captured
    // (the recorder's PayPal part refuses a record that is not open) and PayPal expires it.
    if (record.processor === 'paypal') return writeRecord(store, { ...record, state: 'void' });
    try {
      await stripe!.cancel(processorId);
      await writeRecord(store, { ...record, state: 'void' });
    } catch {
      // why: a cancel refused because it succeeded meanwhile leaves it open: the recorder will find it paid.
    }
  }

  /** The session's recorded sale, if any. */
  async function recordedSale(id: string): Promise<PaymentRecord | undefined> {
    const processorId = await store.get(`recorded:${id}`);
    return processorId ? readRecord(store, processorId) : undefined;
  }

  /** `POST <permalink>/payment.json` with `{ method, total }`. */
  async function start(id: string, request: Request, load: () => Promise<CheckoutSession>): Promise<Record<string, unknown>> {
    const parsed = startBody.safeParse(await context.readBody(request), { error: english.localeError });
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[issue.path.map(String).join('.') || 'base'] ??= []).push(issue.message);
      throw fieldFailure('field_invalid', errors, 'The payment start needs a method and the confirmed total');
    }
    const { method, total } = parsed.data;
    if (method === 'paypal' ? !paypal : method !== 'card' || !stripe || !context.publishableKey) {
      throw failure(422, 'capability_unsupported', `This server takes ${method} payments on the hosted page`);
    }
    await assertUnpaid(id);
    const session = await load();
    if (session.status !== 'pending') throw failure(422, 'session_not_pending', 'The checkout session can no longer be paid', { status: session.status });
    if (!session.payment_methods.includes(method)) throw fieldFailure('payment_method_unavailable', { method: [`${method} is not offered by this session`] });
    if (session.coupon) {
      throw fieldFailure('capability_unsupported', { coupon: ['Coupons are applied on the hosted payment page'] }, "Quaderno's API cannot apply a coupon");
    }
    const c = session.customer;
    const input = normalizeTaxInput({ country: c.billing_country, postal_code: c.billing_postal_code, tax_id: c.tax_id });
    // why a start without a country: the Stripe adapter starts one as it mounts, before the customer typed anything,
    // for the card fields' key, amount and currency. Its intent is for the untaxed total and has no tax to invoice:
    // saving a country voids it, and should it be captured anyway, the recorder refunds it.
    let rate: PaymentRecord['rate'] = null;
    if (input.country) {
      if (context.sellerCountry && taxIdRequired(context.sellerCountry, input.country) && !input.tax_id) {
        throw fieldFailure('tax_id_required', { tax_id: ['is required for a domestic sale'] });
      }
      rate = await context.client.calculateTax({ to_country: input.country, to_postal_code: input.postal_code, tax_id: input.tax_id });
    }
    const tax = summarize(session.items, null, rate ?? undefined, { needs: [], tax_id: null });
    if (tax.total !== total) {
      throw fieldFailure('payment_total_changed', { total: [`The total is now ${tax.total}`] }, 'The total changed since the customer confirmed it');
    }
    const currency = tax.currency.toUpperCase();
    const payments = await readSession(id);
    let started: { processor_id: string } & Record<string, unknown>;
    if (method === 'paypal') {
      // why no order without a tax location: a PayPal start comes from the customer's click, after the form is saved,
      // so it always has a country; an order without one could be captured with no tax to record, and kept.
      if (!rate) throw fieldFailure('field_invalid', { billing_country: ['is required to pay with PayPal'] }, 'A PayPal payment needs the billing country for its tax');
      // why a new order each start: each PayPal window approves its own order; one left unapproved expires there.
      const order = await paypal!.account.createOrder(total, currency, id, `qc-order-${id}-${payments.all.length}-${total}`);
      payments.all.push(order.id);
      started = { processor: 'paypal', processor_id: order.id, client_id: paypal!.account.clientId, order_id: order.id };
    } else {
      let intent = payments.current ? await reusable(payments.current, total, currency) : undefined;
      if (!intent) {
        intent = await stripe!.create(total, currency, { quaderno_checkout_session: id }, `qc-start-${id}-${payments.all.length}-${total}`);
        payments.all.push(intent.id);
      }
      started = { processor: 'stripe', processor_id: intent.id, publishable_key: context.publishableKey, client_secret: intent.client_secret };
    }
    payments.current = started.processor_id;
    const record: PaymentRecord = {
      processor: method === 'paypal' ? 'paypal' : 'stripe',
      processor_id: started.processor_id,
      session_id: id,
      session,
      tax,
      rate,
      total,
      currency,
      ip: options.clientIp?.(request) ?? null,
      state: 'open',
      invoice: null,
    };
    await writeRecord(store, record);
    await store.set(sessionKey(id), JSON.stringify(payments));
    return { ...started, amount: total, currency };
  }

  /** The session's open intent, brought up to the new total, while it can still be paid. */
  async function reusable(processorId: string, total: number, currency: string) {
    const record = await readRecord(store, processorId);
    if (record?.state !== 'open' || record.processor !== 'stripe' || record.currency !== currency) return undefined;
    const intent = await stripe!.retrieve(processorId);
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') return undefined;
    return intent.amount === total ? intent : stripe!.update(processorId, total);
  }

  /** `POST <prefix>/webhooks/stripe`: Stripe's signed event; a payment it names is recorded (once). */
  async function webhook(request: Request): Promise<Response> {
    if (!stripe || !recorder) throw failure(404, 'session_not_found', 'No webhook here');
    const payload = await request.text();
    let event;
    try {
      event = await stripe.verify(payload, request.headers.get('stripe-signature') ?? '');
    } catch {
      throw failure(400, 'body_invalid', 'The webhook signature does not verify');
    }
    if (event.type === 'payment_intent.succeeded') {
      const outcome = await recorder.settle((event.data.object as { id: string }).id).catch((error: unknown) => {
        context.onError(error);
        return { kind: 'busy' as const };
      });
      // why a 503 while another caller records it, or Quaderno failed: Stripe retries the delivery later.
      if (outcome.kind === 'busy') throw failure(503, 'upstream_unavailable', 'The payment is not recorded yet');
    }
    return new Response(null, { status: 200 });
  }

  /**
   * The session as the browser should see it: a recorded sale is `completed` with its invoice's permalink; a paid
   * intent not yet recorded is recorded now (the customer's return); while it cannot be, the session is `processing`.
   */
  async function present(id: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!recorder) return body;
    const capabilities = Array.isArray(body.capabilities) ? [...(body.capabilities as string[])] : [];
    if (!capabilities.includes('pay')) capabilities.push('pay');
    let record = await recordedSale(id);
    const current = record ? null : (await readSession(id)).current;
    if (!record) {
      if (current) {
        const outcome = await recorder.settle(current).catch((error: unknown) => {
          context.onError(error);
          return { kind: 'busy' as const };
        });
        if (outcome.kind === 'recorded') record = outcome.record;
        // why processing for money on its way (a PayPal capture PENDING, a Stripe intent processing): the customer
        // paid; the element follows it and must not offer to pay again or call it failed.
        else if (outcome.kind === 'busy' || (outcome.kind === 'unpaid' && MONEY_ON_ITS_WAY.has(outcome.status))) return { ...body, capabilities, status: 'processing' };
      }
    }
    // why: another order of the session took the money and waits to be recorded; the customer has paid.
    if (!record && (await paypal?.capturing(id))) return { ...body, capabilities, status: 'processing' };
    if (!record) {
      // why from the shared store: the instance that saw PayPal refuse the capture may not be the one answering now.
      const declined = current ? await paypal?.declined(current) : undefined;
      return declined ? { ...body, capabilities, last_payment_error: declined } : { ...body, capabilities };
    }
    return { ...body, capabilities, status: 'completed', tax: record.tax, invoice_permalink: record.invoice?.permalink ?? null };
  }

  /**
   * The session to answer a permalink with: a recorded sale's confirmed one (Quaderno's is deleted once recorded),
   * else Quaderno's; and if Quaderno's vanished meanwhile because a recorder just deleted it, the recorded one.
   */
  async function sessionFor(id: string, load: () => Promise<CheckoutSession>): Promise<CheckoutSession> {
    const recorded = (await recordedSale(id))?.session;
    if (recorded) return recorded;
    try {
      return await load();
    } catch (error) {
      const now = (await recordedSale(id))?.session;
      if (now) return now;
      throw error;
    }
  }

  /** Refuses a change to a session whose sale is recorded (as Quaderno refuses a change to a paid session) or being paid. */
  async function assertUnpaid(id: string): Promise<void> {
    if (await recordedSale(id)) throw failure(422, 'session_not_pending', 'The checkout session is paid', { status: 'completed' });
    // why: the customer's money is on its way; a changed address would void what it pays for, and a second payment
    // would charge them twice.
    if (await paypal?.capturing(id)) throw failure(422, 'session_not_pending', 'The checkout session is being paid', { status: 'processing' });
  }

  /** A customer change the tax reads voids the open intent (the contract's replace rule). */
  async function customerChanged(id: string, session: CheckoutSession): Promise<void> {
    if (!recorder) return;
    const current = (await readSession(id)).current;
    const record = current ? await readRecord(store, current) : undefined;
    if (!record || record.state !== 'open') return;
    const before = record.session.customer;
    const after = session.customer;
    if (before.billing_country !== after.billing_country || before.billing_postal_code !== after.billing_postal_code || before.tax_id !== after.tax_id) {
      await voidPayment(record.processor_id);
      await store.set(sessionKey(id), JSON.stringify({ ...(await readSession(id)), current: null }));
    }
  }

  // why no recorder in the answer: its types reach the `stripe` package's, and a merchant without that optional
  // peer must still type-check the handler's declarations.
  /** `POST <prefix>/webhooks/paypal`. */
  async function paypalWebhook(request: Request): Promise<Response> {
    if (!paypal || !recorder) throw failure(404, 'session_not_found', 'No webhook here');
    return paypal.webhook(request, recorder);
  }

  return { enabled: !!recorder, start, webhook, paypalWebhook, present, sessionFor, assertUnpaid, customerChanged };
}
export type Payments = ReturnType<typeof createPayments>;
