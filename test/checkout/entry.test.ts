// Node side: the entries load without a DOM and without side effects; navigation refuses non-http(s) URLs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navigate, setNavigator } from '../../src/ui/navigation.js';

describe('entries in Node', () => {
  it('src/index.ts and src/quaderno-checkout.ts import without touching customElements or window', async () => {
    assert.equal(typeof (globalThis as { customElements?: unknown }).customElements, 'undefined');
    const entry = await import('../../src/index.js');
    const tag = await import('../../src/quaderno-checkout.js');
    assert.equal(typeof entry.QuadernoCheckout, 'function');
    assert.equal(tag.QuadernoCheckout, entry.QuadernoCheckout);
    assert.equal(typeof entry.createPublicClient, 'function');
    assert.equal(typeof entry.sandboxProcessor, 'function');
    assert.equal(typeof entry.realProcessors, 'function');
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  });

  // why a list: `quaderno-checkout/core` is a promise to merchants; what it leaves out can change without a major version.
  const PUBLIC = [
    'QuadernoCheckout',
    'QuadernoReadyEvent',
    'QuadernoUpdateEvent',
    'QuadernoCompleteEvent',
    'QuadernoCancelEvent',
    'QuadernoErrorEvent',
    'QUADERNO_EVENTS',
    'createPublicClient',
    'createPrivateClient',
    'ApiError',
    'ValidationError',
    'NetworkError',
    'sessionSchema',
    'parseSession',
    'formatMoney',
    'LOCALE_CODES',
    'sandboxProcessor',
    'hostedProcessor',
    'lazyProcessor',
    'realProcessors',
    'stripeProcessor',
    'paypalProcessor',
  ];
  const INTERNAL = [
    'emit',
    'quadernoEvent',
    'requestJson',
    'parseRetryAfter',
    'errorForResponse',
    'sessionFromBody',
    'permalinkEndpoint',
    'navigate',
    'setNavigator',
    'validation',
    'getTranslation',
    'TRANSLATIONS',
    'loadTranslation',
    'AdapterProcessor',
    'coreServices',
    'SANDBOX_FIELD_IDS',
    'registerProcessor',
    'registeredProcessors',
  ];
  it('src/index.ts (quaderno-checkout/core) exports the public surface and no transport or processor internals', async () => {
    const entry: Record<string, unknown> = await import('../../src/index.js');
    assert.deepEqual(PUBLIC.filter((name) => entry[name] === undefined), [], 'missing from the core');
    assert.deepEqual(INTERNAL.filter((name) => name in entry), [], 'internals in the core');
  });
});

describe('navigate', () => {
  const cases: Array<[url: string | null | undefined, allowed: boolean]> = [
    ['https://shop.example/thanks', true],
    ['http://localhost:3000/ok?x=1', true],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['/relative/path', false],
    ['', false],
    [null, false],
    [undefined, false],
  ];
  for (const [url, allowed] of cases) {
    it(`${JSON.stringify(url)} is ${allowed ? 'followed' : 'refused'}`, () => {
      const seen: string[] = [];
      setNavigator((target) => seen.push(target));
      try {
        assert.equal(navigate(url), allowed);
        assert.deepEqual(seen, allowed ? [url] : []);
      } finally {
        setNavigator();
      }
    });
  }
});
