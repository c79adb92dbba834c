// Quaderno's rule for a mandatory tax ID (src/tax/tax-id-rule.ts), as a table: domestic sales in BG, CY, ES, HR, IT
// and PT need one; a cross-border sale or a domestic one elsewhere does not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TAX_ID_REQUIRED_COUNTRIES, taxIdRequired } from '../../src/tax/tax-id-rule.js';

describe('taxIdRequired', () => {
  const cases: Array<[seller: string | null, customer: string | null, required: boolean]> = [
    ['ES', 'ES', true],
    ['BG', 'BG', true],
    ['CY', 'CY', true],
    ['HR', 'HR', true],
    ['IT', 'IT', true],
    ['PT', 'PT', true],
    ['es', ' es ', true],
    ['ES', 'PT', false],
    ['PT', 'ES', false],
    ['ES', 'FR', false],
    ['ES', 'US', false],
    ['DE', 'DE', false],
    ['FR', 'FR', false],
    ['GB', 'GB', false],
    ['ES', null, false],
    [null, 'ES', false],
    ['', '', false],
  ];
  for (const [seller, customer, required] of cases) {
    test(`${seller} → ${customer}: ${required ? 'required' : 'optional'}`, () => {
      assert.equal(taxIdRequired(seller, customer), required);
    });
  }

  test('the six states of the rule, and only they', () => {
    assert.deepEqual([...TAX_ID_REQUIRED_COUNTRIES].sort(), ['BG', 'CY', 'ES', 'HR', 'IT', 'PT']);
  });
});
