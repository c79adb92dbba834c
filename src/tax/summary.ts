// The tax of a basket: items, a coupon and the rates that apply → a TaxSummary. Browser-safe (no data, no Node).
import { couponDiscount, lineTotal } from '../session/money.js';
import { allocate, exclusiveTax, inclusiveNet, taxableBase } from './rounding.js';
import type { TaxBehavior, TaxLine, TaxNeed, TaxRate, TaxStatus, TaxSummary } from './types.js';

/** A line of the basket as the tax sees it. */
export interface TaxableItem {
  /** Unit price in minor units. */
  amount: number;
  quantity: number;
  currency: string;
  tax_code: string;
  behavior: TaxBehavior;
}

export interface SummaryInput {
  items: readonly TaxableItem[];
  coupon?: Parameters<typeof couponDiscount>[2];
  /** The rate per tax code; an item whose code has none stays untaxed (the preview then still `needs` an input). */
  rates: Readonly<Record<string, TaxRate>>;
  needs?: readonly TaxNeed[];
  tax_id?: TaxSummary['tax_id'];
  /** See TaxSummary's `tax_id_required`; left out of the summary when undefined. */
  tax_id_required?: boolean;
}

// why: the summary's status is the most consequential one among its lines: any tax charged wins.
const STATUS_ORDER: readonly TaxStatus[] = ['taxable', 'reverse_charge', 'not_registered', 'non_taxable'];

interface Group {
  rate: TaxRate;
  behavior: TaxBehavior;
  /** Σ (price × quantity − its share of the discount): net for exclusive, gross for inclusive. */
  amount: number;
}

/** One tax line per rate group, its tax rounded once per rate (see rounding.ts). */
function lineOf({ rate, behavior, amount }: Group): TaxLine {
  const rates = rate.extra_rate == null ? [rate.rate] : [rate.rate, rate.extra_rate];
  let taxable: number;
  let tax: number;
  if (behavior === 'inclusive') {
    const net = inclusiveNet(amount, rates, rate.taxable_part);
    taxable = taxableBase(net, rate.taxable_part);
    tax = amount - net;
  } else {
    taxable = taxableBase(amount, rate.taxable_part);
    tax = rates.reduce((sum, r) => sum + exclusiveTax(amount, r, rate.taxable_part), 0);
  }
  return {
    name: rate.name,
    rate: rate.rate,
    extra_name: rate.extra_name,
    extra_rate: rate.extra_rate,
    taxable_amount: taxable,
    amount: tax,
    behavior,
    status: rate.status,
    notes: rate.notes,
  };
}

/**
 * Subtotal, discount, tax lines and the total to charge, in integer minor units.
 * The coupon comes off before tax: it is shared among the items in proportion to their prices and reduces each
 * one's taxable base. Items in a currency other than the first item's are left out (a broken basket is refused
 * elsewhere; this only never mixes currencies).
 */
export function computeTaxSummary(input: SummaryInput): TaxSummary {
  const currency = input.items[0]?.currency ?? 'EUR';
  const items = input.items.filter((item) => item.currency === currency);
  const totals = items.map((item) => lineTotal(item));
  const subtotal = totals.reduce((a, b) => a + b, 0);
  const discount = couponDiscount(subtotal, currency, input.coupon);
  const shares = allocate(discount, totals);

  const groups = new Map<string, Group>();
  items.forEach((item, i) => {
    const rate = input.rates[item.tax_code];
    if (!rate) return;
    const key = JSON.stringify([rate.name, rate.rate, rate.extra_name, rate.extra_rate, rate.taxable_part, rate.status, rate.notes, item.behavior]);
    const group = groups.get(key) ?? { rate, behavior: item.behavior, amount: 0 };
    group.amount += totals[i]! - shares[i]!;
    groups.set(key, group);
  });

  const lines = [...groups.values()].map(lineOf);
  const tax = lines.reduce((sum, line) => sum + line.amount, 0);
  const added = lines.filter((line) => line.behavior === 'exclusive').reduce((sum, line) => sum + line.amount, 0);
  const status = STATUS_ORDER.find((s) => lines.some((line) => line.status === s)) ?? 'non_taxable';
  return {
    currency,
    subtotal,
    discount,
    tax,
    total: subtotal - discount + added,
    lines,
    status,
    needs: [...(input.needs ?? [])],
    tax_id: input.tax_id ?? null,
    ...(input.tax_id_required === undefined ? {} : { tax_id_required: input.tax_id_required }),
  };
}
