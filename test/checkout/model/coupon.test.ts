// Coupons: the protocol's refusal codes → words (a table), and apply/remove through the model against the sandbox.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { couponRefusal, describeCouponRefusal, type CouponRefusal } from '../../../src/checkout/model/coupon-refusal.js';
import type { ProtocolErrorCode } from '../../../src/protocol/codes.js';
import { getTranslation } from '../../../src/locales/all.js';
import { LOCALE_CODES } from '../../../src/session/locale-codes.js';
import en from '../../../src/locales/en.js';
import { modelFor, sessionBody, useFlowSandbox } from './support.js';

describe('coupon refusals: code → reason → words', () => {
  const cases: Array<[code: ProtocolErrorCode | undefined, currency: unknown, refusal: CouponRefusal, words: string]> = [
    ['coupon_expired', undefined, { reason: 'expired' }, 'This code has expired.'],
    ['coupon_used_up', undefined, { reason: 'usedUp' }, 'This code has reached its usage limit.'],
    ['coupon_not_accepted', undefined, { reason: 'notAccepted' }, 'Discount codes can’t be used for this order.'],
    ['coupon_currency', 'usd', { reason: 'currency', currency: 'USD' }, 'This code only applies to orders in USD.'],
    ['coupon_currency', undefined, { reason: 'invalid' }, 'This code isn’t valid.'],
    ['coupon_currency', '<b>', { reason: 'invalid' }, 'This code isn’t valid.'],
    ['coupon_unknown', undefined, { reason: 'invalid' }, 'This code isn’t valid.'],
    ['field_invalid', undefined, { reason: 'invalid' }, 'This code isn’t valid.'],
    [undefined, undefined, { reason: 'invalid' }, 'This code isn’t valid.'],
  ];
  for (const [code, currency, refusal, words] of cases) {
    it(`${code ?? '(no code)'}${currency === undefined ? '' : ` with currency ${String(currency)}`} → ${refusal.reason}`, () => {
      assert.deepEqual(couponRefusal(code, currency), refusal);
      assert.equal(describeCouponRefusal(en, refusal), words);
    });
  }

  it('every locale words every reason, each differently', () => {
    const reasons: CouponRefusal[] = [{ reason: 'invalid' }, { reason: 'expired' }, { reason: 'usedUp' }, { reason: 'notAccepted' }, { reason: 'currency', currency: 'SEK' }];
    for (const code of LOCALE_CODES) {
      const words = reasons.map((r) => describeCouponRefusal(getTranslation(code), r));
      assert.equal(new Set(words).size, reasons.length, code);
      assert.ok(words[4]!.includes('SEK'), code);
    }
  });
});

describe('coupons through the model, against the sandbox', () => {
  const env = useFlowSandbox();

  it('applies a code (only the coupon is sent), then removes it, announcing each', async () => {
    const r = modelFor((await env().api.create(sessionBody())).permalink!);
    await r.model.load();
    r.model.input('email', 'typed@example.com');
    r.model.couponInput(' welcome10 ');
    const applying = r.model.applyCoupon();
    assert.equal(r.model.state.kind === 'form' && r.model.state.busy, 'coupon-apply');
    await applying;
    let state = r.model.state;
    assert.ok(state.kind === 'form');
    assert.equal(state.kind === 'form' && state.session.coupon?.code, 'WELCOME10');
    assert.equal(state.kind === 'form' && state.form.couponInput, '');
    assert.equal(state.kind === 'form' && state.form.values.email, 'typed@example.com');
    assert.equal(state.kind === 'form' ? state.session.customer.email ?? null : 'no form', null, 'the customer was not sent');
    assert.deepEqual(r.announced.at(-1), { politeness: 'polite', text: 'Code WELCOME10 applied.' });
    const removing = r.model.removeCoupon();
    assert.equal(r.model.state.kind === 'form' && r.model.state.busy, 'coupon-remove');
    await removing;
    state = r.model.state;
    assert.equal(state.kind === 'form' ? state.session.coupon ?? null : 'no form', null);
    assert.deepEqual(r.announced.at(-1), { politeness: 'polite', text: 'Discount code removed.' });
    assert.deepEqual(r.focused, ['coupon-input']);
    assert.deepEqual(r.events.map((e) => e.name), ['quaderno-ready', 'quaderno-update', 'quaderno-update']);
  });

  it('an empty code is refused before any request', async () => {
    const r = modelFor((await env().api.create(sessionBody())).permalink!);
    await r.model.load();
    await r.model.applyCoupon();
    const state = r.model.state;
    assert.deepEqual(state.kind === 'form' && state.form.couponError, { kind: 'field', error: { key: 'required' } });
    assert.deepEqual(r.announced, [{ politeness: 'assertive', text: 'This field is required.' }]);
  });

  // why: the sandbox sends `field_codes.coupon` with every refusal, so each one must reach its own words.
  const refused: Array<[code: string, fieldCode: ProtocolErrorCode, refusal: CouponRefusal, words: string, overrides?: object]> = [
    ['EXPIRED', 'coupon_expired', { reason: 'expired' }, 'This code has expired.'],
    ['USEDUP', 'coupon_used_up', { reason: 'usedUp' }, 'This code has reached its usage limit.'],
    ['NOPE-123', 'coupon_unknown', { reason: 'invalid' }, 'This code isn’t valid.'],
    ['FIVEOFF', 'coupon_currency', { reason: 'currency', currency: 'EUR' }, 'This code only applies to orders in EUR.', { items: [{ name: 'A', amount: 1000, currency: 'USD' }] }],
    ['WELCOME10', 'coupon_not_accepted', { reason: 'notAccepted' }, 'Discount codes can’t be used for this order.', { coupon_collection: false }],
  ];
  for (const [code, fieldCode, refusal, words, overrides] of refused) {
    it(`refuses ${code}: the form stays, the coupon error says why (${fieldCode} → ${refusal.reason})`, async () => {
      const r = modelFor((await env().api.create(sessionBody(overrides))).permalink!);
      await r.model.load();
      r.model.couponInput(code);
      await r.model.applyCoupon();
      const state = r.model.state;
      assert.ok(state.kind === 'form', state.kind);
      const error = state.kind === 'form' ? state.form.couponError : undefined;
      assert.ok(error?.kind === 'refused', JSON.stringify(error));
      assert.equal(error.code, fieldCode);
      assert.deepEqual(error.refusal, refusal);
      assert.equal(state.kind === 'form' && state.busy, undefined);
      assert.deepEqual(r.announced.at(-1), { politeness: 'assertive', text: words });
    });
  }
});
