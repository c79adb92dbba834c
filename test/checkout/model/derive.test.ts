// derive(state) → FormView in tables, without a server: what each field shows and asks, the tax and total shown, the
// tax ID's check, the Pay button and how many problems stop a payment, for forms the model can hold.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive, type FormView } from '../../../src/checkout/model/derive.js';
import { formTransition, initialForm, type Busy, type FormEvent, type FormKind } from '../../../src/checkout/model/state.js';
import type { TaxPreview, TaxSummary } from '../../../src/checkout/model/tax.js';
import { parseSession, type BillingMode, type CheckoutSession } from '../../../src/session/schema.js';
import { recordedSessionList } from '../../helpers/fixtures.js';
import { FULL_CUSTOMER } from '../sessions.js';

const tax = (over: Partial<TaxSummary> = {}): TaxSummary => ({
  currency: 'EUR',
  subtotal: 19700,
  discount: 0,
  tax: 3743,
  total: 23443,
  lines: [],
  status: 'taxable',
  needs: [],
  tax_id: null,
  ...over,
});

function session(over: { status?: string; mode?: BillingMode; customer?: object; capabilities?: string[] } = {}): CheckoutSession {
  const recorded = recordedSessionList()[0] as Record<string, unknown>;
  return parseSession({
    ...recorded,
    status: over.status ?? 'pending',
    billing_details_collection: over.mode ?? 'required',
    customer: { ...(recorded.customer as object), ...FULL_CUSTOMER, ...over.customer },
    tax: tax(),
    capabilities: over.capabilities ?? ['tax_preview', 'retry'],
  });
}

const preview = (summary: TaxSummary | undefined, key: string, updating = false): TaxPreview => ({ key, summary, country: 'DE', updating });

function state(s: CheckoutSession, events: FormEvent[] = [], busy?: Busy): FormKind {
  const form = events.reduce(formTransition, initialForm(s, undefined));
  return { kind: 'form', session: s, form, busy, alert: undefined };
}

const EMPTY = { email: '', first_name: '', last_name: '', billing_country: '', billing_street_line_1: '', billing_city: '', billing_postal_code: '' };
const card: FormEvent = { type: 'method', method: 'card' };
const cardField = (error: boolean): FormEvent => ({
  type: 'processor-field',
  key: 'card_number',
  state: { error: error ? { key: 'required' } : undefined, touched: false, dirty: false },
  changed: true,
});
const VALID_ID = tax({ total: 19700, tax: 0, tax_id: { value: 'DE123456789', valid: true } as TaxSummary['tax_id'] });
const REFUSED_ID = tax({ tax_id: { value: 'DE000', valid: false } as TaxSummary['tax_id'] });
const typedId = (value: string): FormEvent => ({ type: 'input', field: 'tax_id', value });
const idKey = (id: string) => `DE\u000010117\u0000${id}`;

describe('derive(state): the form view', () => {
  const cases: Array<[name: string, make: () => FormKind, expect: Partial<Record<keyof FormView, unknown>>]> = [
    [
      'a full customer, a method, nothing wrong: Pay shows the session total',
      () => state(session(), [card]),
      { errorCount: 0, errors: {}, hints: {}, payLabel: 'pay', total: { total: 23443, currency: 'EUR' }, paying: false, locked: false, methodMissing: false },
    ],
    [
      'no method chosen: one problem, shown only after a submit',
      () => state(session()),
      { errorCount: 1, methodMissing: false },
    ],
    ['submitted without a method: the method says so', () => state(session(), [{ type: 'submit' }]), { errorCount: 1, methodMissing: true }],
    [
      'an empty required form: every required field counts, none shows before a submit',
      () => state(session({ customer: EMPTY }), [card]),
      { errorCount: 7, errors: {} },
    ],
    [
      'the processor reports an incomplete card: one problem once a method is chosen',
      () => state(session(), [card, cardField(true)]),
      { errorCount: 1 },
    ],
    [
      'the processor field without a method: only the method counts',
      () => state(session(), [cardField(true)]),
      { errorCount: 1 },
    ],
    [
      'a tax ID the check refused: its own message at once, and it stops Pay',
      () => state(session(), [card, typedId('DE000'), { type: 'tax', preview: preview(REFUSED_ID, idKey('DE000')) }]),
      { errorCount: 1, errors: { tax_id: { message: 'taxIdInvalid' } }, taxId: 'invalid' },
    ],
    [
      'a tax ID whose check is on its way: the hint says so, the old figures stay marked as updating',
      () => state(session(), [card, typedId('DE123456789'), { type: 'tax', preview: preview(tax(), idKey('DE123456789'), true) }]),
      { hints: { tax_id: 'taxIdChecking' }, taxUpdating: true, taxId: 'checking', total: { total: 23443, currency: 'EUR' } },
    ],
    [
      'a valid tax ID: the preview total is the Pay total',
      () => state(session(), [card, typedId('DE123456789'), { type: 'tax', preview: preview(VALID_ID, idKey('DE123456789')) }]),
      { hints: { tax_id: 'taxIdValid' }, taxId: 'valid', total: { total: 19700, currency: 'EUR' }, errorCount: 0 },
    ],
    [
      'auto mode and a valid tax ID: the invoice address is asked for and shown',
      () =>
        state(session({ mode: 'auto', customer: { billing_street_line_1: '', billing_city: '' } }), [
          card,
          typedId('DE123456789'),
          { type: 'tax', preview: preview(VALID_ID, idKey('DE123456789')) },
        ]),
      { addressOpen: true, errorCount: 2 },
    ],
    ['saving: the Pay button says so and the fields lock', () => state(session(), [card], 'saving'), { payLabel: 'saving', paying: true }],
    ['paying', () => state(session(), [card], 'paying'), { payLabel: 'processing', paying: true }],
    ['a coupon request in flight does not lock the fields', () => state(session(), [card], 'coupon-apply'), { payLabel: 'pay', paying: false }],
    [
      'a failed session the server cannot reopen: locked, and the session tax shows whatever was previewed',
      () =>
        state(session({ status: 'failed', capabilities: ['tax_preview'] }), [card, { type: 'tax', preview: preview(VALID_ID, idKey('')) }]),
      { locked: true, total: { total: 23443, currency: 'EUR' } },
    ],
  ];
  for (const [name, make, expect] of cases) {
    it(name, () => {
      const view = derive(make());
      for (const [key, value] of Object.entries(expect)) assert.deepEqual(view[key as keyof FormView], value, key);
    });
  }

  it('required fields follow the billing rule: required mode asks for the address, auto only for the country', () => {
    assert.ok(derive(state(session())).required.has('billing_street_line_1'));
    const auto = derive(state(session({ mode: 'auto' })));
    assert.ok(auto.required.has('billing_country'));
    assert.ok(!auto.required.has('billing_street_line_1'));
  });

  it('a touched and edited field shows its error; an untouched one does not', () => {
    const view = derive(
      state(session(), [
        { type: 'input', field: 'email', value: 'not-an-email' },
        { type: 'blur', field: 'email' },
        { type: 'input', field: 'first_name', value: '' },
      ]),
    );
    assert.deepEqual(view.errors.email, { error: { key: 'email' } });
    // why first_name shows too: it arrived filled from the session, and prefilled counts as touched.
    assert.deepEqual(view.errors.first_name, { error: { key: 'required' } });
  });
});
