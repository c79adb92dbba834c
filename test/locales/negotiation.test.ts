import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALE_CODES, matchLocale, negotiateLocale, resolveLocale } from '../../src/locales/index.js';
import { getTranslation } from '../../src/locales/all.js';
import type { LocaleCode } from '../../src/locales/index.js';

type Options = Parameters<typeof resolveLocale>[0];

describe('resolveLocale: attribute > session > navigator.languages > en', () => {
  const cases: Array<[string, Options, LocaleCode]> = [
    ['attribute wins over session and browser', { attribute: 'de', session: 'fr', languages: ['sv'] }, 'de'],
    ['session applies without an attribute', { session: 'fr', languages: ['sv'] }, 'fr'],
    ['session applies with an empty attribute', { attribute: '', session: 'fi', languages: ['sv'] }, 'fi'],
    ['session applies with a null attribute', { attribute: null, session: 'hu', languages: ['sv'] }, 'hu'],
    ['browser applies when the session is auto', { session: 'auto', languages: ['nl-NL', 'en'] }, 'nl'],
    ['auto everywhere → navigator.languages', { attribute: 'auto', session: 'auto', languages: ['ca-ES'] }, 'ca'],
    ['an explicit auto attribute overrides the session', { attribute: 'auto', session: 'de', languages: ['es'] }, 'es'],
    ['nothing set → navigator.languages', { languages: ['sv-SE'] }, 'sv'],
    ['nothing at all → en', {}, 'en'],
    ['auto with no languages → en', { attribute: 'auto', session: 'auto', languages: [] }, 'en'],
    ['unsupported attribute falls through to the session', { attribute: 'pt', session: 'de', languages: ['fr'] }, 'de'],
    ['unsupported attribute and session fall through to the browser', { attribute: 'pt', session: 'it', languages: ['fr'] }, 'fr'],
    ['unsupported everything → en', { attribute: 'pt', session: 'auto', languages: ['zh', 'ja'] }, 'en'],
    ['attribute is case- and region-insensitive', { attribute: 'DE-at', session: 'fr' }, 'de'],
    ['Bokmål attribute → no', { attribute: 'nb', session: 'en' }, 'no'],
    ['Nynorsk session → no', { session: 'nn-NO' }, 'no'],
    ['browser: region tag skipped until one matches', { languages: ['pt-BR', 'nb-NO'] }, 'no'],
    ['browser: nn → no', { languages: ['nn'] }, 'no'],
    ['browser: fr-CA → fr', { languages: ['fr-CA'] }, 'fr'],
    ['browser: zh → en', { languages: ['zh'] }, 'en'],
    ['browser: order of preference is kept', { languages: ['fi', 'sv'] }, 'fi'],
    ['browser: later English beats nothing', { languages: ['pt-PT', 'en-GB', 'de'] }, 'en'],
    ['browser: script and variant subtags', { languages: ['zh-Hant-TW', 'ca-ES-valencia'] }, 'ca'],
    ['browser: underscores and case', { languages: ['ES_es'] }, 'es'],
    ['browser: garbage is skipped', { languages: ['', '*', '??', 'hu-HU'] }, 'hu'],
  ];
  for (const [name, options, expected] of cases) {
    test(`${name} (${JSON.stringify(options)} → ${expected})`, () => {
      assert.equal(resolveLocale(options), expected);
    });
  }
});

describe('matchLocale', () => {
  const cases: Array<[string | null | undefined, LocaleCode | undefined]> = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['es-419', 'es'],
    ['no', 'no'],
    ['nb', 'no'],
    ['nb-NO', 'no'],
    ['nn-NO', 'no'],
    ['no-NO', 'no'],
    ['sv-FI', 'sv'],
    ['fi-FI', 'fi'],
    ['hu', 'hu'],
    [' de ', 'de'],
    ['pt', undefined],
    ['da', undefined],
    ['auto', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of cases) {
    test(`${JSON.stringify(tag)} → ${String(expected)}`, () => {
      assert.equal(matchLocale(tag), expected);
    });
  }
});

describe('negotiateLocale and getTranslation', () => {
  test('negotiateLocale tolerates null and undefined', () => {
    assert.equal(negotiateLocale(undefined), 'en');
    assert.equal(negotiateLocale(null), 'en');
  });

  for (const code of LOCALE_CODES) {
    test(`getTranslation('${code}') is the ${code} object`, () => {
      assert.equal(getTranslation(code).$code, code);
    });
  }

  test('getTranslation maps tags and falls back to English', () => {
    assert.equal(getTranslation('nb-NO').$code, 'no');
    assert.equal(getTranslation('de-CH').$code, 'de');
    assert.equal(getTranslation('pt').$code, 'en');
    assert.equal(getTranslation('').$code, 'en');
  });

  test('two resolutions are independent: no page-global state', () => {
    const a = resolveLocale({ attribute: 'de', languages: ['fr'] });
    const b = resolveLocale({ attribute: 'fi', languages: ['fr'] });
    assert.equal(getTranslation(a).couponRemove, 'Entfernen');
    assert.equal(getTranslation(b).couponRemove, 'Poista');
    assert.equal(getTranslation(a).couponRemove, 'Entfernen');
  });
});
