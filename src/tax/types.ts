// The tax vocabulary shared by the sandbox, a merchant server and the element. Types and one list only: browser-safe.

/** Quaderno's tax codes the sandbox knows; anything else is treated as `standard`. */
export const TAX_CODES = ['standard', 'eservice', 'ebook', 'saas', 'consulting'] as const;
export type TaxCode = (typeof TAX_CODES)[number];

/** Whether a price already contains the tax (`inclusive`) or the tax is added on top (`exclusive`, the default). */
export type TaxBehavior = 'exclusive' | 'inclusive';

/** How a jurisdiction treats a sale: Quaderno's three statuses plus `reverse_charge` (B2B across an EU border). */
export type TaxStatus = 'taxable' | 'non_taxable' | 'not_registered' | 'reverse_charge';

/** The inputs a preview still lacks for an exact figure. */
export type TaxNeed = 'country' | 'postal_code';

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

/** One tax line of a summary: every item taxed at the same rates, name, behaviour and status. */
export interface TaxLine {
  name: string;
  rate: number;
  extra_name: string | null;
  extra_rate: number | null;
  /** The base the tax is computed on, in minor units (after the discount and the taxable part). */
  taxable_amount: number;
  /** The tax of this line in minor units (both rates when two stack). */
  amount: number;
  behavior: TaxBehavior;
  status: TaxStatus;
  notes: string | null;
}

/** The tax of a session for one customer location and tax ID (the protocol's tax preview, src/protocol/tax.ts). All amounts in minor units. */
export interface TaxSummary {
  currency: string;
  /** The items' prices × quantities, as listed (inclusive prices keep their tax). */
  subtotal: number;
  discount: number;
  tax: number;
  /** What will be charged: subtotal − discount + the exclusive tax. */
  total: number;
  lines: TaxLine[];
  status: TaxStatus;
  needs: TaxNeed[];
  tax_id: { valid: boolean | null } | null;
  /**
   * Whether the customer must give a tax ID (a domestic sale in BG, CY, ES, HR, IT or PT: tax-id-rule.ts). Absent
   * when the server does not know the seller's country (a merchant server that was not told it).
   */
  tax_id_required?: boolean;
}
