// The request body a browser may send (the customer's update): JSON only, bounded in size, without prototype keys.
import { failure } from './errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function tooLarge(maxBytes: number) {
  return failure(413, 'body_too_large', `The request body is larger than ${maxBytes} bytes`);
}

/** Reads at most `maxBytes`, refusing more as soon as it is seen (a chunked body has no length to check up front). */
async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  // why: a client that gives up halfway (a closed tab, a dropped connection) sent a bad request, not a server fault.
  const read = () =>
    reader.read().catch(() => {
      throw failure(400, 'body_invalid', 'The request body was not received in full');
    });
  for (let next = await read(); !next.done; next = await read()) {
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(total);
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.byteLength), 0);
  return bytes;
}

/**
 * The body as text, as a processor signed it (a webhook's signature is over the raw bytes). Throws ProtocolFailure:
 * 413 while it streams, or 400 `body_invalid` for a body cut off or not UTF-8.
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBounded(request, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw failure(400, 'body_invalid', 'The request body is not valid UTF-8');
  }
}

/** The JSON body as a value (an empty body is `{}`). Throws ProtocolFailure: 413, 415, or 400 `body_invalid`. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    throw failure(415, 'unsupported_media_type', `Send application/json, not "${type}"`);
  }
  const text = await readTextBody(request, maxBytes);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch {
    throw failure(400, 'body_invalid', 'The request body is not valid JSON');
  }
}
