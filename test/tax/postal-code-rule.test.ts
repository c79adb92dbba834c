// Where the rate depends on the postal code (src/tax/postal-code-rule.ts), as a table; the sandbox's rates engine
// asks for the postal code exactly there.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rateDependsOnPostalCode } from '../../src/tax/postal-code-rule.js';
import { taxNeeds } from '../../src/tax/rates.js';

describe('rateDependsOnPostalCode', () => {
  const cases: Array<[country: string | null | undefined, depends: boolean]> = [
    ['US', true],
    ['CA', true],
    [' us ', true],
    ['ca', true],
    ['DE', false],
    ['GB', false],
    ['AU', false],
    ['', false],
    [null, false],
    [undefined, false],
  ];
  for (const [country, depends] of cases) {
    test(`${JSON.stringify(country)}: ${depends ? 'depends' : 'does not depend'} on the postal code`, () => {
      assert.equal(rateDependsOnPostalCode(country), depends);
      // why: the rates engine's `needs` is the same rule, for a known country without a postal code.
      if (country?.trim()) assert.deepEqual(taxNeeds(country.trim().toUpperCase(), ''), depends ? ['postal_code'] : []);
    });
  }
});
