// The permalink session's protocol fields (src/protocol/session.ts): `processor_public_keys` as servers old and new
// send it, and the one rule both servers use to fill it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { processorPublicKeys, protocolSessionSchema } from '../../src/protocol/session.js';
import type { PaymentMethod } from '../../src/session/schema.js';

const SESSION = { status: 'pending', items: [{ name: 'Book', amount: 2100, currency: 'EUR' }] };

describe('protocol session: processor_public_keys', () => {
  const bodies: Array<[string, unknown, boolean]> = [
    ['missing (a server older than the field)', undefined, true],
    ['null', null, true],
    ['both keys', { stripe: 'pk_test_1', paypal: 'AZ1' }, true],
    ['null keys', { stripe: null, paypal: null }, true],
    ['a newer server\'s processor', { stripe: null, paypal: 'AZ1', adyen: 'x' }, true],
    ['a number as a key', { stripe: 42, paypal: null }, false],
    ['a list', ['pk_test_1'], false],
  ];
  for (const [name, keys, ok] of bodies) {
    test(`${name} → ${ok ? 'parses' : 'refused'}`, () => {
      const body = keys === undefined ? SESSION : { ...SESSION, processor_public_keys: keys };
      assert.equal(protocolSessionSchema.safeParse(body).success, ok);
    });
  }

  const known = { stripe: 'pk_test_1', paypal: 'AZ1' };
  const cases: Array<[PaymentMethod[], Partial<Record<'stripe' | 'paypal', string>>, Record<'stripe' | 'paypal', string | null>]> = [
    [['card', 'paypal'], known, { stripe: 'pk_test_1', paypal: 'AZ1' }],
    [['card'], known, { stripe: 'pk_test_1', paypal: null }],
    [['paypal'], known, { stripe: null, paypal: 'AZ1' }],
    [[], known, { stripe: null, paypal: null }],
    [['card', 'paypal'], {}, { stripe: null, paypal: null }],
    [['card', 'paypal'], { stripe: '', paypal: 'AZ1' }, { stripe: null, paypal: 'AZ1' }],
  ];
  for (const [methods, keys, expected] of cases) {
    test(`the keys for [${methods}] from ${JSON.stringify(keys)}`, () => assert.deepEqual(processorPublicKeys(methods, keys), expected));
  }
});
