// Tax ID checks from stdnum: real format and check digits per country, the sandbox's test values, the recorded IDs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { euVat } from 'stdnum';
import { EU_STATES } from '../../src/tax/data/jurisdictions.js';
import { SANDBOX_TAX_IDS, checkTaxId, checkVatNumber, validator, VALIDATORS } from '../../src/tax/tax-ids.js';

/** Published company numbers whose check digits hold, one per country; the last character changed makes each fail. */
const VALID: Array<[string, string]> = [
  ['AT', 'ATU13585627'], ['BE', 'BE0411905847'], ['DE', 'DE136695976'], ['DK', 'DK13585628'], ['ES', 'ESB58378431'],
  ['FR', 'FR40303265045'], ['GR', 'EL094259216'], ['IE', 'IE6388047V'], ['IT', 'IT00743110157'], ['NL', 'NL004495445B01'],
  ['PL', 'PL5260250274'], ['PT', 'PT501964843'], ['SE', 'SE556188840401'],
  ['GB', 'GB980780684'], ['CH', 'CHE-116.281.710 MWST'], ['NO', 'NO 995 525 828 MVA'], ['AU', '51 824 753 556'],
  ['NZ', '49-091-850'], ['CA', '1219849385TQ0001'],
];

/** Changes the last check-digit-bearing digit: NL's `B01` and Québec's `TQ0001` suffixes carry no checksum. */
function broken(id: string): string {
  const suffix = /(B\d{2}|TQ\d{4})$/.exec(id)?.[0] ?? '';
  const body = id.slice(0, id.length - suffix.length);
  const at = body.search(/\d(?=\D*$)/);
  assert.ok(at >= 0, `no digit in ${id}`);
  return `${body.slice(0, at)}${(Number(body[at]) + 1) % 10}${body.slice(at + 1)}${suffix}`;
}

describe('checkTaxId', () => {
  for (const [country, id] of VALID) {
    test(`${country} ${id} is valid; ${broken(id)} is not`, () => {
      assert.equal(checkTaxId(country, id), true);
      assert.equal(checkTaxId(country, broken(id)), false);
    });
  }

  test('the recorded IDs answer as recorded', () => {
    assert.equal(checkTaxId('IE', 'IE6388047V'), true);
    assert.equal(checkTaxId('IE', 'IE6388047X'), false);
    assert.equal(checkTaxId('IE', 'IE9825613N'), true);
    assert.equal(checkTaxId('IE', '123456789U'), false);
  });

  test("Quaderno's sandbox test values: DE111111111 → false, IE222222222 → null", () => {
    assert.deepEqual(SANDBOX_TAX_IDS, { DE111111111: false, IE222222222: null });
    assert.equal(checkTaxId('DE', 'DE111111111'), false);
    assert.equal(checkTaxId('IE', 'IE 222 222 222'), null);
  });

  // The numbers a customer was refused with before: every one is a valid tax ID of its country.
  const ONCE_REFUSED: Array<[country: string, id: string, kind: string]> = [
    ['IT', 'RCCMNL83S18D969H', 'codice fiscale'],
    ['BG', '7523169263', 'EGN'],
    ['BG', 'BG 8032056031', "a person's VAT number"],
    ['FI', 'FI 2094606-3', 'ALV with the dash'],
    ['CZ', 'CZ 640229/4448', 'DIČ with the slash'],
    ['CZ', '8801251680', 'birth number, remainder 10'],
    ['LV', '32073120115', 'personal code since 2017'],
    ['GR', 'GR 094064321', 'AFM with GR'],
    ['GR', '094064321', 'AFM without prefix'],
    ['RO', 'RO 1630615123457', 'CNP'],
    ['ES', 'X1111111G', 'NIE'],
    ['ES', '54362315-K', 'DNI'],
    ['PT', '501964843', 'NIF'],
    ['HR', '33392005961', 'OIB'],
    ['CY', '10259033P', 'TIC'],
    ['DE', '36 574 261 809', 'Steuer-IdNr.'],
    ['FR', '404833048', 'SIREN'],
    ['GB', '1955839661', 'UTR'],
    ['NO', '988 077 917', 'organisasjonsnummer without MVA'],
    ['CH', 'CHE-100.155.212', 'UID without MWST'],
    ['CH', '756.9217.0769.85', 'AHV'],
    ['AU', '004 085 616', 'ACN'],
    ['AU', '123 456 782', 'TFN'],
    ['CA', '12302 6635', 'BN9'],
  ];
  for (const [country, id, kind] of ONCE_REFUSED) {
    test(`${country} ${id} (${kind}) is valid`, () => assert.equal(checkTaxId(country, id), true));
  }

  test('a kind no maintained validator checks, in a checked country, could not be checked (null)', () => {
    assert.equal(checkTaxId('HU', '8123456789'), null, "a Hungarian person's adóazonosító jel");
    assert.equal(checkTaxId('BG', '1234567890123'), null, "a branch's 13-digit BULSTAT");
  });

  test('nothing left once the separators and the prefix are gone is refused everywhere', () => {
    assert.equal(checkTaxId('DE', 'DE'), false);
    assert.equal(checkTaxId('JP', '---'), false);
  });

  test("a national tax number is a valid tax ID but no VAT number (no reverse charge); a VAT number is both", () => {
    const cases: Array<[country: string, id: string, valid: boolean | null, vat: boolean | null]> = [
      ['IT', 'RCCMNL83S18D969H', true, false],
      ['IT', 'IT00743110157', true, true],
      ['DE', '36 574 261 809', true, false],
      ['FR', '404833048', true, false],
      ['FR', 'FR40303265045', true, true],
      ['GR', 'GR 094064321', true, true],
      ['IT', 'RCCMNL83S18D969J', false, false],
      ['IE', 'IE222222222', null, null],
      ['JP', '5835678256246', null, null],
    ];
    for (const [country, id, valid, vat] of cases) {
      assert.deepEqual([checkTaxId(country, id), checkVatNumber(country, id)], [valid, vat], `${country} ${id}`);
    }
  });

  test("another country's number is refused", () => assert.equal(checkTaxId('FR', 'DE136695976'), false));
  test('a country no validator covers cannot be checked (null)', () => assert.equal(checkTaxId('JP', '1234567890123'), null));

  test("each EU state's module is the one stdnum's own euVat table names", () => {
    for (const country of EU_STATES) {
      const [path] = VALIDATORS[country]!;
      assert.equal(validator(path!).name, euVat[country]![0]!.name, country);
    }
  });
});
