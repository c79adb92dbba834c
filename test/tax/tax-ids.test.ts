// Tax ID checks from stdnum: real format and check digits per country, the sandbox's test values, the recorded IDs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { euVat } from 'stdnum';
import { EU_STATES } from '../../src/tax/data/jurisdictions.ts';
import { SANDBOX_TAX_IDS, validateTaxId, validator, VALIDATORS } from '../../src/tax/tax-ids.ts';

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

describe('validateTaxId', () => {
  for (const [country, id] of VALID) {
    test(`${country} ${id} is valid; ${broken(id)} is not`, () => {
      assert.equal(validateTaxId(country, id), true);
      assert.equal(validateTaxId(country, broken(id)), false);
    });
  }

  test('the recorded IDs answer as recorded', () => {
    assert.equal(validateTaxId('IE', 'IE6388047V'), true);
    assert.equal(validateTaxId('IE', 'IE6388047X'), false);
    assert.equal(validateTaxId('IE', 'IE9825613N'), true);
    assert.equal(validateTaxId('IE', '123456789U'), false);
  });

  test("Quaderno's sandbox test values: DE111111111 → false, IE222222222 → null", () => {
    assert.deepEqual(SANDBOX_TAX_IDS, { DE111111111: false, IE222222222: null });
    assert.equal(validateTaxId('DE', 'DE111111111'), false);
    assert.equal(validateTaxId('IE', 'IE 222 222 222'), null);
  });

  test("another country's number is refused", () => assert.equal(validateTaxId('FR', 'DE136695976'), false));
  test('a country no validator covers cannot be checked (null)', () => assert.equal(validateTaxId('JP', '1234567890123'), null));

  test("each EU state's module is the one stdnum's own euVat table names", () => {
    for (const country of EU_STATES) {
      const [path] = VALIDATORS[country]!;
      assert.equal(validator(path!).name, euVat[country]![0]!.name, country);
    }
  });
});
