// The field table is the one home of the billing fields: everything that lists them derives from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADDRESS_FIELDS, BILLING_FIELDS, FIELD_TABLE, isBillingField, isRequired, validateField } from '../../src/session/fields.js';
import { CUSTOMER_FIELDS, customerSchema } from '../../src/session/schema.js';
import { publicUpdateSchema } from '../../src/session/requests.js';
import { parseDraft } from '../../src/checkout/model/draft.js';
import { getTranslation } from '../../src/locales/all.js';
import { LOCALE_CODES } from '../../src/session/locale-codes.js';

describe('the field table', () => {
  it('keys are unique, and the form, the schemas and every locale carry exactly them', () => {
    const keys = FIELD_TABLE.map((row) => row.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual([...BILLING_FIELDS], keys);
    assert.deepEqual(CUSTOMER_FIELDS.filter((field) => field !== 'business_number'), keys);
    assert.deepEqual(Object.keys(customerSchema.shape).sort(), [...CUSTOMER_FIELDS].sort());
    for (const code of LOCALE_CODES) assert.deepEqual(Object.keys(getTranslation(code).fields).sort(), [...keys].sort(), code);
  });

  it('the public update accepts every field and nothing else', () => {
    const customer = Object.fromEntries(BILLING_FIELDS.map((field) => [field, null]));
    assert.equal(publicUpdateSchema.safeParse({ customer }).success, true);
    assert.equal(publicUpdateSchema.safeParse({ customer: { phone_number: 'x' } }).success, false);
  });

  it('a draft keeps every field and drops unknown keys', () => {
    const customer = Object.fromEntries(BILLING_FIELDS.map((field) => [field, `v-${field}`]));
    const draft = parseDraft(JSON.stringify({ customer: { ...customer, __proto__x: 'no', card_number: '4242' }, coupon: '' }));
    assert.deepEqual(draft?.customer, customer);
    assert.equal(isBillingField('card_number'), false);
    assert.equal(isBillingField('toString'), false);
  });

  const cases: Array<[field: (typeof BILLING_FIELDS)[number], mode: 'auto' | 'required', required: boolean]> = [
    ['email', 'auto', true],
    ['billing_city', 'auto', false],
    ['billing_city', 'required', true],
    ['billing_street_line_2', 'required', false],
    ['tax_id', 'required', false],
  ];
  for (const [field, mode, required] of cases) {
    it(`${field} is ${required ? '' : 'not '}required in ${mode} mode`, () => {
      assert.equal(isRequired(field, mode), required);
      assert.equal(validateField(field, '', mode)?.key, required ? 'required' : undefined);
    });
  }

  it('the length comes from the row; the country select says "select", never "too long"', () => {
    assert.equal(validateField('first_name', 'x'.repeat(101), 'auto')?.key, 'tooLong');
    assert.equal(validateField('first_name', 'x'.repeat(100), 'auto'), undefined);
    assert.equal(validateField('billing_country', '', 'auto')?.key, 'country');
    assert.deepEqual(ADDRESS_FIELDS, ['billing_street_line_1', 'billing_street_line_2', 'billing_city']);
  });
});
