// Property-based robustness of the pure layers: any payload either parses into a session whose money adds up, or
// fails with the typed SessionParseError; formatting never throws. The seed is fixed and printed (FC_SEED and
// FC_RUNS explore others: test/helpers/fast-check.ts); a counterexample found becomes a table case here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSession, SessionParseError } from '../../src/session/schema.js';
import { formatMoney, sessionTotals } from '../../src/session/money.js';
import { sessionFromBody } from '../../src/api/public.js';
import { BadResponseError } from '../../src/api/errors.js';
import { LOCALE_CODES } from '../../src/locales/index.js';
import { anySession, arbitraryJson, mutatedSession, validSession } from '../hardening/generators.js';
import { fcParameters } from '../helpers/fast-check.js';

const RUNS = 4000;
let tried = 0;
let violations = 0;

function check(payload: unknown): boolean {
  tried++;
  let session;
  try {
    session = parseSession(payload);
  } catch (error) {
    // why: the only acceptable failure is the typed one, with a message the element can report.
    if (!(error instanceof SessionParseError) || typeof error.message !== 'string') violations++;
    return error instanceof SessionParseError;
  }
  const totals = sessionTotals(session);
  const ints = [totals.subtotal, totals.discount, totals.total].every((n) => Number.isFinite(n));
  const sane = totals.discount >= 0 && totals.discount <= Math.max(0, totals.subtotal);
  for (const locale of ['en', 'fi', 'hu']) {
    const text = formatMoney(totals.total, totals.currency, locale);
    if (typeof text !== 'string' || text.length === 0) violations++;
  }
  if (!ints || !sane) violations++;
  return ints && sane;
}

test('any payload parses into a consistent session or fails with SessionParseError', () => {
  fc.assert(fc.property(anySession, check), fcParameters('any payload', RUNS));
});

test('valid sessions always parse, with integer totals that never go below zero', () => {
  fc.assert(
    fc.property(validSession, (raw) => {
      tried++;
      const totals = sessionTotals(parseSession(raw));
      return Number.isInteger(totals.total) && totals.total >= 0 && !totals.mixedCurrencies;
    }),
    fcParameters('valid sessions', 1000),
  );
});

test('a broken body reaches the element as a typed bad_response, never a TypeError', () => {
  fc.assert(
    fc.property(fc.oneof(mutatedSession as fc.Arbitrary<unknown>, arbitraryJson), (body) => {
      tried++;
      try {
        sessionFromBody(body, 200);
        return true;
      } catch (error) {
        return error instanceof BadResponseError && error.code === 'bad_response';
      }
    }),
    fcParameters('broken bodies', 1500),
  );
});

test('formatMoney never throws: any amount, any currency string, every locale', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e21)),
      fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('EUR', 'XXX', 'zzz', 'JPY', 'KWD', '', 'E U', '€')),
      fc.constantFrom(...LOCALE_CODES, 'xx-invalid', ''),
      (amount, currency, locale) => {
        tried++;
        return typeof formatMoney(amount, currency, locale) === 'string';
      },
    ),
    fcParameters('formatMoney', 1500),
  );
});

test('report', (t) => {
  t.diagnostic(`hardening: ${tried} session payloads tried, ${violations} violations`);
  console.log(`hardening: ${tried} session payloads tried (node), 0 faults injected, ${violations} violations`);
  assert.equal(violations, 0);
});
