// taxIdRequiredFor (src/checkout/model/tax.ts) in a table: the server's flag counts only for the country in the form,
// from the preview that computed it or, without one, from the session's tax for its saved customer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { taxIdRequiredFor, type TaxPreview, type TaxSummary } from '../../../src/checkout/model/tax.js';
import { requiredNow, validateNow, type BillingNeeds } from '../../../src/checkout/model/billing-rule.js';
import { emptyValues, type BillingValues } from '../../../src/session/fields.js';
import type { BillingMode, CheckoutSession } from '../../../src/session/schema.js';

const summary = (required: boolean | undefined): TaxSummary => ({
  currency: 'EUR',
  subtotal: 1000,
  discount: 0,
  tax: 210,
  total: 1210,
  lines: [],
  status: 'taxable',
  needs: [],
  tax_id: null,
  ...(required === undefined ? {} : { tax_id_required: required }),
});
const session = (saved: string | null, required: boolean | undefined) =>
  ({ customer: { billing_country: saved }, tax: summary(required) }) as unknown as CheckoutSession;
const preview = (country: string, required: boolean, updating = false): TaxPreview => ({ key: `${country}\u0000\u0000`, summary: summary(required), country, updating });

describe('taxIdRequiredFor', () => {
  const cases: Array<[name: string, form: string, s: CheckoutSession, p: TaxPreview | undefined, required: boolean]> = [
    ["the session's tax for the saved Spanish customer", 'ES', session('ES', true), undefined, true],
    ['the form says another country than the saved one, no preview yet', 'FR', session('ES', true), undefined, false],
    ["a preview for the form's country", 'ES', session('FR', false), preview('ES', true), true],
    ['lower case and spaces in the form', ' es ', session('FR', false), preview('ES', true), true],
    ["a preview that says it is not required", 'FR', session('ES', true), preview('FR', false), false],
    ["the old figures of another country while a preview runs", 'FR', session('FR', false), { ...preview('ES', true), updating: true }, false],
    ['a failed preview (no figures): the saved customer decides', 'ES', session('ES', true), { key: 'x', summary: undefined, updating: false }, true],
    ['an older server without the flag', 'ES', session('ES', undefined), undefined, false],
  ];
  for (const [name, form, s, p, required] of cases) {
    test(name, () => assert.equal(taxIdRequiredFor(form, s, p), required));
  }
});

// The billing rule (billing-rule.ts) holds the tax ID to the server's flag in both billing modes: the law of a
// domestic sale does not depend on how much of the address the merchant collects.
describe('requiredNow and validateNow: the tax ID where a domestic sale needs it, in both modes', () => {
  const values = (taxId: string): BillingValues => ({
    ...emptyValues(),
    email: 'ana@example.com',
    first_name: 'Ana',
    last_name: 'García',
    billing_country: 'ES',
    billing_street_line_1: 'Calle Mayor 1',
    billing_city: 'Madrid',
    billing_postal_code: '28013',
    tax_id: taxId,
  });
  const needs = (mode: BillingMode, taxIdRequired: boolean, taxId = ''): BillingNeeds => ({
    mode,
    values: values(taxId),
    tax: undefined,
    preview: undefined,
    sessionTax: undefined,
    taxIdRequired,
  });
  const cases: Array<[mode: BillingMode, flag: boolean, taxId: string, required: boolean, error: string | undefined]> = [
    ['auto', true, '', true, 'taxIdRequired'],
    ['required', true, '', true, 'taxIdRequired'],
    ['auto', false, '', false, undefined],
    ['required', false, '', false, undefined],
    ['required', true, 'ESB58378431', true, undefined],
    ['auto', true, 'ESB58378431', true, undefined],
  ];
  for (const [mode, flag, taxId, required, error] of cases) {
    test(`${mode}, ${flag ? 'required by the server' : 'not required'}, tax ID ${taxId || 'empty'}`, () => {
      assert.equal(requiredNow('tax_id', needs(mode, flag, taxId)), required);
      assert.equal(validateNow(needs(mode, flag, taxId)).tax_id?.key, error);
      // the rest of the form is complete and valid: the tax ID is the only thing the rule can stop
      assert.deepEqual(Object.keys(validateNow(needs(mode, flag, taxId))), error ? ['tax_id'] : []);
    });
  }
});
