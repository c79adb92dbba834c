import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { luhn } from '../session/card.ts';
import { createSessionSchema, publicUpdateSchema, updateSessionSchema } from '../session/requests.ts';
import {
  CUSTOMER_FIELDS,
  isEditable,
  PAYMENT_METHODS,
  STATUSES,
  type BillingMode,
  type CreateSessionBody,
  type CustomerField,
  type PaymentMethod,
  type SessionLocale,
  type SessionStatus,
} from '../session/schema.ts';
import { sessionTotals } from '../session/money.ts';
import { conflict, invalid, notFound, parseOptions, SandboxError, validationErrors } from './errors.ts';
import { PRODUCTS, SEED_COUPONS, SEED_SESSIONS, type Product, type SeedSession } from './seed.ts';

export type StoredCustomer = Record<CustomerField, string | null>;

/** A line item as stored: amount is the unit price in the currency's minor unit. */
// why: type aliases (not interfaces) so a StoredSession fits the shared money helpers' loose-object types.
export type StoredItem = {
  product: string | null;
  amount: number;
  name: string;
  description: string | null;
  currency: string;
  quantity: number;
};

/** The coupon a session shows once one is applied (a snapshot: deleting the coupon later does not change it). */
export type AppliedCoupon = {
  code: string;
  name: string | null;
  percent_off: number | null;
  amount_off: number | null;
  currency: string | null;
};

/** A coupon in Quaderno's shape. */
export type StoredCoupon = AppliedCoupon & {
  id: number;
  redeem_by: string | null;
  max_redemptions: number | null;
  times_redeemed: number;
};

export type Processor = 'stripe' | 'paypal';

/** A session as the sandbox keeps it; `toJSON` turns it into the API representation. */
export interface StoredSession {
  id: number;
  token: string;
  status: SessionStatus;
  billing_details_collection: BillingMode;
  cancel_url: string | null;
  success_url: string | null;
  coupon_collection: boolean;
  locale: SessionLocale;
  payment_methods: PaymentMethod[];
  custom: Record<string, unknown>;
  metadata: Record<string, unknown>;
  items: StoredItem[];
  customer: StoredCustomer;
  processor: Processor | null;
  processor_id: string | null;
  coupon: AppliedCoupon | null;
  /** Sandbox bookkeeping, never serialized. */
  internal: {
    seq: number;
    lastActivityAt: number;
    /** When a processing payment settles, and how. */
    settleAt: number | null;
    outcome: 'completed' | 'failed' | null;
    /** The seed entry this session is (not a copy of it). */
    seedId: number | null;
  };
}

export interface StoreOptions {
  /** A pending session with no write for this long becomes abandoned. Default 30 min; 0 or Infinity disables. */
  abandonAfterMs?: number;
  /** How long a payment stays `processing`. Default 1500 ms. */
  processingDelayMs?: number;
  /** Load the seed sessions, products' coupons. Default true. */
  seed?: boolean;
  /** The clock, for tests. */
  now?: () => number;
}

/** Test hooks for `createSession`. */
export interface CreateOptions {
  /** Store the session in this status right away (no payment is simulated). */
  status?: SessionStatus;
  /** Fields written after validation, for sessions the API would refuse (a `javascript:` success_url, no items…). */
  overrides?: Partial<Omit<StoredSession, 'id' | 'internal'>>;
}

/** The body of the sandbox-only pay endpoint. */
export interface PayBody {
  method: PaymentMethod;
  card_number?: string;
  outcome?: 'approve' | 'decline';
}

/** Stripe's test numbers that decline; any other Luhn-valid number succeeds. */
export const DECLINED_CARDS: ReadonlySet<string> = new Set(['4000000000000002', '4000000000009995', '4000000000000069']);

const MAX_TEXT = 255;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const payBodySchema = z.object({
  method: z.string(),
  card_number: z.optional(z.string().check(z.maxLength(40))),
  outcome: z.optional(z.string()),
});

const couponCreateSchema = z.object({
  code: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_"')),
  name: z.optional(z.nullable(z.string().check(z.maxLength(MAX_TEXT)))),
  percent_off: z.optional(z.nullable(z.number().check(z.gt(0), z.lte(100)))),
  amount_off: z.optional(z.nullable(z.number().check(z.int(), z.gt(0)))),
  currency: z.optional(z.nullable(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')))),
  redeem_by: z.optional(z.nullable(z.union([z.iso.datetime({ offset: true }), z.iso.date()]))),
  max_redemptions: z.optional(z.nullable(z.number().check(z.int(), z.gte(1)))),
});

// why: the order Quaderno's responses use, so a stored session serializes like the recorded traffic.
const RECORDED_CUSTOMER_ORDER: readonly CustomerField[] = [
  'billing_city',
  'billing_country',
  'billing_postal_code',
  'billing_street_line_1',
  'billing_street_line_2',
  'company',
  'email',
  'first_name',
  'last_name',
  'tax_id',
  'business_number',
];

function emptyCustomer(): StoredCustomer {
  return Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, null])) as StoredCustomer;
}

/**
 * why: the shared customer schema strips unknown keys; through the permalink an unknown key is refused instead,
 * so a customer can't believe they set something that was silently dropped.
 */
function unknownCustomerKeys(body: unknown): void {
  const customer = (body as { customer?: unknown }).customer;
  if (!customer || typeof customer !== 'object') return;
  const unknown = Object.keys(customer).filter((key) => !(CUSTOMER_FIELDS as readonly string[]).includes(key));
  if (unknown.length) throw invalid(Object.fromEntries(unknown.map((key) => [`customer.${key}`, ['is not allowed here']])));
}

/** Luhn checksum over a digits-only string (the element's validator uses the same one). */
export const luhnValid = luhn;

function randomAlnum(length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * The sandbox's in-memory state: sessions, coupons, the product catalog, the status machine and its timers.
 * Every mutating method validates everything first and then writes synchronously, so concurrent requests
 * can never leave a half-applied change. Usable from tests without HTTP.
 */
export class SandboxStore {
  readonly products = new Map<string, Product>();
  readonly abandonAfterMs: number;
  readonly processingDelayMs: number;
  private readonly sessions = new Map<number, StoredSession>();
  private readonly tokens = new Map<string, number>();
  private readonly coupons = new Map<string, StoredCoupon>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly now: () => number;
  private readonly seeded: boolean;
  private seq = 0;
  private nextId = 1000;
  private nextCouponId = 1;

  constructor(options: StoreOptions = {}) {
    this.abandonAfterMs = options.abandonAfterMs ?? 30 * 60_000;
    this.processingDelayMs = options.processingDelayMs ?? 1500;
    this.now = options.now ?? Date.now;
    this.seeded = options.seed ?? true;
    this.reset();
  }

  /** Drops every session and coupon, then loads the catalog and (unless disabled) the seed data again. */
  reset(): void {
    this.close();
    this.sessions.clear();
    this.tokens.clear();
    this.coupons.clear();
    this.products.clear();
    this.nextId = 1000;
    this.nextCouponId = 1;
    for (const product of PRODUCTS) this.products.set(product.code, { ...product });
    if (!this.seeded) return;
    for (const coupon of SEED_COUPONS) {
      this.insertCoupon({
        code: coupon.code,
        name: coupon.name,
        percent_off: coupon.percent_off ?? null,
        amount_off: coupon.amount_off ?? null,
        currency: coupon.currency ?? null,
        redeem_by: coupon.redeem_by ?? null,
        max_redemptions: coupon.max_redemptions ?? null,
        times_redeemed: coupon.times_redeemed ?? 0,
      });
    }
    for (const seed of SEED_SESSIONS) this.insertSeed(seed);
  }

  /** Stops every timer. The store stays readable. */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- sessions -------------------------------------------------------------------------------------------

  /** Validates a create body (catalog lookup included) and stores a new pending session. Throws SandboxError (422). */
  createSession(body: CreateSessionBody | unknown, opts: CreateOptions = {}): StoredSession {
    const parsed = createSessionSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw invalid(validationErrors(parsed.error));
    const data = parsed.data;
    const items = this.resolveItems(data.items);
    const customer = this.checkCustomer(data.customer ?? {}, emptyCustomer());
    const session: StoredSession = {
      id: this.nextId++,
      token: randomBytes(20).toString('hex'),
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
      internal: { seq: ++this.seq, lastActivityAt: this.now(), settleAt: null, outcome: null, seedId: null },
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
      token: randomBytes(20).toString('hex'),
      status: 'pending',
      processor: null,
      processor_id: null,
      coupon: null,
      internal: { seq: ++this.seq, lastActivityAt: this.now(), settleAt: null, outcome: null, seedId: null },
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
    return this.listSessions()
      .filter((s) => s.internal.seedId !== null)
      .sort((a, b) => a.id - b.id);
  }

  /** Private update: any subset of the create fields, pending sessions only. Throws SandboxError (404/409/422). */
  updateSession(id: number, body: unknown): StoredSession {
    const session = this.require(id);
    if (!isEditable(session)) throw conflict('update', session.status);
    const parsed = updateSessionSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw invalid(validationErrors(parsed.error));
    const data = parsed.data;
    const items = data.items ? this.resolveItems(data.items) : undefined;
    const customer = data.customer ? this.checkCustomer(data.customer, session.customer) : undefined;
    // why: everything is validated above; from here on nothing can throw, so the write is all or nothing.
    if (data.billing_details_collection !== undefined) session.billing_details_collection = data.billing_details_collection;
    if (data.cancel_url !== undefined) session.cancel_url = data.cancel_url;
    if (data.success_url !== undefined) session.success_url = data.success_url;
    if (data.coupon_collection !== undefined) session.coupon_collection = data.coupon_collection;
    if (data.custom !== undefined) session.custom = data.custom;
    if (data.metadata !== undefined) session.metadata = data.metadata;
    if (data.locale !== undefined) session.locale = data.locale;
    if (data.payment_methods !== undefined) session.payment_methods = [...new Set(data.payment_methods)];
    if (items) session.items = items;
    if (customer) session.customer = customer;
    this.touch(session);
    return session;
  }

  /** Private delete: pending sessions only. */
  deleteSession(id: number): void {
    const session = this.require(id);
    if (!isEditable(session)) throw conflict('delete', session.status);
    this.clearTimer(id);
    this.sessions.delete(id);
    this.tokens.delete(session.token);
  }

  /**
   * The customer's update through the permalink: `customer` fields and `coupon` only (strict).
   * A refused coupon refuses the whole request.
   */
  publicUpdate(token: string, body: unknown): StoredSession {
    const session = this.requireToken(token);
    if (!isEditable(session)) throw conflict('update', session.status);
    const parsed = publicUpdateSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw invalid(validationErrors(parsed.error));
    unknownCustomerKeys(body);
    const data = parsed.data;
    const customer = data.customer ? this.checkCustomer(data.customer, session.customer) : undefined;
    let coupon: AppliedCoupon | null | undefined;
    if (data.coupon !== undefined) {
      const code = data.coupon?.trim() ?? '';
      coupon = code === '' ? null : this.applicableCoupon(session, code);
    }
    if (customer) session.customer = customer;
    if (coupon !== undefined) session.coupon = coupon;
    this.touch(session);
    return session;
  }

  /** Sandbox-only payment simulation: pending or failed → processing → completed | failed. */
  pay(token: string, body: unknown): StoredSession {
    const session = this.requireToken(token);
    if (session.status !== 'pending' && session.status !== 'failed') throw conflict('pay', session.status);
    const parsed = payBodySchema.safeParse(body, parseOptions);
    if (!parsed.success) throw invalid(validationErrors(parsed.error));
    const { method, card_number, outcome } = parsed.data;
    if (!(PAYMENT_METHODS as readonly string[]).includes(method)) {
      throw invalid({ method: [`must be one of ${PAYMENT_METHODS.join(', ')}`] });
    }
    if (!session.payment_methods.includes(method as PaymentMethod)) {
      throw invalid({ method: [`${method} is not offered by this session (${session.payment_methods.join(', ')})`] });
    }
    if (session.items.length === 0) throw invalid({ items: ['The session has no items to pay'] });
    let declined: boolean;
    if (method === 'card') {
      const digits = (card_number ?? '').replace(/[\s-]/g, '');
      if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
        throw invalid({ card_number: ['is not a valid card number'] });
      }
      declined = DECLINED_CARDS.has(digits);
    } else {
      if (outcome !== 'approve' && outcome !== 'decline') throw invalid({ outcome: ['must be "approve" or "decline"'] });
      declined = outcome === 'decline';
    }
    if (session.coupon) {
      // why: a coupon may have expired or run out since it was applied; the redemption must still be honest.
      const stored = this.coupons.get(session.coupon.code.toUpperCase());
      const problem = stored ? this.couponProblem(stored, session) : 'This coupon no longer exists';
      if (problem) throw invalid({ coupon: [problem] });
    }
    session.status = 'processing';
    session.processor = method === 'card' ? 'stripe' : 'paypal';
    session.processor_id = method === 'card' ? `ch_sandbox_${randomBytes(12).toString('hex')}` : `PAYID-${randomAlnum(24)}`;
    session.internal.outcome = declined ? 'failed' : 'completed';
    session.internal.settleAt = this.now() + this.processingDelayMs;
    session.internal.lastActivityAt = this.now();
    this.schedule(session);
    return session;
  }

  /**
   * A real processor's backend (the sandbox's simulated Stripe or PayPal) reports on a payable session: it links the
   * payment (`processor`, `processor_id`) and, with a result, settles it like a webhook would: `succeeded` books
   * it (processing, then completed after the processing delay), `failed` marks the session failed at once.
   */
  recordProcessorPayment(
    token: string,
    payment: { processor: Processor; processor_id: string; result?: 'succeeded' | 'failed' },
  ): StoredSession {
    const session = this.requireToken(token);
    if (session.status !== 'pending' && session.status !== 'failed') throw conflict('pay', session.status);
    session.processor = payment.processor;
    session.processor_id = payment.processor_id;
    if (payment.result === 'succeeded') {
      session.status = 'processing';
      session.internal.outcome = 'completed';
      session.internal.settleAt = this.now() + this.processingDelayMs;
    } else if (payment.result === 'failed') {
      session.status = 'failed';
    }
    this.touch(session);
    return session;
  }

  /** Sandbox-only: the customer cancels. pending or failed → abandoned. */
  cancel(token: string): StoredSession {
    const session = this.requireToken(token);
    if (session.status !== 'pending' && session.status !== 'failed') throw conflict('cancel', session.status);
    this.transition(session, 'abandoned');
    return session;
  }

  /** Test hook: force a status (no payment is simulated; a forced `processing` stays processing). */
  setStatus(id: number, status: SessionStatus): StoredSession {
    if (!(STATUSES as readonly string[]).includes(status)) throw new RangeError(`Unknown status ${status}`);
    const session = this.require(id);
    session.internal.outcome = null;
    session.internal.settleAt = null;
    this.transition(session, status);
    if (status === 'pending') this.touch(session);
    return session;
  }

  /** The API representation, in the recorded key order. `processor*` and `coupon` appear only when set. */
  toJSON(session: StoredSession, origin: string): Record<string, unknown> {
    const json: Record<string, unknown> = {
      id: session.id,
      status: session.status,
      billing_details_collection: session.billing_details_collection,
      cancel_url: session.cancel_url,
      coupon_collection: session.coupon_collection,
      locale: session.locale,
      payment_methods: [...session.payment_methods],
      success_url: session.success_url,
      custom: structuredClone(session.custom),
      metadata: structuredClone(session.metadata),
      items: session.items.map((item) => ({ ...item })),
      customer: Object.fromEntries(RECORDED_CUSTOMER_ORDER.map((field) => [field, session.customer[field]])),
      permalink: `${origin.replace(/\/+$/, '')}/checkout/session/${session.token}`,
    };
    if (session.processor) json.processor = session.processor;
    if (session.processor_id) json.processor_id = session.processor_id;
    if (session.coupon) json.coupon = { ...session.coupon };
    return json;
  }

  // ---- coupons --------------------------------------------------------------------------------------------

  listCoupons(): StoredCoupon[] {
    return [...this.coupons.values()].sort((a, b) => b.id - a.id);
  }

  getCoupon(code: string): StoredCoupon | undefined {
    return this.coupons.get(code.trim().toUpperCase());
  }

  /** Creates a coupon: `percent_off` or `amount_off` (minor units, with `currency`). Throws SandboxError (422). */
  createCoupon(body: unknown): StoredCoupon {
    const parsed = couponCreateSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw invalid(validationErrors(parsed.error));
    const data = parsed.data;
    const errors: Record<string, string[]> = {};
    const percent = data.percent_off ?? null;
    const amount = data.amount_off ?? null;
    if (percent === null && amount === null) errors.percent_off = ['either percent_off or amount_off is required'];
    if (percent !== null && amount !== null) errors.amount_off = ['give percent_off or amount_off, not both'];
    if (amount !== null && !data.currency) errors.currency = ['is required with amount_off'];
    if (this.coupons.has(data.code.toUpperCase())) errors.code = ['has already been taken'];
    if (Object.keys(errors).length) throw invalid(errors);
    return this.insertCoupon({
      code: data.code,
      name: data.name ?? null,
      percent_off: percent,
      amount_off: amount,
      currency: amount !== null && data.currency ? data.currency.toUpperCase() : null,
      redeem_by: data.redeem_by ? new Date(data.redeem_by).toISOString() : null,
      max_redemptions: data.max_redemptions ?? null,
      times_redeemed: 0,
    });
  }

  deleteCoupon(code: string): void {
    const key = code.trim().toUpperCase();
    if (!this.coupons.delete(key)) throw notFound('Coupon');
  }

  /** The coupon's API representation, with a computed `valid`. */
  couponJSON(coupon: StoredCoupon): Record<string, unknown> {
    return { ...coupon, valid: this.couponProblem(coupon) === null };
  }

  // ---- internals ------------------------------------------------------------------------------------------

  private insertCoupon(coupon: Omit<StoredCoupon, 'id'>): StoredCoupon {
    const stored: StoredCoupon = { id: this.nextCouponId++, ...coupon };
    this.coupons.set(stored.code.toUpperCase(), stored);
    return stored;
  }

  private insertSeed(seed: SeedSession): void {
    const customer = emptyCustomer();
    for (const field of CUSTOMER_FIELDS) customer[field] = seed.customer?.[field] ?? null;
    const items = seed.items.map((entry) => {
      const product = this.products.get(entry.product);
      if (!product) throw new Error(`Seed session ${seed.id} names unknown product ${entry.product}`);
      return {
        product: product.code,
        amount: product.amount,
        name: entry.name ?? product.name,
        description: entry.description !== undefined ? entry.description : product.description,
        currency: product.currency,
        quantity: entry.quantity ?? 1,
      };
    });
    this.add({
      id: seed.id,
      token: seed.token,
      status: seed.status,
      billing_details_collection: seed.billing_details_collection,
      cancel_url: seed.cancel_url,
      success_url: seed.success_url,
      coupon_collection: seed.coupon_collection,
      locale: seed.locale,
      payment_methods: [...seed.payment_methods],
      custom: { ...seed.custom },
      metadata: { label: seed.label },
      items,
      customer,
      processor: null,
      processor_id: null,
      coupon: null,
      internal: { seq: ++this.seq, lastActivityAt: this.now(), settleAt: null, outcome: null, seedId: seed.id },
    });
  }

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

  /** Expands catalog items and checks amounts. Throws 422 naming `items.N.field`. */
  private resolveItems(
    items: ReadonlyArray<{
      product?: string | null;
      amount?: number;
      name?: string;
      description?: string | null;
      currency?: string;
      quantity?: number;
    }>,
  ): StoredItem[] {
    const errors: Record<string, string[]> = {};
    const resolved = items.map((item, index) => {
      const product = item.product ? this.products.get(item.product) : undefined;
      const custom = item.amount !== undefined && item.name !== undefined && item.currency !== undefined;
      if (!product && !custom) {
        errors[`items.${index}.product`] = [`unknown product "${item.product ?? ''}": use a catalog code or give name, amount and currency`];
      }
      const amount = item.amount ?? product?.amount ?? 0;
      if (!Number.isSafeInteger(amount) || amount < 0) {
        errors[`items.${index}.amount`] = ['must be a whole, non-negative number of minor units (2100 = 21.00)'];
      }
      const name = item.name ?? product?.name ?? '';
      if (name.length > MAX_TEXT) errors[`items.${index}.name`] = [`is longer than ${MAX_TEXT} characters`];
      return {
        product: item.product ?? null,
        amount,
        name,
        description: item.description !== undefined ? item.description : (product?.description ?? null),
        currency: (item.currency ?? product?.currency ?? 'EUR').toUpperCase(),
        quantity: item.quantity ?? 1,
      };
    });
    if (Object.keys(errors).length) throw invalid(errors);
    return resolved;
  }

  /** Merges customer input over `base`, checking lengths, email and country. Throws 422 naming `customer.field`. */
  private checkCustomer(input: Partial<Record<CustomerField, string | null | undefined>>, base: StoredCustomer): StoredCustomer {
    const next = { ...base };
    const errors: Record<string, string[]> = {};
    for (const field of CUSTOMER_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      if (value !== null && value.length > MAX_TEXT) {
        errors[`customer.${field}`] = [`is longer than ${MAX_TEXT} characters`];
        continue;
      }
      if (field === 'email' && value && !EMAIL.test(value.trim())) {
        errors['customer.email'] = ['is not a valid email address'];
        continue;
      }
      if (field === 'billing_country' && value && !/^[A-Za-z]{2}$/.test(value.trim())) {
        errors['customer.billing_country'] = ['must be a two-letter ISO country code'];
        continue;
      }
      next[field] = field === 'billing_country' && value ? value.trim().toUpperCase() : value;
    }
    if (Object.keys(errors).length) throw invalid(errors);
    return next;
  }

  /** Why a coupon can't be used (on this session, when given), or null. */
  private couponProblem(coupon: StoredCoupon, session?: StoredSession): string | null {
    if (coupon.redeem_by && Date.parse(coupon.redeem_by) <= this.now()) return 'This coupon has expired';
    if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) {
      return 'This coupon has reached its redemption limit';
    }
    if (session && coupon.amount_off !== null) {
      const { currency } = sessionTotals(session);
      if (coupon.currency && coupon.currency !== currency) return `This coupon only applies to ${coupon.currency} purchases`;
    }
    return null;
  }

  private applicableCoupon(session: StoredSession, code: string): AppliedCoupon {
    if (!session.coupon_collection) throw invalid({ coupon: ['This checkout does not accept coupons'] });
    const coupon = this.coupons.get(code.toUpperCase());
    if (!coupon) throw invalid({ coupon: ['This coupon code is not valid'] });
    const problem = this.couponProblem(coupon, session);
    if (problem) throw invalid({ coupon: [problem] });
    const { code: canonical, name, percent_off, amount_off, currency } = coupon;
    return { code: canonical, name, percent_off, amount_off, currency };
  }

  /** Activity: a successful write. Restarts the abandonment clock. */
  private touch(session: StoredSession): void {
    session.internal.lastActivityAt = this.now();
    this.schedule(session);
  }

  private transition(session: StoredSession, status: SessionStatus): void {
    session.status = status;
    if (status === 'completed' && session.coupon) {
      // why: a redemption counts when the payment completes, not when the customer types the code.
      const coupon = this.coupons.get(session.coupon.code.toUpperCase());
      if (coupon) coupon.times_redeemed += 1;
    }
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
    } else if (session.status === 'pending' && this.abandons() && now - session.internal.lastActivityAt >= this.abandonAfterMs) {
      this.transition(session, 'abandoned');
    }
  }

  private abandons(): boolean {
    return this.abandonAfterMs > 0 && Number.isFinite(this.abandonAfterMs);
  }

  /** One unref'd timer per session for its next due transition; lazy `tick` on access covers the rest. */
  private schedule(session: StoredSession): void {
    this.clearTimer(session.id);
    let dueAt: number | null = null;
    if (session.status === 'processing' && session.internal.settleAt !== null) dueAt = session.internal.settleAt;
    else if (session.status === 'pending' && this.abandons()) dueAt = session.internal.lastActivityAt + this.abandonAfterMs;
    if (dueAt === null) return;
    const delay = Math.min(Math.max(0, dueAt - this.now()), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.timers.delete(session.id);
      if (this.sessions.get(session.id) !== session) return;
      this.tick(session);
      // why: a timer may fire a millisecond before the clock says it is due; re-arm instead of waiting for an access.
      if (!this.timers.has(session.id)) this.schedule(session);
    }, delay);
    timer.unref();
    this.timers.set(session.id, timer);
  }

  private clearTimer(id: number): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }
}

export { SandboxError };
