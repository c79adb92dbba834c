// Quaderno's Transactions API in the sandbox, over HTTP, with exactly the requests the official Ruby client makes:
// `Quaderno::Transaction.create(params)` → POST {api}/transactions.json (JSON, Basic auth with the key), and
// `Quaderno::Invoice.retrieve(id, gateway)` → GET {api}/{gateway}/charges/{id}.json.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, useSandbox } from '../harness.js';

const RUBY_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** The guide's example sale: one item, its tax from the calculate endpoint, a Stripe charge. */
const sale = (processorId: string, extra: Record<string, unknown> = {}) => ({
  type: 'sale',
  currency: 'EUR',
  customer: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', country: 'ES', postal_code: '08001' },
  items: [{ description: 'Pro plan', quantity: 1, amount: 121.0, tax: { name: 'IVA', rate: 21.0, country: 'ES', region: null, taxable_part: 100 } }],
  payment: { method: 'credit_card', processor: 'stripe', processor_id: processorId },
  evidence: { billing_country: 'ES', ip_address: '203.0.113.9', bank_country: 'ES' },
  ...extra,
});

describe('sandbox transactions API', () => {
  const sandbox = useSandbox();
  const base = () => sandbox().url;

  test('Transaction.create issues a paid invoice with the tax backed out of each amount', async () => {
    const reply = await call(base(), '/api/transactions.json', { method: 'POST', body: sale('ch_one'), headers: RUBY_HEADERS });
    assert.equal(reply.status, 201, reply.text);
    const doc = reply.json as Record<string, any>;
    assert.equal(doc.type, 'Invoice');
    assert.equal(doc.state, 'paid');
    assert.equal(doc.currency, 'EUR');
    assert.equal(doc.total_cents, 12100);
    assert.equal(doc.subtotal_cents, 10000);
    assert.deepEqual(doc.taxes, [{ label: 'IVA (21%)', rate: 21, amount_cents: 2100, country: 'ES', region: null }]);
    assert.equal(doc.items[0].total_amount_cents, 12100);
    assert.equal(doc.items[0].tax_name, 'IVA');
    assert.equal(doc.payments[0].amount_cents, 12100);
    assert.equal(doc.payments[0].payment_method, 'credit_card');
    assert.equal(doc.contact.full_name, 'Ada Lovelace');
    assert.match(doc.permalink, /^http:\/\/127\.0\.0\.1:\d+\/sandbox\/documents\/[0-9a-f]{32}$/);
    const page = await call(base(), new URL(doc.permalink).pathname);
    assert.equal(page.status, 200);
    assert.match(page.text, /Invoice S\d+ · paid · 121\.00 EUR/);
  });

  test('Invoice.retrieve finds the sale by the processor id; another gateway or id is a 404', async () => {
    const created = (await call(base(), '/api/transactions.json', { method: 'POST', body: sale('ch_find') })).json as { id: number };
    const found = await call(base(), '/api/stripe/charges/ch_find.json', { headers: RUBY_HEADERS });
    assert.equal(found.status, 200);
    assert.equal((found.json as { id: number }).id, created.id);
    assert.equal((await call(base(), '/api/paypal/charges/ch_find.json')).status, 404);
    assert.equal((await call(base(), '/api/stripe/charges/ch_nothing.json')).status, 404);
  });

  test('no idempotency key: the same sale posted twice issues two invoices (the caller must avoid it)', async () => {
    await call(base(), '/api/transactions.json', { method: 'POST', body: sale('ch_twice') });
    await call(base(), '/api/transactions.json', { method: 'POST', body: sale('ch_twice') });
    const all = (await call(base(), '/api/invoices.json')).json as Array<{ payments: Array<{ processor_id: string }> }>;
    assert.equal(all.filter((doc) => doc.payments[0]!.processor_id === 'ch_twice').length, 2);
  });

  test('a refund issues a credit note, found by Credit.retrieve', async () => {
    const reply = await call(base(), '/api/transactions', { method: 'POST', body: sale('ch_refund', { type: 'refund' }) });
    assert.equal((reply.json as { type: string }).type, 'Credit');
    assert.equal((await call(base(), '/api/stripe/refunds/ch_refund.json')).status, 200);
    assert.equal((await call(base(), '/api/stripe/charges/ch_refund.json')).status, 404);
  });

  const refusals: Array<[string, unknown, number, string]> = [
    ['no items', { payment: { method: 'cash' } }, 422, 'items'],
    ['no payment', { items: [{ description: 'x', amount: 1 }] }, 422, 'payment'],
    ['an item without description or product', { items: [{ amount: 1 }], payment: {} }, 422, 'items.0.description'],
    ['an amount that is not a number', { items: [{ description: 'x', amount: 'ten' }], payment: {} }, 422, 'items.0.amount'],
    ['an unknown payment method', { items: [{ description: 'x', amount: 1 }], payment: { method: 'bitcoin' } }, 422, 'payment.method'],
  ];
  for (const [name, body, status, field] of refusals) {
    test(`refused: ${name} → ${status} naming ${field}`, async () => {
      const reply = await call(base(), '/api/transactions.json', { method: 'POST', body });
      assert.equal(reply.status, status, reply.text);
      assert.ok(Object.keys((reply.json as { errors: object }).errors).includes(field), reply.text);
    });
  }

  test('without the API key: 401, nothing issued', async () => {
    const before = ((await call(base(), '/api/invoices.json')).json as unknown[]).length;
    const reply = await call(base(), '/api/transactions.json', { method: 'POST', body: sale('ch_nokey'), auth: false });
    assert.equal(reply.status, 401);
    assert.equal(((await call(base(), '/api/invoices.json')).json as unknown[]).length, before);
  });
});
