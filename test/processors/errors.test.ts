// Every payment error code a processor can end with has its own localized message in every locale (never the
// generic load error), and ProcessorPaymentError carries the code the checkout model reports.
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { errorCode } from '../../src/checkout/model/errors.js';
import { errorMessage } from '../../src/checkout/model/words.js';
import { TRANSLATIONS } from '../../src/locales/all.js';
import en from '../../src/locales/en.js';
import { ProcessorPaymentError } from '../../src/processors/errors.js';
import { PAYMENT_ERROR_CODES } from '../../src/protocol/payments.js';
import { fill, FULL_CUSTOMER, modelFor, sessionBody, useFlowSandbox } from '../checkout/model/support.js';

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

/**
 * The class as an adapter script (dist/quaderno-checkout-stripe.iife.js, -paypal.iife.js) bundles it: a copy of its
 * own, so the core's `instanceof` is false for what it throws.
 */
class ScriptCopyOfProcessorPaymentError extends Error {
  override readonly name = 'ProcessorPaymentError';
  constructor(
    readonly code: string,
    readonly sdkCode?: string,
    readonly messageKey?: string,
  ) {
    super(`Payment ${code}`);
  }
}

test("an adapter script's own copy of the error keeps its code (recognised by code, not by class)", () => {
  assert.equal(errorCode(new ScriptCopyOfProcessorPaymentError('payment_declined', 'card_declined', 'cardDeclined')), 'payment_declined');
  assert.equal(errorCode(new ScriptCopyOfProcessorPaymentError('payment_cancelled', 'cancel', 'paypalCancelled')), 'payment_cancelled');
  assert.equal(errorCode({ code: 'payment_declined' }), 'unknown', 'a bare object is no processor error');
});

describe('a processor failure through the model', () => {
  const env = useFlowSandbox();
  const failures: Array<[string, Error]> = [
    ["the core's class", new ProcessorPaymentError('payment_failed', 'sdk_error', 'paypalFailed')],
    ["an adapter script's copy", new ScriptCopyOfProcessorPaymentError('payment_failed', 'sdk_error', 'paypalFailed')],
  ];
  for (const [label, failure] of failures) {
    it(`reaches quaderno-error by its code and the words by its message key (${label})`, async () => {
      const created = await env().api.create(sessionBody({ payment_methods: ['paypal'] }));
      const processor = { resets: 0, pay: () => Promise.reject(failure) };
      const r = modelFor(created.permalink!, { processor });
      await r.model.load();
      await fill(r.model, FULL_CUSTOMER);
      r.model.selectMethod('paypal');
      await r.model.pay();
      const state = r.model.state;
      assert.equal(state.kind === 'form' && state.alert?.code, 'payment_failed');
      assert.deepEqual(r.events.filter((e) => e.name === 'quaderno-error').map((e) => e.detail.code), ['payment_failed']);
      assert.equal(r.announced.at(-1)?.text, en.paypalFailed);
    });
  }
});
