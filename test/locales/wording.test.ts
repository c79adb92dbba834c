// The native speakers' wording fixes, key by key in each locale (src/locales/*.ts): the text each proposal asked for
// is what the locale says, or, where the locale went further for one name of the tax-ID field, the row says why.
// And each informal locale stays informal in every string, new ones included (the formal locales' register is held
// in translations.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TRANSLATIONS } from '../../src/locales/all.js';
import type { LocaleCode } from '../../src/locales/index.js';
import { strings } from './strings.js';

type Row = [code: LocaleCode, key: string, proposed: string, why?: string];

/** One row per proposal; `key` is a path, a function term called with `args` below. `…` cuts a proposal's text. */
const PROPOSALS: Row[] = [
  ['en', 'validation.cardCvc', 'Enter the 3- or 4-digit security code.'],
  ['en', 'taxIdUnverified', 'We can’t verify this tax ID right now, so the standard tax rate applies.'],
  ['en', 'processorUnavailable', 'couldn’t'],
  ['en', 'paymentAuthenticationFailed', 'couldn’t'],
  ['en', 'paymentFailed', 'didn’t'],
  ['en', 'paypalFailed', 'couldn’t'],
  ['en', 'taxIdInvalid', 'isn’t valid'],
  ['en', 'taxIdInvalidRequired', 'isn’t valid'],
  ['en', 'validation.tooLong(1)', 'Use at most 1 character.'],
  ['ca', 'fields.tax_id', 'NIF o NIF-IVA'],
  ['ca', 'validation.taxId(X1)', 'Introdueix un NIF o NIF-IVA vàlid (per exemple, X1).'],
  ['ca', 'errorUnsafeUrl', 'no és segura i, per tant, no es pot continuar.'],
  ['ca', 'cardDeclined', 'S’ha rebutjat la targeta. Prova amb una altra targeta.'],
  ['de', 'fields.tax_id', 'USt-IdNr. oder Steuernummer'],
  ['de', 'errorUnsafeUrl', 'Diese Bezahlseite hat eine unsichere Rücksprungadresse, daher kann der Bezahlvorgang nicht fortgesetzt werden. Bitte wenden Sie sich an den Händler.'],
  ['es', 'fields.tax_id', 'NIF o NIF-IVA'],
  ['es', 'validation.taxId(X1)', 'Introduce un NIF o NIF-IVA válido (por ejemplo, X1).'],
  ['es', 'errorUnsafeUrl', 'que no es segura, así que no se puede continuar.'],
  ['fi', 'fields.tax_id', 'ALV- tai verotunniste'],
  [
    'fi', 'validation.taxId(X1)', 'Anna kelvollinen ALV- tai verotunniste, esimerkiksi X1.',
    'proposed "ALV-tunniste"; the field’s whole name instead, as every other message about the field uses it',
  ],
  ['fr', 'fields.tax_id', 'Numéro de TVA ou d’identification fiscale'],
  ['fr', 'errorUnsafeUrl', 'Le paiement ne peut pas se poursuivre, car l’adresse de retour de cette page n’est pas sécurisée. Veuillez contacter le vendeur.'],
  ['hu', 'fields.tax_id', '(Közösségi) adószám'],
  ['hu', 'includesTax(ÁFA 27%)', 'Ebből ÁFA 27%'],
  ['hu', 'orderSummary', 'Rendelésösszesítő'],
  ['hu', 'showOrderSummary', 'Rendelésösszesítő megjelenítése'],
  ['hu', 'hideOrderSummary', 'Rendelésösszesítő elrejtése'],
  ['hu', 'paypalUseButton', 'Fizessen a PayPal-gombbal.'],
  ['nl', 'reverseCharge', 'Btw verlegd: je draagt de btw af in je eigen land.'],
  ['nl', 'taxNeedsPostalCode', 'Vul je postcode in om de belasting te zien.'],
  ['nl', 'fields.tax_id', 'Btw- of fiscaal nummer'],
  ['no', 'includesTax(MVA 25 %)', 'Herav MVA 25 %'],
  ['no', 'fields.tax_id', 'MVA- eller skattenummer'],
  ['no', 'taxIdInvalidRequired', 'Dette MVA- eller skattenummeret er ugyldig. Sjekk det.'],
  ['no', 'validation.taxIdRequired', 'Oppgi MVA- eller skattenummeret ditt: det er påkrevd for kjøp i landet ditt.'],
  ['sv', 'fields.tax_id', 'Momsregistrerings- eller skattenummer'],
  [
    'sv', 'taxIdInvalidRequired', 'Det här momsregistrerings- eller skattenumret är ogiltigt.',
    'proposed "skatte- eller momsregistreringsnummer"; the label’s order instead, so the field has one name',
  ],
  [
    'sv', 'validation.taxIdRequired', 'Ange ditt momsregistrerings- eller skattenummer',
    'proposed "skatte- eller momsregistreringsnummer"; the label’s order instead, so the field has one name',
  ],
];

/** The text a key path gives, a function term called with the argument in parentheses. */
function text(code: LocaleCode, key: string): string {
  const [, path, arg] = /^([^(]+)(?:\((.*)\))?$/.exec(key)!;
  let node: unknown = TRANSLATIONS[code];
  for (const part of path!.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node === 'function') return String(node(arg === undefined ? undefined : /^\d+$/.test(arg) ? Number(arg) : arg));
  assert.equal(typeof node, 'string', `${code} ${key}`);
  return node as string;
}

describe('the native speakers’ wording fixes', () => {
  for (const [code, key, proposed, why] of PROPOSALS) {
    test(`${code} ${key}${why ? ` (${why})` : ''}`, () => assert.ok(text(code, key).includes(proposed), `${code} ${key}: "${text(code, key)}"`));
  }
  test('no English string is left without a contraction where every other one has it', () => {
    const stiff = strings(TRANSLATIONS.en).filter(([, value]) => /\b(could not|did not|is not|can not|cannot|do not|does not)\b/i.test(value));
    assert.deepEqual(stiff, []);
  });
});

describe('the informal locales stay informal in every string', () => {
  // Each pattern is that language's polite second person, which its checkout does not use.
  const POLITE: Partial<Record<LocaleCode, RegExp>> = {
    nl: /(?<!\p{L})(u|uw)(?!\p{L})/iu,
    es: /(?<!\p{L})(usted|ustedes)(?!\p{L})/iu,
    ca: /(?<!\p{L})(vostè|vostès)(?!\p{L})/iu,
    sv: /(?<!\p{L})(Ni|Er|Ert|Era)(?!\p{L})/u,
    no: /(?<!\p{L})(Dem|Deres)(?!\p{L})/u,
    // the plural (polite) imperative of the verbs the checkout's sentences use ("Anna" → "Antakaa")
    fi: /(?<!\p{L})(antakaa|tarkistakaa|valitkaa|yrittäkää|kokeilkaa|syöttäkää|käyttäkää|ottakaa|maksakaa|pysykää|kirjoittakaa)(?!\p{L})/iu,
  };
  for (const [code, polite] of Object.entries(POLITE) as Array<[LocaleCode, RegExp]>) {
    test(`${code}: no polite form in any string`, () => {
      for (const [path, value] of strings(TRANSLATIONS[code])) assert.doesNotMatch(value, polite, `${path}: ${value}`);
    });
  }
});
