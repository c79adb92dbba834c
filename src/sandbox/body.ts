import { SandboxError } from './errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The deepest nesting a body may have, counting the body itself: `items[][name]` is 3, `{"a":[1]}` is 2.
 * why: Rack's own limit (param_depth_limit); no request of the API needs more than 4, and metadata stored deeper
 * than this would make every later read of the session recurse without bound.
 */
export const MAX_DEPTH = 32;

/** The most `key=value` pairs a form body may have (qs's parameterLimit); a 64 KiB body could otherwise hold 32,000. */
export const MAX_PARAMS = 1000;

// why: form values are all strings; these fields are numbers or booleans in JSON, so a `curl -d` body gets the same types.
const BOOLEAN_FIELDS = new Set(['coupon_collection']);
const NUMBER_FIELDS = new Set(['amount', 'quantity', 'percent_off', 'amount_off', 'max_redemptions', 'from']);

// why: a body is decoded as UTF-8 and nothing else; US-ASCII is a subset of it.
const CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

/**
 * Reads a request body of at most `maxBytes` and decodes it by Content-Type:
 * JSON (`application/json`, `*+json`), form (`application/x-www-form-urlencoded`, Rails-style brackets),
 * or, without a Content-Type, whichever it looks like (a "form" that starts with `{` or `[` is JSON). An empty body is `{}`.
 * Throws SandboxError: 413 too large (bytes or parameters), 415 other types, charsets or a Content-Encoding,
 * 400 malformed JSON, bytes that are not UTF-8, nesting deeper than MAX_DEPTH or an upload that ended early.
 */
export async function readBody(request: Request, maxBytes: number): Promise<unknown> {
  const [type, charset] = mediaType(request.headers.get('content-type'));
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    throw unsupported(`Unsupported Content-Encoding "${encoding}": send the body uncompressed`);
  }
  if (charset !== undefined && !CHARSETS.has(charset)) throw unsupported(`Unsupported charset "${charset}": send UTF-8`);
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
    throw bodyInvalid('The request body is not valid UTF-8');
  }
  if (text.trim() === '') return {};
  const looksJson = /^\s*[[{]/.test(text);
  // why: `curl -d '{...}'` without -H sends JSON labelled as a form; no form body starts with `{` or `[`.
  const formOrNone = type === 'application/x-www-form-urlencoded' || type === '';
  if (type === 'application/json' || type.endsWith('+json') || (formOrNone && looksJson)) return parseJson(text);
  if (formOrNone) return parseForm(text);
  throw unsupported(`Unsupported Content-Type "${type}": send application/json or application/x-www-form-urlencoded`);
}

/** `application/json; charset=UTF-8` → ['application/json', 'utf-8']; no charset → undefined. */
function mediaType(header: string | null): [string, string | undefined] {
  const [type = '', ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  return [type, charset];
}

function bodyInvalid(error: string): SandboxError {
  return new SandboxError(400, { code: 'body_invalid', error });
}

function unsupported(error: string): SandboxError {
  return new SandboxError(415, { code: 'unsupported_media_type', error });
}

function tooDeep(): SandboxError {
  return bodyInvalid(`The request body is nested deeper than ${MAX_DEPTH} levels`);
}

// why: a client that goes away mid-upload is not a sandbox bug; without this its read error would be logged as a 500.
function incomplete(): SandboxError {
  return bodyInvalid('The request body ended before it was complete');
}

function tooLarge(maxBytes: number): SandboxError {
  return new SandboxError(413, { code: 'body_too_large', error: `The request body is larger than ${maxBytes} bytes` });
}

async function readDeclared(request: Request, declared: number, maxBytes: number): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await request.arrayBuffer());
  } catch {
    throw incomplete();
  }
  if (bytes.byteLength > maxBytes || bytes.byteLength > declared) throw tooLarge(maxBytes);
  return bytes;
}

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => Promise.reject(incomplete()));
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

/** JSON.parse that refuses nesting deeper than MAX_DEPTH, drops prototype-polluting keys and reports a 400. */
export function parseJson(text: string): unknown {
  // why: checked before parsing, so neither JSON.parse's reviver nor any later copy of the value recurses without bound.
  if (jsonDepthExceeds(text, MAX_DEPTH)) throw tooDeep();
  try {
    return JSON.parse(text, (key, value) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch (error) {
    throw bodyInvalid(`Malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether JSON text opens more than `limit` arrays/objects at once; one linear scan that skips strings. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, quotes included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses `a=1&customer[email]=x&items[][product]=P&items[][quantity]=2&payment_methods[]=card` the way Rails does:
 * `[]` appends, and `items[][k]` starts a new element when the last one already has `k`.
 * URLSearchParams decodes the pairs; the nesting is ours because Rails's `items[][k]` rule is not qs's (qs turns
 * repeated `items[][name]` into one item with `name: [...]`). Bounded by MAX_PARAMS pairs and MAX_DEPTH levels.
 */
export function parseForm(text: string): Tree {
  const root: Tree = {};
  let count = 0;
  for (const [rawKey, rawValue] of new URLSearchParams(text)) {
    if (++count > MAX_PARAMS) {
      throw new SandboxError(413, { code: 'body_too_large', error: `The request body has more than ${MAX_PARAMS} parameters` });
    }
    const keys = formKeys(rawKey);
    if (!keys || keys.some((k) => FORBIDDEN_KEYS.has(k))) continue;
    assign(root, keys, coerce(keys.filter((k) => k !== '').at(-1) ?? '', rawValue));
  }
  return root;
}

/** `items[][name]` → ['items', '', 'name']; a malformed key → undefined. Refuses a key deeper than MAX_DEPTH. */
function formKeys(rawKey: string): string[] | undefined {
  // why: count first, so a 64 KiB key of `[a][a]…` costs one scan and is refused before anything is built from it.
  let brackets = 0;
  for (let i = rawKey.indexOf('['); i !== -1; i = rawKey.indexOf('[', i + 1)) {
    if (++brackets >= MAX_DEPTH) throw tooDeep();
  }
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
  if (!match) return undefined;
  return [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
}

function coerce(field: string, value: string): unknown {
  if (BOOLEAN_FIELDS.has(field) && (value === 'true' || value === 'false' || value === '1' || value === '0')) {
    return value === 'true' || value === '1';
  }
  if (NUMBER_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

/** Sets `value` at the path `keys` under `root`, walking down in a loop (no copies of the path, no recursion). */
function assign(root: Tree, keys: string[], value: unknown): void {
  let target = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const head = keys[i]!;
    if (keys[i + 1] !== '') {
      const existing = target[head];
      target = isTree(existing) ? existing : (target[head] = {} as Tree);
      continue;
    }
    const list = Array.isArray(target[head]) ? (target[head] as unknown[]) : ((target[head] = []) as unknown[]);
    if (i + 2 === keys.length) {
      list.push(value);
      return;
    }
    const last = list.at(-1);
    if (isTree(last) && !Object.hasOwn(last, keys[i + 2]!)) target = last;
    else list.push((target = {}));
    i++; // the `[]` is used up
  }
  target[keys.at(-1)!] = value;
}
