// The private client's tax and coupon calls: coupons against the real sandbox; the tax endpoints' requests and answers
// through a fault server (the sandbox has no tax endpoints on this branch yet).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BadResponseError, NotFoundError } from '../../src/api/errors.js';
import { createPrivateClient } from '../../src/api/private.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import { startFaultServer } from '../helpers/fault-server.js';

describe('private client: coupons, tax_rates/calculate, tax_ids/validate', () => {
  let sandbox: RunningSandbox;
  let fault: Awaited<ReturnType<typeof startFaultServer>>;
  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: 'sk_test_sandbox' });
    fault = await startFaultServer();
  });
  after(async () => {
    await fault?.close();
    await sandbox?.close();
  });

  test('listCoupons and retrieveCoupon read the sandbox’s coupons; an unknown code is NotFound', async () => {
    const client = createPrivateClient({ baseUrl: sandbox.url, apiKey: 'sk_test_sandbox' });
    const codes = (await client.listCoupons()).map((coupon) => coupon.code);
    assert.ok(codes.includes('WELCOME10') && codes.includes('FIVEOFF'));
    const coupon = await client.retrieveCoupon('FIVEOFF');
    assert.deepEqual([coupon.amount_off, coupon.currency], [500, 'EUR']);
    await assert.rejects(client.retrieveCoupon('NOPE'), NotFoundError);
  });

  test('calculateTax sends the query Quaderno documents and parses the recorded answer', async () => {
    const client = createPrivateClient({ baseUrl: fault.url, apiKey: 'k', retries: 0 });
    const recorded = { country: 'FR', currency: 'EUR', name: 'TVA', notes: null, product_type: 'service', rate: 20.0, region: null, tax_behavior: 'exclusive', tax_code: 'standard', taxable_part: 100.0, import: false, subtotal: null, tax_amount: null, total_amount: null, status: 'taxable' };
    fault.queue({ status: 200, body: recorded });
    const rate = await client.calculateTax({ to_country: 'FR', to_postal_code: '75001', tax_id: undefined, tax_code: 'standard' });
    assert.equal(fault.seen.at(-1)!.url, '/api/tax_rates/calculate.json?to_country=FR&to_postal_code=75001&tax_code=standard');
    assert.deepEqual([rate.name, rate.rate, rate.status, (rate as Record<string, unknown>).import], ['TVA', 20, 'taxable', false]);
    fault.queue({ status: 200, body: { name: 'TVA' } });
    await assert.rejects(client.calculateTax({ to_country: 'FR' }), BadResponseError);
  });

  test('validateTaxId: true, false and null come through; anything else is a bad response', async () => {
    const client = createPrivateClient({ baseUrl: fault.url, apiKey: 'k', retries: 0 });
    for (const valid of [true, false, null]) {
      fault.queue({ status: 200, body: { valid } });
      assert.deepEqual(await client.validateTaxId({ country: 'IE', tax_id: 'IE6388047V' }), { valid });
    }
    assert.equal(fault.seen.at(-1)!.url, '/api/tax_ids/validate.json?country=IE&tax_id=IE6388047V');
    fault.queue({ status: 200, body: { valid: 'yes' } });
    await assert.rejects(client.validateTaxId({ country: 'IE', tax_id: 'X' }), BadResponseError);
  });
});
