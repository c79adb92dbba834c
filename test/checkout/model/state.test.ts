// The form state without a server: what a field shows once the server refused its value, and the form's
// transitions (the reducer) in a table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formTransition, initialForm, visibleFieldError, type FormEvent, type FormState } from '../../../src/checkout/model/state.js';
import en from '../../../src/locales/en.js';
import { translateError } from '../../../src/locales/validation.js';
import { validateBilling, type BillingField } from '../../../src/session/fields.js';
import { parseSession } from '../../../src/session/schema.js';
import { recordedSessionList } from '../../helpers/fixtures.js';
import { FULL_CUSTOMER } from '../sessions.js';

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

describe('formTransition: the form after an event', () => {
  const recorded = recordedSessionList()[0] as Record<string, unknown>;
  const session = parseSession({ ...recorded, status: 'pending', customer: { ...(recorded.customer as object), ...FULL_CUSTOMER } });
  const start = () => initialForm(session, undefined);
  const refusedCard = { error: undefined, touched: true, dirty: true };
  const cases: Array<[name: string, events: FormEvent[], check: (form: FormState) => unknown, expected: unknown]> = [
    ['input: the value, dirty', [{ type: 'input', field: 'first_name', value: 'Ada' }], (f) => [f.values.first_name, f.dirty.has('first_name')], ['Ada', true]],
    ['input clears the server refusal of that field only', [{ type: 'server-errors', billing: { first_name: 'no', last_name: 'no' }, processor: {} }, { type: 'input', field: 'first_name', value: 'A' }], (f) => Object.keys(f.serverErrors), ['last_name']],
    ['blur: touched, the same form when it already was', [{ type: 'blur', field: 'email' }], (f) => f.touched.has('email'), true],
    ['coupon input clears the coupon error', [{ type: 'coupon-error', error: { kind: 'field', error: { key: 'required' } } }, { type: 'coupon-input', value: 'X' }], (f) => [f.couponInput, f.couponError], ['X', undefined]],
    ['submit: every error shows', [{ type: 'submit' }], (f) => f.submitted, true],
    ['open-address', [{ type: 'open-address' }], (f) => f.addressOpen, true],
    [
      'a processor field the server refused keeps the refusal until its value changes',
      [
        { type: 'server-errors', billing: {}, processor: { card_number: { error: { key: 'invalid' }, message: 'declined' } } },
        { type: 'processor-field', key: 'card_number', state: refusedCard, changed: false },
      ],
      (f) => f.processor.card_number?.server?.message,
      'declined',
    ],
    [
      'a new value of the processor field clears the refusal',
      [
        { type: 'server-errors', billing: {}, processor: { card_number: { error: { key: 'invalid' }, message: 'declined' } } },
        { type: 'processor-field', key: 'card_number', state: refusedCard, changed: true },
      ],
      (f) => f.processor.card_number?.server,
      undefined,
    ],
    ['reset-processor forgets its fields', [{ type: 'processor-field', key: 'card_number', state: refusedCard, changed: true }, { type: 'reset-processor' }], (f) => f.processor, {}],
    ['tax keeps a preview', [{ type: 'tax', preview: { key: 'k', summary: undefined, updating: true } }], (f) => f.tax?.updating, true],
  ];
  for (const [name, events, check, expected] of cases) {
    it(name, () => assert.deepEqual(check(events.reduce(formTransition, start())), expected));
  }
});
