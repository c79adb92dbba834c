// The tax preview's and tax ID check's messages. zod/mini only, nothing from the request schemas: the
// element imports this to read previews, and it must stay small.
import * as z from 'zod/mini';

/** An amount in the currency's minor unit (2100 = 21.00 EUR). A refine, not z.int(): same rule, smaller bundle. */
export const minorUnits = z.number().check(z.refine(Number.isSafeInteger, 'Expected an integer amount in minor units'));

const countryCode = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code'));

/**
 * How a jurisdiction treats the sale: Quaderno's three statuses plus `reverse_charge` (B2B across an EU border). The
 * one list: the sandbox, the merchant handler and the element all read statuses from here.
 */
export const TAX_STATUSES = ['taxable', 'non_taxable', 'not_registered', 'reverse_charge'] as const;
/** Inputs a preview may still need before its figure is exact (src/tax/postal-code-rule.ts says when a postal code is one). */
export const TAX_INPUTS = ['country', 'postal_code'] as const;
/** Whether a price already contains the tax (`inclusive`) or the tax is added on top (`exclusive`, the default). */
export const TAX_BEHAVIORS = ['exclusive', 'inclusive'] as const;

export type TaxStatus = (typeof TAX_STATUSES)[number];
/** An input a preview still lacks for an exact figure. */
export type TaxNeed = (typeof TAX_INPUTS)[number];
export type TaxBehavior = (typeof TAX_BEHAVIORS)[number];

const taxStatus = z.enum(TAX_STATUSES);

/** One tax line of a summary: every item taxed at the same rates, name, behaviour and status. */
export const taxLineSchema = z.object({
  name: z.string(),
  /** Percent, e.g. 21 or 9.975. */
  rate: z.number(),
  extra_name: z.nullable(z.string()),
  extra_rate: z.nullable(z.number()),
  /** The base the tax is computed on (after the discount and the taxable part). */
  taxable_amount: minorUnits,
  /** The tax of this line (both rates when two stack). */
  amount: minorUnits,
  behavior: z.enum(TAX_BEHAVIORS),
  status: taxStatus,
  notes: z.nullable(z.string()),
});

/** `{ valid }` of a tax ID check: true, false, or null when the authority could not be asked. */
export const taxIdCheckSchema = z.object({ valid: z.nullable(z.boolean()) });

/** The tax of a session or a preview, in minor units. `total` is what will be charged. */
export const taxSummarySchema = z.object({
  currency: z.string(),
  /** The items' prices × quantities, as listed (inclusive prices keep their tax). */
  subtotal: minorUnits,
  discount: minorUnits,
  tax: minorUnits,
  /** What will be charged: subtotal − discount + the exclusive tax. */
  total: minorUnits,
  lines: z.array(taxLineSchema),
  status: taxStatus,
  needs: z.array(z.enum(TAX_INPUTS)),
  tax_id: z.nullable(taxIdCheckSchema),
  /**
   * The customer must give a tax ID (a domestic sale in BG, CY, ES, HR, IT or PT: src/tax/tax-id-rule.ts); absent
   * when the server does not know the seller's country (a merchant server that was not told it).
   */
  tax_id_required: z.optional(z.boolean()),
});

/** Query of `GET <permalink>/tax.json`: the customer's location and tax ID as typed; nothing is saved. */
export const taxPreviewQuerySchema = z.object({
  country: z.optional(countryCode),
  postal_code: z.optional(z.string().check(z.maxLength(255))),
  tax_id: z.optional(z.string().check(z.maxLength(255))),
});

/** Query of `GET <permalink>/tax_id.json`. */
export const taxIdQuerySchema = z.object({
  country: countryCode,
  tax_id: z.string().check(z.minLength(1), z.maxLength(255)),
});

export type TaxLine = z.output<typeof taxLineSchema>;
export type TaxSummary = z.output<typeof taxSummarySchema>;
export type TaxIdCheck = z.output<typeof taxIdCheckSchema>;
export type TaxPreviewQuery = z.input<typeof taxPreviewQuerySchema>;
export type TaxIdQuery = z.input<typeof taxIdQuerySchema>;
