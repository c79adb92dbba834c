// The validators as plain functions, in tables (Lion style): no DOM, no Lit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import en from '../../src/locales/en.js';
import { email, postalCode, vatNumber, type FieldError } from '../../src/session/validation.js';
import { translateError } from '../../src/locales/validation.js';
import { isRequired, validateBilling, validateField, type BillingValues } from '../../src/session/fields.js';
import { cardCvc, cardExpiry, cardNumber, luhn, withExpirySlash } from '../../src/processors/sandbox-card.js';
import { parseDraft } from '../../src/checkout/model/draft.js';

const key = (error: FieldError | undefined) => error?.key;

describe('vatNumber', () => {
  // why so few refusals: the field reads the text as the server does and leaves the number's own check to it (the
  // tax preview), so it never refuses what the server accepts. Each row was refused by the old per-country format.
  const cases: Array<[country: string, value: string, valid: boolean]> = [
    ['IT', 'RCCMNL83S18D969H', true],
    ['GR', 'GR 094064321', true],
    ['GR', 'EL094064321', true],
    ['RO', 'RO1630615123457', true],
    ['CZ', 'CZ 640229/4448', true],
    ['BG', 'BG7523169263', true],
    ['ES', 'X1111111G', true],
    ['DE', '36 574 261 809', true],
    ['FR', '404833048', true],
    ['AT', 'AT 59-119/9013', true],
    ['FI', '131052-308T', true],
    // Outside the EU, or without a country, any tax ID passes too.
    ['US', '12-3456789', true],
    ['AE', '100123456700003', true],
    ['', 'whatever', true],
    ['', '', true],
    // Only a text that can be no tax ID anywhere: nothing left once separators and prefix are gone.
    ['DE', 'DE', false],
    ['GR', 'EL', false],
    ['US', '---', false],
  ];
  for (const [country, value, valid] of cases) {
    it(`${country || '(none)'} ${value || '(empty)'} is ${valid ? 'accepted' : 'refused'}`, () => {
      const error = vatNumber(value, { country: country || undefined });
      assert.equal(error === undefined, valid, JSON.stringify(error));
      if (!valid) assert.equal(error?.key, 'taxId');
    });
  }

  it('gives an example in the error for the country', () => {
    assert.deepEqual(vatNumber('EL', { country: 'GR' }), { key: 'taxId', params: { example: 'EL123456789' } });
    assert.equal(translateError(en.validation, vatNumber('-', { country: 'DE' })!), 'Enter a valid tax ID, like DE123456789.');
  });
});

describe('card validators', () => {
  const numbers: Array<[string, boolean]> = [
    ['4242 4242 4242 4242', true],
    ['4000-0000-0000-0002', true],
    ['4242424242424241', false],
    ['1234', false],
    ['', false],
    ['4242 4242 4242 424x', false],
  ];
  for (const [value, valid] of numbers) {
    it(`card number "${value}" is ${valid ? 'valid' : 'invalid'}`, () => {
      assert.equal(key(cardNumber(value, {})), valid ? undefined : 'cardNumber');
    });
  }

  const now = new Date(2026, 4, 15); // May 2026
  const expiries: Array<[string, boolean]> = [
    ['05/26', true],
    ['5/26', true],
    ['04/26', false],
    ['12/2030', true],
    ['13/30', false],
    ['00/30', false],
    ['1230', false],
    ['', false],
  ];
  for (const [value, valid] of expiries) {
    it(`expiry "${value}" in May 2026 is ${valid ? 'valid' : 'invalid'}`, () => {
      assert.equal(key(cardExpiry(value, { now })), valid ? undefined : 'cardExpiry');
    });
  }

  const cvcs: Array<[string, boolean]> = [
    ['123', true],
    ['1234', true],
    ['12', false],
    ['12345', false],
    ['abc', false],
  ];
  for (const [value, valid] of cvcs) {
    it(`CVC "${value}" is ${valid ? 'valid' : 'invalid'}`, () => {
      assert.equal(key(cardCvc(value, {})), valid ? undefined : 'cardCvc');
    });
  }

  it('Luhn accepts the sandbox test numbers', () => {
    assert.ok(luhn('4242424242424242'));
    assert.ok(luhn('4000000000000002'));
    assert.ok(!luhn('4242424242424243'));
  });
});

describe('billing fields', () => {
  const requiredCases: Array<[mode: 'required' | 'auto', field: keyof BillingValues, required: boolean]> = [
    ['required', 'first_name', true],
    ['required', 'billing_street_line_1', true],
    ['required', 'billing_city', true],
    ['required', 'billing_street_line_2', false],
    ['required', 'company', false],
    ['required', 'tax_id', false],
    ['auto', 'email', true],
    ['auto', 'first_name', true],
    ['auto', 'last_name', true],
    ['auto', 'billing_country', true],
    ['auto', 'billing_postal_code', true],
    ['auto', 'billing_street_line_1', false],
    ['auto', 'billing_city', false],
    ['auto', 'company', false],
  ];
  for (const [mode, field, required] of requiredCases) {
    it(`${field} is ${required ? 'required' : 'optional'} in ${mode} mode`, () => {
      assert.equal(isRequired(field, mode), required);
      assert.equal(key(validateField(field, '', mode)), required ? (field === 'billing_country' ? 'country' : 'required') : undefined);
    });
  }

  const fieldCases: Array<[field: keyof BillingValues, value: string, country: string, expected: string | undefined]> = [
    ['email', 'a@b.co', '', undefined],
    ['email', 'not-an-email', '', 'email'],
    ['first_name', 'x'.repeat(101), '', 'tooLong'],
    ['billing_postal_code', '10115', 'DE', undefined],
    ['billing_postal_code', '1011', 'DE', 'postalCode'],
    ['billing_postal_code', 'SW1A 1AA', 'GB', undefined],
    ['billing_postal_code', '1234 AB', 'NL', undefined],
    ['billing_postal_code', '111 51', 'SE', undefined],
    ['billing_postal_code', '???', 'ZZ', 'postalCode'],
    ['billing_country', 'de', '', 'country'],
    ['billing_country', 'DE', '', undefined],
  ];
  for (const [field, value, country, expected] of fieldCases) {
    it(`${field} "${value.slice(0, 12)}" (${country || '-'}) → ${expected ?? 'ok'}`, () => {
      assert.equal(key(validateField(field, value, 'required', { country: country || undefined })), expected);
    });
  }

  it('validateBilling checks the tax ID against the chosen country', () => {
    const values: BillingValues = {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      company: '',
      tax_id: 'DE',
      billing_street_line_1: 'Unter den Linden 1',
      billing_street_line_2: '',
      billing_city: 'Berlin',
      billing_postal_code: '10117',
      billing_country: 'DE',
    };
    assert.deepEqual(Object.keys(validateBilling(values, 'required')), ['tax_id']);
    assert.deepEqual(validateBilling({ ...values, tax_id: 'DE123456789' }, 'required'), {});
    assert.deepEqual(Object.keys(validateBilling({ ...values, billing_city: '' }, 'auto')), ['tax_id']);
  });

  it('email uses zod and ignores surrounding spaces', () => {
    assert.equal(email(' ada@example.com ', {}), undefined);
  });

  it('postal codes pass anywhere plausible without a country', () => {
    assert.equal(postalCode('AB1-234', {}), undefined);
  });

  it('every error key has a message in English', () => {
    const errors: FieldError[] = [
      { key: 'required' },
      { key: 'email' },
      { key: 'tooLong', params: { max: 5 } },
      { key: 'taxId', params: { example: 'DE123456789' } },
      { key: 'postalCode' },
      { key: 'country' },
      { key: 'cardNumber' },
      { key: 'cardExpiry' },
      { key: 'cardCvc' },
    ];
    for (const error of errors) assert.ok(translateError(en.validation, error).length > 3, error.key);
    assert.equal(translateError(en.validation, { key: 'tooLong', params: { max: 5 } }), 'Use at most 5 characters.');
    assert.equal(translateError(en.validation, { key: 'tooLong', params: { max: 1 } }), 'Use at most 1 character.');
  });
});

describe('parseDraft', () => {
  const cases: Array<[string, raw: string | null, expected: ReturnType<typeof parseDraft>]> = [
    ['nothing stored', null, undefined],
    ['malformed JSON', '{', undefined],
    ['a plain string', '"x"', undefined],
    [
      'known fields only, never card data',
      JSON.stringify({ customer: { email: 'a@b.c', card_number: '4242', __proto__x: 1 }, coupon: 'HALF', method: 'paypal' }),
      { customer: { email: 'a@b.c' }, coupon: 'HALF', method: 'paypal' },
    ],
    [
      'wrong types dropped',
      JSON.stringify({ customer: { email: 5 }, coupon: 3, method: 'bitcoin' }),
      { customer: {}, coupon: '', method: undefined },
    ],
  ];
  for (const [name, raw, expected] of cases) {
    it(name, () => assert.deepEqual(parseDraft(raw), expected));
  }
});

describe('withExpirySlash', () => {
  const cases: Array<[typed: string, shown: string]> = [
    ['1', '1'],
    ['12', '12'],
    ['123', '12/3'],
    ['1230', '12/30'],
    ['122030', '12/2030'],
    ['12/30', '12/30'],
    ['1/30', '1/30'],
    ['12/', '12/'],
    ['12 30', '12 30'],
    ['ab12', 'ab12'],
    ['', ''],
  ];
  for (const [typed, shown] of cases) {
    it(`"${typed}" shows as "${shown}"`, () => assert.equal(withExpirySlash(typed), shown));
  }
  it('what it produces from four digits passes the expiry check', () => {
    assert.equal(cardExpiry(withExpirySlash('0530'), { now: new Date(2026, 4, 15) }), undefined);
  });
});
