// The built files against their size budget (scripts/size-budget.ts), so a change that grows a bundle past it fails
// `npm test` and CI. Brotli at quality 11, as scripts/build.ts prints and BENCHMARKS.md reports.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { LOCALE_CODES } from '../../src/session/locale-codes.js';
import { SIZE_BUDGET } from '../../scripts/size-budget.js';
import { DIST, ensureBuild } from './support.js';

const KB = 1024;

const brotli = (file: string) => brotliCompressSync(readFileSync(join(DIST, file))).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function withinBudget(what: string, bytes: number, budget: number): void {
  console.log(`size budget: ${what}: ${kb(bytes)} of ${kb(budget)} brotli`);
  assert.ok(bytes <= budget, `${what} is ${kb(bytes)} brotli, over its budget of ${kb(budget)} by ${bytes - budget} bytes`);
}

describe('size budget of the built files', () => {
  before(() => ensureBuild());

  it('ES core + the largest locale chunk', () => {
    const files = readdirSync(DIST);
    const locales = LOCALE_CODES.filter((code) => code !== 'en').map((code) => {
      const file = files.find((name) => new RegExp(`^quaderno-checkout-${code}-[\\w-]+\\.js$`).test(name));
      assert.ok(file, `the ${code} chunk`);
      return { code, bytes: brotli(file) };
    });
    const largest = locales.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    withinBudget(`quaderno-checkout.js + ${largest.code} chunk`, brotli('quaderno-checkout.js') + largest.bytes, SIZE_BUDGET.esCoreWithLargestLocale);
  });

  it('the classic script', () => {
    withinBudget('quaderno-checkout.iife.js', brotli('quaderno-checkout.iife.js'), SIZE_BUDGET.classicScript);
  });

  for (const name of ['stripe', 'paypal']) {
    it(`the ${name} adapter script`, () => {
      withinBudget(`quaderno-checkout-${name}.iife.js`, brotli(`quaderno-checkout-${name}.iife.js`), SIZE_BUDGET.adapterScript);
    });
  }
});
