import { SandboxError } from './errors.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// why: form values are all strings; these fields are numbers or booleans in JSON, so a `curl -d` body gets the same types.
const BOOLEAN_FIELDS = new Set(['coupon_collection']);
const NUMBER_FIELDS = new Set(['amount', 'quantity', 'percent_off', 'amount_off', 'max_redemptions', 'from']);

/**
 * Reads a request body of at most `maxBytes` and decodes it by Content-Type:
 * JSON (`application/json`, `*+json`), form (`application/x-www-form-urlencoded`, Rails-style brackets),
 * or, without a Content-Type, whichever it looks like (a "form" that starts with `{` or `[` is JSON). An empty body is `{}`.
 * Throws SandboxError: 413 too large, 415 other types, 400 malformed JSON or bytes that are not UTF-8.
 */
export async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  // why: with a declared length under the limit, arrayBuffer() takes @hono/node-server's fast path (~3x the PUT
  // throughput of a web-stream reader); only chunked bodies need the byte-counting loop.
  const bytes = Number.isFinite(declared)
    ? await readDeclared(request, declared, maxBytes)
    : await readLimited(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SandboxError(400, { error: 'The request body is not valid UTF-8' });
  }
  if (text.trim() === '') return {};
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const looksJson = /^\s*[[{]/.test(text);
  // why: `curl -d '{...}'` without -H sends JSON labelled as a form; no form body starts with `{` or `[`.
  const formOrNone = type === 'application/x-www-form-urlencoded' || type === '';
  if (type === 'application/json' || type.endsWith('+json') || (formOrNone && looksJson)) return parseJson(text);
  if (formOrNone) return parseForm(text);
  throw new SandboxError(415, {
    error: `Unsupported Content-Type "${type}": send application/json or application/x-www-form-urlencoded`,
  });
}

function tooLarge(maxBytes: number): SandboxError {
  return new SandboxError(413, { error: `The request body is larger than ${maxBytes} bytes` });
}

async function readDeclared(request: Request, declared: number, maxBytes: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes || bytes.byteLength > declared) throw tooLarge(maxBytes);
  return bytes;
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // why: a chunked body has no Content-Length to refuse up front; stop reading as soon as it is too big.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** JSON.parse that drops prototype-polluting keys and reports a 400 with the parser's reason. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch (error) {
    throw new SandboxError(400, { error: `Malformed JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
}

type Tree = Record<string, unknown>;

/**
 * Parses `a=1&customer[email]=x&items[][product]=P&items[][quantity]=2&payment_methods[]=card` the way Rails does:
 * `[]` appends, and `items[][k]` starts a new element when the last one already has `k`.
 */
export function parseForm(text: string): Tree {
  const root: Tree = {};
  for (const [rawKey, rawValue] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) continue;
    const keys = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    if (keys.some((k) => FORBIDDEN_KEYS.has(k))) continue;
    assign(root, keys, coerce(keys.filter((k) => k !== '').at(-1) ?? '', rawValue));
  }
  return root;
}

function coerce(field: string, value: string): unknown {
  if (BOOLEAN_FIELDS.has(field) && (value === 'true' || value === 'false' || value === '1' || value === '0')) {
    return value === 'true' || value === '1';
  }
  if (NUMBER_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

function assign(target: Tree, keys: string[], value: unknown): void {
  const [head, ...rest] = keys as [string, ...string[]];
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const [next, ...after] = rest as [string, ...string[]];
  if (next === '') {
    const list = Array.isArray(target[head]) ? (target[head] as unknown[]) : (target[head] = []) as unknown[];
    if (after.length === 0) {
      list.push(value);
      return;
    }
    const last = list.at(-1);
    const child = after[0]!;
    if (last && typeof last === 'object' && !Array.isArray(last) && !(child in last)) {
      assign(last as Tree, after, value);
    } else {
      const fresh: Tree = {};
      list.push(fresh);
      assign(fresh, after, value);
    }
    return;
  }
  const existing = target[head];
  const child = existing && typeof existing === 'object' && !Array.isArray(existing) ? (existing as Tree) : (target[head] = {} as Tree);
  assign(child as Tree, rest, value);
}
