// taxIdRequiredFor (src/checkout/model/tax.ts) in a table: the server's flag counts only for the country in the form,
// from the preview that computed it or, without one, from the session's tax for its saved customer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { taxIdRequiredFor, type TaxPreview, type TaxSummary } from '../../../src/checkout/model/tax.ts';
import type { CheckoutSession } from '../../../src/session/schema.ts';

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
