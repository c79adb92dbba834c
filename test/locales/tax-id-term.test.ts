// One name for the tax-ID field in each locale (src/locales/*.ts): the label names both kinds of number a customer
// may give (the VAT number and the personal or national tax number) in the language's own words, and every message
// about the field (checking, verified, invalid, unverified, required, the format hint) uses that same name, never
// one of the kinds alone. why: a label that says "VAT number" while the error asks for a "Steuernummer" asks for
// two different numbers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TRANSLATIONS } from '../../src/locales/all.js';
import { LOCALE_CODES, type Translation } from '../../src/locales/index.js';
import { strings } from './strings.js';

interface Term {
  /** The field's one name, inflections allowed. */
  term: RegExp;
  /** The label names both kinds: each of these matches it. */
  kinds: [vat: RegExp, national: RegExp];
  /** Other names of the field, or of one kind alone, that no message may use outside the term. */
  others: RegExp[];
  /** Any mention of the field or of one of its kinds (not the tax itself): a string that says it must use the term. */
  mentions: RegExp;
}

const TERMS: Record<(typeof LOCALE_CODES)[number], Term> = {
  en: { term: /tax ID/i, kinds: [/VAT/, /tax ID/], others: [/VAT number/i, /VAT ID/i], mentions: /tax ID|VAT (number|ID)/i },
  de: { term: /USt-IdNr\. oder Steuernummer/, kinds: [/USt-IdNr\./, /Steuernummer/], others: [/USt-IdNr/, /Steuernummer/, /Steuer-ID/], mentions: /USt-Id|Steuernummer|Steuer-ID/ },
  es: { term: /NIF o NIF-IVA/, kinds: [/NIF-IVA/, /NIF o/], others: [/NIF/, /IVA/], mentions: /NIF/ },
  ca: { term: /NIF o NIF-IVA/, kinds: [/NIF-IVA/, /NIF o/], others: [/NIF/, /IVA/], mentions: /NIF/ },
  fr: { term: /numéro de TVA ou d’identification fiscale/i, kinds: [/TVA/, /identification fiscale/], others: [/TVA/, /identification fiscale/, /numéro fiscal/i], mentions: /numéro de TVA|identification fiscale|numéro fiscal/i },
  nl: { term: /btw- of fiscaa?le? nummer/i, kinds: [/btw/i, /fiscaal/], others: [/btw/i, /fiscaa?le?/i], mentions: /btw-nummer|btw- of|fiscaa?le? nummer/i },
  sv: { term: /momsregistrerings- eller skattenum/i, kinds: [/momsregistrerings/i, /skattenummer/], others: [/momsnum/i, /momsregistreringsnum/i, /skattenum/i, /skatte- eller/i], mentions: /momsnum|momsregistrerings|skattenum|skatte- eller/i },
  no: { term: /MVA- eller skattenummer/i, kinds: [/MVA/, /skattenummer/], others: [/MVA/, /skatte/i, /organisasjons/i], mentions: /MVA-nummer|MVA- eller|skattenum|organisasjonsnum/i },
  fi: { term: /ALV- tai verotunnist/i, kinds: [/ALV/, /verotunniste/], others: [/ALV/, /verotunn/i, /tunnus/i], mentions: /ALV-tun|ALV- tai|verotunn/i },
  hu: { term: /adószám/i, kinds: [/Közösségi/, /adószám/], others: [/közösségi/i, /adóazonosító/i], mentions: /adószám|adóazonosító/i },
};

/** Everything the element says about the field by name. */
function fieldWords(t: Translation): Array<[key: string, text: string]> {
  return [
    ['fields.tax_id', t.fields.tax_id],
    ['taxIdChecking', t.taxIdChecking],
    ['taxIdValid', t.taxIdValid],
    ['taxIdInvalid', t.taxIdInvalid],
    ['taxIdInvalidRequired', t.taxIdInvalidRequired],
    ['taxIdUnverified', t.taxIdUnverified],
    ['validation.taxIdRequired', t.validation.taxIdRequired],
    ['validation.taxId', t.validation.taxId('DE123456789')],
  ];
}

describe('the tax-ID field has one name per locale', () => {
  test('every locale has its entry', () => assert.deepEqual(Object.keys(TERMS).sort(), [...LOCALE_CODES].sort()));

  for (const code of LOCALE_CODES) {
    const { term, mentions } = TERMS[code];
    // why all strings: a string added later (a payment error, a locked form) that names the field must name it the same way.
    test(`${code}: any other string that mentions the field uses its one name`, () => {
      const named = new Set(fieldWords(TRANSLATIONS[code]).map(([key]) => key));
      const others = strings(TRANSLATIONS[code]).filter(([key, text]) => !named.has(key) && mentions.test(text));
      for (const [key, text] of others) assert.match(text, term, `${code} ${key}: "${text}"`);
      for (const [key, text] of fieldWords(TRANSLATIONS[code])) assert.match(text, mentions, `${code} ${key} is seen as a mention: "${text}"`);
    });
  }

  for (const code of LOCALE_CODES) {
    const { term, kinds, others } = TERMS[code];
    const t = TRANSLATIONS[code];
    test(`${code}: "${t.fields.tax_id}" names both kinds, and every message about the field uses it`, () => {
      for (const kind of kinds) assert.match(t.fields.tax_id, kind);
      for (const [key, text] of fieldWords(t)) {
        assert.match(text, term, `${code} ${key}: "${text}"`);
        if (key === 'fields.tax_id') continue;
        const rest = text.replace(new RegExp(term.source, term.flags.includes('g') ? term.flags : `${term.flags}g`), '');
        for (const other of others) assert.doesNotMatch(rest, other, `${code} ${key} also says ${other}: "${text}"`);
      }
    });
  }
});
