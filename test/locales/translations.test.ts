import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import en from '../../src/locales/en.js';
import { LOCALE_CODES } from '../../src/locales/index.js';
import { getTranslation } from '../../src/locales/all.js';
import type { Translation } from '../../src/locales/index.js';
import { SAME_AS_ENGLISH, SAME_AS_ENGLISH_EVERYWHERE } from './same-as-english.js';

/** Sample arguments for every function term, by its path; a new function key without a sample fails below. */
const SAMPLES: Record<string, unknown[][]> = {
  itemCount: [[0], [1], [2], [5], [21], [1_000_000]],
  quantityTimesPrice: [[3, '9,99 €']],
  discountWithCode: [['SUMMER10']],
  includesTax: [['IVA 21 %']],
  formHasErrors: [[1], [2], [5], [21]],
  'validation.tooLong': [[1], [80]],
  'validation.taxId': [['DE123456789']],
  couponApplied: [['SUMMER10']],
  couponCurrency: [['USD']],
  payAmount: [['9,99 €']],
  expiryWarning: [[1], [3]],
};

type Leaf = { path: string; value: string; args?: unknown[] };

/** Every string a translation can produce: plain values, and each function called with each sample. */
function leaves(node: unknown, prefix = ''): Leaf[] {
  const out: Leaf[] = [];
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push({ path, value });
    else if (typeof value === 'function') {
      const samples = SAMPLES[path];
      assert.ok(samples, `no sample arguments for the function term "${path}"; add them to SAMPLES`);
      for (const args of samples) out.push({ path, value: String(value(...args)), args });
    } else if (value && typeof value === 'object') out.push(...leaves(value, path));
    else assert.fail(`${path} is neither a string, a function nor a group`);
  }
  return out;
}

/** The key paths of an object, deep, with the kind of each leaf. */
function shape(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>)
    .flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return value && typeof value === 'object' ? shape(value, path) : [`${path}:${typeof value}`];
    })
    .sort();
}



/**
 * English UI words that should never survive translation. Boundaries are Unicode letters (plus "·",
 * apostrophes and hyphens), so "Cancel·la", "Ordersammanfattning" or "e-mail" do not trip it. Words that
 * are also common in a shipped language ("is", "of", "for", "to", "no", "code", "total") are left out.
 */
const ENGLISH =
  /(?<![\p{L}\p{M}·'’-])(the|your|you|please|field|required|payment|card number|card|apply|cancel|enter|select|email|address|order|try again|loading|invalid|discount|checkout|store|pay|amount|company|city|country|street|back|processing|and|with|expired|declined|failed|received|thank)(?![\p{L}\p{M}·'’-])/iu;

describe('English itself', () => {
  test('every function term has sample arguments', () => {
    assert.doesNotThrow(() => leaves(en));
  });

  test('the English word list does match English (the check can fail)', () => {
    const hits = leaves(en).filter(({ value }) => ENGLISH.test(value));
    assert.ok(hits.length > 20, `only ${hits.length} English values matched`);
  });
});

for (const code of LOCALE_CODES) {
  describe(`locale ${code}`, () => {
    const t: Translation = getTranslation(code);
    const all = leaves(t);

    test('has exactly the keys of en, deep', () => {
      assert.deepEqual(shape(t), shape(en));
    });

    test('$code and $dir', () => {
      assert.equal(t.$code, code);
      assert.equal(t.$dir, 'ltr');
    });

    test('$code works with Intl', () => {
      const supported: Array<[string, readonly string[]]> = [
        ['NumberFormat', Intl.NumberFormat.supportedLocalesOf([code])],
        ['PluralRules', Intl.PluralRules.supportedLocalesOf([code])],
        ['Collator', Intl.Collator.supportedLocalesOf([code])],
        ['DisplayNames', Intl.DisplayNames.supportedLocalesOf([code])],
      ];
      for (const [name, locales] of supported) assert.equal(locales.length, 1, `Intl.${name} does not support ${code}`);
    });

    test('every string is non-empty and trimmed, with no leftover placeholder', () => {
      for (const { path, value, args } of all) {
        const where = `${path}${args ? `(${args.join(', ')})` : ''}`;
        assert.ok(value.trim().length > 0, `${where} is empty`);
        assert.equal(value, value.trim(), `${where} has surrounding whitespace`);
        assert.doesNotMatch(value, /undefined|null|NaN|\$\{|\{\w+\}|\[object/, `${where}: ${value}`);
        assert.doesNotMatch(value, /\.\.\./, `${where} uses "..." instead of "…"`);
        assert.doesNotMatch(value, / {2}/, `${where} has a double space`);
      }
    });

    test('every function term shows its parameters', () => {
      for (const { path, value, args } of all) {
        for (const arg of args ?? []) assert.ok(value.includes(String(arg)), `${path}(${args?.join(', ')}) drops ${arg}: ${value}`);
      }
    });

    test('test card numbers stay as digits', () => {
      assert.match(t.testModeCardHint, /4242 4242 4242 4242/);
      assert.match(t.testModeCardHint, /4000 0000 0000 0002/);
    });

    if (code === 'en') return;

    test('no value is the English one, except the justified ones', () => {
      const english = new Map(leaves(en).map(({ path, value, args }) => [`${path}|${args?.join('|') ?? ''}`, value]));
      const allowed = SAME_AS_ENGLISH[code] ?? new Set<string>();
      const same = all
        .filter(({ path, value, args }) => english.get(`${path}|${args?.join('|') ?? ''}`) === value)
        .map(({ path }) => path)
        .filter((path) => !SAME_AS_ENGLISH_EVERYWHERE.has(path) && !allowed.has(path));
      assert.deepEqual([...new Set(same)], []);
    });

    test('no English UI word is left in', () => {
      const hits = all.filter(({ value }) => ENGLISH.test(value)).map(({ path, value }) => `${path}: ${value}`);
      assert.deepEqual(hits, []);
    });

    test('"VAT" is the local term', () => {
      assert.doesNotMatch(t.fields.tax_id, /\bVAT\b/);
      assert.doesNotMatch(t.validation.taxId('DE123456789'), /\bVAT\b/);
    });
  });
}

describe('plurals follow Intl.PluralRules', () => {
  const cases: Array<[string, (t: Translation) => string, string]> = [
    ['fr', (t) => t.itemCount(0), '0 article'],
    ['fr', (t) => t.itemCount(1), '1 article'],
    ['fr', (t) => t.itemCount(2), '2 articles'],
    ['fr', (t) => t.itemCount(1_000_000), '1000000 articles'],
    ['fi', (t) => t.itemCount(1), '1 tuote'],
    ['fi', (t) => t.itemCount(3), '3 tuotetta'],
    ['fi', (t) => t.formHasErrors(2), 'Korjaa 2 kenttää.'],
    ['de', (t) => t.formHasErrors(1), 'Bitte korrigieren Sie 1 Feld.'],
    ['de', (t) => t.formHasErrors(3), 'Bitte korrigieren Sie 3 Felder.'],
    ['es', (t) => t.itemCount(1), '1 artículo'],
    ['es', (t) => t.itemCount(4), '4 artículos'],
    ['ca', (t) => t.validation.tooLong(1), 'Fes servir 1 caràcter com a màxim.'],
    ['nl', (t) => t.itemCount(2), '2 artikelen'],
    ['sv', (t) => t.itemCount(2), '2 artiklar'],
    ['sv', (t) => t.formHasErrors(1), '1 fält är inte korrekt ifyllt.'],
    ['no', (t) => t.itemCount(1), '1 vare'],
    ['no', (t) => t.itemCount(7), '7 varer'],
    // Hungarian keeps the noun singular after a number.
    ['hu', (t) => t.itemCount(1), '1 termék'],
    ['hu', (t) => t.itemCount(3), '3 termék'],
  ];
  for (const [code, term, expected] of cases) {
    test(`${code}: ${expected}`, () => {
      assert.equal(term(getTranslation(code)), expected);
    });
  }
});

describe('typography', () => {
  const fr = leaves(getTranslation('fr'));

  test('fr: a non-breaking space before ":" and a narrow one before "!", "?", ";"', () => {
    for (const { path, value } of fr) {
      assert.doesNotMatch(value, /[^\u00a0\u202f]:/, `${path}: ${value}`);
      assert.doesNotMatch(value, /[^\u202f\u00a0][!?;]/, `${path}: ${value}`);
    }
  });

  for (const code of ['fr', 'ca', 'es', 'nl', 'de']) {
    test(`${code}: typographic apostrophes only`, () => {
      for (const { path, value } of leaves(getTranslation(code))) assert.doesNotMatch(value, /'/, `${path}: ${value}`);
    });
  }

  test('es: exclamations open with "¡"', () => {
    for (const { path, value } of leaves(getTranslation('es'))) {
      if (value.includes('!')) assert.match(value, /¡/, `${path}: ${value}`);
    }
  });

  test('de: "…" after a whole word is spaced and never breaks onto its own line', () => {
    for (const { path, value } of leaves(getTranslation('de'))) {
      if (value.includes('…')) assert.match(value, /\u00a0…$/, `${path}: ${value}`);
    }
  });
});

/**
 * The register each formal locale's header comment names, held to every string: one informal line in a formal page
 * reads as a different author. Each pattern is that language's familiar second person.
 */
describe('register', () => {
  const FAMILIAR: Record<string, RegExp> = {
    // "Sie", never "du"/"dein"/"dich"/"dir"/"euch"
    de: /(?<!\p{L})(du|dein\p{L}*|dich|dir|euch|euer)(?!\p{L})/iu,
    // "vous", never "tu"/"te"/"ton"/"ta"/"tes"/"toi"
    fr: /(?<![\p{L}’])(tu|te|ton|ta|tes|toi)(?!\p{L})/iu,
    // the polite verb forms ("Adja meg", "fejezi be"), never the familiar "-d"/"-ed"/"-od" verb endings people type
    // into a shop: the words the checkout's sentences use
    hu: /(?<!\p{L})(fejezed|add|adj|válassz|ellenőrizd|próbáld|használd|írd)(?!\p{L})/iu,
  };
  for (const [code, familiar] of Object.entries(FAMILIAR)) {
    test(`${code}: no familiar form in any string`, () => {
      for (const { path, value } of leaves(getTranslation(code))) assert.doesNotMatch(value, familiar, `${path}: ${value}`);
    });
  }
});
