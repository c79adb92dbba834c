// The form state's field rules without a server: what a field shows once the server refused its value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formTransition, initialForm, visibleFieldError } from '../../../src/checkout/model/state.ts';
import en from '../../../src/locales/en.ts';
import { translateError } from '../../../src/locales/validation.ts';
import { validateBilling, type BillingField } from '../../../src/session/fields.ts';
import { parseSession } from '../../../src/session/schema.ts';
import { recordedSessionList } from '../../helpers/fixtures.ts';
import { FULL_CUSTOMER } from '../sessions.ts';

describe('checkout model: a field the server refused', () => {
  // why these: fields whose own rules the form checked and accepted; the server's reason is not a length.
  const CASES: BillingField[] = ['first_name', 'billing_city', 'billing_street_line_1', 'company'];
  for (const field of CASES) {
    it(`${field}: shows a neutral "check this field", never "Use at most 255 characters"`, () => {
      const recorded = recordedSessionList()[0] as Record<string, unknown>;
      const session = parseSession({ ...recorded, status: 'pending', customer: { ...(recorded.customer as object), ...FULL_CUSTOMER } });
      let form = initialForm(session, undefined);
      form = formTransition(form, { type: 'server-errors', billing: { [field]: 'is not accepted' }, processor: {} });
      const error = visibleFieldError(form, field, validateBilling(form.values, 'required'));
      assert.ok(error, 'the refusal shows');
      const words = translateError(en.validation, error);
      assert.notEqual(words, en.validation.tooLong(255));
      assert.equal(words, en.validation.invalid);
    });
  }
});
