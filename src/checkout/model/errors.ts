// How the model names a failure: by the error's code, whichever bundle threw it. No Lit and no DOM here.
import { ApiError } from '../../api/errors.js';
import { processorErrorOf } from '../../processors/errors.js';

/** A session from a PUT or a poll that was refused (and shown as an error); it ends the run that fetched it. */
export class RefusedSessionError extends Error {
  override readonly name = 'RefusedSessionError';
}

export function errorCode(error: unknown): string {
  // why by its data: an adapter script's processor error is its own copy of the class (processors/errors.ts).
  return error instanceof ApiError ? error.code : (processorErrorOf(error)?.code ?? 'unknown');
}
