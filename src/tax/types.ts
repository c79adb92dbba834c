// The tax vocabulary shared by the sandbox, a merchant server and the element. Types and one list only: browser-safe.
import type { TaxStatus } from '../protocol/tax.js';

/** Quaderno's tax codes the sandbox knows; anything else is treated as `standard`. */
export const TAX_CODES = ['standard', 'eservice', 'ebook', 'saas', 'consulting'] as const;
export type TaxCode = (typeof TAX_CODES)[number];

// why re-exported: the protocol's zod schemas are the one home of the summary's shape; these types are inferred there.
export type { TaxBehavior, TaxLine, TaxNeed, TaxStatus, TaxSummary } from '../protocol/tax.js';

/** The part of Quaderno's calculate response that decides an amount: what the summary is computed from. */
export interface TaxRate {
  name: string;
  /** Percent, e.g. 21 or 9.975. */
  rate: number;
  extra_name: string | null;
  extra_rate: number | null;
  /** Percent of the amount that is taxed (100 nearly everywhere; Texas taxes 80% of SaaS). */
  taxable_part: number;
  status: TaxStatus;
  notes: string | null;
}
