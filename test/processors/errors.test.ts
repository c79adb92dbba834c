// Every payment error code a processor can end with has its own localized message in every locale (never the
// generic load error), and ProcessorPaymentError carries the code the checkout model reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCode } from '../../src/checkout/model/core.ts';
import { errorMessage } from '../../src/checkout/model/words.ts';
import { TRANSLATIONS } from '../../src/locales/all.ts';
import { ProcessorPaymentError } from '../../src/processors/errors.ts';
import { PAYMENT_ERROR_CODES } from '../../src/protocol/payments.ts';

test('each payment error code has its own message in every locale', () => {
  for (const [locale, t] of Object.entries(TRANSLATIONS)) {
    const messages = PAYMENT_ERROR_CODES.map((code) => errorMessage(t, code));
    for (const [i, message] of messages.entries()) {
      assert.notEqual(message, t.errorLoad, `${locale} ${PAYMENT_ERROR_CODES[i]}`);
      assert.ok(message.length > 0);
    }
    assert.equal(new Set(messages).size, messages.length, `${locale}: one message per code`);
  }
});

test('a processor payment error reports its code', () => {
  assert.equal(errorCode(new ProcessorPaymentError('payment_declined', 'card_declined')), 'payment_declined');
  assert.equal(errorCode(new Error('x')), 'unknown');
});
