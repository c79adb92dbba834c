// The PayPal adapter's plain mappings: locales as PayPal's xx_XX, and the script options that decide a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALES } from '../../src/session/schema.js';
import { PAYPAL_LOCALES, paypalScriptOptions } from '../../src/processors/paypal.js';

describe('PayPal adapter mappings', () => {
  test('every element locale is an xx_XX PayPal locale; ca falls back to es_ES', () => {
    for (const locale of LOCALES.filter((l) => l !== 'auto')) {
      assert.match(PAYPAL_LOCALES[locale as keyof typeof PAYPAL_LOCALES], /^[a-z]{2}_[A-Z]{2}$/, locale);
    }
    assert.equal(PAYPAL_LOCALES.ca, 'es_ES');
    assert.equal(PAYPAL_LOCALES.no, 'no_NO');
  });

  const cases: Array<[string, { currency: string; locale: 'en' | 'sv' }, { sdkBaseUrl?: string; cspNonce?: string }, Record<string, unknown>]> = [
    ['defaults', { currency: 'eur', locale: 'en' }, {}, { clientId: 'cid', currency: 'EUR', locale: 'en_US', components: 'buttons', intent: 'capture' }],
    [
      'a self-hosted SDK and a nonce',
      { currency: 'SEK', locale: 'sv' },
      { sdkBaseUrl: 'https://cdn.example/sdk.js', cspNonce: 'abc' },
      { clientId: 'cid', currency: 'SEK', locale: 'sv_SE', components: 'buttons', intent: 'capture', sdkBaseUrl: 'https://cdn.example/sdk.js', dataCspNonce: 'abc' },
    ],
  ];
  for (const [name, ctx, options, expected] of cases) {
    test(`script options: ${name}`, () => assert.deepEqual(paypalScriptOptions('cid', ctx, options), expected));
  }
});
