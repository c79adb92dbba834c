// The API representation of a stored session, in the key order of Quaderno's recorded responses.
import type { CustomerField } from '../../session/schema.ts';
import type { StoredSession } from './types.ts';

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

/** The API representation, in the recorded key order. `processor*` and `coupon` appear only when set. */
export function sessionJSON(session: StoredSession, origin: string): Record<string, unknown> {
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
  return json;
}

/**
 * What the sandbox can do for the element, from the protocol's capability names (BRIEF's shared contract): all but
 * `hosted_payment`, since the sandbox simulates the payment in the page.
 */
// why here: src/protocol/ holds no capability list yet; when it does, this should become a subset typed against it.
export const SANDBOX_CAPABILITIES = ['update', 'coupons', 'cancel', 'pay', 'tax_preview', 'tax_id_validation'] as const;

/**
 * The representation the permalink endpoints answer: the private one plus the protocol's `capabilities` and
 * `hosted_url`. The private API keeps Quaderno's recorded shape, without them.
 * why `hosted_url` null: it is where a `hosted_payment` server sends the customer to pay; the sandbox is not one,
 * and its own hosted page (the permalink) embeds this same element, so pointing there would send it in a circle.
 */
export function publicSessionJSON(session: StoredSession, origin: string): Record<string, unknown> {
  return { ...sessionJSON(session, origin), capabilities: [...SANDBOX_CAPABILITIES], hosted_url: null };
}
