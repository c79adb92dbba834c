import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as z from 'zod/mini';
import type { ProtocolErrorBody } from '../../src/protocol/codes.js';
import { protocolErrorBodySchema } from '../../src/protocol/errors.js';
import { couponApplyBodySchema, couponRemoveBodySchema, payBodySchema, paymentStartRequest } from '../../src/protocol/requests.js';
import { paymentStartResponse } from '../../src/protocol/payments.js';
import { protocolSessionSchema } from '../../src/protocol/session.js';
import { taxIdQuerySchema, taxSummarySchema } from '../../src/protocol/tax.js';
import { recordedSessionList } from '../helpers/fixtures.js';

// Compile-time: the schema and the shared interface in codes.ts describe the same body, both ways.
const _schemaToInterface = (body: z.output<typeof protocolErrorBodySchema>): ProtocolErrorBody => body;
const _interfaceToSchema = (body: ProtocolErrorBody): z.input<typeof protocolErrorBodySchema> => ({ ...body });
void _schemaToInterface;
void _interfaceToSchema;

const TAX = {
  currency: 'EUR',
  subtotal: 2100,
  discount: 0,
  tax: 441,
  total: 2541,
  lines: [
    { name: 'IVA', rate: 21, extra_name: null, extra_rate: null, taxable_amount: 2100, amount: 441, behavior: 'exclusive', status: 'taxable', notes: null },
  ],
  status: 'taxable',
  needs: [],
  tax_id: null,
};

/** [what, schema, value, accepted?] */
const CASES: Array<[string, { safeParse(v: unknown): { success: boolean } }, unknown, boolean]> = [
  ['an error with field codes', protocolErrorBodySchema, { code: 'field_invalid', error: 'x', errors: { coupon: ['expired'] }, field_codes: { coupon: 'coupon_expired' } }, true],
  ['a not-pending error naming the status', protocolErrorBodySchema, { code: 'session_not_pending', error: 'x', status: 'completed' }, true],
  ['an error without a code (the pre-spec sandbox)', protocolErrorBodySchema, { errors: { coupon: ['expired'] } }, false],
  ['an error with an unknown code', protocolErrorBodySchema, { code: 'teapot', error: 'x' }, false],
  ['an error with an unknown field code', protocolErrorBodySchema, { code: 'field_invalid', error: 'x', field_codes: { coupon: 'nope' } }, false],
  ['a tax summary', taxSummarySchema, TAX, true],
  ['a tax summary still needing a postal code', taxSummarySchema, { ...TAX, needs: ['postal_code'], tax_id: { valid: null } }, true],
  ['a tax summary with a fractional amount', taxSummarySchema, { ...TAX, tax: 440.5 }, false],
  ['a tax summary with an unknown status', taxSummarySchema, { ...TAX, status: 'exempt' }, false],
  ['a tax summary needing an unknown input', taxSummarySchema, { ...TAX, needs: ['city'] }, false],
  ['a tax line without its status', taxSummarySchema, { ...TAX, lines: [{ ...TAX.lines[0], status: undefined }] }, false],
  ['a tax ID query', taxIdQuerySchema, { country: 'DE', tax_id: 'DE123456789' }, true],
  ['a tax ID query without a country', taxIdQuerySchema, { tax_id: 'DE123456789' }, false],
  ['a coupon code', couponApplyBodySchema, { coupon: 'WELCOME10' }, true],
  ['a coupon code over the update body\'s 64 characters', couponApplyBodySchema, { coupon: 'X'.repeat(65) }, false],
  ['a coupon with another key', couponApplyBodySchema, { coupon: 'A', items: [] }, false],
  ['a coupon removal', couponRemoveBodySchema, { coupon: null }, true],
  ['a coupon removal with a code', couponRemoveBodySchema, { coupon: 'A' }, false],
  ['a simulated card payment', payBodySchema, { method: 'card', card_number: '4242424242424242', total: 2541 }, true],
  ['a payment without the confirmed total', payBodySchema, { method: 'card', card_number: '4242424242424242' }, false],
  ['a payment start with the confirmed total', paymentStartRequest, { method: 'card', total: 2541 }, true],
  ['a payment start without the confirmed total', paymentStartRequest, { method: 'paypal' }, false],
  ['a payment with the confirmed total', payBodySchema, { method: 'paypal', outcome: 'approve', total: 2541 }, true],
  ['a payment with an unknown method', payBodySchema, { method: 'bitcoin' }, false],
  ['a payment with a fractional total', payBodySchema, { method: 'card', total: 25.41 }, false],
  ['a Stripe start', paymentStartResponse, { processor: 'stripe', processor_id: 'pi_1', publishable_key: 'pk_test', client_secret: 'pi_1_secret_2', amount: 2541, currency: 'EUR' }, true],
  ['a Stripe start without its secret', paymentStartResponse, { processor: 'stripe', processor_id: 'pi_1', publishable_key: 'pk_test', amount: 2541, currency: 'EUR' }, false],
  ['a PayPal start', paymentStartResponse, { processor: 'paypal', processor_id: '5O190127TN364715T', client_id: 'sb', order_id: '5O190127TN364715T', amount: 2541, currency: 'EUR' }, true],
  ['a start with a fractional amount', paymentStartResponse, { processor: 'paypal', processor_id: 'O', client_id: 'sb', order_id: 'O', amount: 25.41, currency: 'EUR' }, false],
  ['an unknown processor', paymentStartResponse, { processor: 'bitpay' }, false],
];

describe('protocol schemas', () => {
  for (const [what, schema, value, accepted] of CASES) {
    test(`${accepted ? 'accepts' : 'refuses'} ${what}`, () => assert.equal(schema.safeParse(value).success, accepted));
  }

  test('every recorded Quaderno session is a protocol session (the additions are optional)', () => {
    for (const session of recordedSessionList()) assert.ok(protocolSessionSchema.safeParse(session).success);
  });

  test('a session with the additions keeps them', () => {
    const session = recordedSessionList()[0] as Record<string, unknown>;
    const full = { ...session, protocol_version: '1.0', capabilities: ['update', 'later'], hosted_url: null, tax: TAX };
    const parsed = protocolSessionSchema.parse(full);
    assert.deepEqual([parsed.protocol_version, parsed.capabilities, parsed.tax?.total], ['1.0', ['update', 'later'], 2541]);
    assert.equal(protocolSessionSchema.safeParse({ ...full, tax: { ...TAX, total: 'a lot' } }).success, false);
  });
});
