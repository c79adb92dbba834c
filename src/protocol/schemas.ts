// The checkout protocol's messages as zod/mini schemas: every public request, response and error body the element
// and a server exchange through a permalink. Sessions and the customer's update body are the session module's own
// schemas, composed here, never restated. Browser-safe; the OpenAPI export lives apart in openapi.ts.
import * as z from 'zod/mini';
import { publicUpdateSchema } from '../session/requests.ts';
import { PAYMENT_METHODS, sessionSchema } from '../session/schema.ts';
import { PROTOCOL_ERROR_CODES } from './codes.ts';

/** An amount in the currency's minor unit (2100 = 21.00 EUR). A refine, not z.int(): same rule, smaller bundle. */
export const minorUnits = z.number().check(z.refine(Number.isSafeInteger, 'Expected an integer amount in minor units'));

const countryCode = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code'));

// ---- errors -------------------------------------------------------------------------------------------------

/** A machine code of the protocol (src/protocol/codes.ts). */
export const protocolErrorCodeSchema = z.enum(PROTOCOL_ERROR_CODES);

/** The body of every protocol error; see ProtocolErrorBody in codes.ts, which this schema must match. */
export const protocolErrorBodySchema = z.looseObject({
  code: protocolErrorCodeSchema,
  error: z.string(),
  errors: z.optional(z.record(z.string(), z.array(z.string()))),
  field_codes: z.optional(z.record(z.string(), protocolErrorCodeSchema)),
  status: z.optional(z.string()),
  currency: z.optional(z.string()),
});

// ---- tax (issue 13) -----------------------------------------------------------------------------------------

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

// ---- the session --------------------------------------------------------------------------------------------

/**
 * The session as the permalink serves it: the session schema plus what the protocol adds. `capabilities` stays a
 * list of strings so a newer server's capability does not break an older element (see capabilitiesOf).
 */
export const protocolSessionSchema = z.extend(sessionSchema, {
  protocol_version: z.optional(z.string()),
  capabilities: z.optional(z.array(z.string())),
  hosted_url: z.optional(z.nullable(z.string())),
  tax: z.optional(z.nullable(taxSummarySchema)),
});

// ---- requests -----------------------------------------------------------------------------------------------

/** Body of `PUT <permalink>.json` that saves customer fields (the session module's public update body). */
export const customerUpdateBodySchema = z.pick(publicUpdateSchema, { customer: true });

// why: unwrap the public update body's own `coupon` rule (optional → nullable → string) instead of restating it.
const couponCode = publicUpdateSchema.shape.coupon.def.innerType.def.innerType;

/** Body of `PUT <permalink>.json` that applies a coupon. */
export const couponApplyBodySchema = z.strictObject({ coupon: couponCode });

/** Body of `PUT <permalink>.json` that removes the applied coupon. */
export const couponRemoveBodySchema = z.strictObject({ coupon: z.null() });

/** Body of `POST <permalink>/cancel.json`: nothing is needed; an empty object is sent. */
export const cancelBodySchema = z.object({});

/** Outcomes the sandbox's simulated PayPal window can be told to give. */
export const SIMULATED_OUTCOMES = ['approve', 'decline'] as const;

/**
 * Body of `POST <permalink>/pay.json`. `method` is one of the session's payment methods. `card_number` and
 * `outcome` belong to the sandbox's simulated processor only (a real processor takes card data in its own iframe).
 * `total` is the amount the customer confirmed: a server whose total differs refuses with `payment_total_changed`.
 */
export const payBodySchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  card_number: z.optional(z.string().check(z.maxLength(40))),
  outcome: z.optional(z.enum(SIMULATED_OUTCOMES)),
  total: z.optional(minorUnits),
});

// ---- payment start (issue 14 fills in the real processors) -------------------------------------------------

/**
 * What the browser must do after `pay.json`, by processor. `sandbox`: nothing, the payment is under way; poll the
 * session. `stripe`: confirm with Stripe.js. `paypal`: open PayPal's buttons on the order.
 */
export const paymentStartSchema = z.discriminatedUnion('processor', [
  z.object({ processor: z.literal('sandbox') }),
  z.object({ processor: z.literal('stripe'), publishable_key: z.string(), client_secret: z.string() }),
  z.object({ processor: z.literal('paypal'), client_id: z.string(), order_id: z.string() }),
]);

/**
 * The answer to `pay.json` (202): the session, now `processing` for a payment the server settles itself, plus
 * `payment` with what a browser-side processor needs. A missing `payment` means `{ processor: 'sandbox' }`.
 */
export const payResultSchema = z.extend(protocolSessionSchema, { payment: z.optional(paymentStartSchema) });

export type ProtocolSession = z.output<typeof protocolSessionSchema>;
export type ProtocolSessionInput = z.input<typeof protocolSessionSchema>;
export type TaxLine = z.output<typeof taxLineSchema>;
export type TaxSummary = z.output<typeof taxSummarySchema>;
export type TaxIdCheck = z.output<typeof taxIdCheckSchema>;
export type TaxPreviewQuery = z.input<typeof taxPreviewQuerySchema>;
export type TaxIdQuery = z.input<typeof taxIdQuerySchema>;
export type PayBody = z.input<typeof payBodySchema>;
export type PaymentStart = z.output<typeof paymentStartSchema>;
export type PayResult = z.output<typeof payResultSchema>;
