// The contract suite against the sandbox, over HTTP on an ephemeral port. Sessions and coupons are made through the
// sandbox's private API (with its key, as a merchant's server would); only what no API does (a session already
// completed, a coupon already used up) goes through the store's test hooks.
import { after, before } from 'node:test';
import type { CreateSessionBody } from '../../src/session/schema.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import { contractSuite, type ContractTarget } from './contract.ts';

const API_KEY = 'sk_test_contract';
let sandbox: RunningSandbox;

before(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: API_KEY, processingDelayMs: 150 });
});
after(() => sandbox.close());

async function privateApi(path: string, body: unknown): Promise<any> {
  const response = await fetch(`${sandbox.url}/api/checkout/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`private API ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

let couponSeq = 0;

const target: ContractTarget = {
  name: 'sandbox',
  async newSession(spec = {}) {
    const body: CreateSessionBody = {
      items: [{ name: 'Contract item', amount: 2100, currency: spec.currency ?? 'EUR' }],
      coupon_collection: spec.coupons ?? false,
      payment_methods: spec.payment_methods ?? ['card'],
      success_url: 'https://merchant.example/thanks',
      cancel_url: 'https://merchant.example/cart',
    };
    const created = await privateApi('sessions.json', body);
    if (spec.status) sandbox.store.setStatus(created.id, spec.status);
    return { permalink: created.permalink };
  },
  async newCoupon(spec) {
    const code = `CONTRACT${++couponSeq}`;
    const body =
      spec.kind === 'amount'
        ? { code, amount_off: 500, currency: spec.currency }
        : { code, percent_off: 10, ...(spec.kind === 'expired' ? { redeem_by: '2020-01-01T00:00:00Z' } : {}), ...(spec.kind === 'used_up' ? { max_redemptions: 1 } : {}) };
    await privateApi('coupons.json', body);
    // why: no API redeems a coupon without a completed payment; the store's record stands in for one.
    if (spec.kind === 'used_up') sandbox.store.getCoupon(code)!.times_redeemed = 1;
    return code;
  },
  async unknownPermalink() {
    return `${sandbox.url}/checkout/session/${'0'.repeat(40)}`;
  },
  settleWithinMs: 5_000,
};

// No todo: every case of the contract passes against the sandbox (the store-split and tax branches are merged).
contractSuite(target);
