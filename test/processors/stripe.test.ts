// The Stripe adapter's plain mappings, in tables: SDK errors to the element's codes and message keys, the element's
// locales to Stripe's, and theme tokens to Stripe's appearance.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALES } from '../../src/session/schema.js';
import { PROCESSOR_MESSAGE_KEYS } from '../../src/processors/errors.js';
import { STRIPE_LOCALES, stripeAppearance, stripeErrorOf, type ThemeToken } from '../../src/processors/stripe.js';
import { PAYMENT_ERROR_CODES } from '../../src/protocol/payments.js';
import type { StripeSurface } from '../../src/processors/stripe-surface.js';
import type { StripeDouble } from '../../src/sandbox/doubles/stripe.js';

type Assert<T extends true> = T;
/** Compile-time proof that the sandbox's Stripe.js double answers every call the adapter makes (tsc checks tests). */
export type DoubleFitsAdapter = Assert<StripeDouble extends StripeSurface ? true : false>;

describe('Stripe adapter mappings', () => {
  const errors: Array<[string, { type: any; code?: string }, string, string]> = [
    ['a decline', { type: 'card_error', code: 'card_declined' }, 'payment_declined', 'cardDeclined'],
    ['an expired card', { type: 'card_error', code: 'expired_card' }, 'payment_declined', 'cardDeclined'],
    ['an unknown card_error', { type: 'card_error', code: 'something_new' }, 'payment_declined', 'cardDeclined'],
    ['a failed 3-D Secure', { type: 'card_error', code: 'payment_intent_authentication_failure' }, 'payment_authentication_failed', 'paymentAuthenticationFailed'],
    ['a wrong number', { type: 'card_error', code: 'incorrect_number' }, 'payment_incomplete', 'cardIncomplete'],
    ['an incomplete field (client-side)', { type: 'validation_error', code: 'incomplete_cvc' }, 'payment_incomplete', 'cardIncomplete'],
    ['a network failure', { type: 'api_connection_error' }, 'payment_failed', 'paymentFailed'],
    ['an unknown intent', { type: 'invalid_request_error', code: 'resource_missing' }, 'payment_failed', 'paymentFailed'],
    ['a rate limit', { type: 'rate_limit_error' }, 'payment_failed', 'paymentFailed'],
  ];
  for (const [name, error, code, key] of errors) {
    test(`${name} → ${code} / ${key}`, () => {
      const mapped = stripeErrorOf(error);
      assert.equal(mapped.code, code);
      assert.equal(mapped.messageKey, key);
      assert.equal(mapped.sdkCode, error.code ?? error.type);
      assert.ok((PAYMENT_ERROR_CODES as readonly string[]).includes(mapped.code));
      assert.ok((PROCESSOR_MESSAGE_KEYS as readonly string[]).includes(mapped.messageKey));
    });
  }

  test('every element locale has a Stripe locale; ca falls back to es and no to nb', () => {
    for (const locale of LOCALES.filter((l) => l !== 'auto')) assert.ok(STRIPE_LOCALES[locale as keyof typeof STRIPE_LOCALES], locale);
    assert.equal(STRIPE_LOCALES.ca, 'es');
    assert.equal(STRIPE_LOCALES.no, 'nb');
    assert.equal(STRIPE_LOCALES.fi, 'fi');
  });

  const reader = (values: Record<string, string>) => (token: ThemeToken) => values[token.private] ?? '';
  test('appearance: the tokens that are set become variables; a dark scheme is Stripe’s night theme', () => {
    const light = stripeAppearance(reader({ primary: '#4f46e5', radius: '8px', font: 'Inter, sans-serif', scheme: 'light' }));
    assert.deepEqual(light, { theme: 'stripe', variables: { colorPrimary: '#4f46e5', borderRadius: '8px', fontFamily: 'Inter, sans-serif' } });
    const dark = stripeAppearance(reader({ scheme: 'dark', text: '#eceef3', error: '#ff9b9b', 'input-bg': '#12141b' }));
    assert.deepEqual(dark, { theme: 'night', variables: { colorBackground: '#12141b', colorText: '#eceef3', colorDanger: '#ff9b9b' } });
    assert.deepEqual(stripeAppearance(reader({})), { theme: 'stripe', variables: {} });
  });
});
