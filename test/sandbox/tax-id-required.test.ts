// `tax_id_required` in the sandbox's TaxSummary, over HTTP: the keyless preview (GET <permalink>/tax.json) and the
// session's `tax` (private and public JSON) say a tax ID is required for a domestic sale in BG, CY, ES, HR, IT and
// PT, following the account's home country (PUT /sandbox/tax-settings).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, useSandbox } from './harness.js';

type Json = Record<string, any>;

describe('tax_id_required', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;

  const create = async (customer: Record<string, string> = {}): Promise<Json> => {
    const reply = await call(base(), '/api/checkout/sessions.json', {
      method: 'POST',
      body: { items: [{ name: 'Plan', amount: 1000, currency: 'EUR' }], billing_details_collection: 'auto', customer },
    });
    assert.equal(reply.status, 201, reply.text);
    return reply.json as Json;
  };
  const home = async (country: string) => {
    const reply = await call(base(), '/sandbox/tax-settings', { method: 'PUT', body: { home_country: country } });
    assert.equal(reply.status, 200, reply.text);
  };
  const preview = async (permalink: string, query: string) => {
    const reply = await call(base(), `${new URL(permalink).pathname}/tax.json?${query}`);
    assert.equal(reply.status, 200, reply.text);
    return reply.json as Json;
  };

  // [seller's home country, customer's country (and postal code), required]
  const cases: Array<[home: string, query: string, required: boolean]> = [
    ['ES', 'country=ES', true],
    ['ES', 'country=es', true],
    ['ES', 'country=ES&postal_code=35001', true], // the Canary Islands: outside EU VAT, still a Spanish sale
    ['ES', 'country=ES&tax_id=ESB58378431', true], // required stays true once given: the form checks it is filled
    ['ES', 'country=PT', false],
    ['ES', 'country=FR', false],
    ['ES', 'country=US&postal_code=10001', false],
    ['ES', '', false],
    ['PT', 'country=PT', true],
    ['PT', 'country=ES', false],
    ['IT', 'country=IT', true],
    ['BG', 'country=BG', true],
    ['CY', 'country=CY', true],
    ['HR', 'country=HR', true],
    ['DE', 'country=DE', false],
    ['FR', 'country=FR', false],
    ['GB', 'country=GB', false],
  ];

  test('the preview follows the seller and the customer, for every row of the table', async () => {
    const session = await create();
    try {
      for (const [seller, query, required] of cases) {
        await home(seller);
        const summary = await preview(session.permalink, query);
        assert.equal(summary.tax_id_required, required, `${seller} seller, ${query || 'no country'}`);
      }
    } finally {
      await call(base(), '/sandbox/tax-settings', { method: 'DELETE' });
    }
  });

  test("the session's tax says it for the saved customer, in the private and the public JSON", async () => {
    const spanish = await create({ billing_country: 'ES' });
    const french = await create({ billing_country: 'FR' });
    const privateTax = async (s: Json) => (await call(base(), `/api/checkout/sessions/${s.id}.json`)).json.tax as Json;
    const publicTax = async (s: Json) => (await call(base(), `${new URL(s.permalink).pathname}.json`)).json.tax as Json;
    assert.deepEqual([(await privateTax(spanish)).tax_id_required, (await publicTax(spanish)).tax_id_required], [true, true]);
    assert.deepEqual([(await privateTax(french)).tax_id_required, (await publicTax(french)).tax_id_required], [false, false]);
  });

  // Both ways of starting a payment: the sandbox's simulated one (pay.json) and the real processors' start
  // (payment.json). A Spanish customer of the Spanish seller without a tax ID is refused before any charge; with one,
  // or as a French customer, the payment starts.
  const starts: Array<[name: string, path: string, body: Record<string, unknown>, started: number]> = [
    ['the simulated payment (pay.json)', '/pay.json', { method: 'card', card_number: '4242424242424242' }, 202],
    ['the processor payment start (payment.json)', '/payment.json', { method: 'card' }, 201],
  ];
  for (const [name, suffix, body, started] of starts) {
    test(`${name}: refused with field_codes.tax_id = tax_id_required, nothing started; accepted once it is given`, async () => {
      await home('ES');
      try {
        const customer = { email: 'ana@example.com', first_name: 'Ana', last_name: 'García', billing_country: 'ES', billing_postal_code: '28013' };
        const spanish = await create(customer);
        const path = `${new URL(spanish.permalink).pathname}${suffix}`;
        // why the shown total: both starts require the total the customer confirmed (the session's own here)
        const shown = async () => ({ ...body, total: (await call(base(), `${new URL(spanish.permalink).pathname}.json`)).json.tax.total });
        const refused = await call(base(), path, { method: 'POST', body: await shown() });
        assert.equal(refused.status, 422, refused.text);
        assert.equal(refused.json.code, 'field_invalid');
        assert.deepEqual(refused.json.field_codes, { tax_id: 'tax_id_required' });
        assert.match(refused.json.errors.tax_id[0], /ES/);
        const after = (await call(base(), `/api/checkout/sessions/${spanish.id}.json`)).json as Json;
        assert.deepEqual([after.status, after.processor_id ?? null], ['pending', null], 'nothing started');

        const saved = await call(base(), `${new URL(spanish.permalink).pathname}.json`, { method: 'PUT', body: { customer: { tax_id: 'ESB58378431' } } });
        assert.equal(saved.status, 200, saved.text);
        const paid = await call(base(), path, { method: 'POST', body: await shown() });
        assert.equal(paid.status, started, paid.text);

        const french = await create({ ...customer, billing_country: 'FR', billing_postal_code: '75001' });
        const frenchTotal = (await call(base(), `${new URL(french.permalink).pathname}.json`)).json.tax.total;
        const other = await call(base(), `${new URL(french.permalink).pathname}${suffix}`, { method: 'POST', body: { ...body, total: frenchTotal } });
        assert.equal(other.status, started, other.text);
      } finally {
        await call(base(), '/sandbox/tax-settings', { method: 'DELETE' });
      }
    });
  }
});
