// The rates engine without HTTP: the rules that decide a status (the jurisdiction table runs over HTTP in
// test/sandbox/tax-calculate.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countryRate, stateRate } from '../../src/tax/data/sales-tax-rates.js';
import { DEFAULT_SELLER, findRate, LocationError, taxNeeds, type SellerSettings } from '../../src/tax/rates.js';

const seller = (extra: Partial<SellerSettings> = {}): SellerSettings => ({ ...DEFAULT_SELLER, ...extra });

describe('rates engine', () => {
  test('a dated query reads the rate then in force (Germany cut VAT to 16% in the second half of 2020)', () => {
    assert.equal(countryRate('DE', '2020-08-01')?.rate, 16);
    assert.equal(countryRate('DE', '2020-05-01')?.rate, 19);
    assert.equal(countryRate('DE')?.rate, 19);
    assert.equal(findRate({ country: 'DE', date: '2020-10-01' }, seller()).rate, 16);
  });

  test('Nova Scotia HST was 15% before April 2025 and 14% after', () => {
    assert.equal(stateRate('CA', 'NS', '2025-01-15')?.rate, 10);
    assert.equal(findRate({ country: 'CA', postal_code: 'B3H 1A1', date: '2025-01-15' }, seller()).rate, 15);
    assert.equal(findRate({ country: 'CA', postal_code: 'B3H 1A1', date: '2025-06-01' }, seller()).rate, 14);
  });

  test('a null tax ID check never gives reverse charge; true does; a domestic valid ID does not', () => {
    assert.equal(findRate({ country: 'DE', tax_id_valid: null }, seller()).status, 'taxable');
    assert.equal(findRate({ country: 'DE', tax_id_valid: false }, seller()).status, 'taxable');
    assert.equal(findRate({ country: 'DE', tax_id_valid: true }, seller()).status, 'reverse_charge');
    assert.equal(findRate({ country: 'ES', tax_id_valid: true }, seller()).status, 'taxable');
  });

  test('the home country is always registered; an unregistered one is not_registered at 0%', () => {
    const onlyHome = seller({ home_country: 'FR', registered: [] });
    assert.deepEqual([findRate({ country: 'FR' }, onlyHome).status, findRate({ country: 'FR' }, onlyHome).rate], ['taxable', 20]);
    assert.deepEqual([findRate({ country: 'IT' }, onlyHome).status, findRate({ country: 'IT' }, onlyHome).rate], ['not_registered', 0]);
  });

  test('"US" registers every state, "US-TX" one', () => {
    assert.equal(findRate({ country: 'US', postal_code: '60601' }, seller()).status, 'not_registered');
    assert.equal(findRate({ country: 'US', postal_code: '60601' }, seller({ registered: ['US'] })).status, 'taxable');
  });

  test('an unplaceable postal code is a LocationError', () => {
    assert.throws(() => findRate({ country: 'US', postal_code: 'ABCDE' }, seller()), LocationError);
    assert.throws(() => findRate({ country: 'CA', postal_code: '12345' }, seller()), LocationError);
    assert.throws(() => findRate({ country: 'CA', postal_code: 'D1A 1A1' }, seller()), LocationError); // no province uses D
  });

  const needs: Array<[string | null, string | null, string[]]> = [
    [null, null, ['country']],
    ['US', null, ['postal_code']],
    ['CA', ' ', ['postal_code']],
    ['US', '10001', []],
    ['DE', null, []],
  ];
  for (const [country, postal, expected] of needs) {
    test(`needs for ${country}/${postal}: [${expected}]`, () => assert.deepEqual(taxNeeds(country, postal), expected));
  }
});
