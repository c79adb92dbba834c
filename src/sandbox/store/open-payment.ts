// The session's one open payment: what every path that moves money (pay.json, the processors' start and capture)
// checks, records and settles. A start writes a record of what the customer confirmed; a capture settles exactly
// that record or nothing; a change of what the record was computed from voids it at the processor.
import type { PaymentMethod } from '../../session/schema.js';
import type { TaxSummary } from '../../tax/types.js';
import { conflict } from '../errors.js';
import type { CouponBook } from './coupons.js';
import { chargeRefusal, planPayment, refuseUnchargeable } from './payments.js';
import { isPayable } from '../../session/status.js';
import { TAX_INPUTS, type PaymentRecord, type Processor, type StoredCustomer, type StoredSession } from './types.js';

/** What the desk needs of the store: its coupons, tax, clock and status machine. */
export interface PaymentHost {
  readonly coupons: CouponBook;
  readonly processingDelayMs: number;
  now(): number;
  taxOf(session: StoredSession): TaxSummary | null;
  /** Activity: restarts the abandonment clock. */
  touch(session: StoredSession): void;
  /** Re-arms the session's timer after a status change. */
  schedule(session: StoredSession): void;
  transition(session: StoredSession, status: 'failed'): void;
}

/** The intent or order a start made at the processor. */
export interface ProcessorPayment {
  processor: Processor;
  processor_id: string;
}

/** What a simulated processor reports: a capture (`succeeded`) or a decline (`failed`) of one intent or order. */
export interface ProcessorReport extends ProcessorPayment {
  amount: number;
  currency: string;
  result: 'succeeded' | 'failed';
}

/** The simulated processors' side of voiding: cancel an intent or void an order, or all of a session's but one. */
export interface ProcessorVoids {
  void(payment: ProcessorPayment): void;
  voidAllBut(token: string, keep: ProcessorPayment | null): void;
}

/** The customer's tax inputs, as a record snapshots them. */
export function taxInputsOf(customer: StoredCustomer): PaymentRecord['inputs'] {
  return Object.fromEntries(TAX_INPUTS.map((field) => [field, customer[field]])) as PaymentRecord['inputs'];
}

/** Whether a customer update changes anything the tax reads (name and email do not). */
export function taxInputsChanged(before: StoredCustomer, after: StoredCustomer): boolean {
  return TAX_INPUTS.some((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/**
 * Starts, records, settles and voids the payments of every session. why one place: the sandbox's pay, the Stripe
 * confirm and the PayPal approve all charge; each must check the coupon, the tax ID and the confirmed total the same
 * way, hold the coupon's redemption the same way, and settle what the customer confirmed, not a later session.
 */
export class PaymentDesk {
  /** Set by the processor routes: how a voided record is voided at its (simulated) processor. */
  processors: ProcessorVoids = { void: () => {}, voidAllBut: () => {} };

  constructor(private readonly host: PaymentHost) {}

  /**
   * Sandbox-only payment simulation: pending or failed → processing → completed | failed, for the server's `tax.total`
   * (fixed in `internal.paidTax`). It replaces any open processor payment.
   */
  pay(session: StoredSession, body: unknown): StoredSession {
    if (!isPayable(session)) throw conflict('pay', session.status);
    const plan = planPayment(session, body);
    const tax = this.admit(session, plan.confirmedTotal);
    this.void(session);
    this.host.coupons.reserve(session);
    Object.assign(session, { status: 'processing', processor: plan.processor, processor_id: plan.processor_id });
    Object.assign(session.internal, { paidTax: tax, outcome: plan.outcome, settleAt: this.host.now() + this.host.processingDelayMs });
    session.internal.lastActivityAt = this.host.now();
    this.host.schedule(session);
    return session;
  }

  /**
   * A processor payment starts: the same checks as `pay`, then `create` makes the intent or order for the server's
   * total (given the session's current link, which a processor may reuse), and its record replaces the open one
   * (whose intent or order is voided unless it is the same). The session's coupon is reserved by the record.
   */
  start(
    session: StoredSession,
    request: { method: PaymentMethod; total: number },
    create: (amount: number, currency: string, current: ProcessorPayment | null) => ProcessorPayment,
  ): PaymentRecord {
    if (!isPayable(session)) throw conflict('pay', session.status);
    refuseUnchargeable(session, request.method);
    const tax = this.admit(session, request.total);
    const currency = tax.currency.toUpperCase();
    const current = session.processor && session.processor_id ? { processor: session.processor, processor_id: session.processor_id } : null;
    const made = create(tax.total, currency, current);
    const previous = session.internal.openPayment;
    if (previous && previous.processor_id !== made.processor_id) this.processors.void(previous);
    this.host.coupons.release(session);
    this.host.coupons.reserve(session);
    const record: PaymentRecord = {
      ...made,
      method: request.method,
      inputs: taxInputsOf(session.customer),
      coupon: session.coupon ? { ...session.coupon } : null,
      couponId: session.internal.reservedCouponId,
      tax,
      total: tax.total,
      currency,
    };
    session.internal.openPayment = record;
    session.processor = made.processor;
    session.processor_id = made.processor_id;
    this.host.touch(session);
    return record;
  }

  /**
   * A processor's capture or decline, as its webhook would report it. A capture is accepted only for the session's
   * open record, for exactly its amount and currency: the session then settles the record (its tax is the session's
   * `tax` and `charged`). Anything else is refused (a mismatch also voids the record), and the processor must not
   * capture. A decline of the open record fails the session and frees its coupon. Returns whether it was accepted.
   */
  settle(session: StoredSession, report: ProcessorReport): boolean {
    const record = session.internal.openPayment;
    const ours = isPayable(session) && record !== null && record.processor === report.processor && record.processor_id === report.processor_id;
    if (!ours || !record) return false;
    if (report.result === 'failed') {
      // why not voided at the processor: a declined intent takes another card, and a new start may reuse it.
      session.internal.openPayment = null;
      this.host.coupons.release(session);
      this.host.transition(session, 'failed');
      session.internal.lastActivityAt = this.host.now();
      return true;
    }
    if (report.amount !== record.total || report.currency.toUpperCase() !== record.currency) {
      this.void(session);
      return false;
    }
    session.internal.openPayment = null;
    Object.assign(session, { status: 'processing', processor: record.processor, processor_id: record.processor_id });
    Object.assign(session.internal, { paidTax: record.tax, outcome: 'completed', settleAt: this.host.now() + this.host.processingDelayMs });
    session.internal.lastActivityAt = this.host.now();
    // why now: once one capture is accepted, no other intent or order of the session may capture.
    this.processors.voidAllBut(session.token, record);
    this.host.schedule(session);
    return true;
  }

  /** Voids the open record, if any: at its processor, and its coupon's redemption is free again. */
  void(session: StoredSession): void {
    const record = session.internal.openPayment;
    if (!record) return;
    session.internal.openPayment = null;
    this.processors.void(record);
    this.host.coupons.release(session);
  }

  /** The session completed: every intent or order of it but the one that paid is voided. */
  completed(session: StoredSession): void {
    const paid = session.processor && session.processor_id ? { processor: session.processor, processor_id: session.processor_id } : null;
    this.processors.voidAllBut(session.token, paid);
  }

  /**
   * Everything checked before anything is started, in order: a coupon that became unusable (dropped from the session,
   * refused with `payment_total_changed`), a missing tax ID, a total the customer did not confirm. Returns the tax.
   */
  private admit(session: StoredSession, confirmedTotal: number): TaxSummary {
    const unusable = this.host.coupons.unusable(session);
    if (unusable) {
      session.coupon = null;
      session.internal.couponId = null;
      this.void(session);
      this.host.touch(session);
      throw unusable;
    }
    // why non-null: refuseUnchargeable / planPayment refused the only sessions without a tax.
    const tax = this.host.taxOf(session)!;
    const refused = chargeRefusal(session, confirmedTotal, tax);
    if (refused) throw refused;
    return tax;
  }
}
