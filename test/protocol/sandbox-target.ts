// A contract target (contract.ts) whose sessions and coupons are made through a sandbox's private API with its key,
// as a merchant's server makes them in Quaderno. Only what no API does goes through the sandbox store's test hooks:
// a session already past pending, a coupon already used up. The sandbox may serve the protocol itself
// (sandbox.contract.test.ts) or stand behind a merchant handler as Quaderno (test/server/contract.test.ts).
import type { RunningSandbox } from '../../src/sandbox/server.js';
import type { CreateSessionBody } from '../../src/session/schema.js';
import { send } from '../helpers/http.js';
import type { ContractTarget } from './contract.js';

export interface SandboxBackedOptions {
  name: string;
  /** The sandbox behind the target (read when a case runs: the suite starts it in a before hook). */
  sandbox(): RunningSandbox;
  apiKey: string;
  /** Starts every coupon code, so the codes of two targets never meet. */
  couponPrefix: string;
  /** The permalink the server under test hands out for a session the sandbox created. */
  permalink(created: { id: number; permalink: string }): string;
  /** A permalink shaped like the server's own that names no session. */
  unknownPermalink(): string;
  /** The public keys the server under test was configured with (ContractTarget's `publicKeys`). */
  publicKeys?: ContractTarget['publicKeys'];
  /** The server under test answers the payment start itself. */
  startsPayments?: boolean;
  /** The server under test refuses pay.json (ContractTarget's `simulatesPayments`). */
  simulatesPayments?: boolean;
  /** Captures a started card payment (ContractTarget's `capture`). */
  capture?: ContractTarget['capture'];
  /** The server under test sends the session's numeric id by its operator's choice (ContractTarget's `showsSessionId`). */
  showsSessionId?: boolean;
}

export function sandboxBackedTarget(o: SandboxBackedOptions): ContractTarget {
  let couponSeq = 0;
  const authorization = `Basic ${Buffer.from(`${o.apiKey}:x`).toString('base64')}`;
  async function privateApi(path: string, body: unknown): Promise<any> {
    const reply = await send(`${o.sandbox().url}/api/checkout/${path}`, { method: 'POST', body, headers: { Authorization: authorization } });
    if (reply.status < 200 || reply.status > 299) throw new Error(`private API ${path}: ${reply.status} ${reply.text}`);
    return reply.json;
  }
  return {
    name: o.name,
    async newSession(spec = {}) {
      const body: CreateSessionBody = {
        items: [{ name: 'Contract item', amount: 2100, currency: spec.currency ?? 'EUR' }],
        coupon_collection: spec.coupons ?? false,
        payment_methods: spec.payment_methods ?? ['card'],
        success_url: 'https://merchant.example/thanks',
        cancel_url: 'https://merchant.example/cart',
      };
      const created = await privateApi('sessions.json', body);
      if (spec.status) o.sandbox().store.setStatus(created.id, spec.status);
      return { permalink: o.permalink(created) };
    },
    async newCoupon(spec) {
      const code = `${o.couponPrefix}${++couponSeq}`;
      const body =
        spec.kind === 'amount'
          ? { code, amount_off: 500, currency: spec.currency }
          : { code, percent_off: 10, ...(spec.kind === 'expired' ? { redeem_by: '2020-01-01T00:00:00Z' } : {}), ...(spec.kind === 'used_up' ? { max_redemptions: 1 } : {}) };
      await privateApi('coupons.json', body);
      // why: no API redeems a coupon without a completed payment; the store's record stands in for one.
      if (spec.kind === 'used_up') o.sandbox().store.getCoupon(code)!.times_redeemed = 1;
      return code;
    },
    async unknownPermalink() {
      return o.unknownPermalink();
    },
    settleWithinMs: 5_000,
    publicKeys: o.publicKeys,
    startsPayments: o.startsPayments,
    simulatesPayments: o.simulatesPayments,
    capture: o.capture,
    showsSessionId: o.showsSessionId,
  };
}
