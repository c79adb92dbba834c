// Where npm stdnum 1.12.0 refuses valid numbers, a wrapper that corrects it the way python-stdnum (the library it
// ports) and the issuing authority's rules do; every other answer stays stdnum's. Node-only. Each fix has a table
// test (test/tax/tax-id-fixes.test.ts) that fails on stdnum alone.
import { createRequire } from 'node:module';
import type { Validator } from 'stdnum';

const require = createRequire(import.meta.url);
const stdnum = (path: string) => require(`stdnum/lib/cjs/${path}.js`) as Validator;

type Result = ReturnType<Validator['validate']>;

const valid = (compact: string, individual: boolean): Result => ({ isValid: true, compact, isIndividual: individual, isCompany: !individual });
const digits = (value: string) => value.replace(/[\s\-/.]/g, '').replace(/^[A-Z]{2}(?=\d)/, '');

/** Replaces a validator's `validate` with one that asks `rescue` when stdnum refuses. */
function patched(base: Validator, rescue: (value: string, refused: Result) => Result | undefined): Validator {
  return {
    ...base,
    validate(value: string) {
      const result = base.validate(value);
      return result.isValid ? result : (rescue(value, result) ?? result);
    },
  };
}

// ---- Czech and Slovak birth numbers (rodné číslo) ----------------------------------------------------------------
// why: the check digit is the first nine digits mod 11, and a remainder of 10 gives the check digit 0 (every year
// since 1954); stdnum compares "10" with the digit for anyone born from 1985 on and refuses them.
function birthNumberRemainder10(value: string, refused: Result): Result | undefined {
  const number = digits(value);
  if (!/^\d{10}$/.test(number) || refused.error?.name !== 'InvalidChecksum') return undefined;
  return Number(number.slice(0, 9)) % 11 === 10 && number[9] === '0' ? valid(number, true) : undefined;
}
const czRc = patched(stdnum('cz/rc'), birthNumberRemainder10);
const skRc = patched(stdnum('sk/rc'), birthNumberRemainder10);
// why: a person's Czech VAT number (DIČ) is their birth number, which stdnum checks with the same bug; and the
// 9-digit numbers starting with 6 (individuals without a birth number) carry a check digit over digits 2–8 with
// weights 8…2, where stdnum weighs all eight digits.
const czDic = patched(stdnum('cz/dic'), (value) => {
  const number = digits(value);
  if (/^6\d{8}$/.test(number)) {
    const sum = [...number.slice(1, 8)].reduce((total, digit, i) => total + (8 - i) * Number(digit), 0) % 11;
    if (String((8 - ((10 - sum) % 11)) % 10) === number[8]) return valid(number, true);
  }
  return /^\d{9,10}$/.test(number) && czRc.validate(number).isValid ? valid(number, true) : undefined;
});

// ---- Slovakia: IČ DPH ---------------------------------------------------------------------------------------------
// why: the rule is "not starting with 0, third digit one of 2,3,4,7,8,9, divisible by 11"; stdnum tests the first
// digit against that list and so refuses every number starting with 1.
const skDph = patched(stdnum('sk/dph'), (value) => {
  const number = digits(value);
  const ok = /^[1-9]\d[234789]\d{7}$/.test(number) && BigInt(number) % 11n === 0n;
  return ok ? valid(number, false) : undefined;
});

// ---- Switzerland: a UID written without CHE -------------------------------------------------------------------------
// why: the nine digits alone are the same number (the register writes CHE in front); stdnum refuses them.
const stdnumChUid = stdnum('ch/uid');
const chUid = patched(stdnumChUid, (value) => {
  const number = digits(value);
  return /^\d{9}$/.test(number) && stdnumChUid.validate(`CHE${number}`).isValid ? valid(`CHE${number}`, false) : undefined;
});

// ---- Bulgaria: the EGN and a person's 10-digit VAT number ---------------------------------------------------------
// why: stdnum's bg/egn checks only the check digit; an EGN starts with the birth date (YYMMDD, the month plus 20
// for the 1800s and plus 40 for the 2000s), and a number whose date does not exist is no EGN.
const stdnumEgn = stdnum('bg/egn');
const bgEgn: Validator = {
  ...stdnumEgn,
  validate(value: string) {
    const result = stdnumEgn.validate(value);
    if (!result.isValid) return result;
    const [yy, mm, dd] = [0, 2, 4].map((at) => Number(result.compact.slice(at, at + 2))) as [number, number, number];
    const [year, month] = mm > 40 ? [2000 + yy, mm - 40] : mm > 20 ? [1800 + yy, mm - 20] : [1900 + yy, mm];
    const date = new Date(Date.UTC(year, month - 1, dd));
    const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dd;
    return exists ? result : { isValid: false, error: Object.assign(new Error('The birth date is not a date.'), { name: 'InvalidComponent' }) };
  },
};
// why: stdnum's bg/vat refuses 10-digit numbers that start with 4–8 (most EGNs) before checking them, and its check
// for the "other" 10-digit numbers is inverted. A person's VAT number is their EGN, a foreigner's their PNF, others
// carry the weights 4,3,2,7,6,5,4,3,2 mod 11 (a remainder of 10 is no valid number).
// stdnum's own bg/vat is asked only about the 9-digit numbers of companies.
const bgPnf = stdnum('bg/pnf');
const stdnumBgVat = stdnum('bg/vat');
const bgVat: Validator = {
  ...stdnumBgVat,
  validate(value: string) {
    const number = digits(value);
    if (!/^\d{10}$/.test(number)) return stdnumBgVat.validate(value);
    if (bgEgn.validate(number).isValid || bgPnf.validate(number).isValid) return valid(number, true);
    const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2];
    const sum = weights.reduce((total, weight, i) => total + weight * Number(number[i]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10 && String(check) === number[9]) return valid(number, false);
    return { isValid: false, error: Object.assign(new Error('The check digit is wrong.'), { name: 'InvalidChecksum' }) };
  },
};

// ---- Latvia: personal codes issued since July 2017 ----------------------------------------------------------------
// why: the new codes start with 32 and hold no birth date, which stdnum reads as a date (day 32) and refuses; their
// last digit is the same check digit as the old codes' (1 + Σ weight·digit, mod 11, mod 10).
const lvPvn = patched(stdnum('lv/pvn'), (value) => {
  const number = digits(value);
  if (!/^32\d{9}$/.test(number)) return undefined;
  const weights = [10, 5, 8, 4, 2, 1, 6, 3, 7, 9];
  const sum = 1 + weights.reduce((total, weight, i) => total + weight * Number(number[i]), 0);
  return String((sum % 11) % 10) === number[10] ? valid(number, true) : undefined;
});

/** The corrected validators, by stdnum module path. */
export const FIXED_VALIDATORS: Readonly<Record<string, Validator>> = {
  'bg/egn': bgEgn,
  'bg/vat': bgVat,
  'cz/rc': czRc,
  'cz/dic': czDic,
  'sk/rc': skRc,
  'sk/dph': skDph,
  'ch/uid': chUid,
  'lv/pvn': lvPvn,
};
