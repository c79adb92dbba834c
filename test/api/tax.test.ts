// The protocol's tax preview call, against a scripted HTTP server: the sandbox of this branch has no tax routes yet (the
// contract suite covers them against the sandbox once it does).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { BadResponseError, ValidationError } from '../../src/api/errors.ts';
import { previewTax, protocolUrl } from '../../src/api/tax.ts';
import { startFaultServer } from '../helpers/fault-server.ts';

const TAX = {
  currency: 'EUR',
  subtotal: 2100,
  discount: 0,
  tax: 399,
  total: 2499,
  lines: [
    { name: 'MwSt.', rate: 19, extra_name: null, extra_rate: null, taxable_amount: 2100, amount: 399, behavior: 'exclusive', status: 'taxable', notes: null },
  ],
  status: 'taxable',
  needs: [],
  tax_id: null,
};

const URLS: Array<[string, string, Record<string, string | undefined>, string]> = [
  ['https://x.example/checkout/session/abc', '/tax', { country: 'DE' }, 'https://x.example/checkout/session/abc/tax.json?country=DE'],
  ['https://x.example/checkout/session/abc/', '/tax', { tax_id: 'DE1', country: 'DE', postal_code: ' ' }, 'https://x.example/checkout/session/abc/tax.json?country=DE&tax_id=DE1'],
  ['https://x.example/s/abc?k=1', '/tax_id', { tax_id: 'GB 123', country: 'GB' }, 'https://x.example/s/abc/tax_id.json?k=1&country=GB&tax_id=GB+123'],
  ['https://x.example/checkout/session/abc', '/tax', {}, 'https://x.example/checkout/session/abc/tax.json'],
];

describe('protocol client: URLs', () => {
  for (const [permalink, subpath, query, expected] of URLS) {
    test(`${permalink} ${subpath} ${JSON.stringify(query)} → ${expected}`, () => {
      assert.equal(protocolUrl(permalink, subpath, query), expected);
    });
  }
});

describe('protocol client: tax preview and tax ID check', () => {
  let server: Awaited<ReturnType<typeof startFaultServer>>;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const permalink = () => `${server.url}/checkout/session/abc123`;
  // why: a generous timeout; a timed-out first attempt would be retried and meet the server's default answer instead.
  const fast = { retryBaseMs: 5, timeoutMs: 5_000 };

  test('previewTax is a simple GET (no body, no Content-Type) and returns the TaxSummary', async () => {
    server.queue({ status: 200, body: TAX });
    const tax = await previewTax(permalink(), { country: 'DE', postal_code: '10115' }, {}, fast);
    assert.equal(tax.total, 2499);
    const [seen] = server.seen;
    assert.equal(seen!.method, 'GET');
    assert.equal(seen!.url, '/checkout/session/abc123/tax.json?country=DE&postal_code=10115');
    assert.equal(seen!.headers['content-type'], undefined);
    assert.equal(seen!.body, '');
  });

  test('a preview that is not a TaxSummary is a bad response, not a wrong total', async () => {
    server.queue({ status: 200, body: { ...TAX, total: '24.99' } });
    await assert.rejects(previewTax(permalink(), { country: 'DE' }, {}, fast), BadResponseError);
  });

  test('a refused location is a ValidationError carrying its code', async () => {
    server.queue({ status: 422, body: { code: 'tax_location_invalid', error: 'No such country', errors: { country: ['unknown'] }, field_codes: { country: 'tax_location_invalid' } } });
    const error = await previewTax(permalink(), { country: 'ZZ' }, {}, fast).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.reason, 'tax_location_invalid');
    assert.deepEqual(error.fieldCodes, { country: 'tax_location_invalid' });
  });
});
