// The keyless tax preview the element calls (GET <permalink>/tax.json, /tax_id.json), the session's `tax` hook and the
// account's tax settings, all against a real sandbox over HTTP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chargedTax, computeLocationTax, computeSessionTax } from '../../src/sandbox/tax/session-tax.js';
import { TaxSettingsHolder } from '../../src/sandbox/tax/settings.js';
import { call, tokenOf, useSandbox } from './harness.js';

describe('tax preview through the permalink', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;

  /** A pending session with these items; returns its public path. */
  function session(items: unknown[], customer: Record<string, string> = {}): { path: string; token: string } {
    const stored = sandbox().store.createSession({ items, customer, coupon_collection: true });
    const token = tokenOf(sandbox().store.toJSON(stored, base()));
    return { path: `/checkout/session/${token}`, token };
  }
  const preview = (path: string, query: string) => call(base(), `${path}/tax.json?${query}`);

  const SAAS_AND_CUSTOM = [{ product: 'saas_de' }, { name: 'Setup', amount: 1000, currency: 'EUR' }];

  test('DE: SaaS and a product-less item share one 19% line (the default code, exclusive)', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const reply = await preview(path, 'country=DE');
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.json, {
      currency: 'EUR',
      subtotal: 25000,
      discount: 0,
      tax: 4750,
      total: 29750,
      lines: [{ name: 'MwSt.', rate: 19, extra_name: null, extra_rate: null, taxable_amount: 25000, amount: 4750, behavior: 'exclusive', status: 'taxable', notes: null }],
      status: 'taxable',
      needs: [],
      tax_id: null,
      tax_id_required: false,
    });
  });

  test('US without a ZIP needs postal_code and adds no tax yet; with one, Texas taxes SaaS on 80%', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const without = await preview(path, 'country=US');
    assert.deepEqual([without.json.needs, without.json.lines, without.json.total], [['postal_code'], [], 25000]);
    const texas = await preview(path, 'country=US&postal_code=78701');
    assert.deepEqual(texas.json.needs, []);
    // 24000 × 80% × 6.25% = 1200 and 1000 × 6.25% = 62.5 → 63
    assert.deepEqual(texas.json.lines.map((l: any) => [l.taxable_amount, l.amount]), [[19200, 1200], [1000, 63]]);
    assert.equal(texas.json.total, 25000 + 1263);
  });

  test('no country yet: needs country', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const reply = await preview(path, '');
    assert.deepEqual([reply.json.needs, reply.json.tax, reply.json.status], [['country'], 0, 'non_taxable']);
  });

  test('a valid foreign EU VAT number: reverse charge, 0 tax, the note and {valid: true}', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const reply = await preview(path, 'country=DE&tax_id=DE136695976');
    assert.deepEqual([reply.json.status, reply.json.tax, reply.json.total, reply.json.tax_id], ['reverse_charge', 0, 25000, { valid: true }]);
    assert.match(reply.json.lines[0].notes, /^Reverse charge/);
  });

  test('an uncheckable number (IE222222222): the standard rate and {valid: null}', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const reply = await preview(path, 'country=IE&tax_id=IE222222222');
    assert.deepEqual([reply.json.status, reply.json.tax, reply.json.tax_id], ['taxable', 5750, { valid: null }]);
  });

  test('an inclusive e-book (catalog tax_type included) at 5.5% in France keeps its price', async () => {
    const { path } = session([{ product: 'ebook_en' }]);
    const reply = await preview(path, 'country=FR');
    assert.deepEqual([reply.json.subtotal, reply.json.tax, reply.json.total, reply.json.lines[0].behavior], [1900, 99, 1900, 'inclusive']);
  });

  test('JPY e-book in Germany at 7%, quantity 2', async () => {
    const { path } = session([{ product: 'ebook_jpy', quantity: 2 }]);
    const reply = await preview(path, 'country=DE');
    assert.deepEqual([reply.json.currency, reply.json.subtotal, reply.json.tax, reply.json.total], ['JPY', 3998, 280, 4278]);
  });

  test('Québec: GST and QST stacked on one line', async () => {
    const { path } = session([{ name: 'Plan', amount: 1999, currency: 'CAD' }]);
    const reply = await preview(path, 'country=CA&postal_code=H2X%201Y4');
    assert.deepEqual(
      [reply.json.lines[0].name, reply.json.lines[0].extra_name, reply.json.lines[0].extra_rate, reply.json.tax],
      ['GST', 'QST', 9.975, 299],
    );
  });

  test('a coupon applied to the session comes off before tax; the preview saves nothing', async () => {
    const { path } = session(SAAS_AND_CUSTOM, { email: 'a@b.co', billing_country: 'ES' });
    assert.equal((await call(base(), `${path}.json`, { method: 'PUT', body: { coupon: 'WELCOME10' } })).status, 200);
    const reply = await preview(path, 'country=DE&postal_code=10115&tax_id=DE136695976');
    assert.equal(reply.json.discount, 2500);
    const plain = await preview(path, 'country=DE');
    assert.deepEqual([plain.json.discount, plain.json.tax, plain.json.total], [2500, 4275, 22500 + 4275]);
    const saved = await call(base(), `${path}.json`);
    assert.equal(saved.json.customer.billing_country, 'ES');
    assert.equal(saved.json.customer.tax_id ?? null, null);
  });

  test('an unchanged preview revalidates to a 304; a coupon changes its ETag', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const first = await preview(path, 'country=FR');
    const tag = first.headers.get('etag');
    assert.ok(tag, 'an ETag');
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const again = await call(base(), `${path}/tax.json?country=FR`, { headers: { 'If-None-Match': tag } });
    assert.deepEqual([again.status, again.text], [304, '']);
    await call(base(), `${path}.json`, { method: 'PUT', body: { coupon: 'HALF' } });
    const changed = await call(base(), `${path}/tax.json?country=FR`, { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    assert.equal(changed.json.discount, 12500);
  });

  test('CORS: a page on another origin can read the preview', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const reply = await call(base(), `${path}/tax.json?country=FR`, { headers: { Origin: 'https://shop.example' } });
    assert.equal(reply.headers.get('access-control-allow-origin'), '*');
  });

  const BAD: Array<[string, string]> = [
    ['country=ZZ', 'country'],
    ['country=France', 'country'],
    ['country=US&postal_code=ABCDE', 'postal_code'],
    ['country=CA&postal_code=12345', 'postal_code'],
  ];
  for (const [query, field] of BAD) {
    test(`?${query} → 422 tax_location_invalid on ${field}`, async () => {
      const { path } = session(SAAS_AND_CUSTOM);
      const reply = await preview(path, query);
      assert.equal(reply.status, 422, reply.text);
      assert.equal(reply.json.code, 'tax_location_invalid');
      assert.deepEqual(reply.json.field_codes, { [field]: 'tax_location_invalid' });
    });
  }

  test('an unknown token is a 404 on both endpoints', async () => {
    for (const endpoint of ['tax.json?country=DE', 'tax_id.json?country=DE&tax_id=DE136695976']) {
      assert.equal((await call(base(), `/checkout/session/${'0'.repeat(40)}/${endpoint}`)).status, 404);
    }
  });

  test('tax_id.json answers {valid} true, false and null; a missing ID is a 422', async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const check = async (q: string) => (await call(base(), `${path}/tax_id.json?${q}`)).json;
    assert.deepEqual(await check('country=IE&tax_id=IE6388047V'), { valid: true });
    assert.deepEqual(await check('country=DE&tax_id=DE111111111'), { valid: false });
    assert.deepEqual(await check('country=IE&tax_id=IE222222222'), { valid: null });
    const missing = await call(base(), `${path}/tax_id.json?country=IE`);
    assert.deepEqual([missing.status, missing.json.code], [422, 'field_invalid']);
  });

  test("a consumer's national tax number is verified but charged the standard rate; a VAT number reverse-charges", async () => {
    const { path } = session(SAAS_AND_CUSTOM);
    const personal = (await preview(path, 'country=IT&tax_id=RCCMNL83S18D969H')).json;
    assert.deepEqual([personal.tax_id, personal.status, personal.lines[0].rate], [{ valid: true }, 'taxable', 22]);
    const business = (await preview(path, 'country=IT&tax_id=IT00743110157')).json;
    assert.deepEqual([business.tax_id, business.status, business.tax], [{ valid: true }, 'reverse_charge', 0]);
  });

  test('computeSessionTax: the saved customer decides; an unplaceable saved ZIP only needs a postal code', () => {
    const store = sandbox().store;
    const settings = new TaxSettingsHolder({}, {}).get();
    const fr = store.createSession({ items: SAAS_AND_CUSTOM, customer: { billing_country: 'FR' } });
    assert.deepEqual([computeSessionTax(fr, settings).tax, computeSessionTax(fr, settings).lines[0]!.name], [5000, 'TVA']);
    const us = store.createSession({ items: SAAS_AND_CUSTOM, customer: { billing_country: 'US', billing_postal_code: 'nope' } });
    assert.deepEqual(computeSessionTax(us, settings).needs, ['postal_code']);
  });

  test('chargedTax: the checkout.succeeded fields — the line carrying the most tax, and the whole total', () => {
    const settings = new TaxSettingsHolder({}, {}).get();
    const items = [{ product: 'saas_de' }, { product: 'ebook_en' }];
    const stored = sandbox().store.createSession({ items });
    const qc = sandbox().store.createSession({ items: [{ name: 'Plan', amount: 1999, currency: 'CAD' }] });
    const cases: Array<[string, ReturnType<typeof chargedTax>]> = [];
    cases.push(['FR', chargedTax(computeLocationTax(stored, { country: 'FR' }, settings))]);
    cases.push(['QC', chargedTax(computeLocationTax(qc, { country: 'CA', postal_code: 'H2X1Y4' }, settings))]);
    cases.push(['none', chargedTax(computeLocationTax(stored, {}, settings))]);
    assert.deepEqual(cases, [
      // 24000 × 20% = 4800 (exclusive) beats the e-book's 99 inside 1900
      ['FR', { tax_name: 'TVA', tax_rate: 20, extra_tax_name: null, extra_tax_rate: null, amount_cents: 24000 + 4800 + 1900, currency: 'EUR' }],
      ['QC', { tax_name: 'GST', tax_rate: 5, extra_tax_name: 'QST', extra_tax_rate: 9.975, amount_cents: 2298, currency: 'CAD' }],
      ['none', { tax_name: null, tax_rate: 0, extra_tax_name: null, extra_tax_rate: null, amount_cents: 25900, currency: 'EUR' }],
    ]);
  });
});

describe('account tax settings', () => {
  const sandbox = useSandbox({ tax: { home_country: 'FR', registered: ['DE'] } });
  const calc = async (country: string) => (await call(sandbox().url, `/api/tax_rates/calculate.json?to_country=${country}`)).json;

  test('options set the home country and the registrations: FR home, DE registered, IT not', async () => {
    assert.deepEqual((await call(sandbox().url, '/sandbox/tax-settings')).json.home_country, 'FR');
    assert.deepEqual([(await calc('FR')).status, (await calc('DE')).status, (await calc('IT')).status], ['taxable', 'taxable', 'not_registered']);
    assert.equal((await calc('IT')).rate, 0);
  });

  test('PUT /sandbox/tax-settings changes them; DELETE returns to the start; a bad value is a 422', async () => {
    const put = await call(sandbox().url, '/sandbox/tax-settings', { method: 'PUT', body: { registered: ['DE', 'IT'], default_tax_code: 'ebook' } });
    assert.equal(put.status, 200, put.text);
    assert.deepEqual([(await calc('IT')).status, (await calc('IT')).rate, (await calc('IT')).tax_code], ['taxable', 4, 'ebook']);
    const bad = await call(sandbox().url, '/sandbox/tax-settings', { method: 'PUT', body: { home_country: 'Spain', colour: 'red' } });
    assert.equal(bad.status, 422);
    assert.ok(bad.json.errors.home_country && bad.json.errors.colour, bad.text);
    const reset = await call(sandbox().url, '/sandbox/tax-settings', { method: 'DELETE' });
    assert.deepEqual(reset.json.registered, ['DE']);
    assert.equal((await calc('IT')).status, 'not_registered');
  });

  test('env SANDBOX_TAX_* sits under options and over the defaults; a bad env value fails at start', () => {
    const env = { SANDBOX_TAX_HOME_COUNTRY: 'IE', SANDBOX_TAX_REGISTERED: 'GB, US-TX', SANDBOX_TAX_DEFAULT_CODE: 'saas' };
    const fromEnv = new TaxSettingsHolder({}, env).get();
    assert.deepEqual([fromEnv.home_country, fromEnv.registered, fromEnv.default_tax_code, fromEnv.currency], ['IE', ['GB', 'US-TX'], 'saas', 'EUR']);
    assert.equal(new TaxSettingsHolder({ home_country: 'PT' }, env).get().home_country, 'PT');
    assert.throws(() => new TaxSettingsHolder({}, { SANDBOX_TAX_REGISTERED: 'Texas' }));
  });
});
