// The protocol's error body as a zod/mini schema; ProtocolErrorBody in codes.ts is the same shape as a type.
import * as z from 'zod/mini';
import { PROTOCOL_ERROR_CODES } from './codes.js';

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
