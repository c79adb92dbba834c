// What a server says about itself: the protocol version it speaks and the capabilities it offers the element.
// No Lit, no zod: the element imports this, and so do the sandbox, the merchant handler and the spec.

/**
 * The checkout protocol's version, `MAJOR.MINOR`. A server sends it in every session body as `protocol_version`.
 * A minor bump only adds (a capability, an error code, an optional field); a major bump may break, and an element
 * refuses a major it does not know. A session without the field speaks 1.0 (the sandbox before the spec).
 */
export const PROTOCOL_VERSION = '1.1';

/** Every capability a server can advertise in the session's `capabilities`. */
export const CAPABILITIES = [
  'update', // PUT <permalink>.json with customer fields
  'coupons', // PUT <permalink>.json with `coupon`
  'cancel', // POST <permalink>/cancel.json
  'pay', // the payment starts here: POST <permalink>/payment.json (a real processor), or pay.json (a simulated one)
  'tax_preview', // GET <permalink>/tax.json
  'tax_id_validation', // GET <permalink>/tax_id.json
  'hosted_payment', // the customer pays on the session's `hosted_url` instead
  'retry', // POST <permalink>/retry.json: a failed session becomes pending again, so the customer can correct and pay (1.1)
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/**
 * What a session without a `capabilities` array can do: the sandbox before the spec, which pays in place.
 * why not `retry`: it came with 1.1, and a server that sends no list is older than that.
 */
export const LEGACY_CAPABILITIES: readonly Capability[] = CAPABILITIES.filter((c) => c !== 'hosted_payment' && c !== 'retry');

/** What the sandbox offers: every capability but `hosted_payment` (its hosted page embeds this same element). */
export const SANDBOX_CAPABILITIES: readonly Capability[] = CAPABILITIES.filter((c) => c !== 'hosted_payment');

/** The capabilities a session body advertises; unknown names (a newer server's) are dropped, a missing list is legacy. */
export function capabilitiesOf(session: { capabilities?: unknown }): ReadonlySet<Capability> {
  const list = session.capabilities;
  if (!Array.isArray(list)) return new Set(LEGACY_CAPABILITIES);
  return new Set(list.filter((c): c is Capability => (CAPABILITIES as readonly unknown[]).includes(c)));
}

/** The major version of a `protocol_version` value; a missing one is 1 (see PROTOCOL_VERSION), garbage is NaN. */
export function protocolMajor(version: unknown): number {
  if (version === undefined || version === null) return 1;
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  return match ? Number(match[1]) : Number.NaN;
}

/** Whether this element can talk to a server that declares `version` (same major; any minor). */
export function speaksProtocol(version: unknown): boolean {
  return protocolMajor(version) === protocolMajor(PROTOCOL_VERSION);
}
