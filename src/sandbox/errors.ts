import * as z from 'zod/mini';
import type { ProtocolErrorCode } from '../protocol/codes.ts';
import { fieldErrors } from '../session/requests.ts';

/** A refusal the sandbox reports as JSON: `{ error }` or `{ errors: { field: [messages] } }` with an HTTP status. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 415 | 422,
    readonly body: { code?: ProtocolErrorCode; error?: string; errors?: Record<string, string[]>; status?: string },
  ) {
    super(body.error ?? Object.entries(body.errors ?? {}).map(([k, v]) => `${k}: ${v.join(', ')}`).join('; '));
  }
}

/** 422 with per-field messages. */
export function invalid(errors: Record<string, string[]>): SandboxError {
  return new SandboxError(422, { errors });
}

/** 404 with a JSON error. */
export function notFound(what: string): SandboxError {
  return new SandboxError(404, { error: `${what} not found` });
}

/** 409: the session is not in a status that allows this. The body names the status. */
export function conflict(action: string, status: string): SandboxError {
  return new SandboxError(409, { error: `Cannot ${action} a ${status} session`, status });
}

// why: zod/mini ships without messages; an English error map per parse avoids a process-wide z.config side effect.
const english = z.locales.en();
export const parseOptions = { error: english.localeError } as const;

type Issue = { code?: string; path: ReadonlyArray<PropertyKey>; message: string; keys?: string[]; errors?: Issue[][] };

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
      for (const key of issue.keys) flat.push({ path: [...path, key], message: 'is not allowed here' });
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
