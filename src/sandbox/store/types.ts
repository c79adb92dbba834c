// The shapes the sandbox store keeps: sessions, items, coupons, and the options of the store itself.
import type { BillingMode, CustomerField, PaymentMethod, SessionLocale, SessionStatus } from '../../session/schema.js';
import type { PaymentProcessorId } from '../../protocol/payments.js';
import type { TaxSettingsPatch } from '../tax/settings.js';
import type { ProcessorOptions } from '../processors/keys.js';
import type { TaxSummary } from '../../tax/types.js';

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

/** The coupon a session shows once one is applied: a snapshot of the coupon's terms when it was applied. */
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

export type Processor = PaymentProcessorId;

/** Sandbox bookkeeping of a session, never serialized. */
export interface SessionInternals {
  seq: number;
  lastActivityAt: number;
  /** When a processing payment settles, and how. */
  settleAt: number | null;
  outcome: 'completed' | 'failed' | null;
  /** The seed entry this session is (not a copy of it). */
  seedId: number | null;
  /** The coupon (by id) the session's `coupon` is a snapshot of; null when none, or set by a test override. */
  couponId: number | null;
  /** The coupon (by id) whose redemption this session's running payment holds, until it settles. */
  reservedCouponId: number | null;
  /**
   * The tax summary a running or completed payment charges, fixed when the payment starts: the session's `tax` while
   * it is processing or completed, and its `charged` once completed. Cleared when the payment fails.
   */
  paidTax: TaxSummary | null;
  /** The session's one open processor payment (a start not yet captured), or null: see open-payment.ts. */
  openPayment: PaymentRecord | null;
}

/** The customer fields the tax computation reads: a change to any of them changes what a payment must charge. */
export const TAX_INPUTS = ['billing_country', 'billing_postal_code', 'tax_id'] as const satisfies readonly CustomerField[];

/**
 * A payment as started: what the customer confirmed, fixed when the processor's intent or order was made. Capture
 * settles exactly this, never a re-read of the session.
 */
export type PaymentRecord = {
  processor: Processor;
  processor_id: string;
  method: PaymentMethod;
  /** The customer's tax inputs when it started. */
  inputs: Record<(typeof TAX_INPUTS)[number], string | null>;
  /** The coupon it reserved (its snapshot and id), or none. */
  coupon: AppliedCoupon | null;
  couponId: number | null;
  /** The tax it charges; `tax.total` is the total the customer confirmed. */
  tax: TaxSummary;
  total: number;
  /** Upper case, as the processors take it. */
  currency: string;
};

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
  internal: SessionInternals;
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
  /** The account's tax settings (over env `SANDBOX_TAX_*`); `reset()` returns to them. */
  tax?: TaxSettingsPatch;
  /** The simulated processors' public keys (the payment start's and the sessions' `processor_public_keys`). */
  processors?: ProcessorOptions;
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
  /** The total the customer confirmed, in minor units: a different server total refuses the payment. */
  total: number;
}
