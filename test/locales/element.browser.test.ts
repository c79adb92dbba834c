// Issue 5 in the element: every locale renders the whole form and its errors with no English left, and two
// elements on one page keep their own locales.
import { expect } from '@open-wc/testing';
import en from '../../src/locales/en.js';
import { LOCALE_CODES } from '../../src/locales/index.js';
import { getTranslation } from '../../src/locales/all.js';
import type { Translation } from '../../src/locales/translation.js';
import { SAME_AS_ENGLISH, SAME_AS_ENGLISH_EVERYWHERE } from './same-as-english.js';
import { createSession } from '../helpers/sandbox.js';
import { afterEach, describe, it } from '../helpers/harness.js';
import { mount, sessionBody, useCheckoutSuite } from '../checkout/support.js';

const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Every plain string of a translation, with its key path (functions and $-metadata left out). */
function strings(t: Translation): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  for (const [key, value] of Object.entries(t)) if (!key.startsWith('$')) walk(value, key);
  return out;
}

/** English strings that would betray an untranslated UI: long enough to be words, not brand names. */
const englishTells = [...strings(en).entries()].filter(([, value]) => value.length >= 4 && value !== 'PayPal');

/** Text a customer perceives: visible text, placeholders, accessible names. */
function perceived(root: ShadowRoot): string {
  const parts = [(root.querySelector('[part="base"]') as HTMLElement | null)?.innerText ?? ''];
  for (const el of root.querySelectorAll('[placeholder], [aria-label], [title]')) {
    parts.push(el.getAttribute('placeholder') ?? '', el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
  }
  return normalize(parts.join('\n'));
}

describe('every locale in the element', () => {
  useCheckoutSuite();
  afterEach(() => {
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['en-US', 'en'] });
  });

  for (const code of LOCALE_CODES) {
    it(`${code}: renders the form and its errors with no missing key and no English left`, async () => {
      const t = getTranslation(code);
      const session = await createSession(sessionBody({ locale: code, payment_methods: ['card', 'paypal'] }));
      const { h } = await mount(session.permalink);
      await h.waitFor('form');
      await h.submit();
      await h.element.updateComplete;
      const text = perceived(h.root);
      expect(h.$('[part="base"]')!.getAttribute('lang')).to.equal(code);
      expect(text).to.not.match(/undefined|\[object |NaN/);
      expect(text).to.contain(normalize(t.validation.required));
      expect(text).to.contain(normalize(t.orderSummary));
      expect(text).to.contain(normalize(t.fields.email));
      if (code !== 'en') {
        const allowed = SAME_AS_ENGLISH[code] ?? new Set<string>();
        const leftovers = englishTells.filter(
          ([path, value]) =>
            !SAME_AS_ENGLISH_EVERYWHERE.has(path) && !allowed.has(path) && text.includes(normalize(value)),
        );
        expect(leftovers.map(([path, value]) => `${path}: ${value}`)).to.deep.equal([]);
      }
    });
  }

  const negotiation: Array<[string[], string]> = [
    [['de-AT', 'en'], 'de'],
    [['nb-NO'], 'no'],
    [['nn'], 'no'],
    [['pt-BR', 'sv-FI'], 'sv'],
    [['zh-CN'], 'en'],
  ];
  for (const [languages, expected] of negotiation) {
    it(`a session with locale auto follows navigator.languages ${languages.join(',')} → ${expected}`, async () => {
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
      const session = await createSession(sessionBody({ locale: 'auto' }));
      const { h } = await mount(session.permalink);
      await h.waitFor('form');
      expect(h.$('[part="base"]')!.getAttribute('lang')).to.equal(expected);
      expect(h.text()).to.contain(getTranslation(expected).orderSummary);
    });
  }

  it('the locale attribute overrides the session locale', async () => {
    const session = await createSession(sessionBody({ locale: 'es' }));
    const { h } = await mount(session.permalink, { locale: 'nl' });
    await h.waitFor('form');
    expect(h.$('[part="base"]')!.getAttribute('lang')).to.equal('nl');
    expect(normalize(h.total("total") ?? "")).to.equal('€ 26,00');
  });

  it('two elements on one page keep independent locales, and switching one leaves the other', async () => {
    const session = await createSession(sessionBody({ locale: 'en' }));
    const first = await mount(session.permalink, { locale: 'de' });
    const second = await mount(session.permalink, { locale: 'fr' });
    await first.h.waitFor('form');
    await second.h.waitFor('form');
    expect(first.h.text()).to.contain(getTranslation('de').orderSummary);
    expect(second.h.text()).to.contain(getTranslation('fr').orderSummary);
    first.el.setAttribute('locale', 'fi');
    await first.el.updateComplete;
    expect(first.h.text()).to.contain(getTranslation('fi').orderSummary);
    expect(second.h.text()).to.contain(getTranslation('fr').orderSummary);
    expect(normalize(second.h.total("total") ?? "")).to.equal('26,00 €');
    expect(document.documentElement.lang).to.equal('en');
  });
});
