// The session as a permalink serves it: the session module's schema plus what the protocol adds. Browser-safe: it builds on the response schema the element already carries, never on the request schemas.
import * as z from 'zod/mini';
import { sessionSchema } from '../session/schema.ts';
import { taxSummarySchema } from './tax.ts';

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

export type ProtocolSession = z.output<typeof protocolSessionSchema>;
export type ProtocolSessionInput = z.input<typeof protocolSessionSchema>;
