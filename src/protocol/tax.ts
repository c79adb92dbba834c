// The tax preview's and tax ID check's messages. zod/mini only, nothing from the request schemas: the
// element imports this to read previews, and it must stay small.
import * as z from 'zod/mini';

/** An amount in the currency's minor unit (2100 = 21.00 EUR). A refine, not z.int(): same rule, smaller bundle. */
export const minorUnits = z.number().check(z.refine(Number.isSafeInteger, 'Expected an integer amount in minor units'));

const countryCode = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code'));

/** How a jurisdiction treats the sale. */
export const TAX_STATUSES = ['taxable', 'non_taxable', 'not_registered', 'reverse_charge'] as const;
/** Inputs a preview may still need before its figure is exact (US and CA rates depend on the postal code). */
export const TAX_INPUTS = ['country', 'postal_code'] as const;

const taxStatus = z.enum(TAX_STATUSES);

/** One tax line: a rate applied to a taxable amount. */
export const taxLineSchema = z.object({
  name: z.string(),
  rate: z.number(),
  extra_name: z.nullable(z.string()),
  extra_rate: z.nullable(z.number()),
  taxable_amount: minorUnits,
  amount: minorUnits,
  behavior: z.enum(['exclusive', 'inclusive']),
  status: taxStatus,
  notes: z.nullable(z.string()),
});

/** `{ valid }` of a tax ID check: true, false, or null when the authority could not be asked. */
export const taxIdCheckSchema = z.object({ valid: z.nullable(z.boolean()) });

/** The tax of a session or a preview, in minor units. `total` is what will be charged. */
export const taxSummarySchema = z.object({
  currency: z.string(),
  subtotal: minorUnits,
  discount: minorUnits,
  tax: minorUnits,
  total: minorUnits,
  lines: z.array(taxLineSchema),
  status: taxStatus,
  needs: z.array(z.enum(TAX_INPUTS)),
  tax_id: z.nullable(taxIdCheckSchema),
  /** The customer must give a tax ID (a domestic sale in BG, CY, ES, HR, IT or PT); absent: the server can't tell. */
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
