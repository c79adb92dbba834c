// The card-number rules shared by the element's validator and the sandbox's payment simulation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardDigits, isCardNumber, luhn } from '../../src/session/card.js';

const luhnCases: Array<[string, boolean]> = [
  ['4242424242424242', true],
  ['4000000000000002', true],
  ['5555555555554444', true],
  ['4242424242424241', false],
  ['1234567812345678', false],
  ['4242 4242 4242 4242', false], // luhn takes digits only; cardDigits strips what people type
  ['', false],
];
for (const [digits, valid] of luhnCases) test(`luhn(${JSON.stringify(digits)}) → ${valid}`, () => assert.equal(luhn(digits), valid));

const numbers: Array<[string, boolean]> = [
  ['4242 4242 4242 4242', true],
  ['5555-5555-5555-4444', true],
  ['4000000000000002', true],
  ['4242 4242 4242 4241', false], // fails Luhn
  ['4242 abcd 4242 4242', false],
  ['42424242420', false], // 11 digits, Luhn-valid
  ['4242424242424242424242', false], // 22 digits
  ['', false],
];
for (const [value, valid] of numbers) test(`isCardNumber(${JSON.stringify(value)}) → ${valid}`, () => assert.equal(isCardNumber(value), valid));

test('cardDigits drops spaces and dashes only', () => assert.equal(cardDigits(' 4242-4242 42a '), '4242424242a'));
