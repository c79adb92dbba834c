// Every failure the handler answers, as the protocol's error body with a machine code, and how Quaderno's own
// failures (seen through the typed private client) become one.
import {
  AbortedError,
  ApiError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../api/errors.js';
import type { ProtocolErrorBody, ProtocolErrorCode } from '../protocol/codes.js';

/** A protocol error on its way to the browser: an HTTP status, the body, and any extra headers (Retry-After). */
export class ProtocolFailure extends Error {
  override readonly name = 'ProtocolFailure';
  constructor(
    readonly status: number,
    readonly body: ProtocolErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${body.code}: ${body.error}`);
  }
}

export function failure(status: number, code: ProtocolErrorCode, error: string, extra: Partial<ProtocolErrorBody> = {}) {
  return new ProtocolFailure(status, { code, error, ...extra });
}

/** The one answer for a token that is forged, altered or names no session: it must not say which. */
export const sessionNotFound = () => failure(404, 'session_not_found', 'Checkout session not found');

/** 422 naming fields, each with its messages and one code. */
export function fieldFailure(code: ProtocolErrorCode, errors: Record<string, string[]>, error = 'The request was refused') {
  const field_codes = Object.fromEntries(Object.keys(errors).map((field) => [field, code]));
  return failure(422, code, error, { errors, field_codes });
}

/** What a call to Quaderno was for: a 404 of the session is the customer's; a 404 of a tax endpoint is not. */
export type UpstreamContext = 'session' | 'tax';

/**
 * Maps a private-client error to the protocol. Nothing from Quaderno's own wording about the merchant's account
 * (its API key, its limits) reaches the browser; a refused key is the merchant's misconfiguration and reads as
 * `upstream_unavailable`, reported to `onError` for the merchant's logs.
 */
export function fromUpstream(error: unknown, context: UpstreamContext, limits?: { attemptMs: number; deadlineMs: number }): ProtocolFailure {
  if (error instanceof ProtocolFailure) return error;
  if (!(error instanceof ApiError)) return failure(500, 'internal', 'The checkout server failed');
  if (error instanceof NotFoundError && context === 'session') return sessionNotFound();
  if (error instanceof ConflictError) {
    return failure(422, 'session_not_pending', 'The checkout session can no longer be changed', {
      ...(error.sessionStatus ? { status: error.sessionStatus } : {}),
    });
  }
  if (error instanceof ValidationError && (error.status ?? 422) < 500) {
    return context === 'tax'
      ? fieldFailure('tax_location_invalid', error.fields, 'Quaderno could not calculate the tax for this location')
      : fieldFailure('field_invalid', error.fields, 'Quaderno refused the change');
  }
  if (error instanceof RateLimitedError) {
    const headers: Record<string, string> =
      error.retryAfterMs === undefined ? {} : { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) };
    return new ProtocolFailure(429, { code: 'rate_limited', error: 'Too many requests; try again shortly' }, headers);
  }
  if (error instanceof TimeoutError) {
    // why: an attempt's timeout names itself, but a deadline's TimeoutError names only what was left of it when the call began.
    const named = limits && error.timeoutMs !== limits.attemptMs ? limits.deadlineMs : error.timeoutMs;
    return failure(504, 'upstream_unavailable', `Quaderno did not answer within ${named} ms`);
  }
  if (error instanceof UnauthorizedError) return failure(502, 'upstream_unavailable', 'The checkout is not available right now');
  if (error instanceof AbortedError) return failure(503, 'upstream_unavailable', 'The request was aborted');
  return failure(502, 'upstream_unavailable', 'Quaderno is not available right now');
}
