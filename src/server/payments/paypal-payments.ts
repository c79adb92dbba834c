// PayPal inside the page with the merchant's own PayPal account: what the recorder does with a PayPal payment record
// (capture the approved order once, check the money against what was confirmed) and the webhook PayPal posts.
// The order is created at the payment start (index.ts) for exactly the confirmed total; the customer approves it in
// PayPal's window; the capture then happens on whichever comes first: the customer's return (the element's poll of
// the session), or PayPal's `CHECKOUT.ORDER.APPROVED` / `PAYMENT.CAPTURE.COMPLETED` webhook.
import { randomUUID } from 'node:crypto';
import { failure } from '../errors.js';
import { captureOf, minorOf, PaypalApiError, type PaypalAccount } from './paypal.js';
import type { PaypalOrder } from './paypal-types.js';
import { readRecord, writeRecord, type Collected, type Recorder } from './recorder.js';
import type { PaymentStore } from './store.js';
import type { PaymentRecord } from './transaction.js';

/** How long one capture may hold its session's claim lock: longer than a capture call at its timeout. */
const CAPTURE_LOCK_MS = 60_000;

/** The order a capture event's resource belongs to. */
const orderOfCapture = (resource: Record<string, unknown>) => {
  const related = (resource.supplementary_data as { related_ids?: { order_id?: unknown } } | undefined)?.related_ids;
  return typeof related?.order_id === 'string' ? related.order_id : undefined;
};

/**
 * The webhook events that change what an order holds: approved (capture it), captured (record it), or a held capture
 * denied (free the session).
 */
const ORDER_EVENTS: Readonly<Record<string, (resource: Record<string, unknown>) => string | undefined>> = {
  'CHECKOUT.ORDER.APPROVED': (resource) => (typeof resource.id === 'string' ? resource.id : undefined),
  'PAYMENT.CAPTURE.COMPLETED': orderOfCapture,
  'PAYMENT.CAPTURE.DENIED': orderOfCapture,
};

export interface PaypalPaymentsOptions {
  account: PaypalAccount;
  store: PaymentStore;
  onError: (error: unknown) => void;
}

/** A capture PayPal refused, as the session tells it (`last_payment_error`): the attempt took no money, and why. */
export interface PaypalDecline {
  code: 'payment_declined';
  processor: 'paypal';
  processor_id: string;
  /** PayPal's `details[].issue`, e.g. `INSTRUMENT_DECLINED`. */
  decline_code: string;
}

export function paypalPayments({ account, store, onError }: PaypalPaymentsOptions) {
  const owner = randomUUID();
  const claimKey = (sessionId: string) => `paypal-captured:${sessionId}`;
  const declineKey = (orderId: string) => `paypal-declined:${orderId}`;
  const sameMoney = (money: { currency_code: string; value: string } | undefined, record: PaymentRecord) =>
    money?.currency_code === record.currency && minorOf(money) === record.total;

  /**
   * Captures an approved order unless another order of the session holds the session's claim: a session is paid
   * once, even when its customer approved two orders (two windows, a webhook for an older one).
   */
  async function captureOnce(record: PaymentRecord): Promise<PaypalOrder | Collected> {
    const lock = `lock:${claimKey(record.session_id)}`;
    if (!(await store.acquire(lock, owner, CAPTURE_LOCK_MS))) return { kind: 'busy' };
    try {
      const claimed = await store.get(claimKey(record.session_id));
      if (claimed && claimed !== record.processor_id) {
        await writeRecord(store, { ...record, state: 'void' });
        return { kind: 'unpaid', status: 'session_paid_by_another_order' };
      }
      // why the claim before the capture: a capture whose answer is lost may have taken the money; only this order
      // may be captured (again, with the same PayPal-Request-Id, which answers the first result) from now on.
      await store.set(claimKey(record.session_id), record.processor_id);
      try {
        return await account.capture(record.processor_id);
      } catch (error) {
        if (!(error instanceof PaypalApiError) || error.status !== 422) throw error;
        if (error.issue === 'ORDER_ALREADY_CAPTURED') return await account.getOrder(record.processor_id);
        // A refusal (INSTRUMENT_DECLINED, ORDER_NOT_APPROVED…) took no money.
        return await refused(record, error.issue ?? error.body.name ?? 'capture_refused');
      }
    } finally {
      await store.release(lock, owner);
    }
  }

  /**
   * An attempt that took no money (a capture refused, or one held PENDING that PayPal then declined): kept in the
   * shared store, the order void and the session's claim given back. why in the store: whichever instance answers the
   * customer's next read must say the attempt failed and why (the element shows PayPal's words), and a late webhook
   * for this order must not capture it again. The customer pays again with a new order (one per click).
   */
  async function refused(record: PaymentRecord, issue: string): Promise<Collected> {
    await store.set(declineKey(record.processor_id), issue);
    await writeRecord(store, { ...record, state: 'void' });
    // why only its own: the claim is written under the claim lock, and by this order's paths alone once it holds it.
    if ((await store.get(claimKey(record.session_id))) === record.processor_id) await store.set(claimKey(record.session_id), '');
    return { kind: 'unpaid', status: issue };
  }

  /** The recorder's PayPal part, run under the payment's lock: what the order holds, capturing it when approved. */
  async function collect(record: PaymentRecord): Promise<Collected> {
    if (record.state !== 'open') return { kind: 'unpaid', status: record.state };
    let order = await account.getOrder(record.processor_id);
    if (order.status === 'APPROVED') {
      if (!sameMoney(order.purchase_units[0]?.amount, record)) {
        // why not capture: the order no longer asks for what the customer confirmed (it was changed at PayPal).
        onError(new Error(`PayPal order ${order.id} asks ${JSON.stringify(order.purchase_units[0]?.amount)}, not the confirmed ${record.total} ${record.currency}`));
        await writeRecord(store, { ...record, state: 'void' });
        return { kind: 'unpaid', status: 'amount_mismatch' };
      }
      const captured = await captureOnce(record);
      if ('kind' in captured) return captured;
      order = captured;
    }
    if (order.status !== 'COMPLETED') return { kind: 'unpaid', status: order.status };
    const capture = captureOf(order);
    // why: a capture PayPal held PENDING and then declined (an eCheck that bounced) never brought the money; the
    // session must not stay `processing` (refusing every new payment) for money that will not come.
    if (capture && (capture.status === 'DECLINED' || capture.status === 'FAILED')) return refused(record, capture.status);
    // why PENDING waits: the money is not there yet; PAYMENT.CAPTURE.COMPLETED (or a later return) records it.
    if (!capture || capture.status !== 'COMPLETED') return { kind: 'unpaid', status: capture?.status ?? 'no_capture' };
    if (!sameMoney(capture.amount, record)) {
      // why a refund: money that differs from what was confirmed is not this sale; it goes back, and nothing is
      // invoiced that nobody agreed to. The merchant sees why.
      onError(new Error(`PayPal capture ${capture.id} took ${capture.amount.value} ${capture.amount.currency_code}, not the confirmed ${record.total}: refunded`));
      await account.refund(capture.id);
      await writeRecord(store, { ...record, state: 'refunded' });
      return { kind: 'unpaid', status: 'amount_mismatch' };
    }
    return { kind: 'paid', processorId: capture.id };
  }

  /** `POST <prefix>/webhooks/paypal`: verified through PayPal's own call; an order it names is captured and recorded (once). */
  async function webhook(request: Request, recorder: Recorder): Promise<Response> {
    const payload = await request.text();
    let event;
    try {
      event = await account.verify(request.headers, payload);
    } catch (error) {
      // why a 503: PayPal's verify call failed, not the delivery; PayPal delivers it again later.
      onError(error);
      throw failure(503, 'upstream_unavailable', 'The webhook cannot be verified now');
    }
    if (!event) throw failure(400, 'body_invalid', 'The webhook signature does not verify');
    const orderId = ORDER_EVENTS[event.event_type]?.(event.resource ?? {});
    if (orderId) {
      const outcome = await recorder.settle(orderId).catch((error: unknown) => {
        onError(error);
        return { kind: 'busy' as const };
      });
      // why a 503 while another caller records it, or Quaderno or PayPal failed: PayPal retries the delivery later.
      if (outcome.kind === 'busy') throw failure(503, 'upstream_unavailable', 'The payment is not recorded yet');
    }
    return new Response(null, { status: 200 });
  }

  /**
   * Whether a capture of this session's order took (or may have taken) money that is not recorded yet: the claim is
   * held by an order whose record is still open (a PENDING capture, a recording that waits).
   */
  async function capturing(sessionId: string): Promise<boolean> {
    const claimed = await store.get(claimKey(sessionId));
    return !!claimed && (await readRecord(store, claimed))?.state === 'open';
  }

  /** The session's last attempt when PayPal refused its capture: what `last_payment_error` says; else undefined. */
  async function declined(orderId: string): Promise<PaypalDecline | undefined> {
    const issue = await store.get(declineKey(orderId));
    return issue ? { code: 'payment_declined', processor: 'paypal', processor_id: orderId, decline_code: issue } : undefined;
  }

  return { account, collect, webhook, capturing, declined };
}
export type PaypalPayments = ReturnType<typeof paypalPayments>;
