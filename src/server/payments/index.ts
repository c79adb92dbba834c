// Paying inside the page with the merchant's own processor account: the handler starts a Stripe PaymentIntent (or a
// PayPal order, paypal-payments.ts) for exactly the total the customer confirmed (tax from Quaderno's calculate),
// keeps what was confirmed as a payment record, and records the sale in Quaderno exactly once (recorder.ts) from the
// signed webhook or the customer's return, whichever comes first.
import * as z from 'zod/mini';
import type { CallOptions } from '../../api/http.js';
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
import { MemoryPaymentStore, withLock } from './store.js';
import { stripeAccount, type StripeAccount } from './stripe.js';
import type { InPagePaymentOptions } from './options.js';
import { transactionsApi, type PaymentRecord } from './transaction.js';

/** `value` after `ms`, without holding the process open. */
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(resolve, Math.max(0, ms), value).unref());

/** Processor statuses of a payment the customer made whose money has not arrived yet. */
const MONEY_ON_ITS_WAY = new Set(['PENDING', 'processing']);

export type { PaymentStore } from './store.js';
export { MemoryPaymentStore } from './store.js';
export { checkPaymentOptions, type InPagePaymentOptions } from './options.js';

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
      // why: refused because it succeeded meanwhile, it stays open (the recorder finds it paid); canceled, it is void.
      const intent = await stripe!.retrieve(processorId).catch(() => undefined);
      if (intent?.status === 'canceled') await writeRecord(store, { ...record, state: 'void' });
    }
  }

  /** The session's recorded sale, if any. */
  async function recordedSale(id: string): Promise<PaymentRecord | undefined> {
    const processorId = await store.get(`recorded:${id}`);
    return processorId ? readRecord(store, processorId) : undefined;
  }

  /**
   * `POST <permalink>/payment.json` with `{ method, total }`. `budget()` is what the customer's request may still
   * spend (its deadline and its signal), given to every call to Quaderno, Stripe and PayPal.
   */
  async function start(id: string, request: Request, load: () => Promise<CheckoutSession>, budget: () => CallOptions): Promise<Record<string, unknown>> {
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
    // why a start without a country: an older Stripe adapter starts one as it mounts, before the customer typed
    // anything, for the card fields' key, amount and currency. Its intent is for the untaxed total, no tax to invoice:
    // saving a country voids it, and should it be captured anyway, the recorder refunds it.
    let rate: PaymentRecord['rate'] = null;
    if (input.country) {
      if (context.sellerCountry && taxIdRequired(context.sellerCountry, input.country) && !input.tax_id) {
        throw fieldFailure('tax_id_required', { tax_id: ['is required for a domestic sale'] });
      }
      rate = await context.client.calculateTax({ to_country: input.country, to_postal_code: input.postal_code, tax_id: input.tax_id }, budget());
    }
    const tax = summarize(session.items, null, rate ?? undefined, { needs: [], tax_id: null });
    if (tax.total !== total) {
      throw fieldFailure('payment_total_changed', { total: [`The total is now ${tax.total}`] }, 'The total changed since the customer confirmed it');
    }
    const currency = tax.currency.toUpperCase();
    const payments = await readSession(id);
    // why: one open payment per session (the replace rule): a replaced intent or order is never captured, as a second
    // capture or with tax inputs changed since. A card intent is reused only for the same total (never re-priced: a
    // browser may still hold its secret); if it cannot be, it is voided after.
    const current = payments.current ? await readRecord(store, payments.current) : undefined;
    await voidAllBut(payments, method === 'card' && current?.total === total ? payments.current : null);
    let started: { processor_id: string } & Record<string, unknown>;
    if (method === 'paypal') {
      // why no order without a tax location: a PayPal start comes from the customer's click, after the form is saved,
      // so it always has a country; an order without one could be captured with no tax to record, and kept.
      if (!rate) throw fieldFailure('field_invalid', { billing_country: ['is required to pay with PayPal'] }, 'A PayPal payment needs the billing country for its tax');
      // why a new order each start: each PayPal window approves its own order; one left unapproved expires there.
      const order = await paypal!.account.createOrder(total, currency, id, `qc-order-${id}-${payments.all.length}-${total}`, budget().signal);
      payments.all.push(order.id);
      started = { processor: 'paypal', processor_id: order.id, client_id: paypal!.account.clientId, order_id: order.id };
    } else {
      let intent = payments.current ? await reusable(payments.current, total, currency, budget) : undefined;
      if (!intent) {
        intent = await stripe!.create(total, currency, { quaderno_checkout_session: id }, `qc-start-${id}-${payments.all.length}-${total}`, budget().deadlineMs);
        payments.all.push(intent.id);
      }
      started = { processor: 'stripe', processor_id: intent.id, publishable_key: context.publishableKey, client_secret: intent.client_secret };
    }
    if (payments.current !== started.processor_id) await voidAllBut(payments, started.processor_id);
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

  /** Voids the session's payments but `keep`; one that cannot be (it took the money) is settled, and nothing starts. */
  async function voidAllBut(payments: SessionPayments, keep: string | null): Promise<void> {
    const others = payments.all.filter((other) => other !== keep);
    for (const other of others) await voidPayment(other);
    for (const other of others) {
      if ((await readRecord(store, other))?.state !== 'open') continue;
      const outcome = await recorder!.settle(other).catch((error: unknown) => {
        context.onError(error);
        return { kind: 'busy' as const };
      });
      if (outcome.kind === 'recorded') throw failure(422, 'session_not_pending', 'The checkout session is paid', { status: 'completed' });
      if ((await readRecord(store, other))?.state === 'open') throw failure(422, 'session_not_pending', 'The checkout session is being paid', { status: 'processing' });
    }
  }

  /**
   * The session's open intent for this total, while it can still be paid. An amount changed at Stripe since (by someone
   * with the secret key) is put back to the confirmed total.
   */
  async function reusable(processorId: string, total: number, currency: string, budget: () => CallOptions) {
    const record = await readRecord(store, processorId);
    if (record?.state !== 'open' || record.processor !== 'stripe' || record.currency !== currency) return undefined;
    const intent = await stripe!.retrieve(processorId, budget().deadlineMs);
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') return undefined;
    return intent.amount === total ? intent : stripe!.update(processorId, total, budget().deadlineMs);
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
  async function present(id: string, body: Record<string, unknown>, budget: CallOptions = {}): Promise<Record<string, unknown>> {
    if (!recorder) return body;
    const capabilities = Array.isArray(body.capabilities) ? [...(body.capabilities as string[])] : [];
    if (!capabilities.includes('pay')) capabilities.push('pay');
    let record = await recordedSale(id);
    const current = record ? null : (await readSession(id)).current;
    if (!record) {
      if (current) {
        const settling = recorder.settle(current).catch((error: unknown) => {
          context.onError(error);
          return { kind: 'busy' as const };
        });
        // why a race, not an abort: recording the sale is not the customer's to cancel and goes on behind the answer,
        // but the answer keeps the request's deadline: processing, and the element polls again.
        const outcome = budget.deadlineMs === undefined ? await settling : await Promise.race([settling, after(budget.deadlineMs, { kind: 'busy' as const })]);
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
    // why a Stripe read only when an open record names an intent: a delayed method (a bank debit) holds it
    // `processing` for days, and a start with nothing open has nothing to ask about.
    const current = stripe ? (await readSession(id)).current : null;
    const record = current ? await readRecord(store, current) : undefined;
    if (record?.state === 'open' && record.processor === 'stripe' && MONEY_ON_ITS_WAY.has((await stripe!.retrieve(record.processor_id)).status)) {
      throw failure(422, 'session_not_pending', 'The checkout session is being paid', { status: 'processing' });
    }
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
      // why kept when it could not be voided: it took the money, and the session's reads must still settle it.
      if ((await readRecord(store, record.processor_id))?.state === 'open') return;
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

  // why one start at a time per session: two at once would each miss the other's payment, and both could be captured.
  const startInTurn = (...args: Parameters<typeof start>) =>
    withLock(store, `lock:start:${args[0]}`, () => start(...args), () => failure(503, 'upstream_unavailable', 'Another payment start is under way'));
  return { enabled: !!recorder, start: startInTurn, webhook, paypalWebhook, present, sessionFor, assertUnpaid, customerChanged };
}
export type Payments = ReturnType<typeof createPayments>;
