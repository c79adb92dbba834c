// The HTTP status that goes with each protocol error code: one table for the spec, the sandbox and the merchant
// handler. No zod: importing it costs nothing.
import type { ProtocolErrorCode } from './codes.js';

/** The HTTP status each code comes with. Per-field codes (coupons, payment methods) ride on a 422 `field_invalid`. */
export const ERROR_STATUS: Record<ProtocolErrorCode, number> = {
  body_invalid: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  field_invalid: 422,
  field_not_allowed: 422,
  session_not_found: 404,
  session_not_pending: 422,
  session_broken: 422,
  coupon_unknown: 422,
  coupon_expired: 422,
  coupon_used_up: 422,
  coupon_currency: 422,
  coupon_not_accepted: 422,
  payment_declined: 422,
  payment_method_unavailable: 422,
  payment_total_changed: 422,
  tax_location_invalid: 422,
  tax_id_required: 422,
  capability_unsupported: 422,
  unauthorized: 401,
  rate_limited: 429,
  upstream_unavailable: 502,
  internal: 500,
};
