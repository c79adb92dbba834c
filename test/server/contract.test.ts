// The protocol's contract suite against the merchant handler, with the sandbox's private API acting as Quaderno
// behind it. Sessions and coupons are made through that private API with the key, as the merchant's server would;
// only a status no API call reaches (a completed session) goes through the sandbox store's test hook. What the
// handler does not advertise (coupons, cancel, pay) is checked for its refusal only.
import { after, before } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { CreateSessionBody } from '../../src/session/schema.ts';
import { contractSuite, type ContractTarget } from '../protocol/contract.ts';
import { KEY_ON_THE_WIRE, startHandler, startQuaderno, type Quaderno } from './support.ts';

let quaderno: Quaderno;
let shop: Awaited<ReturnType<typeof startHandler>>;

before(async () => {
  quaderno = await startQuaderno();
  shop = await startHandler(quaderno.url, { fetch: quaderno.fetch });
});
after(async () => {
  await shop?.close();
  await quaderno?.close();
});

async function privateApi(path: string, body: unknown): Promise<any> {
  const response = await fetch(`${quaderno.url}/api/checkout/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Basic ${KEY_ON_THE_WIRE}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`private API ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

let couponSeq = 0;

const target: ContractTarget = {
  name: 'merchant handler (sandbox as Quaderno)',
  async newSession(spec = {}) {
    const body: CreateSessionBody = {
      items: [{ name: 'Contract item', amount: 2100, currency: spec.currency ?? 'EUR' }],
      coupon_collection: spec.coupons ?? false,
      payment_methods: spec.payment_methods ?? ['card'],
      success_url: 'https://merchant.example/thanks',
      cancel_url: 'https://merchant.example/cart',
    };
    const created = await privateApi('sessions.json', body);
    if (spec.status) quaderno.sandbox.store.setStatus(created.id, spec.status);
    return { permalink: shop.permalink(created.id) };
  },
  async newCoupon(spec) {
    const code = `HANDLER${++couponSeq}`;
    const body =
      spec.kind === 'amount'
        ? { code, amount_off: 500, currency: spec.currency }
        : { code, percent_off: 10, ...(spec.kind === 'expired' ? { redeem_by: '2020-01-01T00:00:00Z' } : {}), ...(spec.kind === 'used_up' ? { max_redemptions: 1 } : {}) };
    await privateApi('coupons.json', body);
    return code;
  },
  async unknownPermalink() {
    // why: a token of the handler's shape that it never issued (signed with no secret of its own).
    return `${shop.url}/checkout/${randomBytes(22).toString('base64url')}`;
  },
  settleWithinMs: 5_000,
};

contractSuite(target);
