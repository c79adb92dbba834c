// Issue 16's negotiation before the session: which locales the element starts loading, and the loader's cache.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LOCALE_CODES } from '../../src/session/locale-codes.js';
import { LOCALES } from '../../src/session/schema.js';
import { loadTranslation, peekTranslation, predictLocales } from '../../src/locales/index.js';
import { TRANSLATIONS } from '../../src/locales/all.js';

describe('predictLocales', () => {
  const cases: Array<[string, Parameters<typeof predictLocales>[0], string[]]> = [
    ['a supported attribute decides alone', { attribute: 'de', documentLang: 'fr', languages: ['fi'] }, ['de']],
    ['an attribute tag maps like any other', { attribute: 'nb-NO', documentLang: 'fr', languages: ['fi'] }, ['no']],
    ['attribute auto means the browser', { attribute: 'auto', documentLang: 'fr', languages: ['fi-FI'] }, ['fi']],
    ['attribute auto without a match is English', { attribute: 'AUTO', languages: ['pt'] }, ['en']],
    ['no attribute: the page, then the browser (the session may say auto)', { documentLang: 'fr-CA', languages: ['de-AT'] }, ['fr', 'de']],
    ['page and browser agree: one code', { documentLang: 'sv', languages: ['sv-SE'] }, ['sv']],
    ['an English page still predicts the browser', { documentLang: 'en', languages: ['hu'] }, ['en', 'hu']],
    ['an unsupported attribute is ignored', { attribute: 'pt', documentLang: 'es', languages: ['en'] }, ['es', 'en']],
    ['an unsupported page lang is ignored', { documentLang: 'ja', languages: ['ca'] }, ['ca']],
    ['nothing known: English', {}, ['en']],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.deepEqual(predictLocales(input), expected));
  }
});

describe('loadTranslation and peekTranslation', () => {
  test('English is loaded from the start; unknown codes mean English', () => {
    assert.equal(peekTranslation('en'), TRANSLATIONS.en);
    assert.equal(peekTranslation('pt'), TRANSLATIONS.en);
    assert.equal(peekTranslation(undefined), TRANSLATIONS.en);
  });

  test('a locale is absent until loaded, then peeked synchronously; loading twice gives the same object', async () => {
    assert.equal(peekTranslation('hu'), undefined);
    const [a, b] = await Promise.all([loadTranslation('hu-HU'), loadTranslation('hu')]);
    assert.equal(a, b);
    assert.equal(a.$code, 'hu');
    assert.deepEqual(a, TRANSLATIONS.hu);
    assert.equal(peekTranslation('hu'), a);
  });

  for (const code of LOCALE_CODES) {
    test(`loadTranslation('${code}') gives the ${code} translation`, async () => {
      assert.deepEqual(await loadTranslation(code), TRANSLATIONS[code]);
    });
  }
});

test('locale codes have one home: the session schema derives its enum from it', () => {
  assert.deepEqual(LOCALES, ['auto', ...LOCALE_CODES]);
  assert.deepEqual(Object.keys(TRANSLATIONS).sort(), [...LOCALE_CODES].sort());
});
