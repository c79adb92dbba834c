// Assertions on the sandbox's refusal bodies (the protocol's ProtocolErrorBody), shared by the sandbox suites.
import assert from 'node:assert/strict';
import { isProtocolErrorCode } from '../../src/protocol/codes.js';
import type { Reply } from './harness.js';

/** A protocol error body: a known top `code`, an `error` sentence, and `field_codes` under the keys of `errors`. */
export function assertErrorBody(reply: Reply, status: number, code?: string): void {
  assert.equal(reply.status, status, reply.text);
  assert.ok(isProtocolErrorCode(reply.json?.code), `a protocol code in ${reply.text}`);
  if (code) assert.equal(reply.json.code, code, reply.text);
  assert.equal(typeof reply.json.error, 'string');
  if (reply.json.errors !== undefined) {
    assert.deepEqual(Object.keys(reply.json.field_codes ?? {}).sort(), Object.keys(reply.json.errors).sort(), 'field_codes keys = errors keys');
    for (const messages of Object.values(reply.json.errors)) assert.ok(Array.isArray(messages) && messages.length > 0);
    for (const fieldCode of Object.values(reply.json.field_codes)) assert.ok(isProtocolErrorCode(fieldCode), String(fieldCode));
  }
}

/**
 * A change refused because the session left `pending`: 422 (as Rails, so Quaderno's Ruby client raises), code
 * `session_not_pending`, the status named at the top and in `errors.status` (the shape the PHP client reads).
 */
export function assertNotPending(reply: Reply, status: string): void {
  assertErrorBody(reply, 422, 'session_not_pending');
  assert.equal(reply.json.status, status);
  assert.match(reply.json.errors.status[0], new RegExp(status));
  assert.equal(reply.json.field_codes.status, 'session_not_pending');
}

/**
 * A coupon refusal: 422 `errors.coupon` with `field_codes.coupon`. Applying one is `field_invalid`; a pay whose
 * coupon became unusable is `payment_total_changed` (the coupon was dropped, so the total changed).
 */
export function assertCouponRefused(reply: Reply, couponCode: string, code: 'field_invalid' | 'payment_total_changed' = 'field_invalid'): void {
  assertErrorBody(reply, 422, code);
  assert.equal(reply.json.field_codes.coupon, couponCode, reply.text);
  assert.ok(reply.json.errors.coupon[0]);
}
