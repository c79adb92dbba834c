// The API representation of a stored session, in the key order of Quaderno's recorded responses.
import { PROTOCOL_VERSION, SANDBOX_CAPABILITIES } from '../../protocol/capabilities.js';
import { processorPublicKeys } from '../../protocol/session.js';
import type { ProcessorKeys } from '../processors/keys.js';
import type { CustomerField } from '../../session/schema.js';
import type { TaxSummary } from '../../tax/types.js';
import { chargedTax } from '../tax/session-tax.js';
import type { StoredSession } from './types.js';

// why: the order Quaderno's responses use, so a stored session serializes like the recorded traffic.
const RECORDED_CUSTOMER_ORDER: readonly CustomerField[] = [
  'billing_city',
  'billing_country',
  'billing_postal_code',
  'billing_street_line_1',
  'billing_street_line_2',
  'company',
  'email',
  'first_name',
  'last_name',
  'tax_id',
  'business_number',
];

/** The session's permalink on `origin`. */
export function permalinkOf(session: StoredSession, origin: string): string {
  return `${origin.replace(/\/+$/, '')}/checkout/session/${session.token}`;
}

/**
 * The API representation, in the recorded key order. `processor*` and `coupon` appear only when set. The sandbox adds
 * `tax` (the session's TaxSummary, null for a basket that cannot be charged) and, once a payment completed,
 * `charged` (what it charged, in the fields of Quaderno's `checkout.succeeded`): after the recorded keys, so a
 * client reading Quaderno's shape finds it unchanged.
 */
export function sessionJSON(session: StoredSession, origin: string, tax: TaxSummary | null): Record<string, unknown> {
  const json: Record<string, unknown> = {
    id: session.id,
    status: session.status,
    billing_details_collection: session.billing_details_collection,
    cancel_url: session.cancel_url,
    coupon_collection: session.coupon_collection,
    locale: session.locale,
    payment_methods: [...session.payment_methods],
    success_url: session.success_url,
    custom: structuredClone(session.custom),
    metadata: structuredClone(session.metadata),
    items: session.items.map((item) => ({ ...item })),
    customer: Object.fromEntries(RECORDED_CUSTOMER_ORDER.map((field) => [field, session.customer[field]])),
    permalink: permalinkOf(session, origin),
  };
  if (session.processor) json.processor = session.processor;
  if (session.processor_id) json.processor_id = session.processor_id;
  if (session.coupon) json.coupon = { ...session.coupon };
  json.tax = tax;
  const paid = session.internal.paidTax;
  if (session.status === 'completed' && paid) json.charged = chargedTax(paid);
  return json;
}

/**
 * The representation the permalink endpoints answer: the private one plus the protocol's `protocol_version`,
 * `capabilities`, `hosted_url`, `processor_public_keys` and `expires_at` (a pending session's inactivity limit). The private API keeps Quaderno's recorded shape, without them.
 * why SANDBOX_CAPABILITIES: the protocol's "all but `hosted_payment`" is exactly what the sandbox does, and that list
 * has one home.
 * why `hosted_url` null: it is where a `hosted_payment` server sends the customer to pay; the sandbox is not one,
 * and its own hosted page (the permalink) embeds this same element, so pointing there would send it in a circle.
 */
export function publicSessionJSON(
  session: StoredSession,
  origin: string,
  tax: TaxSummary | null,
  keys: ProcessorKeys,
  abandonAfterMs = 0,
): Record<string, unknown> {
  // why: the element warns before the limit and extends it with a PUT; only a pending session is abandoned for it.
  const expires = session.status === 'pending' && abandonAfterMs > 0 && Number.isFinite(abandonAfterMs);
  return {
    ...sessionJSON(session, origin, tax),
    protocol_version: PROTOCOL_VERSION,
    capabilities: [...SANDBOX_CAPABILITIES],
    hosted_url: null,
    // why: the simulated processors' keys, the ones the payment start answers, so the element's SDK loads before any
    // payment starts (no PayPal order at mount); null for a processor none of the session's methods uses.
    processor_public_keys: processorPublicKeys(session.payment_methods, keys),
    expires_at: expires ? new Date(session.internal.lastActivityAt + abandonAfterMs).toISOString() : null,
  };
}
