// The tax summary of a session's items under one set of rates, in integer minor units.
// MERGE NOTE: src/tax (the "tax" helper's branch) owns the project's one rounding rule and `computeTaxSummary`; at
// merge this module's body becomes a call to it, and its types become src/tax's. The interface stays.
import { couponDiscount, lineTotal } from '../session/money.ts';
import type { Coupon } from '../session/schema.ts';

export const TAX_STATUSES = ['taxable', 'non_taxable', 'not_registered', 'reverse_charge'] as const;
export type TaxStatus = (typeof TAX_STATUSES)[number];
export type TaxBehavior = 'exclusive' | 'inclusive';

/** What summarize needs of a line item (the session's items fit). */
export interface SummaryItem {
  /** Unit price in minor units. */
  amount: number;
  quantity: number;
  currency: string;
}

/** What summarize needs of a `tax_rates/calculate` answer (the private client's TaxRate fits). */
export interface RateResult {
  name?: string | null;
  /** Percent, e.g. 21 or 14.975. */
  rate: number;
  extra_name?: string | null;
  extra_rate?: number | null;
  /** Percent of the price that is taxed (Texas taxes 80 % of SaaS). Default 100. */
  taxable_part?: number | null;
  tax_behavior?: string | null;
  status?: string | null;
  notes?: string | null;
}

export interface TaxLine {
  name: string;
  rate: number;
  extra_name: string | null;
  extra_rate: number | null;
  taxable_amount: number;
  amount: number;
  behavior: TaxBehavior;
  status: TaxStatus;
  notes: string | null;
}

export interface TaxTotals {
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  /** What will be charged. */
  total: number;
  lines: TaxLine[];
  status: TaxStatus;
}

/** The protocol's TaxSummary: the totals plus what is still missing and the tax ID's check. */
export interface TaxSummary extends TaxTotals {
  needs: ('country' | 'postal_code')[];
  tax_id: { valid: boolean | null } | null;
}

const SCALE = 1_000_000n;

/** round(value × numerator / denominator), half away from zero, exact for integer minor units. */
export function mulDivRound(value: number, numerator: bigint, denominator: bigint): number {
  const n = BigInt(value) * numerator;
  const sign = n < 0n !== denominator < 0n ? -1n : 1n;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const q = (2n * abs(n) + abs(denominator)) / (2n * abs(denominator));
  return Number(sign * q);
}

/** A percentage as an exact integer in millionths of a percent. */
const scaled = (percent: number) => BigInt(Math.round(percent * 1_000_000));

/** Splits `discount` over lines in proportion to their totals; the remainder goes to the largest lines first. */
function allocate(discount: number, totals: number[]): number[] {
  const sum = totals.reduce((a, b) => a + b, 0);
  if (discount <= 0 || sum <= 0) return totals.map(() => 0);
  const shares = totals.map((total) => Math.floor((discount * total) / sum));
  let left = discount - shares.reduce((a, b) => a + b, 0);
  const order = totals.map((total, i) => [total, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k]![1]]! += 1;
  return shares;
}

const statusOf = (value: string | null | undefined): TaxStatus =>
  (TAX_STATUSES as readonly string[]).includes(value ?? '') ? (value as TaxStatus) : 'taxable';

/**
 * The summary of `items` (one currency) with `coupon` applied before tax, `rates[i]` applying to `items[i]`.
 * Rounding: per item line, half away from zero. Exclusive tax is added to the total; inclusive tax is inside it.
 * Lines with the same tax are merged.
 */
export function summarize(items: readonly SummaryItem[], coupon: Coupon | null | undefined, rates: readonly RateResult[]): TaxTotals {
  const currency = items[0]?.currency ?? 'EUR';
  const totals = items.map((item) => lineTotal(item));
  const subtotal = totals.reduce((a, b) => a + b, 0);
  const discount = couponDiscount(subtotal, currency, coupon);
  const shares = allocate(discount, totals);
  const lines = new Map<string, TaxLine>();
  let exclusiveTax = 0;
  items.forEach((_, i) => {
    const rate = rates[i] ?? rates[0];
    if (!rate) return;
    const net = totals[i]! - shares[i]!;
    const percent = scaled(rate.rate) + scaled(rate.extra_rate ?? 0);
    const part = scaled(rate.taxable_part ?? 100);
    const behavior: TaxBehavior = rate.tax_behavior === 'inclusive' ? 'inclusive' : 'exclusive';
    let taxable: number;
    let amount: number;
    if (behavior === 'inclusive') {
      // why: the price holds the tax: tax = gross × r / (100 + r), with r the effective rate on the taxed part.
      const effective = (percent * part) / (100n * SCALE);
      amount = mulDivRound(net, effective, 100n * SCALE + effective);
      taxable = net - amount;
    } else {
      taxable = mulDivRound(net, part, 100n * SCALE);
      amount = mulDivRound(taxable, percent, 100n * SCALE);
      exclusiveTax += amount;
    }
    const line: TaxLine = {
      name: rate.name ?? '',
      rate: rate.rate,
      extra_name: rate.extra_name ?? null,
      extra_rate: rate.extra_rate ?? null,
      taxable_amount: taxable,
      amount,
      behavior,
      status: statusOf(rate.status),
      notes: rate.notes ?? null,
    };
    const key = JSON.stringify([line.name, line.rate, line.extra_name, line.extra_rate, behavior, line.status, line.notes]);
    const same = lines.get(key);
    if (same) {
      same.taxable_amount += taxable;
      same.amount += amount;
    } else lines.set(key, line);
  });
  const merged = [...lines.values()];
  return {
    currency,
    subtotal,
    discount,
    tax: merged.reduce((sum, line) => sum + line.amount, 0),
    total: subtotal - discount + exclusiveTax,
    lines: merged,
    status: merged[0]?.status ?? 'taxable',
  };
}
