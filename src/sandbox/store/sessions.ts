// Building sessions: catalog items, customer merges, fresh tokens and the seed. Pure functions over the catalog;
// the store owns the maps and the status machine.
import { randomBytes } from 'node:crypto';
import { brokenAmounts } from '../../session/amounts.js';
import { CUSTOMER_FIELDS, type CustomerField } from '../../session/schema.js';
import { invalid } from '../errors.js';
import type { Product, SeedSession } from '../seed.js';
import type { SessionInternals, StoredCustomer, StoredItem, StoredSession } from './types.js';

const MAX_TEXT = 255;

export function emptyCustomer(): StoredCustomer {
  return Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, null])) as StoredCustomer;
}

/** A permalink token: 40 hex characters, unguessable. */
export function newToken(): string {
  return randomBytes(20).toString('hex');
}

export function newInternals(seq: number, now: number, seedId: number | null = null): SessionInternals {
  return { seq, lastActivityAt: now, settleAt: null, outcome: null, seedId, couponId: null, reservedCouponId: null, paidTax: null, openPayment: null };
}

/** An item of a create or update body, after the request schema. */
export interface ItemInput {
  product?: string | null;
  amount?: number;
  name?: string;
  description?: string | null;
  currency?: string;
  quantity?: number;
}

/**
 * Expands catalog items and checks amounts. Throws 422 naming `items.N.field`: `field_invalid` for a bad item,
 * `session_broken` for items the element would refuse as a whole (mixed currencies, totals beyond exact integers;
 * the shared rule of `session/amounts.ts`), so nothing unchargeable is ever stored.
 */
export function resolveItems(products: ReadonlyMap<string, Product>, items: ReadonlyArray<ItemInput>): StoredItem[] {
  const errors: Record<string, string[]> = {};
  const resolved = items.map((item, index) => {
    const product = item.product ? products.get(item.product) : undefined;
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
  const broken = brokenAmounts({ items: resolved, coupon: null });
  if (broken.length > 0) {
    const brokenErrors: Record<string, string[]> = {};
    for (const issue of broken) (brokenErrors[issue.path] ??= []).push(issue.message);
    const field_codes = Object.fromEntries(Object.keys(brokenErrors).map((key) => [key, 'session_broken' as const]));
    throw invalid(brokenErrors, { code: 'session_broken', field_codes });
  }
  return resolved;
}

/**
 * Merges customer input over `base`. The input was checked by the request schema (`requests.ts`), the one home of
 * the customer rules; here the country is only normalised to upper case.
 */
export function mergeCustomer(input: Partial<Record<CustomerField, string | null | undefined>>, base: StoredCustomer): StoredCustomer {
  const next = { ...base };
  for (const field of CUSTOMER_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    next[field] = field === 'billing_country' && value ? value.toUpperCase() : value;
  }
  return next;
}

/** A seed entry as a stored session, its catalog codes expanded. */
export function seededSession(seed: SeedSession, products: ReadonlyMap<string, Product>, internal: SessionInternals): StoredSession {
  const customer = emptyCustomer();
  for (const field of CUSTOMER_FIELDS) customer[field] = seed.customer?.[field] ?? null;
  const items = seed.items.map((entry) => {
    const product = products.get(entry.product);
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
  return {
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
    internal,
  };
}
