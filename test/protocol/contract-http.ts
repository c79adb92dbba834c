// HTTP and assertion helpers of the contract suite (contract.ts). Every answer is checked against the protocol's
// schemas here, so a case only states the behaviour it is about.
import assert from 'node:assert/strict';
import { permalinkEndpoint } from '../../src/api/urls.js';
import { speaksProtocol, CAPABILITIES } from '../../src/protocol/capabilities.js';
import type { ProtocolErrorBody, ProtocolErrorCode } from '../../src/protocol/codes.js';
import { ERROR_STATUS } from '../../src/protocol/status.js';
import { protocolErrorBodySchema } from '../../src/protocol/errors.js';
import { protocolSessionSchema, type ProtocolSessionInput } from '../../src/protocol/session.js';
import { taxIdCheckSchema, taxSummarySchema } from '../../src/protocol/tax.js';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** One request to `<permalink><subpath>.json`, with a JSON body when given. No retries: the contract sees every answer. */
export async function call(
  permalink: string,
  method: 'GET' | 'PUT' | 'POST' | 'OPTIONS',
  subpath = '',
  init: { body?: unknown; raw?: string; query?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const url = new URL(permalinkEndpoint(permalink, subpath));
  for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  if (text) {
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${method} ${url.pathname}: a JSON answer`);
    json = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, text, json };
}

type Issue = { path: PropertyKey[]; code: string; message: string };

function parsed<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: Issue[] } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  const issues = result.error?.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`).join(', ');
  assert.ok(result.success, `${what} does not match the protocol (${issues}): ${JSON.stringify(value)}`);
  return result.data as T;
}

/** A 2xx session answer, checked against the schema and the wire rules the tolerant parser lets through. */
export function expectSession(reply: Reply, status = 200): ProtocolSessionInput & Record<string, any> {
  assert.equal(reply.status, status, reply.text);
  parsed(protocolSessionSchema, reply.json, 'the session');
  for (const item of reply.json.items as Array<{ amount: unknown; quantity?: unknown }>) {
    assert.ok(Number.isSafeInteger(item.amount), `an item amount in integer minor units, not ${String(item.amount)}`);
  }
  return reply.json;
}

/** The answer to pay.json: the session, its payment under way. */
export function expectPayResult(reply: Reply) {
  return expectSession(reply, 202);
}

export function expectTaxSummary(reply: Reply) {
  assert.equal(reply.status, 200, reply.text);
  return parsed(taxSummarySchema, reply.json, 'the tax summary');
}

export function expectTaxIdCheck(reply: Reply) {
  assert.equal(reply.status, 200, reply.text);
  return parsed(taxIdCheckSchema, reply.json, 'the tax ID check');
}

/** A protocol error with this status and top-level code. */
export function expectError(reply: Reply, status: number, code: ProtocolErrorCode | readonly ProtocolErrorCode[]): ProtocolErrorBody {
  assert.equal(reply.status, status, reply.text);
  const body = parsed(protocolErrorBodySchema, reply.json, 'the error body') as ProtocolErrorBody;
  const codes = typeof code === 'string' ? [code] : code;
  assert.ok(codes.includes(body.code), `code ${body.code}, expected ${codes.join(' or ')}`);
  assert.equal(reply.status, ERROR_STATUS[body.code], `${body.code} comes with ${ERROR_STATUS[body.code]}`);
  if (body.field_codes) {
    // why: field_codes and errors are read side by side; a code without its message (or the reverse) is a broken body.
    assert.deepEqual(Object.keys(body.field_codes).sort(), Object.keys(body.errors ?? {}).sort(), 'field_codes and errors name the same fields');
  }
  return body;
}

/**
 * A refused field: 422, `errors[field]` with a message and `field_codes[field]` = the field's code. The top code is
 * `field_invalid`, or the field's own code (the only refusal of its kind, like `field_not_allowed`).
 */
export function expectFieldRefusal(reply: Reply, field: string, code: ProtocolErrorCode): ProtocolErrorBody {
  const body = expectError(reply, 422, ['field_invalid', code]);
  assert.ok((body.errors?.[field]?.length ?? 0) > 0, `a message for ${field}: ${reply.text}`);
  assert.equal(body.field_codes?.[field], code, `field_codes.${field}`);
  return body;
}

/** A server refusing an operation it does not advertise. */
export function expectUnsupported(reply: Reply, field?: string): void {
  const body = expectError(reply, ERROR_STATUS.capability_unsupported, ['capability_unsupported', 'field_invalid']);
  assert.equal(field && body.code === 'field_invalid' ? body.field_codes?.[field] : body.code, 'capability_unsupported');
}

/** What a session says about its server: a version this suite speaks, known capabilities, a matching hosted_url. */
export function expectAdvertised(session: Record<string, any>): void {
  assert.equal(typeof session.protocol_version, 'string', 'protocol_version is sent');
  assert.ok(speaksProtocol(session.protocol_version), `protocol ${session.protocol_version} is not 1.x`);
  assert.ok(Array.isArray(session.capabilities), 'capabilities is sent');
  for (const capability of session.capabilities) assert.ok((CAPABILITIES as readonly string[]).includes(capability), `unknown capability ${capability}`);
  assert.equal(new Set(session.capabilities).size, session.capabilities.length, 'capabilities are listed once');
  assert.ok('hosted_url' in session, 'hosted_url is sent');
  if (session.capabilities.includes('hosted_payment')) assert.match(String(session.hosted_url), /^https?:\/\//);
  else assert.equal(session.hosted_url, null);
}
