// The session as a permalink serves it: the session module's schema plus what the protocol adds. Browser-safe: it builds on the response schema the element already carries, never on the request schemas.
import * as z from 'zod/mini';
import type { PaymentMethod } from '../session/methods.js';
import { parseSessionWith, sessionShape } from '../session/schema.js';
import { PAYMENT_PROCESSORS, PROCESSOR_OF_METHOD, type PaymentProcessorId } from './processors.js';
import { taxSummarySchema } from './tax.js';

const publicKey = z.optional(z.nullable(z.string()));

/**
 * Each processor's public key, for its SDK before any payment starts: the Stripe publishable key (`pk_…`) and the
 * PayPal client id. Public by design (each SDK puts it in the page); never a secret key. Loose, so a newer server's
 * processor does not break an older element.
 */
export const processorPublicKeysSchema = z.looseObject(
  Object.fromEntries(PAYMENT_PROCESSORS.map((processor) => [processor, publicKey])) as Record<PaymentProcessorId, typeof publicKey>,
);

/**
 * The last payment attempt of a session that is payable again and took no money, and why: `code` one of the payment
 * error codes (`payment_declined`), `decline_code` the processor's own (PayPal's `INSTRUMENT_DECLINED`). A server
 * that captures after the customer's approval (PayPal through the merchant handler) says it here, so whichever
 * instance answers the next read tells the customer. Loose, so a newer server's detail does not break an older element.
 */
export const lastPaymentErrorSchema = z.looseObject({
  code: z.string(),
  processor: z.optional(z.nullable(z.string())),
  processor_id: z.optional(z.nullable(z.string())),
  decline_code: z.optional(z.nullable(z.string())),
});

/**
 * The session as the permalink serves it: the session schema plus what the protocol adds. `capabilities` stays a
 * list of strings so a newer server's capability does not break an older element (see capabilitiesOf).
 * `expires_at` (ISO 8601) is when a pending session is abandoned unless the customer writes (any successful
 * `PUT <permalink>.json`, `{}` included, restarts the clock); missing or null where no limit applies.
 * why the session's shape spread, not z.extend: the same schema, without extend's merge code in the bundle.
 */
export const protocolSessionSchema = z.looseObject({
  ...sessionShape,
  protocol_version: z.optional(z.string()),
  capabilities: z.optional(z.array(z.string())),
  hosted_url: z.optional(z.nullable(z.string())),
  tax: z.optional(z.nullable(taxSummarySchema)),
  processor_public_keys: z.optional(z.nullable(processorPublicKeysSchema)),
  expires_at: z.optional(z.nullable(z.string())),
  last_payment_error: z.optional(z.nullable(lastPaymentErrorSchema)),
});

/** A session as the permalink serves it, parsed: `tax`, `capabilities`, `processor_public_keys` and `hosted_url` typed. */
export type ProtocolSession = z.output<typeof protocolSessionSchema>;
export type ProtocolSessionInput = z.input<typeof protocolSessionSchema>;
/**
 * Parses a permalink's answer into the protocol's session, or throws a SessionParseError naming the first broken
 * path (`tax.total`): a malformed addition fails here, at the edge, never later in a render.
 */
export function parseProtocolSession(data: unknown): ProtocolSession {
  return parseSessionWith(protocolSessionSchema, data);
}

/** A session's `processor_public_keys` as a server sends it: every processor named, null where it has no key. */
export type ProcessorPublicKeys = Record<PaymentProcessorId, string | null>;

/**
 * The `processor_public_keys` of a session: the key of each processor one of its methods pays through, when the
 * server knows one; null otherwise (a server never invents a key). Shared by the sandbox and the merchant handler.
 */
export function processorPublicKeys(
  methods: readonly PaymentMethod[],
  known: Readonly<Partial<Record<PaymentProcessorId, string | undefined>>>,
): ProcessorPublicKeys {
  const used = new Set(methods.map((method) => PROCESSOR_OF_METHOD[method]));
  return Object.fromEntries(PAYMENT_PROCESSORS.map((processor) => [processor, (used.has(processor) && known[processor]) || null])) as ProcessorPublicKeys;
}
