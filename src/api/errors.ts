import { isProtocolErrorCode, type ProtocolErrorCode } from '../protocol/codes.js';

/** Machine-readable codes for every failure the client reports. */
export type ApiErrorCode =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'not_found'
  | 'unauthorized'
  | 'validation'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'bad_response'
  | 'invalid_permalink';

/** Base of the client's error hierarchy; `status` is the HTTP status when there was a response. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** The protocol's machine code from the error body (`code`), when the server sent one. */
  readonly reason: ProtocolErrorCode | undefined;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message);
    this.reason = protocolField(body, 'code');
  }
}

function protocolField(body: unknown, key: string): ProtocolErrorCode | undefined {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return isProtocolErrorCode(value) ? value : undefined;
}

/** The request never got a response: DNS, refused or dropped connection, CORS. */
export class NetworkError extends ApiError {
  override name = 'NetworkError';
  constructor(message = 'The network request failed') {
    super('network', message);
  }
}

/** No response within the time allowed. */
export class TimeoutError extends ApiError {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super('timeout', `No response within ${timeoutMs} ms`);
  }
}

/** The caller aborted the request through its AbortSignal. */
export class AbortedError extends ApiError {
  override name = 'AbortedError';
  constructor() {
    super('aborted', 'The request was aborted');
  }
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(message = 'Not found', body?: unknown) {
    super('not_found', message, 404, body);
  }
}

export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  constructor(message = 'Unauthorized', status = 401, body?: unknown) {
    super('unauthorized', message, status, body);
  }
}

/** 400/422: the body was refused; `fields` maps each field to its messages, `fieldCodes` to its machine codes. */
export class ValidationError extends ApiError {
  override name = 'ValidationError';
  /** The protocol's per-field machine codes (`field_codes`), e.g. `{ coupon: 'coupon_expired' }`. */
  readonly fieldCodes: Record<string, ProtocolErrorCode>;
  constructor(
    readonly fields: Record<string, string[]>,
    status = 422,
    body?: unknown,
    message = 'The request was invalid',
  ) {
    super('validation', message, status, body);
    const codes = body && typeof body === 'object' ? (body as { field_codes?: unknown }).field_codes : undefined;
    this.fieldCodes = {};
    if (codes && typeof codes === 'object') {
      for (const [field, code] of Object.entries(codes)) if (isProtocolErrorCode(code)) this.fieldCodes[field] = code;
    }
  }
}

/** 409, or a 422 with code `session_not_pending`: the session is not pending (completed, abandoned…) so it cannot change. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
  constructor(
    message = 'The session can no longer be changed',
    readonly sessionStatus?: string,
    status = 409,
    body?: unknown,
  ) {
    super('conflict', message, status, body);
  }
}

/** 429 that outlasted the retries. */
export class RateLimitedError extends ApiError {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterMs?: number, body?: unknown) {
    super('rate_limited', 'Too many requests', 429, body);
  }
}

/** 5xx (after retries, for idempotent calls). */
export class ServerError extends ApiError {
  override name = 'ServerError';
  constructor(status: number, body?: unknown, message = `Server error ${status}`) {
    super('server', message, status, body);
  }
}

/** The response was not the JSON we expected (malformed, or failing the session schema). */
export class BadResponseError extends ApiError {
  override name = 'BadResponseError';
  constructor(message: string, status?: number, body?: unknown) {
    super('bad_response', message, status, body);
  }
}

/** The permalink is missing, not a URL, or not http(s). Nothing was requested. */
export class InvalidPermalinkError extends ApiError {
  override name = 'InvalidPermalinkError';
  constructor(readonly permalink: string | null | undefined) {
    super('invalid_permalink', permalink ? `Not a valid checkout permalink: ${permalink}` : 'No checkout permalink was given');
  }
}
