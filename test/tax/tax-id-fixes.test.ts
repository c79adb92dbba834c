// The wrappers that correct npm stdnum where it refuses valid numbers (src/tax/tax-id-fixes.ts), in a table: each
// valid number is refused by stdnum's own module (so the row fails without the fix) and accepted by the wrapper; a
// number with a broken check digit stays refused. The numbers come from python-stdnum's test data and documentation.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { Validator } from 'stdnum';
import { FIXED_VALIDATORS } from '../../src/tax/tax-id-fixes.js';

const require = createRequire(import.meta.url);
const stdnum = (path: string) => require(`stdnum/lib/cjs/${path}.js`) as Validator;

const CASES: Array<[path: string, valid: string, broken: string, why: string]> = [
  ['bg/vat', '7523169263', '7523169264', "a person's 10-digit VAT number (their EGN)"],
  ['bg/vat', '8032056031', '8032056032', 'an EGN of someone born in the 2000s'],
  ['bg/vat', '7111042925', '7111042926', 'an EGN starting with 7'],
  ['cz/rc', '8801251680', '8801251681', 'a birth number whose remainder is 10 (check digit 0)'],
  ['cz/dic', '8801251680', '8801251681', "that person's VAT number"],
  ['cz/dic', '640903926', '640903927', 'a 9-digit individual number starting with 6'],
  ['sk/rc', '8801251680', '8801251681', 'the Slovak birth number, same rule'],
  ['sk/dph', '1078449064', '1078449164', 'an IČ DPH starting with 1'],
  ['lv/pvn', '32073120115', '32073120116', 'a personal code issued since 2017 (32…)'],
  ['lv/pvn', '32369193794', '32369193795', 'another one'],
  ['ch/uid', '100155212', '100155213', 'a UID written without CHE'],
];

describe('stdnum fixes', () => {
  for (const [path, valid, broken, why] of CASES) {
    test(`${path}: ${valid} (${why}) is valid; ${broken} is not`, () => {
      assert.equal(stdnum(path).validate(valid).isValid, false, 'stdnum alone refuses it (the defect)');
      assert.equal(FIXED_VALIDATORS[path]!.validate(valid).isValid, true);
      assert.equal(FIXED_VALIDATORS[path]!.validate(broken).isValid, false);
    });
  }

  test('bg/egn: a number whose birth date does not exist is no EGN, though its check digit holds', () => {
    assert.equal(stdnum('bg/egn').validate('1037735942').isValid, true, 'stdnum checks only the digit (the defect)');
    assert.equal(FIXED_VALIDATORS['bg/egn']!.validate('1037735942').isValid, false);
    assert.equal(FIXED_VALIDATORS['bg/vat']!.validate('1037735942').isValid, false);
    for (const egn of ['0010100100', '7501020018', '7552010005', '8001010008']) assert.equal(FIXED_VALIDATORS['bg/egn']!.validate(egn).isValid, true, egn);
  });

  test('what stdnum already accepts passes through unchanged', () => {
    for (const [path, id] of [['bg/vat', '175074752'], ['cz/dic', '25123891'], ['lv/pvn', '40003521600'], ['ch/uid', 'CHE-100.155.212'], ['sk/dph', '2022193459']] as const) {
      assert.deepEqual(FIXED_VALIDATORS[path]!.validate(id), stdnum(path).validate(id), `${path} ${id}`);
    }
  });
});
