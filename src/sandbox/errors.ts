// The sandbox's refusals, as the checkout protocol's error bodies (src/protocol/codes.ts): a machine `code`, an
// English `error`, and Quaderno's `errors: {field: [messages]}` with `field_codes` under the same keys.
import * as z from 'zod/mini';
import type { ProtocolErrorBody, ProtocolErrorCode } from '../protocol/codes.js';
import { fieldErrors } from '../session/requests.js';

export type SandboxErrorStatus = 400 | 401 | 404 | 409 | 413 | 415 | 422;

/** The code of a refusal that names none, by HTTP status. */
const CODE_BY_STATUS: Record<SandboxErrorStatus, ProtocolErrorCode> = {
  400: 'body_invalid',
  401: 'unauthorized',
  404: 'session_not_found',
  409: 'session_not_pending',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  422: 'field_invalid',
};

/** What a thrower gives: any part of the body; `code` and `error` are filled in when missing. */
export type SandboxErrorInit = Partial<ProtocolErrorBody>;

function describe(errors: Record<string, string[]> | undefined): string {
  return Object.entries(errors ?? {})
    .map(([key, messages]) => `${key}: ${messages.join(', ')}`)
    .join('; ');
}

/**
 * A refusal the sandbox answers as JSON with an HTTP status. The body is always a `ProtocolErrorBody`.
 * why `errors` on every refusal but 401/404: Quaderno's PHP client copies only `errors` onto the model, so that is
 * where a merchant using it reads why; a body-level refusal names the field `base`, as Rails does.
 */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  readonly code: ProtocolErrorCode;
  readonly body: ProtocolErrorBody;
  constructor(
    readonly status: SandboxErrorStatus,
    init: SandboxErrorInit,
  ) {
    const error = init.error ?? (describe(init.errors) || 'The request was refused');
    super(error);
    const errors = init.errors ?? (status === 401 || status === 404 ? undefined : { base: [error] });
    let fieldCodes = init.field_codes;
    if (errors && !fieldCodes) {
      fieldCodes = Object.fromEntries(Object.keys(errors).map((key) => [key, init.code ?? CODE_BY_STATUS[status]]));
    }
    this.code = init.code ?? CODE_BY_STATUS[status];
    this.body = { code: this.code, error };
    if (errors) this.body.errors = errors;
    if (fieldCodes) this.body.field_codes = fieldCodes;
    if (init.status !== undefined) this.body.status = init.status;
    if (init.currency !== undefined) this.body.currency = init.currency;
  }
}

/** 422 with per-field messages; every field's code is `field_invalid` unless `field_codes` says otherwise. */
export function invalid(
  errors: Record<string, string[]>,
  extra: Omit<SandboxErrorInit, 'errors'> = {},
): SandboxError {
  const field_codes = { ...Object.fromEntries(Object.keys(errors).map((key) => [key, 'field_invalid' as const])), ...extra.field_codes };
  return new SandboxError(422, { code: 'field_invalid', ...extra, errors, field_codes });
}

/** 404 with a JSON error: a session (`session_not_found`) or a coupon (`coupon_unknown`). */
export function notFound(what: 'Session' | 'Coupon' | (string & {})): SandboxError {
  return new SandboxError(404, { code: what === 'Coupon' ? 'coupon_unknown' : 'session_not_found', error: `${what} not found` });
}

/**
 * 422 `session_not_pending`: the session is not in a status that allows this; the body names the status.
 * why 422, not 409: a Rails API answers 422, and Quaderno's Ruby client raises on 422 but silently returns the
 * error body of a 409 as if it were the session.
 */
export function conflict(action: string, status: string): SandboxError {
  const error = `Cannot ${action} a ${status} session`;
  return new SandboxError(422, { code: 'session_not_pending', error, errors: { status: [error] }, status });
}

/** Why a coupon is refused, as the `field_codes.coupon` of a 422. */
export type CouponRefusal = Extract<
  ProtocolErrorCode,
  'coupon_unknown' | 'coupon_expired' | 'coupon_used_up' | 'coupon_currency' | 'coupon_not_accepted'
>;

/** 422 `errors.coupon` with its machine code; a `coupon_currency` refusal names the coupon's currency. */
export function couponRefused(code: CouponRefusal, message: string, currency?: string): SandboxError {
  return invalid({ coupon: [message] }, { field_codes: { coupon: code }, ...(currency ? { currency } : {}) });
}

// why: zod/mini ships without messages; an English error map per parse avoids a process-wide z.config side effect.
const english = z.locales.en();
export const parseOptions = { error: english.localeError } as const;

type Issue = { code?: string; path: ReadonlyArray<PropertyKey>; message: string; keys?: string[]; errors?: Issue[][] };

const NOT_ALLOWED = 'is not allowed here';

/**
 * The 422 `errors` object for a zod failure, built on the shared `fieldErrors`.
 * why: two issue kinds need help to name a field: a strict object's unknown keys (one entry per key)
 * and a union (the closest branch's issues, instead of a bare "Invalid input" on the item).
 */
export function validationErrors(error: { issues: ReadonlyArray<Issue> }): Record<string, string[]> {
  const flat: Issue[] = [];
  const visit = (issue: Issue, prefix: ReadonlyArray<PropertyKey>) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) flat.push({ path: [...path, key], message: NOT_ALLOWED });
    } else if (issue.code === 'invalid_union' && issue.errors?.length) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      for (const sub of closest) visit(sub, path);
    } else {
      flat.push({ path, message: issue.message });
    }
  };
  for (const issue of error.issues) visit(issue, []);
  return fieldErrors({ issues: flat });
}

/** The 422 for a zod failure: a key the caller may not send is `field_not_allowed`, anything else `field_invalid`. */
export function refusedBody(error: { issues: ReadonlyArray<Issue> }): SandboxError {
  const errors = validationErrors(error);
  const field_codes = Object.fromEntries(
    Object.entries(errors).map(([key, messages]) => [key, messages.includes(NOT_ALLOWED) ? 'field_not_allowed' : 'field_invalid'] as const),
  );
  const codes = new Set(Object.values(field_codes));
  return invalid(errors, { field_codes, code: codes.size === 1 && codes.has('field_not_allowed') ? 'field_not_allowed' : 'field_invalid' });
}
