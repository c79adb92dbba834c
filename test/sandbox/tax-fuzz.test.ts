// Bad input never reaches a 500: random query strings on the tax endpoints answer 200 or a 4xx with a JSON body.
// Fixed seed, printed; FC_SEED / FC_RUNS explore others.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { call, tokenOf, useSandbox } from './harness.js';
import { fcParameters } from '../helpers/fast-check.js';

const { seed: SEED, numRuns: RUNS } = fcParameters('tax endpoints', 150);

const NAMES = [
  'to_country', 'to_postal_code', 'to_city', 'tax_id', 'from_country', 'amount', 'tax_code', 'tax_behavior',
  'product_type', 'date', 'currency', 'country', 'postal_code', 'vat_number',
];
// why: plausible values find the deep branches (US ZIPs, CA postcodes, amounts); arbitrary strings find the parsers' edges.
const value = fc.oneof(
  fc.constantFrom('US', 'CA', 'DE', 'ES', 'GR', 'us', 'XX', '', '90210', 'H2X1Y4', '35001', '10.5', '-1', '1e3', 'ebook',
    'inclusive', 'good', '2020-02-30', 'JPY', 'KWD', 'DE136695976', 'IE222222222', '999999999999.999999'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));

describe(`tax endpoints under random queries (FC_SEED=${SEED}, FC_RUNS=${RUNS})`, () => {
  const sandbox = useSandbox();

  for (const path of ['/api/tax_rates/calculate.json', '/api/tax_ids/validate.json', 'PREVIEW/tax.json', 'PREVIEW/tax_id.json']) {
    test(`${path} answers 200 or 4xx, always JSON`, async () => {
      const stored = sandbox().store.createSession({ items: [{ product: 'saas_de' }, { product: 'ebook_en' }] });
      const preview = `/checkout/session/${tokenOf(sandbox().store.toJSON(stored, sandbox().url))}`;
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const reply = await call(sandbox().url, `${path.replace('PREVIEW', preview)}?${q}`);
          assert.ok(reply.status === 200 || (reply.status >= 400 && reply.status < 500), `${reply.status} for ?${q}: ${reply.text}`);
          assert.notEqual(reply.json, undefined, `JSON for ?${q}`);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }
});
