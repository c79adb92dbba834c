// The public client parses the protocol at the edge (src/api/public.ts), against a scripted HTTP server that can send
// what no sound server sends: a malformed `tax`, an answer that is not a TaxSummary. The contract suite covers the
// same calls against the sandbox.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ApiError, BadResponseError, ValidationError } from '../../src/api/errors.js';
import { createPublicClient, protocolUrl } from '../../src/api/public.js';
import { recordedSessionList } from '../helpers/fixtures.js';
import { startFaultServer } from '../helpers/fault-server.js';

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

describe('public client: URLs', () => {
  for (const [permalink, subpath, query, expected] of URLS) {
    test(`${permalink} ${subpath} ${JSON.stringify(query)} → ${expected}`, () => {
      assert.equal(protocolUrl(permalink, subpath, query), expected);
    });
  }
});

describe('public client: tax preview and tax ID check', () => {
  let server: Awaited<ReturnType<typeof startFaultServer>>;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  // why: a generous timeout; a timed-out first attempt would be retried and meet the server's default answer instead.
  const client = () => createPublicClient(`${server.url}/checkout/session/abc123`, { retryBaseMs: 5, timeoutMs: 5_000 });

  test('previewTax is a simple GET (no body, no Content-Type) and returns the TaxSummary', async () => {
    server.queue({ status: 200, body: TAX });
    const tax = await client().previewTax({ country: 'DE', postal_code: '10115' });
    assert.equal(tax.total, 2499);
    const [seen] = server.seen;
    assert.equal(seen!.method, 'GET');
    assert.equal(seen!.url, '/checkout/session/abc123/tax.json?country=DE&postal_code=10115');
    assert.equal(seen!.headers['content-type'], undefined);
    assert.equal(seen!.body, '');
  });

  test('a preview that is not a TaxSummary is a bad response, not a wrong total', async () => {
    server.queue({ status: 200, body: { ...TAX, total: '24.99' } });
    await assert.rejects(client().previewTax({ country: 'DE' }), BadResponseError);
  });

  test('a refused location is a ValidationError carrying its code', async () => {
    server.queue({ status: 422, body: { code: 'tax_location_invalid', error: 'No such country', errors: { country: ['unknown'] }, field_codes: { country: 'tax_location_invalid' } } });
    const error = await client().previewTax({ country: 'ZZ' }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.reason, 'tax_location_invalid');
    assert.deepEqual(error.fieldCodes, { country: 'tax_location_invalid' });
  });

  test('validateTaxId is a simple GET of tax_id.json and returns { valid }', async () => {
    server.queue({ status: 200, body: { valid: null } });
    assert.deepEqual(await client().validateTaxId({ country: 'DE', tax_id: 'DE136695976' }), { valid: null });
    assert.equal(server.seen[0]!.url, '/checkout/session/abc123/tax_id.json?country=DE&tax_id=DE136695976');
    server.queue({ status: 200, body: { valid: 'yes' } });
    await assert.rejects(client().validateTaxId({ country: 'DE', tax_id: 'DE1' }), BadResponseError);
  });
});

describe('public client: the session is the protocol session, parsed once', () => {
  let server: Awaited<ReturnType<typeof startFaultServer>>;
  before(async () => (server = await startFaultServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const client = () => createPublicClient(`${server.url}/checkout/session/abc123`, { retryBaseMs: 5, timeoutMs: 5_000, retries: 0 });
  const recorded = () => recordedSessionList()[0] as Record<string, unknown>;

  test('tax, capabilities, processor_public_keys and hosted_url arrive typed', async () => {
    const keys = { stripe: 'pk_test_1', paypal: null };
    server.queue({ status: 200, body: { ...recorded(), tax: TAX, capabilities: ['pay', 'later'], processor_public_keys: keys, hosted_url: null } });
    const session = await client().retrieve();
    // why each read: these compile only because the fields are typed (a cast would be needed for `unknown`).
    const total: number | undefined = session.tax?.total;
    const lineStatus: string | undefined = session.tax?.lines[0]?.status;
    const stripeKey: string | null | undefined = session.processor_public_keys?.stripe;
    const capabilities: string[] | undefined = session.capabilities;
    assert.deepEqual([total, lineStatus, stripeKey, capabilities, session.hosted_url], [2499, 'taxable', 'pk_test_1', ['pay', 'later'], null]);
  });

  // [what, the broken addition, the path the error names]
  const BROKEN: Array<[string, Record<string, unknown>, string]> = [
    ['a tax total that is not integer minor units', { tax: { ...TAX, total: 24.99 } }, 'tax.total'],
    ['a tax without its lines', { tax: { ...TAX, lines: undefined } }, 'tax.lines'],
    ['a tax line with an unknown status', { tax: { ...TAX, lines: [{ ...TAX.lines[0], status: 'exempt' }] } }, 'tax.lines.0.status'],
    ['capabilities that are not a list', { capabilities: 'pay' }, 'capabilities'],
    ['a processor key that is not a string', { processor_public_keys: { stripe: 42 } }, 'processor_public_keys.stripe'],
    ['a hosted_url that is not a string', { hosted_url: { href: 'https://x.example' } }, 'hosted_url'],
  ];
  for (const [what, broken, path] of BROKEN) {
    test(`${what}: the call fails at the edge with bad_response naming ${path}`, async () => {
      server.queue({ status: 200, body: { ...recorded(), ...broken } });
      const error = await client().retrieve().then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof BadResponseError, `a BadResponseError, got ${String(error)}`);
      assert.equal((error as ApiError).code, 'bad_response');
      assert.match((error as ApiError).message, new RegExp(`at ${path.replace(/\./g, '\\.')}:`));
    });
  }

  test('every call that answers a session parses it the same way (update, cancel, pay, retry)', async () => {
    const broken = { ...recorded(), tax: { ...TAX, total: 'a lot' } };
    const c = client();
    for (const call of [() => c.update({}), () => c.cancel(), () => c.pay({ method: 'card' }), () => c.retry()]) {
      server.queue({ status: 200, body: broken });
      await assert.rejects(call(), BadResponseError);
    }
  });
});
