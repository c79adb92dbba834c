// The tax preview and tax ID check through the handler, with the sandbox's `tax_rates/calculate` and
// `tax_ids/validate` acting as Quaderno's. What is measured: calls reaching Quaderno.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browser, createSession, startHandler, startQuaderno, type Quaderno } from './support.js';

const CALCULATE = '/api/tax_rates/calculate.json';
const VALIDATE = '/api/tax_ids/validate.json';

describe('tax preview through the handler', () => {
  let quaderno: Quaderno;
  let shop: Awaited<ReturnType<typeof startHandler>>;
  let permalink: string;

  before(async () => {
    quaderno = await startQuaderno();
    shop = await startHandler(quaderno.url, { fetch: quaderno.fetch });
    permalink = shop.permalink(createSession(quaderno.sandbox, { items: [{ product: '000000', quantity: 2 }] }).id);
  });
  after(async () => {
    await shop?.close();
    await quaderno?.close();
  });

  test('GET <permalink>/tax.json?country=ES: the TaxSummary in minor units', async () => {
    const reply = await browser(`${permalink}/tax.json?country=ES`);
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.json, {
      currency: 'EUR',
      subtotal: 4200,
      discount: 0,
      tax: 882,
      total: 5082,
      lines: [{ name: 'IVA', rate: 21, extra_name: null, extra_rate: null, taxable_amount: 4200, amount: 882, behavior: 'exclusive', status: 'taxable', notes: null }],
      status: 'taxable',
      needs: [],
      tax_id: null,
    });
    assert.match(reply.headers.get('cache-control') ?? '', /max-age=/);
  });

  test('the same input, however it is typed, reaches Quaderno once; another input once more', async () => {
    const before = quaderno.count(CALCULATE);
    for (const query of ['country=FR&postal_code=75001', 'country=fr&postal_code=75001', 'country=FR&postal_code=%2075001%20']) {
      const reply = await browser(`${permalink}/tax.json?${query}`);
      assert.equal(reply.json.lines[0].name, 'TVA');
    }
    assert.equal(quaderno.count(CALCULATE) - before, 1);
    await browser(`${permalink}/tax.json?country=FR&postal_code=75002`);
    assert.equal(quaderno.count(CALCULATE) - before, 2);
  });

  test('twenty customers asking at once for the same input cost one call', async () => {
    const before = quaderno.count(CALCULATE);
    const replies = await Promise.all(Array.from({ length: 20 }, () => browser(`${permalink}/tax.json?country=US&postal_code=90210`)));
    assert.ok(replies.every((reply) => reply.status === 200 && reply.json.lines[0].rate === 8.25));
    assert.equal(quaderno.count(CALCULATE) - before, 1);
  });

  test('missing inputs are named, and cost nothing upstream', async () => {
    const before = quaderno.count(CALCULATE);
    const us = await browser(`${permalink}/tax.json?country=US`);
    assert.deepEqual([us.status, us.json.needs, us.json.tax, us.json.total], [200, ['postal_code'], 0, 4200]);
    const none = await browser(`${permalink}/tax.json`);
    assert.deepEqual(none.json.needs, ['country']);
    assert.equal(quaderno.count(CALCULATE), before);
  });

  test('a valid foreign VAT number: reverse charge, and the check in the summary', async () => {
    const reply = await browser(`${permalink}/tax.json?country=FR&tax_id=FR40303265045`);
    assert.equal(reply.json.status, 'reverse_charge');
    assert.equal(reply.json.tax, 0);
    assert.deepEqual(reply.json.tax_id, { valid: true });
  });

  test('GET <permalink>/tax_id.json: valid, invalid, unverifiable; cached per input', async () => {
    const before = quaderno.count(VALIDATE);
    const cases: Array<[string, boolean | null]> = [['IE6388047V', true], ['DE111111111', false], ['IE222222222', null]];
    for (const [taxId, valid] of cases) {
      for (let i = 0; i < 2; i++) {
        const reply = await browser(`${permalink}/tax_id.json?country=${taxId.slice(0, 2)}&tax_id=${taxId}`);
        assert.deepEqual([reply.status, reply.json], [200, { valid }]);
      }
    }
    assert.equal(quaderno.count(VALIDATE) - before, 3, 'one call per tax ID, the repeats from the cache');
    const missing = await browser(`${permalink}/tax_id.json?country=IE`);
    assert.deepEqual([missing.status, missing.json.code, Object.keys(missing.json.field_codes)], [422, 'field_invalid', ['tax_id']]);
  });

  test('a separator that is part of the number (a Finnish personal code’s century dash) is kept: valid, asked once more only after a refusal', async () => {
    const ask = async (country: string, taxId: string) => {
      const before = quaderno.count(VALIDATE);
      const reply = await browser(`${permalink}/tax_id.json?country=${country}&tax_id=${encodeURIComponent(taxId)}`);
      return [reply.json.valid, quaderno.count(VALIDATE) - before];
    };
    assert.deepEqual(await ask('FI', '131052-308T'), [true, 2], 'the compact spelling refused, then as typed: valid');
    assert.deepEqual(await ask('FI', 'FI 2094606-3'), [true, 1], 'valid compact: one call');
    assert.deepEqual(await ask('FI', '131052-308U'), [false, 2], 'wrong either way');
  });

  test('a country that is not one: 422 tax_location_invalid, nothing asked', async () => {
    const before = quaderno.seen.length;
    const reply = await browser(`${permalink}/tax.json?country=E1`);
    assert.deepEqual([reply.status, reply.json.code, reply.json.field_codes], [422, 'tax_location_invalid', { country: 'tax_location_invalid' }]);
    const long = await browser(`${permalink}/tax.json?country=ES&postal_code=${'9'.repeat(40)}`);
    assert.deepEqual([long.status, long.json.code], [422, 'field_invalid']);
    assert.equal(quaderno.seen.length, before);
  });

  test("the preview reuses the session's items for a while instead of fetching the session each time", async () => {
    const id = createSession(quaderno.sandbox).id;
    const link = shop.permalink(id);
    const path = `/api/checkout/sessions/${id}.json`;
    for (const country of ['ES', 'FR', 'ES']) await browser(`${link}/tax.json?country=${country}`);
    assert.equal(quaderno.count(path), 1);
  });

  test('the session JSON carries the tax of the saved customer', async () => {
    const session = createSession(quaderno.sandbox, { customer: { billing_country: 'ES' } });
    const reply = await browser(`${shop.permalink(session.id)}.json`);
    assert.deepEqual([reply.json.tax.tax, reply.json.tax.total, reply.json.tax.needs], [441, 2541, []]);
  });

  test('with the seller country set, the summary says when a domestic sale needs the tax ID; without it, it does not say', async () => {
    const spanishShop = await startHandler(quaderno.url, { fetch: quaderno.fetch, sellerCountry: 'es' });
    try {
      const link = spanishShop.permalink(createSession(quaderno.sandbox).id);
      const flags = [];
      for (const country of ['ES', 'FR', 'IT']) flags.push((await browser(`${link}/tax.json?country=${country}`)).json.tax_id_required);
      assert.deepEqual(flags, [true, false, false]);
    } finally {
      await spanishShop.close();
    }
    const reply = await browser(`${permalink}/tax.json?country=ES`);
    assert.equal(reply.json.tax_id_required, undefined);
  });
});
