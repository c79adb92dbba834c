// The session as the browser gets it from this handler: an allowlist of what the checkout shows, so `custom`,
// `metadata`, processor references and any private field Quaderno adds later never leave the server.
import { isHttpUrl } from '../api/urls.js';
import { PROTOCOL_VERSION } from '../protocol/capabilities.js';
import type { PaymentProcessorId } from '../protocol/payments.js';
import { processorPublicKeys } from '../protocol/session.js';
import { CUSTOMER_FIELDS, type CheckoutSession } from '../session/schema.js';
import type { TaxSummary } from '../tax/index.js';

/**
 * What Quaderno's documented API lets this handler do for the element. No `pay`, `cancel` or `coupons`: the API has
 * no call to take a payment, cancel, or apply a coupon to a session, so the customer does those on the hosted page.
 */
export const HANDLER_CAPABILITIES = ['update', 'tax_preview', 'tax_id_validation', 'hosted_payment'] as const;

const pick = <T extends object, K extends keyof T>(value: T, keys: readonly K[]) =>
  Object.fromEntries(keys.filter((key) => key in value).map((key) => [key, value[key]])) as Pick<T, K>;

/**
 * The public JSON: `permalink` is this handler's, `hosted_url` Quaderno's hosted page for the same session, and
 * `processor_public_keys` the merchant's configured ones (Quaderno's API tells none; null where none is configured).
 * Quaderno's session `id` only when `showId`: the token hides it, since sequential numbers tell anyone the
 * merchant's order volume.
 */
export function presentSession(
  session: CheckoutSession,
  permalink: string,
  tax: TaxSummary | null,
  keys: Partial<Record<PaymentProcessorId, string | undefined>> = {},
  showId = false,
): Record<string, unknown> {
  const hosted = isHttpUrl(session.permalink) ? session.permalink : null;
  return {
    ...(showId ? { id: session.id } : {}),
    status: session.status,
    billing_details_collection: session.billing_details_collection,
    cancel_url: session.cancel_url ?? null,
    coupon_collection: session.coupon_collection,
    locale: session.locale,
    payment_methods: session.payment_methods,
    success_url: session.success_url ?? null,
    items: session.items.map((item) => pick(item, ['product', 'amount', 'name', 'description', 'currency', 'quantity'])),
    customer: Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, session.customer[field] ?? null])),
    permalink,
    ...(session.processor ? { processor: session.processor } : {}),
    ...(session.coupon ? { coupon: pick(session.coupon, ['code', 'name', 'percent_off', 'amount_off', 'currency']) } : {}),
    protocol_version: PROTOCOL_VERSION,
    capabilities: HANDLER_CAPABILITIES.filter((capability) => capability !== 'hosted_payment' || hosted),
    hosted_url: hosted,
    tax,
    processor_public_keys: processorPublicKeys(session.payment_methods, keys),
  };
}
