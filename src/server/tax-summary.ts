// A session's tax under one answer of Quaderno's `tax_rates/calculate`. The answer becomes src/tax's TaxRate and
// src/tax's computeTaxSummary does the arithmetic: one rounding rule for the handler, the sandbox and the element.
import type { TaxRate as CalculateAnswer } from '../api/private.js';
import { TAX_STATUSES } from '../protocol/tax.js';
import type { Coupon } from '../session/schema.js';
import { computeTaxSummary, type TaxNeed, type TaxRate, type TaxSummary } from '../tax/index.js';

/** What the summary reads of a calculate answer (the private client's TaxRate fits). */
export type RateAnswer = Pick<CalculateAnswer, 'rate'> &
  Partial<Pick<CalculateAnswer, 'name' | 'extra_name' | 'extra_rate' | 'taxable_part' | 'tax_behavior' | 'status' | 'notes'>>;

/** What the summary reads of a line item (the session's items fit). */
export interface SummaryItem {
  /** Unit price in minor units. */
  amount: number;
  quantity: number;
  currency: string;
}

/** The answer as src/tax's rate: a status Quaderno adds later reads as `taxable`, a missing taxable part as 100 %. */
export function rateOf(answer: RateAnswer): TaxRate {
  return {
    name: answer.name ?? '',
    rate: answer.rate,
    extra_name: answer.extra_name ?? null,
    extra_rate: answer.extra_rate ?? null,
    taxable_part: answer.taxable_part ?? 100,
    status: TAX_STATUSES.find((status) => status === answer.status) ?? 'taxable',
    notes: answer.notes ?? null,
  };
}

// why: the handler asks Quaderno once per location without a tax code, so the account's default code applies to
// every item; one key in src/tax's rate table stands for it.
const ACCOUNT_DEFAULT = 'account_default';

/**
 * The TaxSummary of `items` with `coupon` off before tax, under `answer` (none yet: no tax, and `needs` says why).
 * Prices are exclusive unless Quaderno answers `tax_behavior: inclusive`.
 */
export function summarize(
  items: readonly SummaryItem[],
  coupon: Coupon | null | undefined,
  answer: RateAnswer | undefined,
  extra: { needs?: readonly TaxNeed[]; tax_id?: TaxSummary['tax_id']; tax_id_required?: boolean } = {},
): TaxSummary {
  const behavior = answer?.tax_behavior === 'inclusive' ? 'inclusive' : 'exclusive';
  return computeTaxSummary({
    items: items.map(({ amount, quantity, currency }) => ({ amount, quantity, currency, tax_code: ACCOUNT_DEFAULT, behavior })),
    coupon,
    rates: answer ? { [ACCOUNT_DEFAULT]: rateOf(answer) } : {},
    needs: extra.needs,
    tax_id: extra.tax_id,
    // why passed through only: Quaderno's calculate answer does not name the seller's country, so the handler can
    // say whether a tax ID is required only if it is told that country (src/tax/tax-id-rule.ts).
    tax_id_required: extra.tax_id_required,
  });
}
