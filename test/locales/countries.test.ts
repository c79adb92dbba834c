import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COUNTRY_CODES, countryOptions, EU_COUNTRIES, isEuCountry, vatPrefix } from '../../src/locales/countries.js';
import { LOCALE_CODES } from '../../src/locales/index.js';

describe('COUNTRY_CODES and EU_COUNTRIES', () => {
  test('249 assigned ISO 3166-1 alpha-2 codes, unique, all known to Intl', () => {
    assert.equal(COUNTRY_CODES.length, 249);
    assert.equal(new Set(COUNTRY_CODES).size, 249);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      assert.match(code, /^[A-Z]{2}$/);
      assert.ok(names.of(code), `${code} is unknown to Intl`);
    }
  });

  test('no exceptionally reserved or user-assigned codes', () => {
    for (const code of ['EU', 'EZ', 'UN', 'UK', 'EA', 'IC', 'AC', 'TA', 'DG', 'CP', 'FX', 'XK', 'ZZ']) {
      assert.ok(!COUNTRY_CODES.includes(code), code);
    }
  });

  test('27 EU member states, all in the country list', () => {
    assert.equal(EU_COUNTRIES.length, 27);
    assert.equal(new Set(EU_COUNTRIES).size, 27);
    for (const code of EU_COUNTRIES) assert.ok(COUNTRY_CODES.includes(code), code);
  });

  const eu: Array<[string, boolean]> = [['DE', true], ['gr', true], ['HR', true], ['GB', false], ['NO', false], ['CH', false], ['EL', false]];
  for (const [code, expected] of eu) {
    test(`isEuCountry(${code}) → ${expected}`, () => assert.equal(isEuCountry(code), expected));
  }

  const prefixes: Array<[string, string]> = [['GR', 'EL'], ['gr', 'EL'], ['DE', 'DE'], ['AT', 'AT']];
  for (const [code, expected] of prefixes) {
    test(`vatPrefix(${code}) → ${expected}`, () => assert.equal(vatPrefix(code), expected));
  }
});

describe('countryOptions', () => {
  const names: Array<[string, string, string]> = [
    ['de', 'DE', 'Deutschland'],
    ['de', 'AT', 'Österreich'],
    ['en', 'DE', 'Germany'],
    ['es', 'DE', 'Alemania'],
    ['ca', 'ES', 'Espanya'],
    ['fr', 'DE', 'Allemagne'],
    ['fi', 'SE', 'Ruotsi'],
    ['hu', 'DE', 'Németország'],
    ['nl', 'DE', 'Duitsland'],
    ['sv', 'NO', 'Norge'],
    ['no', 'SE', 'Sverige'],
  ];
  for (const [locale, code, expected] of names) {
    test(`${locale}: ${code} → ${expected}`, () => {
      assert.equal(countryOptions(locale).find((o) => o.code === code)?.name, expected);
    });
  }

  for (const locale of LOCALE_CODES) {
    test(`${locale}: every code once, localized, sorted by the locale's collator`, () => {
      const options = countryOptions(locale);
      assert.equal(options.length, COUNTRY_CODES.length);
      assert.equal(new Set(options.map((o) => o.code)).size, options.length);
      assert.equal(new Set(options.map((o) => o.name)).size, options.length, 'two countries share a name');
      for (const must of ['ES', 'FR', 'US', 'GB', 'NO', 'SE']) assert.ok(options.some((o) => o.code === must), must);
      for (const o of options) assert.notEqual(o.name, o.code, `${o.code} has no ${locale} name`);
      const collator = new Intl.Collator(locale);
      for (let i = 1; i < options.length; i++) {
        assert.ok(collator.compare(options[i - 1]!.name, options[i]!.name) <= 0, `${options[i - 1]!.name} > ${options[i]!.name}`);
      }
    });
  }

  test('sv: Å, Ä and Ö come after Z', () => {
    const names = countryOptions('sv').map((o) => o.name);
    const zimbabwe = names.indexOf('Zimbabwe');
    for (const name of ['Åland', 'Österrike']) assert.ok(names.indexOf(name) > zimbabwe, `${name} before Zimbabwe`);
    assert.ok(names.at(-1)!.startsWith('Ö'));
  });

  test('fi: Itävalta sorts under I; de: Österreich sorts with O', () => {
    const fi = countryOptions('fi').map((o) => o.name);
    assert.ok(fi.indexOf('Itävalta') < fi.indexOf('Zimbabwe'));
    const de = countryOptions('de').map((o) => o.name);
    assert.ok(de.indexOf('Österreich') < de.indexOf('Panama'));
    assert.ok(de.indexOf('Österreich') > de.indexOf('Oman'));
  });

  test('memoized per locale, and frozen so the cache cannot be corrupted', () => {
    assert.equal(countryOptions('fr'), countryOptions('fr'));
    assert.notEqual(countryOptions('fr'), countryOptions('de'));
    assert.ok(Object.isFrozen(countryOptions('fr')));
    assert.ok(Object.isFrozen(countryOptions('fr')[0]));
  });

  test('a malformed locale falls back to English instead of throwing', () => {
    assert.equal(countryOptions('not a locale!').find((o) => o.code === 'DE')?.name, 'Germany');
  });
});
