// The sandbox's coupons: Quaderno's coupon API (create, list, read, delete) and the rules for applying one.
import * as z from 'zod/mini';
import { sessionTotals } from '../../session/money.js';
import { couponRefused, invalid, notFound, parseOptions, refusedBody, type CouponRefusal, type SandboxError } from '../errors.js';
import { SEED_COUPONS } from '../seed.js';
import type { AppliedCoupon, StoredCoupon, StoredSession } from './types.js';

const couponCreateSchema = z.object({
  code: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, "-" or "_"')),
  name: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
  percent_off: z.optional(z.nullable(z.number().check(z.gt(0), z.lte(100)))),
  amount_off: z.optional(z.nullable(z.number().check(z.int(), z.gt(0)))),
  currency: z.optional(z.nullable(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code')))),
  redeem_by: z.optional(z.nullable(z.union([z.iso.datetime({ offset: true }), z.iso.date()]))),
  max_redemptions: z.optional(z.nullable(z.number().check(z.int(), z.gte(1)))),
});

/** Why a coupon cannot be used, as the protocol names it. */
export interface CouponProblem {
  code: CouponRefusal;
  message: string;
  currency?: string;
}

function refuse(problem: CouponProblem | null): void {
  if (problem) throw couponRefused(problem.code, problem.message, problem.currency);
}

/**
 * Coupons by upper-case code, and the redemptions that running payments hold.
 * why reservations: a redemption only counts once a payment completes, so a cap checked against `times_redeemed`
 * alone lets every payment started within the processing window through (20 redemptions of a cap-1 coupon).
 * A payment reserves one when it starts; completing turns it into a redemption, failing releases it.
 */
export class CouponBook {
  private readonly coupons = new Map<string, StoredCoupon>();
  /** Coupon id → the sessions whose running payment holds one of its redemptions. */
  private readonly reserved = new Map<number, Set<number>>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** Drops every coupon; loads the seed coupons unless `seed` is false. */
  reset(seed: boolean): void {
    this.coupons.clear();
    this.reserved.clear();
    this.nextId = 1;
    if (!seed) return;
    for (const coupon of SEED_COUPONS) {
      this.insert({
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
  }

  list(): StoredCoupon[] {
    return [...this.coupons.values()].sort((a, b) => b.id - a.id);
  }

  get(code: string): StoredCoupon | undefined {
    return this.coupons.get(code.trim().toUpperCase());
  }

  /** Creates a coupon: `percent_off` or `amount_off` (minor units, with `currency`). Throws SandboxError (422). */
  create(body: unknown): StoredCoupon {
    const parsed = couponCreateSchema.safeParse(body, parseOptions);
    if (!parsed.success) throw refusedBody(parsed.error);
    const data = parsed.data;
    const errors: Record<string, string[]> = {};
    const percent = data.percent_off ?? null;
    const amount = data.amount_off ?? null;
    if (percent === null && amount === null) errors.percent_off = ['either percent_off or amount_off is required'];
    if (percent !== null && amount !== null) errors.amount_off = ['give percent_off or amount_off, not both'];
    if (amount !== null && !data.currency) errors.currency = ['is required with amount_off'];
    if (this.coupons.has(data.code.toUpperCase())) errors.code = ['has already been taken'];
    if (Object.keys(errors).length) throw invalid(errors);
    return this.insert({
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

  delete(code: string): void {
    if (!this.coupons.delete(code.trim().toUpperCase())) throw notFound('Coupon');
  }

  /** The coupon's API representation, with a computed `valid`. */
  toJSON(coupon: StoredCoupon): Record<string, unknown> {
    return { ...coupon, valid: this.problem(coupon) === null };
  }

  /** Why a coupon can't be used (on this session, when given), or null. */
  problem(coupon: StoredCoupon, session?: StoredSession): CouponProblem | null {
    if (coupon.redeem_by && Date.parse(coupon.redeem_by) <= this.now()) {
      return { code: 'coupon_expired', message: 'This coupon has expired' };
    }
    // why not the session's own: a new start of the same session replaces its reservation, it does not add one.
    const holders = this.reserved.get(coupon.id);
    const held = (holders?.size ?? 0) - (session && holders?.has(session.id) ? 1 : 0);
    if (coupon.max_redemptions !== null && coupon.times_redeemed + held >= coupon.max_redemptions) {
      return { code: 'coupon_used_up', message: 'This coupon has reached its redemption limit' };
    }
    if (session && coupon.amount_off !== null && coupon.currency && coupon.currency !== sessionTotals(session).currency) {
      return { code: 'coupon_currency', message: `This coupon only applies to ${coupon.currency} purchases`, currency: coupon.currency };
    }
    return null;
  }

  /**
   * Applies the coupon `code` to the session: its snapshot and identity, or a 422 `errors.coupon` saying why not.
   * why a snapshot bound to the coupon's id: the session keeps showing the discount the customer saw; a coupon
   * deleted and re-created under the same code is another coupon, and paying with the old one is refused (`unusable`).
   */
  apply(session: StoredSession, code: string): { coupon: AppliedCoupon; couponId: number } {
    if (!session.coupon_collection) throw couponRefused('coupon_not_accepted', 'This checkout does not accept coupons');
    const coupon = this.coupons.get(code.toUpperCase());
    if (!coupon) throw couponRefused('coupon_unknown', 'This coupon code is not valid');
    refuse(this.problem(coupon, session));
    const { code: canonical, name, percent_off, amount_off, currency } = coupon;
    return { coupon: { code: canonical, name, percent_off, amount_off, currency }, couponId: coupon.id };
  }

  /**
   * Before a payment starts: the refusal to answer when the session's coupon no longer exists, is another coupon
   * now, or cannot be used any more; null when it is fine (or there is none). The store drops such a coupon.
   */
  unusable(session: StoredSession): SandboxError | null {
    if (!session.coupon) return null;
    const stored = this.current(session);
    const problem: CouponProblem | null = stored
      ? this.problem(stored, session)
      : { code: 'coupon_unknown', message: 'This coupon no longer exists' };
    if (!problem) return null;
    return invalid(
      { coupon: [problem.message] },
      {
        code: 'payment_total_changed',
        error: `${problem.message}: it was removed from the session, whose total changed; pay again to confirm the new total`,
        field_codes: { coupon: problem.code },
        ...(problem.currency ? { currency: problem.currency } : {}),
      },
    );
  }

  /** The stored coupon the session's snapshot is of, if it still exists (by code; by id too when the id is known). */
  private current(session: StoredSession): StoredCoupon | undefined {
    const stored = session.coupon ? this.coupons.get(session.coupon.code.toUpperCase()) : undefined;
    const { couponId } = session.internal;
    return stored && (couponId === null || stored.id === couponId) ? stored : undefined;
  }

  /** A payment starts: it holds one redemption of the session's coupon (found usable by `unusable` first). */
  reserve(session: StoredSession): void {
    const coupon = this.current(session);
    if (!coupon) return;
    let holders = this.reserved.get(coupon.id);
    if (!holders) this.reserved.set(coupon.id, (holders = new Set()));
    holders.add(session.id);
    session.internal.reservedCouponId = coupon.id;
  }

  /** The session's payment was voided or replaced: the redemption it held is free again. */
  release(session: StoredSession): void {
    this.settle(session, 'released');
  }

  /**
   * The session reached `status`: its reservation, if any, is released, and a completion redeems the reserved
   * coupon (or, for a completion forced by the `setStatus` test hook, the session's coupon).
   */
  settle(session: StoredSession, status: string): void {
    const reservedId = session.internal.reservedCouponId;
    if (reservedId !== null) {
      this.reserved.get(reservedId)?.delete(session.id);
      session.internal.reservedCouponId = null;
    }
    if (status !== 'completed') return;
    const coupon = reservedId !== null ? [...this.coupons.values()].find((c) => c.id === reservedId) : this.current(session);
    if (coupon) coupon.times_redeemed += 1;
  }

  private insert(coupon: Omit<StoredCoupon, 'id'>): StoredCoupon {
    const stored: StoredCoupon = { id: this.nextId++, ...coupon };
    this.coupons.set(stored.code.toUpperCase(), stored);
    return stored;
  }
}
