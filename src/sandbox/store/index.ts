// The sandbox store: sessions, their status machine and timers. Coupons, payments, session building and
// serialisation live in the sibling modules; this class ties them together and owns every write.
import { createSessionSchema, publicUpdateSchema, updateSessionSchema } from '../../session/requests.js';
import { brokenAmounts } from '../../session/amounts.js';
import { isEditable, STATUSES, type CreateSessionBody, type SessionStatus } from '../../session/schema.js';
import type { TaxSummary } from '../../tax/types.js';
import { conflict, notFound, parseOptions, refusedBody, SandboxError } from '../errors.js';
import { PRODUCTS, SEED_SESSIONS, type Product } from '../seed.js';
import { CouponBook } from './coupons.js';
import { computeSessionTax } from '../tax/session-tax.js';
import { TaxSettingsHolder } from '../tax/settings.js';
import { PaymentDesk, taxInputsChanged, type ProcessorReport } from './open-payment.js';
import { publicSessionJSON, sessionJSON } from './serialize.js';
import { processorKeys, type ProcessorKeys } from '../processors/keys.js';
import { isPayable } from '../../session/status.js';
import { emptyCustomer, mergeCustomer, newInternals, newToken, resolveItems, seededSession } from './sessions.js';
import { abandons, nextDueAt, SessionTimers } from './timers.js';
import type { AppliedCoupon, CreateOptions, PaymentRecord, StoredCoupon, StoredSession, StoreOptions } from './types.js';

export type * from './types.js';
export { DECLINED_CARDS } from './payments.js';
export { SandboxError };

/**
 * The sandbox's in-memory state: sessions, coupons, the product catalog, the status machine and its timers.
 * Every mutating method validates everything first and then writes synchronously, so concurrent requests
 * can never leave a half-applied change. Usable from tests without HTTP.
 */
export class SandboxStore {
  readonly products = new Map<string, Product>();
  readonly abandonAfterMs: number;
  readonly processingDelayMs: number;
  /** The account's tax settings: the sessions' `tax`, what a payment charges, and the tax routes read them. */
  readonly taxSettings: TaxSettingsHolder;
  /** The simulated processors' public keys: the payment start's, and the sessions' `processor_public_keys`. */
  readonly processorKeys: ProcessorKeys;
  private readonly sessions = new Map<number, StoredSession>();
  private readonly tokens = new Map<string, number>();
  private readonly coupons: CouponBook;
  /** Every payment's start, record, capture and void (open-payment.ts); the processor routes connect their voids. */
  readonly payments: PaymentDesk;
  private readonly timers = new SessionTimers();
  private readonly now: () => number;
  private readonly seeded: boolean;
  private seq = 0;
  private nextId = 1000;

  constructor(options: StoreOptions = {}) {
    this.abandonAfterMs = options.abandonAfterMs ?? 30 * 60_000;
    this.processingDelayMs = options.processingDelayMs ?? 1500;
    this.now = options.now ?? Date.now;
    this.seeded = options.seed ?? true;
    this.coupons = new CouponBook(this.now);
    this.taxSettings = new TaxSettingsHolder(options.tax);
    this.processorKeys = processorKeys(options.processors);
    this.payments = new PaymentDesk({
      coupons: this.coupons,
      processingDelayMs: this.processingDelayMs,
      now: this.now,
      taxOf: (session) => this.taxOf(session),
      touch: (session) => this.touch(session),
      schedule: (session) => this.schedule(session),
      transition: (session, status) => this.transition(session, status),
    });
    this.reset();
  }

  /**
   * Drops every session and coupon, returns the tax settings to the start (options over env), then loads the catalog
   * and (unless disabled) the seed data again.
   */
  reset(): void {
    this.close();
    this.taxSettings.reset();
    this.sessions.clear();
    this.tokens.clear();
    this.products.clear();
    this.nextId = 1000;
    for (const product of PRODUCTS) this.products.set(product.code, { ...product });
    this.coupons.reset(this.seeded);
    if (!this.seeded) return;
    for (const seed of SEED_SESSIONS) this.add(seededSession(seed, this.products, newInternals(++this.seq, this.now(), seed.id)));
  }

  /** Stops every timer. The store stays readable. */
  close(): void {
    this.timers.clearAll();
  }

  // ---- sessions -------------------------------------------------------------------------------------------

  /** Validates a create body (catalog lookup included) and stores a new pending session. Throws SandboxError (422). */
  createSession(body: CreateSessionBody | unknown, opts: CreateOptions = {}): StoredSession {
    const parsed = createSessionSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw refusedBody(parsed.error);
    const data = parsed.data;
    const items = resolveItems(this.products, data.items);
    const customer = mergeCustomer(data.customer ?? {}, emptyCustomer());
    const session: StoredSession = {
      id: this.nextId++,
      token: newToken(),
      status: 'pending',
      billing_details_collection: data.billing_details_collection ?? 'required',
      cancel_url: data.cancel_url ?? null,
      success_url: data.success_url ?? null,
      coupon_collection: data.coupon_collection ?? false,
      locale: data.locale ?? 'auto',
      payment_methods: data.payment_methods ? [...new Set(data.payment_methods)] : ['card'],
      custom: data.custom ?? {},
      metadata: data.metadata ?? {},
      items,
      customer,
      processor: null,
      processor_id: null,
      coupon: null,
      internal: newInternals(++this.seq, this.now()),
    };
    if (opts.overrides) Object.assign(session, structuredClone(opts.overrides));
    if (opts.status) session.status = opts.status;
    this.add(session);
    return session;
  }

  /** A new pending copy of a session (used by the sandbox's "fresh session" endpoint). */
  copySession(fromId: number): StoredSession {
    const source = this.sessions.get(fromId);
    if (!source) throw notFound('Session');
    const copy: StoredSession = {
      ...structuredClone({ ...source, internal: undefined }),
      id: this.nextId++,
      token: newToken(),
      status: 'pending',
      processor: null,
      processor_id: null,
      coupon: null,
      internal: newInternals(++this.seq, this.now()),
    };
    this.add(copy);
    return copy;
  }

  getSession(id: number): StoredSession | undefined {
    const session = this.sessions.get(id);
    if (session) this.tick(session);
    return session;
  }

  getByToken(token: string): StoredSession | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.getSession(id);
  }

  /** Sessions, newest first, optionally of one status. */
  listSessions(status?: SessionStatus): StoredSession[] {
    const all = [...this.sessions.values()];
    for (const session of all) this.tick(session);
    return all.filter((s) => !status || s.status === status).sort((a, b) => b.internal.seq - a.internal.seq);
  }

  /** Seeded sessions (not their copies), in id order. */
  seedSessions(): StoredSession[] {
    return this.listSessions().filter((s) => s.internal.seedId !== null).sort((a, b) => a.id - b.id);
  }

  /** Private update: any subset of the create fields, pending sessions only. Throws SandboxError (404/409/422). */
  updateSession(id: number, body: unknown): StoredSession {
    const session = this.require(id);
    if (!isEditable(session)) throw conflict('update', session.status);
    const parsed = updateSessionSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw refusedBody(parsed.error);
    const data = parsed.data;
    const items = data.items ? resolveItems(this.products, data.items) : undefined;
    const customer = data.customer ? mergeCustomer(data.customer, session.customer) : undefined;
    // why: everything is validated above; from here on nothing can throw, so the write is all or nothing.
    if (data.billing_details_collection !== undefined) session.billing_details_collection = data.billing_details_collection;
    if (data.cancel_url !== undefined) session.cancel_url = data.cancel_url;
    if (data.success_url !== undefined) session.success_url = data.success_url;
    if (data.coupon_collection !== undefined) session.coupon_collection = data.coupon_collection;
    if (data.custom !== undefined) session.custom = data.custom;
    if (data.metadata !== undefined) session.metadata = data.metadata;
    if (data.locale !== undefined) session.locale = data.locale;
    if (data.payment_methods !== undefined) session.payment_methods = [...new Set(data.payment_methods)];
    // why: the open payment was computed from the items and the tax inputs; it is voided, the next start reflects them.
    if (items || (customer && taxInputsChanged(session.customer, customer))) this.payments.void(session);
    if (items) session.items = items;
    if (customer) session.customer = customer;
    this.touch(session);
    return session;
  }

  /** Private delete: pending sessions only. */
  deleteSession(id: number): void {
    const session = this.require(id);
    if (!isEditable(session)) throw conflict('delete', session.status);
    this.timers.clear(id);
    this.sessions.delete(id);
    this.tokens.delete(session.token);
  }

  /**
   * The customer's update through the permalink: `customer` fields and `coupon` only (strict), pending sessions
   * only. A refused coupon refuses the whole request.
   */
  publicUpdate(token: string, body: unknown): StoredSession {
    const session = this.requireToken(token);
    if (!isEditable(session)) throw conflict('update', session.status);
    const parsed = publicUpdateSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw refusedBody(parsed.error);
    const data = parsed.data;
    const customer = data.customer ? mergeCustomer(data.customer, session.customer) : undefined;
    let applied: { coupon: AppliedCoupon | null; couponId: number | null } | undefined;
    if (data.coupon !== undefined) {
      const code = data.coupon?.trim() ?? '';
      applied = code === '' ? { coupon: null, couponId: null } : this.coupons.apply(session, code);
    }
    // why replace, not refuse: the customer may correct what they typed; the payment started for the old inputs is
    // voided at its processor (a later confirm or approve of it is refused), and the next start charges the new ones.
    const couponChanged = applied !== undefined && applied.couponId !== session.internal.couponId;
    if (couponChanged || (customer && taxInputsChanged(session.customer, customer))) this.payments.void(session);
    if (customer) session.customer = customer;
    if (applied) {
      session.coupon = applied.coupon;
      session.internal.couponId = applied.couponId;
    }
    this.touch(session);
    return session;
  }

  /** Sandbox-only payment simulation (open-payment.ts): refused with `payment_total_changed` unless `total` is the server's. */
  pay(token: string, body: unknown): StoredSession {
    return this.payments.pay(this.requireToken(token), body);
  }

  /** A new attempt after a decline: failed → pending (the failed `processor_id` stays); pending answers unchanged. */
  retry(token: string): StoredSession {
    const session = this.requireToken(token);
    if (session.status !== 'failed' && session.status !== 'pending') throw conflict('retry', session.status);
    if (session.status === 'failed') session.status = 'pending';
    this.touch(session);
    return session;
  }

  /** Sandbox-only: the customer cancels. pending or failed → abandoned. */
  cancel(token: string): StoredSession {
    const session = this.requireToken(token);
    if (!isPayable(session)) throw conflict('cancel', session.status);
    this.transition(session, 'abandoned');
    return session;
  }

  /** A processor payment starts (the processor routes' `payment.json`): its record replaces the open one. */
  startProcessorPayment(token: string, request: Parameters<PaymentDesk['start']>[1], create: Parameters<PaymentDesk['start']>[2]): PaymentRecord {
    return this.payments.start(this.requireToken(token), request, create);
  }

  /** A simulated processor's capture or decline: whether the session accepts it (never throws; see PaymentDesk.settle). */
  settleProcessorPayment(token: string, report: ProcessorReport): boolean {
    const session = this.getByToken(token);
    return session ? this.payments.settle(session, report) : false;
  }

  /** Test hook: force a status (no payment is simulated; a forced `processing` stays processing). */
  setStatus(id: number, status: SessionStatus): StoredSession {
    if (!(STATUSES as readonly string[]).includes(status)) throw new RangeError(`Unknown status ${status}`);
    const session = this.require(id);
    session.internal.outcome = null;
    session.internal.settleAt = null;
    // why: no payment ran, so nothing was charged (a forced `completed` has no `charged`).
    session.internal.paidTax = null;
    this.transition(session, status);
    if (status === 'pending') this.touch(session);
    return session;
  }

  /** The API representation, in the recorded key order, plus `tax` (and `charged`). See serialize.ts. */
  toJSON(session: StoredSession, origin: string): Record<string, unknown> {
    return sessionJSON(session, origin, this.taxOf(session));
  }

  /** The permalink endpoints' representation: `toJSON` plus the protocol's fields (serialize.ts). */
  publicJSON(session: StoredSession, origin: string): Record<string, unknown> {
    return publicSessionJSON(session, origin, this.taxOf(session), this.processorKeys, this.abandonAfterMs);
  }

  /** The tax a running or completed payment charges, else the saved customer's now; null for unchargeable amounts. */
  taxOf(session: StoredSession): TaxSummary | null {
    const paid = session.internal.paidTax;
    if (paid && (session.status === 'processing' || session.status === 'completed')) return paid;
    if (brokenAmounts(session).length > 0) return null;
    return computeSessionTax(session, this.taxSettings.get());
  }

  // ---- coupons --------------------------------------------------------------------------------------------

  listCoupons(): StoredCoupon[] {
    return this.coupons.list();
  }

  getCoupon(code: string): StoredCoupon | undefined {
    return this.coupons.get(code);
  }

  /** Creates a coupon: `percent_off` or `amount_off` (minor units, with `currency`). Throws SandboxError (422). */
  createCoupon(body: unknown): StoredCoupon {
    return this.coupons.create(body);
  }

  deleteCoupon(code: string): void {
    this.coupons.delete(code);
  }

  /** The coupon's API representation, with a computed `valid`. */
  couponJSON(coupon: StoredCoupon): Record<string, unknown> {
    return this.coupons.toJSON(coupon);
  }

  // ---- internals ------------------------------------------------------------------------------------------

  private add(session: StoredSession): void {
    this.sessions.set(session.id, session);
    this.tokens.set(session.token, session.id);
    this.schedule(session);
  }

  private require(id: number): StoredSession {
    const session = this.getSession(id);
    if (!session) throw notFound('Session');
    return session;
  }

  private requireToken(token: string): StoredSession {
    const session = this.getByToken(token);
    if (!session) throw notFound('Session');
    return session;
  }

  /** Activity: a successful write. Restarts the abandonment clock. */
  private touch(session: StoredSession): void {
    session.internal.lastActivityAt = this.now();
    this.schedule(session);
  }

  private transition(session: StoredSession, status: SessionStatus): void {
    // why: leaving for any status ends the open payment (a processor decline closes it before it gets here).
    this.payments.void(session);
    session.status = status;
    // why: a failed payment charged nothing; the next attempt fixes its own total.
    if (status === 'failed') session.internal.paidTax = null;
    // why: a redemption counts when the payment completes, not when the customer types the code.
    this.coupons.settle(session, status);
    if (status === 'completed') this.payments.completed(session);
    this.schedule(session);
  }

  /** Applies any transition that is due: a payment settling, or a pending session timing out. */
  private tick(session: StoredSession): void {
    const now = this.now();
    const { settleAt, outcome } = session.internal;
    if (session.status === 'processing' && settleAt !== null && outcome && settleAt <= now) {
      session.internal.settleAt = null;
      session.internal.outcome = null;
      this.transition(session, outcome);
    } else if (session.status === 'pending' && abandons(this.abandonAfterMs) && now - session.internal.lastActivityAt >= this.abandonAfterMs) {
      this.transition(session, 'abandoned');
    }
  }

  /** One timer per session for its next due transition; lazy `tick` on access covers the rest. */
  private schedule(session: StoredSession): void {
    this.timers.clear(session.id);
    const dueAt = nextDueAt(session, this.abandonAfterMs);
    if (dueAt === null) return;
    this.timers.set(session.id, dueAt - this.now(), () => {
      if (this.sessions.get(session.id) !== session) return;
      this.tick(session);
      // why: a timer may fire a millisecond before the clock says it is due; re-arm instead of waiting for an access.
      if (!this.timers.has(session.id)) this.schedule(session);
    });
  }
}
