// A refused coupon's reason, read from the message the real sandbox sends, and worded in every locale.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { couponRefusal, describeCouponRefusal, type CouponRefusal } from '../../src/checkout/coupon-errors.ts';
import { SandboxError, SandboxStore } from '../../src/sandbox/store.ts';
import { LOCALE_CODES } from '../../src/locales/index.ts';
import { getTranslation } from '../../src/locales/all.ts';

/** The sandbox's own message for applying `code` to a session (created by `body`) through the permalink. */
function refusalMessage(code: string, body: { currency?: string; coupon_collection?: boolean } = {}): string {
  const store = new SandboxStore();
  try {
    const session = store.createSession({
      items: [{ name: 'Plan', amount: 2100, currency: body.currency ?? 'EUR', quantity: 1 }],
      coupon_collection: body.coupon_collection ?? true,
    });
    store.publicUpdate(session.token, { coupon: code });
  } catch (error) {
    if (error instanceof SandboxError) return error.body.errors?.coupon?.[0] ?? assert.fail(`no coupon error: ${error.message}`);
    throw error;
  } finally {
    store.close();
  }
  return assert.fail(`the sandbox accepted ${code}`);
}

describe('couponRefusal', () => {
  const fromSandbox: Array<[string, () => string, CouponRefusal]> = [
    ['an unknown code', () => refusalMessage('NOPE'), { reason: 'invalid' }],
    ['an expired code', () => refusalMessage('EXPIRED'), { reason: 'expired' }],
    ['a used-up code', () => refusalMessage('USEDUP'), { reason: 'usedUp' }],
    ['a EUR-only code on a USD order', () => refusalMessage('FIVEOFF', { currency: 'USD' }), { reason: 'currency', currency: 'EUR' }],
    ['a session without coupons', () => refusalMessage('HALF', { coupon_collection: false }), { reason: 'notAccepted' }],
  ];
  for (const [name, message, expected] of fromSandbox) {
    test(`the sandbox's message for ${name}`, () => assert.deepEqual(couponRefusal(message()), expected));
  }

  const phrasings: Array<[string | undefined, CouponRefusal['reason']]> = [
    [undefined, 'invalid'],
    ['', 'invalid'],
    ['is invalid', 'invalid'],
    ['Coupon has expired', 'expired'],
    ['This coupon has been used up', 'usedUp'],
    ['usage limit reached', 'usedUp'],
    ['coupon is only valid for GBP', 'currency'],
    // a currency-looking word elsewhere is not a currency restriction
    ['THE code is not valid', 'invalid'],
  ];
  for (const [message, reason] of phrasings) {
    test(`${JSON.stringify(message)} → ${reason}`, () => assert.equal(couponRefusal(message).reason, reason));
  }
});

describe('describeCouponRefusal words each reason in every locale', () => {
  for (const code of LOCALE_CODES) {
    test(code, () => {
      const t = getTranslation(code);
      assert.equal(describeCouponRefusal(t, 'This coupon has expired'), t.couponExpired);
      assert.equal(describeCouponRefusal(t, 'This coupon has reached its redemption limit'), t.couponUsedUp);
      assert.equal(describeCouponRefusal(t, 'This checkout does not accept coupons'), t.couponNotAccepted);
      assert.equal(describeCouponRefusal(t, 'whatever'), t.couponInvalid);
      const currency = describeCouponRefusal(t, 'This coupon only applies to EUR purchases');
      assert.equal(currency, t.couponCurrency('EUR'));
      assert.match(currency, /EUR/);
      // five different sentences: no reason falls back to another's words
      assert.equal(new Set([t.couponExpired, t.couponUsedUp, t.couponNotAccepted, t.couponInvalid, currency]).size, 5);
    });
  }
});
