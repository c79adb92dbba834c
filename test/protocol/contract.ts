// The checkout protocol's contract suite: one table of cases that runs against any server claiming the protocol
// (docs/protocol.openapi.json). A server is reached only through the permalinks its target hands out, so the same
// cases run against the sandbox and against a merchant's handler with a sandbox behind it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { capabilitiesOf, type Capability } from '../../src/protocol/capabilities.js';
import { PAYMENT_PROCESSORS, paymentStartResponse, type PaymentProcessorId, type PaymentStartResponse } from '../../src/protocol/payments.js';
import type { PayBody } from '../../src/protocol/requests.js';
import type { PaymentMethod, SessionStatus } from '../../src/session/schema.js';
import {
  call,
  expectAdvertised,
  expectError,
  expectFieldRefusal,
  expectPayResult,
  expectSession,
  expectTaxIdCheck,
  expectTaxSummary,
  expectUnsupported,
  type Reply,
} from './contract-http.js';

/** The session a case needs; the target turns it into whatever its server's private side takes. */
export interface SessionSpec {
  /** The currency of its one item (a 2100 minor-unit product). Default EUR. */
  currency?: 'EUR' | 'USD';
  /** Whether it collects coupons (`coupon_collection`). Default false. */
  coupons?: boolean;
  /** Default ['card']. */
  payment_methods?: PaymentMethod[];
  /** A session already past pending, put there by the server's own means (no protocol call does it). */
  status?: Exclude<SessionStatus, 'pending' | 'processing'>;
}

/** A coupon a case needs: usable, or refused for one reason. */
export type CouponSpec =
  | { kind: 'percent' }
  | { kind: 'amount'; currency: 'EUR' | 'USD' }
  | { kind: 'expired' }
  | { kind: 'used_up' };

/** A pay.json body before the case adds the confirmed total it reads from the session. */
export type PayWithout = Omit<PayBody, 'total'>;

/** A server under test, seen only through permalinks. */
export interface ContractTarget {
  name: string;
  /** Makes a fresh session on the server and returns its permalink, an absolute http(s) URL. */
  newSession(spec?: SessionSpec): Promise<{ permalink: string }>;
  /** Makes a coupon on the server's account and returns its code. */
  newCoupon(spec: CouponSpec): Promise<string>;
  /** A permalink shaped like the server's own that names no session (a token never issued). */
  unknownPermalink(): Promise<string>;
  /**
   * pay.json bodies the server's processor approves and declines, without the `total` (the case adds the session's).
   * Default: the sandbox's simulated card.
   */
  payBodies?: { approve: PayWithout; decline: PayWithout };
  /** How long a started payment may take to settle. Default 10 s. */
  settleWithinMs?: number;
  /** The processors' public keys the server was configured with (its sessions' `processor_public_keys`). Default none. */
  publicKeys?: Partial<Record<PaymentProcessorId, string>>;
  /** The server answers the payment start (`POST <permalink>/payment.json`) itself. Default false. */
  startsPayments?: boolean;
  /**
   * false for a server that pays only through the payment start: it advertises `pay` for it, and refuses `pay.json`
   * (the sandbox's simulated payment) as unsupported. Default true.
   */
  simulatesPayments?: boolean;
  /**
   * Captures a started card payment as the customer's browser would (the processor's confirm with a good card);
   * false when the processor refuses it. Default none: captures are not checked.
   */
  capture?(start: PaymentStartResponse): Promise<boolean>;
  /**
   * The server sends its session's numeric `id` to the browser because its operator chose to. Default false: a
   * session's number tells a customer the merchant's order volume, so no server sends one unasked.
   */
  showsSessionId?: boolean;
}

interface Ctx {
  target: ContractTarget;
  /** A fresh session, with what its server advertises. */
  session(spec?: SessionSpec): Promise<{ permalink: string; body: Record<string, any>; can: ReadonlySet<Capability> }>;
}

interface ContractCase {
  id: string;
  title: string;
  /** The capability the behaviour belongs to; where the server does not advertise it, only its refusal is checked. */
  needs?: Exclude<Capability, 'hosted_payment'>;
  /** The case pays through `pay.json`: a server that does not simulate payments must refuse it instead. */
  simulated?: true;
  run(ctx: Ctx): Promise<void>;
}

const CUSTOMER = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', billing_country: 'ES', billing_postal_code: '08001' };
/** A customer outside the sandbox's home country (ES), where a sale needs a tax ID. */
const FRENCH = { ...CUSTOMER, billing_country: 'FR', billing_postal_code: '75001' };
const SIMULATED = {
  approve: { method: 'card', card_number: '4242 4242 4242 4242' },
  decline: { method: 'card', card_number: '4000 0000 0000 0002' },
} satisfies ContractTarget['payBodies'];

const put = (permalink: string, body: unknown) => call(permalink, 'PUT', '', { body });
/** The total the customer's Pay button shows: the session's `tax.total` as read now. */
const shownTotal = async (permalink: string): Promise<number> => expectSession(await call(permalink, 'GET')).tax?.total ?? 0;
/** pay.json with the total the customer confirmed (required since protocol 1.1). */
const pay = async (permalink: string, body: PayWithout) => call(permalink, 'POST', '/pay', { body: { ...body, total: await shownTotal(permalink) } });
const tokenOf = (permalink: string) => new URL(permalink).pathname.split('/').filter(Boolean).pop() ?? '';

async function pollUntil(permalink: string, done: (status: string) => boolean, withinMs: number): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + withinMs;
  for (;;) {
    const session = expectSession(await call(permalink, 'GET'));
    if (seen.at(-1) !== session.status) seen.push(session.status);
    if (done(session.status)) return seen;
    assert.ok(Date.now() < deadline, `still ${session.status} after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const couponRefusals: Array<{ id: string; coupon: CouponSpec | 'unknown'; code: 'coupon_unknown' | 'coupon_expired' | 'coupon_used_up' | 'coupon_currency' }> = [
  { id: 'unknown', coupon: 'unknown', code: 'coupon_unknown' },
  { id: 'expired', coupon: { kind: 'expired' }, code: 'coupon_expired' },
  { id: 'used-up', coupon: { kind: 'used_up' }, code: 'coupon_used_up' },
  { id: 'currency', coupon: { kind: 'amount', currency: 'USD' }, code: 'coupon_currency' },
];

/** What a server that does not advertise a capability must answer when asked for it anyway. */
const REFUSALS: Record<Exclude<Capability, 'hosted_payment'>, (ctx: Ctx) => Promise<void>> = {
  async update({ session }) {
    expectUnsupported(await put((await session()).permalink, { customer: CUSTOMER }));
  },
  async coupons({ session, target }) {
    const code = await target.newCoupon({ kind: 'percent' });
    expectUnsupported(await put((await session({ coupons: true })).permalink, { coupon: code }), 'coupon');
  },
  async cancel({ session }) {
    expectUnsupported(await call((await session()).permalink, 'POST', '/cancel', { body: {} }));
  },
  async pay({ session, target }) {
    expectUnsupported(await call((await session()).permalink, 'POST', '/pay', { body: (target.payBodies ?? SIMULATED).approve }));
  },
  async retry({ session }) {
    expectUnsupported(await call((await session({ status: 'failed' })).permalink, 'POST', '/retry', { body: {} }));
  },
  async tax_preview({ session }) {
    expectUnsupported(await call((await session()).permalink, 'GET', '/tax', { query: { country: 'DE' } }));
  },
  async tax_id_validation({ session }) {
    expectUnsupported(await call((await session()).permalink, 'GET', '/tax_id', { query: { country: 'DE', tax_id: 'DE12' } }));
  },
};

/** The cases, in the order a checkout meets them. */
export const CONTRACT_CASES: ContractCase[] = [
  {
    id: 'session.get',
    title: 'GET <permalink>.json answers the pending session in the protocol shape',
    async run({ session }) {
      const { permalink } = await session();
      const body = expectSession(await call(permalink, 'GET'));
      assert.equal(body.status, 'pending');
      assert.ok(body.items.length > 0);
      assert.equal(tokenOf(String(body.permalink)), tokenOf(permalink), 'the session names its own permalink');
    },
  },
  {
    id: 'session.no-id',
    title: "the session (GET and PUT answers) carries no numeric id unless the server's operator opted in",
    async run({ session, target }) {
      if (target.showsSessionId) return;
      const { permalink, body } = await session();
      const saved = await put(permalink, { customer: { first_name: 'Ada' } });
      for (const [what, answer] of [['GET', body], ['PUT', saved.status === 200 ? saved.json : {}]] as const) {
        assert.equal(typeof answer.id, 'undefined', `${what}: the session's number reached the browser: ${JSON.stringify(answer.id)}`);
      }
    },
  },
  {
    id: 'session.advertises',
    title: 'the session declares protocol_version, capabilities and hosted_url',
    async run({ session }) {
      expectAdvertised((await session()).body);
    },
  },
  {
    id: 'session.processor-keys',
    title: 'processor_public_keys: the configured public key of each processor the methods use, null otherwise',
    async run({ session, target }) {
      const cases: Array<[PaymentMethod[], PaymentProcessorId[]]> = [
        [['card', 'paypal'], ['stripe', 'paypal']],
        [['card'], ['stripe']],
        [['paypal'], ['paypal']],
      ];
      for (const [methods, used] of cases) {
        const keys = (await session({ payment_methods: methods })).body.processor_public_keys;
        assert.ok(keys && typeof keys === 'object', `${methods}: processor_public_keys is sent`);
        for (const processor of PAYMENT_PROCESSORS) {
          const expected = used.includes(processor) ? (target.publicKeys?.[processor] ?? null) : null;
          assert.equal(keys[processor], expected, `${methods}: the ${processor} key`);
        }
        // why: the field goes to every browser; a Stripe secret (sk_) or restricted (rk_) key must never be in it.
        if (keys.stripe !== null) assert.match(keys.stripe, /^pk_(live|test)_/, 'a publishable key');
      }
    },
  },
  {
    id: 'session.processor-keys.payment-start',
    title: 'the payment start answers the same public keys the session carries (a server without one starts nothing)',
    async run({ session, target }) {
      const { permalink, body } = await session({ payment_methods: ['card', 'paypal'] });
      // why a country: a server may start a payment only where it has the tax location (the handler's PayPal does).
      if (target.startsPayments) expectSession(await put(permalink, { customer: FRENCH }));
      for (const method of ['card', 'paypal'] as const) {
        const reply = await call(permalink, 'POST', '/payment', { body: { method, total: await shownTotal(permalink) } });
        if (!target.startsPayments) {
          assert.ok(reply.status >= 400 && reply.status < 500, `${method}: no payment starts (${reply.status})`);
          continue;
        }
        assert.equal(reply.status, 201, reply.text);
        const start = paymentStartResponse.parse(reply.json);
        const key = start.processor === 'stripe' ? start.publishable_key : start.client_id;
        assert.equal(key, body.processor_public_keys[start.processor], `${method}: the ${start.processor} key`);
      }
    },
  },
  {
    id: 'cors.simple-get',
    title: 'a cross-origin GET needs no preflight and no credentials, and can read Retry-After',
    async run({ session }) {
      const { permalink } = await session();
      const reply = await call(permalink, 'GET', '', { headers: { Origin: 'https://merchant.example' } });
      expectSession(reply);
      assert.match(reply.headers.get('access-control-allow-origin') ?? '', /^(\*|https:\/\/merchant\.example)$/);
      assert.match(reply.headers.get('access-control-expose-headers') ?? '', /retry-after/i, 'a 429\'s Retry-After is readable');
    },
  },
  {
    id: 'cors.preflight',
    title: 'PUT and POST with a JSON body pass the CORS preflight',
    async run({ session }) {
      const { permalink } = await session();
      for (const method of ['PUT', 'POST']) {
        const reply = await call(permalink, 'OPTIONS', method === 'POST' ? '/cancel' : '', {
          headers: { Origin: 'https://merchant.example', 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
        });
        assert.ok(reply.status === 200 || reply.status === 204, `preflight ${method}: ${reply.status}`);
        assert.match(reply.headers.get('access-control-allow-origin') ?? '', /^(\*|https:\/\/merchant\.example)$/);
        assert.match(reply.headers.get('access-control-allow-methods') ?? '', new RegExp(method));
        assert.match(reply.headers.get('access-control-allow-headers') ?? '', /content-type/i);
      }
    },
  },
  {
    id: 'update.round-trip',
    title: 'PUT customer fields: saved, answered and read back',
    needs: 'update',
    async run({ session }) {
      const { permalink } = await session();
      const saved = expectSession(await put(permalink, { customer: CUSTOMER }));
      const read = expectSession(await call(permalink, 'GET'));
      for (const body of [saved, read]) assert.deepEqual(pick(body.customer, Object.keys(CUSTOMER)), CUSTOMER);
    },
  },
  {
    id: 'update.field-invalid',
    title: 'a refused customer field → 422 field_invalid naming it, and nothing of the request is saved',
    needs: 'update',
    async run({ session }) {
      const { permalink } = await session();
      expectFieldRefusal(await put(permalink, { customer: { first_name: 'Zed', email: 'not-an-email' } }), 'customer.email', 'field_invalid');
      const after = expectSession(await call(permalink, 'GET'));
      assert.notEqual(after.customer?.first_name, 'Zed');
    },
  },
  {
    id: 'update.field-not-allowed',
    title: 'a key the browser may not set (items, metadata, an unknown customer key) → 422 field_not_allowed',
    needs: 'update',
    async run({ session }) {
      const { permalink } = await session();
      const before = expectSession(await call(permalink, 'GET'));
      for (const [body, field] of [
        [{ items: [{ name: 'Free', amount: 0, currency: 'EUR' }] }, 'items'],
        [{ metadata: { paid: true } }, 'metadata'],
        [{ customer: { is_admin: 'yes' } }, 'customer.is_admin'],
      ] as const) {
        expectFieldRefusal(await put(permalink, body), field, 'field_not_allowed');
      }
      const after = expectSession(await call(permalink, 'GET'));
      assert.deepEqual(after.items, before.items);
    },
  },
  {
    id: 'update.not-pending',
    title: 'updating a session that is no longer pending → 422 session_not_pending with its status',
    needs: 'update',
    async run({ session }) {
      const { permalink } = await session({ status: 'completed' });
      const body = expectError(await put(permalink, { customer: { first_name: 'Late' } }), 422, 'session_not_pending');
      assert.equal(body.status, 'completed');
    },
  },
  {
    id: 'coupon.apply-remove',
    title: 'PUT { coupon } applies a coupon; { coupon: null } removes it',
    needs: 'coupons',
    async run({ session, target }) {
      const code = await target.newCoupon({ kind: 'percent' });
      const { permalink } = await session({ coupons: true });
      const applied = expectSession(await put(permalink, { coupon: code.toLowerCase() }));
      assert.equal(String(applied.coupon?.code).toUpperCase(), code.toUpperCase());
      const removed = expectSession(await put(permalink, { coupon: null }));
      assert.equal(removed.coupon ?? null, null);
    },
  },
  ...couponRefusals.map(
    ({ id, coupon, code }): ContractCase => ({
      id: `coupon.refused.${id}`,
      title: `a refused coupon (${id}) → 422 with field_codes.coupon = ${code}; the coupon stays off`,
      needs: 'coupons',
      async run({ session, target }) {
        const couponCode = coupon === 'unknown' ? 'NO-SUCH-COUPON-7F3A' : await target.newCoupon(coupon);
        const { permalink } = await session({ coupons: true, currency: 'EUR' });
        const body = expectFieldRefusal(await put(permalink, { coupon: couponCode }), 'coupon', code);
        if (code === 'coupon_currency') assert.equal(body.currency, 'USD');
        assert.equal(expectSession(await call(permalink, 'GET')).coupon ?? null, null);
      },
    }),
  ),
  {
    id: 'coupon.not-accepted',
    title: 'a coupon on a session that collects none → 422 field_codes.coupon = coupon_not_accepted',
    needs: 'coupons',
    async run({ session, target }) {
      const code = await target.newCoupon({ kind: 'percent' });
      expectFieldRefusal(await put((await session({ coupons: false })).permalink, { coupon: code }), 'coupon', 'coupon_not_accepted');
    },
  },
  {
    id: 'cancel',
    title: 'POST cancel.json → the session is abandoned, and stays so',
    needs: 'cancel',
    async run({ session }) {
      const { permalink } = await session();
      assert.equal(expectSession(await call(permalink, 'POST', '/cancel', { body: {} })).status, 'abandoned');
      assert.equal(expectSession(await call(permalink, 'GET')).status, 'abandoned');
    },
  },
  {
    id: 'cancel.not-pending',
    title: 'cancelling a completed session → 422 session_not_pending',
    needs: 'cancel',
    async run({ session }) {
      const { permalink } = await session({ status: 'completed' });
      expectError(await call(permalink, 'POST', '/cancel', { body: {} }), 422, 'session_not_pending');
    },
  },
  {
    id: 'pay.completes',
    title: 'POST pay.json → 202 processing, then completed by polling',
    needs: 'pay',
    simulated: true,
    async run({ session, target }) {
      const { permalink } = await session();
      const started = expectPayResult(await pay(permalink, (target.payBodies ?? SIMULATED).approve));
      assert.equal(started.status, 'processing');
      const seen = await pollUntil(permalink, (s) => s !== 'processing', target.settleWithinMs ?? 10_000);
      assert.equal(seen.at(-1), 'completed', `went through ${seen.join(' → ')}`);
    },
  },
  {
    id: 'pay.declined',
    title: 'a declined payment ends failed, and the session can be paid again',
    needs: 'pay',
    simulated: true,
    async run({ session, target }) {
      const { permalink } = await session();
      expectPayResult(await pay(permalink, (target.payBodies ?? SIMULATED).decline));
      const seen = await pollUntil(permalink, (s) => s !== 'processing', target.settleWithinMs ?? 10_000);
      assert.equal(seen.at(-1), 'failed');
      expectPayResult(await pay(permalink, (target.payBodies ?? SIMULATED).approve));
    },
  },
  {
    id: 'pay.method-unavailable',
    title: 'paying with a method the session does not offer → 422 field_codes.method = payment_method_unavailable',
    needs: 'pay',
    simulated: true,
    async run({ session }) {
      const { permalink } = await session({ payment_methods: ['card'] });
      expectFieldRefusal(await pay(permalink, { method: 'paypal', outcome: 'approve' }), 'method', 'payment_method_unavailable');
      assert.equal(expectSession(await call(permalink, 'GET')).status, 'pending');
    },
  },
  {
    id: 'pay.total-required',
    title: 'pay.json without the confirmed total → 422 field_invalid naming total; another total → payment_total_changed; nothing starts',
    needs: 'pay',
    simulated: true,
    async run({ session, target }) {
      const { permalink } = await session();
      const body = (target.payBodies ?? SIMULATED).approve;
      expectFieldRefusal(await call(permalink, 'POST', '/pay', { body }), 'total', 'field_invalid');
      const other = { ...body, total: (await shownTotal(permalink)) + 1 };
      expectFieldRefusal(await call(permalink, 'POST', '/pay', { body: other }), 'total', 'payment_total_changed');
      assert.equal(expectSession(await call(permalink, 'GET')).status, 'pending');
    },
  },
  {
    id: 'payment-start.total-required',
    title: 'the payment start without the confirmed total → 422 field_invalid naming total; another total → payment_total_changed',
    async run({ session, target }) {
      const { permalink, body } = await session({ payment_methods: ['card', 'paypal'] });
      for (const method of ['card', 'paypal'] as const) {
        const missing = await call(permalink, 'POST', '/payment', { body: { method } });
        const other = await call(permalink, 'POST', '/payment', { body: { method, total: (body.tax?.total ?? 0) + 1 } });
        if (!target.startsPayments) {
          for (const reply of [missing, other]) assert.ok(reply.status >= 400 && reply.status < 500, `${method}: no payment starts (${reply.status})`);
          continue;
        }
        expectFieldRefusal(missing, 'total', 'field_invalid');
        expectFieldRefusal(other, 'total', 'payment_total_changed');
      }
      assert.equal(expectSession(await call(permalink, 'GET')).processor_id ?? null, null, 'nothing started');
    },
  },
  {
    id: 'payment-start.open-payment',
    title: 'one open payment: a PUT of a tax input replaces it (the old total → payment_total_changed, the new one a new payment); only the new one can be captured',
    needs: 'update',
    async run({ session, target }) {
      const { permalink } = await session();
      const start = (total: number) => call(permalink, 'POST', '/payment', { body: { method: 'card', total } });
      expectSession(await put(permalink, { customer: FRENCH }));
      const before = await shownTotal(permalink);
      const first = await start(before);
      if (!target.startsPayments) return assert.ok(first.status >= 400 && first.status < 500, `no payment starts (${first.status})`);
      assert.equal(first.status, 201, first.text);
      const replaced = paymentStartResponse.parse(first.json);
      expectSession(await put(permalink, { customer: { billing_country: 'DE', billing_postal_code: '10117' } }));
      // why before any new start: the PUT itself voids it (a new start would replace it anyway).
      if (target.capture) assert.equal(await target.capture(replaced), false, 'the replaced payment cannot be captured');
      const after = await shownTotal(permalink);
      assert.notEqual(after, before, 'the tax moved with the country');
      expectFieldRefusal(await start(before), 'total', 'payment_total_changed');
      const second = await start(after);
      assert.equal(second.status, 201, second.text);
      const current = paymentStartResponse.parse(second.json);
      assert.deepEqual([current.amount, current.processor_id === replaced.processor_id], [after, false], 'a new payment for the new total');
      if (!target.capture) return;
      assert.equal(await target.capture(current), true);
      await pollUntil(permalink, (status) => status === 'completed', target.settleWithinMs ?? 10_000);
      const done = expectSession(await call(permalink, 'GET'));
      assert.deepEqual([done.tax?.total, done.customer?.billing_country], [after, 'DE']);
    },
  },
  {
    id: 'pay.not-pending',
    title: 'paying a completed session → 422 session_not_pending',
    needs: 'pay',
    simulated: true,
    async run({ session, target }) {
      const { permalink } = await session({ status: 'completed' });
      expectError(await pay(permalink, (target.payBodies ?? SIMULATED).approve), 422, 'session_not_pending');
    },
  },
  {
    id: 'retry.failed',
    title: 'POST retry.json on a failed session → 200 pending, editable again; once more → 200 unchanged',
    needs: 'retry',
    async run({ session }) {
      const { permalink } = await session({ status: 'failed' });
      assert.equal(expectSession(await call(permalink, 'POST', '/retry', { body: {} })).status, 'pending');
      assert.equal(expectSession(await call(permalink, 'POST', '/retry', { body: {} })).status, 'pending');
      assert.equal(expectSession(await put(permalink, { customer: { first_name: 'Grace' } })).customer?.first_name, 'Grace');
    },
  },
  {
    id: 'retry.not-pending',
    title: 'retrying a completed session → 422 session_not_pending',
    needs: 'retry',
    async run({ session }) {
      const { permalink } = await session({ status: 'completed' });
      const body = expectError(await call(permalink, 'POST', '/retry', { body: {} }), 422, 'session_not_pending');
      assert.equal(body.status, 'completed');
    },
  },
  {
    id: 'tax.preview',
    title: 'GET tax.json → a TaxSummary for the input, as a simple GET, saving nothing',
    needs: 'tax_preview',
    async run({ session }) {
      const { permalink } = await session();
      const reply = await call(permalink, 'GET', '/tax', { query: { country: 'DE' }, headers: { Origin: 'https://merchant.example' } });
      const tax = expectTaxSummary(reply);
      assert.ok(reply.headers.get('access-control-allow-origin'), 'readable cross-origin');
      assert.equal(tax.currency, 'EUR');
      assert.equal(tax.tax, tax.lines.reduce((sum, line) => sum + line.amount, 0), 'tax is the sum of its lines');
      assert.equal(expectSession(await call(permalink, 'GET')).customer?.billing_country ?? null, null, 'nothing saved');
      assert.ok(expectTaxSummary(await call(permalink, 'GET', '/tax')).needs.includes('country'), 'no country: needs country');
    },
  },
  {
    id: 'tax.session',
    title: 'the session carries the tax of its saved customer, as the preview computes it',
    needs: 'tax_preview',
    async run({ session }) {
      const { permalink } = await session();
      const saved = expectSession(await put(permalink, { customer: { billing_country: 'DE' } }));
      const preview = expectTaxSummary(await call(permalink, 'GET', '/tax', { query: { country: 'DE' } }));
      assert.deepEqual(saved.tax, preview);
    },
  },
  {
    id: 'tax-id.validate',
    title: 'GET tax_id.json → { valid }, false for a malformed number',
    needs: 'tax_id_validation',
    async run({ session }) {
      const { permalink } = await session();
      assert.equal(expectTaxIdCheck(await call(permalink, 'GET', '/tax_id', { query: { country: 'DE', tax_id: 'DE12' } })).valid, false);
    },
  },
  {
    id: 'request.body-invalid',
    title: 'a body that is not JSON → 400 body_invalid',
    async run({ session }) {
      const { permalink } = await session();
      expectError(await call(permalink, 'PUT', '', { raw: '{"customer": ' }), 400, 'body_invalid');
    },
  },
  {
    id: 'session.unknown',
    title: 'an unknown permalink → 404 session_not_found on every endpoint, naming nothing',
    async run({ target }) {
      const permalink = await target.unknownPermalink();
      const token = tokenOf(permalink);
      const replies: Array<[string, Reply]> = [
        ['GET', await call(permalink, 'GET')],
        ['PUT', await put(permalink, { customer: { first_name: 'X' } })],
        ['cancel', await call(permalink, 'POST', '/cancel', { body: {} })],
        ['pay', await call(permalink, 'POST', '/pay', { body: SIMULATED.approve })],
        ['tax', await call(permalink, 'GET', '/tax', { query: { country: 'DE' } })],
        ['tax_id', await call(permalink, 'GET', '/tax_id', { query: { country: 'DE', tax_id: 'DE12' } })],
      ];
      for (const [what, reply] of replies) {
        const body = expectError(reply, 404, 'session_not_found');
        assert.ok(!reply.text.includes(token), `${what}: the body does not echo the token`);
        assert.equal(body.errors, undefined, `${what}: no field errors`);
      }
    },
  },
];

function pick(object: Record<string, unknown> | null | undefined, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, object?.[key]]));
}

/** Registers the contract's cases (node:test) against a target. */
export function contractSuite(target: ContractTarget): void {
  const ctx: Ctx = {
    target,
    async session(spec) {
      const { permalink } = await target.newSession(spec);
      const reply = await call(permalink, 'GET');
      assert.equal(reply.status, 200, `the target's new session answers: ${reply.text}`);
      return { permalink, body: reply.json, can: capabilitiesOf(reply.json) };
    },
  };
  describe(`checkout protocol contract: ${target.name}`, () => {
    for (const contractCase of CONTRACT_CASES) {
      test(`${contractCase.id}: ${contractCase.title}`, async () => {
        if (contractCase.needs) {
          const { can } = await ctx.session();
          if (!can.has(contractCase.needs)) return REFUSALS[contractCase.needs](ctx);
        }
        if (contractCase.simulated && target.simulatesPayments === false) return REFUSALS.pay(ctx);
        await contractCase.run(ctx);
      });
    }
  });
}
