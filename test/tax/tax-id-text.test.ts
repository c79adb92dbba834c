// How a typed tax ID is read (src/tax/tax-id-text.ts), the same by the element's field and by the server: the
// separators people type and the country prefix never decide anything; only an empty or overlong text is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIELD_SPECS } from '../../src/session/fields.js';
import { compactTaxId, TAX_ID_MAX_LENGTH, taxIdBody, taxIdExample, taxIdPlausible, taxIdSpellings } from '../../src/tax/tax-id-text.js';

describe('tax ID text', () => {
  const bodies: Array<[country: string, typed: string, body: string]> = [
    ['FI', 'FI 2094606-3', '20946063'],
    ['CZ', 'CZ 640229/4448', '6402294448'],
    ['GR', 'GR 094064321', '094064321'],
    ['GR', 'el 094.064.321', '094064321'],
    ['GR', '094064321', '094064321'],
    ['IT', ' rccmnl83s18d969h ', 'RCCMNL83S18D969H'],
    ['DE', 'de 136 695 976', '136695976'],
    ['JP', '5-8356-7825-6246', '5835678256246'],
  ];
  for (const [country, typed, body] of bodies) {
    test(`${country} "${typed}" → ${body}`, () => assert.equal(taxIdBody(country, typed), body));
  }

  test('the spellings keep what a validator may need: the typed sign, the prefix that is part of the number', () => {
    assert.ok(taxIdSpellings('FI', '131052-308T').includes('131052-308T'));
    assert.ok(taxIdSpellings('CH', 'CHE-116.281.710').includes('CHE116281710'));
    assert.ok(taxIdSpellings('GR', 'EL: 094279805').includes('094279805'));
    assert.deepEqual(taxIdSpellings('DE', '   '), []);
  });

  const plausible: Array<[country: string, typed: string, ok: boolean]> = [
    ['IT', 'RCCMNL83S18D969H', true],
    ['RO', '1630615123457', true],
    ['AE', '100123456700003', true],
    ['DE', 'DE', false],
    ['GR', 'EL', false],
    ['US', '---', false],
    ['US', '1'.repeat(31), false],
    ['US', '1'.repeat(30), true],
  ];
  for (const [country, typed, ok] of plausible) {
    test(`${country} "${typed.slice(0, 16)}" ${ok ? 'can' : 'cannot'} be a tax ID`, () => assert.equal(taxIdPlausible(country, typed), ok));
  }

  test('compactTaxId upper-cases and drops spaces, dots, dashes and slashes only', () => {
    assert.equal(compactTaxId(' nl 8225.69.759 b01 '), 'NL822569759B01');
    assert.equal(compactTaxId('DK: 21599336'), 'DK:21599336');
  });

  test("the field's length limit is the rule's", () => assert.equal(FIELD_SPECS.tax_id.maxLength, TAX_ID_MAX_LENGTH));

  test("an example per country (Greece's with EL), Germany's elsewhere", () => {
    assert.equal(taxIdExample('gr'), 'EL123456789');
    assert.equal(taxIdExample('JP'), 'DE123456789');
  });
});
