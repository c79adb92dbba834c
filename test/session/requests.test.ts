// The customer fields a client may send (src/session/requests.ts) follow the field table (src/session/fields.ts): the
// same lengths and rules the form checks, so a server never refuses what the form let through, nor keeps what it
// would refuse.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FIELD_TABLE, validateField, type BillingField } from '../../src/session/fields.js';
import { createSessionSchema, fieldErrors, publicUpdateSchema } from '../../src/session/requests.js';

const refusal = (customer: Record<string, string>) => {
  const parsed = publicUpdateSchema.safeParse({ customer });
  return parsed.success ? undefined : fieldErrors(parsed.error);
};

describe('customer fields in a request follow the field table', () => {
  for (const spec of FIELD_TABLE) {
    if ('select' in spec) continue;
    test(`${spec.key}: ${spec.maxLength} characters pass the length rule, ${spec.maxLength + 1} do not`, () => {
      const longest = refusal({ [spec.key]: 'x'.repeat(spec.maxLength) });
      assert.ok(!longest?.[`customer.${spec.key}`]?.some((m) => /at most/.test(m)), JSON.stringify(longest));
      assert.ok(refusal({ [spec.key]: 'x'.repeat(spec.maxLength + 1) })?.[`customer.${spec.key}`]?.includes(`Use at most ${spec.maxLength} characters`));
    });
  }

  // [field, value, billing country]: each accepted by the request exactly when the form's rule accepts it.
  const cases: Array<[BillingField, string, string]> = [
    ['email', 'ada@example.com', ''],
    ['email', 'ada@example', ''],
    ['email', 'ada..lovelace@example.com', ''],
    ['email', 'ada @example.com', ''],
    ['billing_country', 'DE', ''],
    ['billing_country', 'de', ''],
    ['billing_country', 'D1', ''],
    ['billing_postal_code', '10115', 'DE'],
    ['billing_postal_code', '1011', 'DE'],
    ['billing_postal_code', '1011', 'AT'],
    ['billing_postal_code', 'SW1A 1AA', 'GB'],
    ['billing_postal_code', '!!', ''],
    ['tax_id', 'DE136695976', 'DE'],
    ['tax_id', '#', 'DE'],
    ['first_name', 'Ada', ''],
  ];
  for (const [field, value, country] of cases) {
    const customer: Record<string, string> = { [field]: value };
    if (country) customer.billing_country = country;
    // why upper case for the country: a server stores it upper-cased, so `de` is accepted as Germany.
    const formValue = field === 'billing_country' ? value.toUpperCase() : value;
    const formSays = validateField(field, formValue, 'auto', { country: country || undefined });
    test(`${field} ${JSON.stringify(value)}${country ? ` in ${country}` : ''}: ${formSays ? 'refused' : 'accepted'}, as the form says`, () => {
      assert.equal(refusal(customer)?.[`customer.${field}`] !== undefined, formSays !== undefined);
    });
  }

  test('business_number, which the form does not ask for, keeps 255 characters', () => {
    assert.equal(refusal({ business_number: 'x'.repeat(255) }), undefined);
    assert.ok(refusal({ business_number: 'x'.repeat(256) })?.['customer.business_number']);
  });

  test("a merchant's prefill keeps the lengths but not the format rules: the form shows such a value as an error to correct", () => {
    const customer = { billing_country: 'DE', billing_postal_code: '123' };
    assert.equal(createSessionSchema.safeParse({ items: [{ product: 'x' }], customer }).success, true);
    assert.ok(refusal(customer)?.['customer.billing_postal_code']);
    assert.equal(createSessionSchema.safeParse({ items: [{ product: 'x' }], customer: { first_name: 'x'.repeat(101) } }).success, false);
  });
});
