// The machine codes of the checkout protocol's errors: the element and any server agree on these, never on prose.
// No Lit, no zod: this list is imported by the browser bundle, the sandbox, the merchant handler and the spec.

/** Every code a protocol error body can carry, at the top (`code`) or per field (`field_codes`). */
export const PROTOCOL_ERROR_CODES = [
  // The request itself.
  'body_invalid', // not JSON / form, or not an object
  'body_too_large',
  'unsupported_media_type',
  'field_invalid', // a field failed its rules; `errors` and `field_codes` name which
  'field_not_allowed', // a key the caller may not set (a browser sending `items`, `metadata`…)
  // The session.
  'session_not_found',
  'session_not_pending', // changed or paid after it left `pending`; `status` names where it is now
  'session_broken', // mixed currencies or amounts beyond exact integers: refused, never charged
  // Coupons (per field: `field_codes.coupon`).
  'coupon_unknown',
  'coupon_expired',
  'coupon_used_up',
  'coupon_currency', // `currency` names the only currency the coupon applies to
  'coupon_not_accepted', // the session does not collect coupons
  // Payments.
  'payment_declined',
  'payment_method_unavailable', // the method is not among the session's payment_methods
  'payment_total_changed', // the total to charge differs from the one the customer confirmed
  // Tax.
  'tax_location_invalid', // no such country / postal code for the preview
  'tax_id_required', // per field (`field_codes.tax_id`): a domestic sale in BG, CY, ES, HR, IT or PT needs the buyer's tax ID
  // Capability and transport.
  'capability_unsupported', // the server cannot do this (a merchant handler on Quaderno's documented API)
  'unauthorized',
  'rate_limited',
  'upstream_unavailable', // the server's own upstream (Quaderno) failed or timed out
  'internal',
] as const;

export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/** Whether a value is one of the protocol's codes (anything else is read as unknown). */
export function isProtocolErrorCode(value: unknown): value is ProtocolErrorCode {
  return typeof value === 'string' && (PROTOCOL_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The JSON body of every protocol error. It keeps Quaderno's `errors` shape (`{ field: [messages] }`), which the
 * official clients read, and adds the machine codes the element reads.
 */
export interface ProtocolErrorBody {
  /** What went wrong, as a machine code. */
  code: ProtocolErrorCode;
  /** An English sentence for logs and developers; never shown to a customer as is. */
  error: string;
  /** Per-field messages, in Quaderno's shape. */
  errors?: Record<string, string[]>;
  /** Per-field machine codes, with the same keys as `errors`. */
  field_codes?: Record<string, ProtocolErrorCode>;
  /** With `session_not_pending`: the session's current status. */
  status?: string;
  /** With `coupon_currency`: the coupon's currency. */
  currency?: string;
}
