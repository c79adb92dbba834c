// The store, the seed data and the body parser, without HTTP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseForm, parseJson } from '../../src/sandbox/body.js';
import { SandboxError } from '../../src/sandbox/errors.js';
import { PRODUCTS, SEED_SESSIONS } from '../../src/sandbox/seed.js';
import { SandboxStore } from '../../src/sandbox/store/index.js';
import { sessionSchema, STATUSES } from '../../src/session/schema.js';
import { minorDigits, sessionTotals } from '../../src/session/money.js';
import { seedExamples } from '../helpers/fixtures.js';
import { RECORDED_CREATE } from './harness.js';

const ORIGIN = 'http://sandbox.test';

function withClock(options: { abandonAfterMs?: number; processingDelayMs?: number } = {}) {
  let now = 1_700_000_000_000;
  const store = new SandboxStore({ ...options, now: () => now });
  return { store, advance: (ms: number) => (now += ms) };
}

describe('SandboxStore (no HTTP)', () => {
  test('createSession, getSession, getByToken and toJSON', (t) => {
    const store = new SandboxStore({ seed: false });
    t.after(() => store.close());
    const session = store.createSession(RECORDED_CREATE);
    assert.equal(store.getSession(session.id), session);
    assert.equal(store.getByToken(session.token), session);
    const json = store.toJSON(session, `${ORIGIN}/`);
    assert.equal(json.permalink, `${ORIGIN}/checkout/session/${session.token}`);
    assert.ok(sessionSchema.safeParse(json).success);
    assert.equal(store.listSessions().length, 1, 'seed: false loads no sessions');
  });

  for (const status of STATUSES) {
    test(`createSession with status ${status}; setStatus back to pending`, (t) => {
      const store = new SandboxStore({ seed: false });
      t.after(() => store.close());
      const session = store.createSession(RECORDED_CREATE, { status });
      assert.equal(store.getSession(session.id)!.status, status);
      store.setStatus(session.id, 'pending');
      assert.equal(store.getSession(session.id)!.status, 'pending');
    });
  }

  test('overrides store what the API would refuse (for element tests)', (t) => {
    const store = new SandboxStore({ seed: false });
    t.after(() => store.close());
    const session = store.createSession(RECORDED_CREATE, { overrides: { success_url: 'javascript:alert(1)' } });
    assert.equal(store.toJSON(session, ORIGIN).success_url, 'javascript:alert(1)');
  });

  test('invalid bodies throw a SandboxError with field errors', () => {
    const store = new SandboxStore({ seed: false });
    assert.throws(() => store.createSession({ items: [{ product: 'nope' }] }), (error: unknown) => {
      assert.ok(error instanceof SandboxError);
      assert.equal(error.status, 422);
      assert.ok(error.body.errors?.['items.0.product']);
      return true;
    });
    assert.throws(() => store.setStatus(999, 'completed'), SandboxError);
    store.close();
  });

  test('processing settles lazily on access when its time has come', () => {
    const { store, advance } = withClock({ processingDelayMs: 1000 });
    const session = store.createSession(RECORDED_CREATE);
    store.pay(session.token, { method: 'card', card_number: '4242424242424242', total: store.taxOf(session)!.total });
    advance(999);
    assert.equal(store.getSession(session.id)!.status, 'processing');
    advance(1);
    assert.equal(store.getSession(session.id)!.status, 'completed');
    store.close();
  });

  test('abandonment is checked lazily too, and any write restarts the clock', () => {
    const { store, advance } = withClock({ abandonAfterMs: 1000 });
    const session = store.createSession(RECORDED_CREATE);
    advance(900);
    store.publicUpdate(session.token, { customer: { first_name: 'A' } });
    advance(900);
    assert.equal(store.getByToken(session.token)!.status, 'pending');
    advance(100);
    assert.equal(store.getByToken(session.token)!.status, 'abandoned');
    store.close();
  });

  test('abandonAfterMs 0 disables the timeout', () => {
    const { store, advance } = withClock({ abandonAfterMs: 0 });
    const session = store.createSession(RECORDED_CREATE);
    advance(365 * 24 * 3600_000);
    assert.equal(store.getSession(session.id)!.status, 'pending');
    store.close();
  });

  test('a refused write changes nothing, not even the activity clock', () => {
    const { store, advance } = withClock({ abandonAfterMs: 1000 });
    const session = store.createSession({ ...RECORDED_CREATE, coupon_collection: true });
    const before = structuredClone(session);
    advance(500);
    assert.throws(() => store.publicUpdate(session.token, { customer: { first_name: 'X' }, coupon: 'EXPIRED' }));
    assert.deepEqual(store.getSession(session.id), before);
    advance(500);
    assert.equal(store.getSession(session.id)!.status, 'abandoned');
    store.close();
  });

  test('reset() restores the seed', () => {
    const store = new SandboxStore();
    store.setStatus(100, 'completed');
    store.createSession(RECORDED_CREATE);
    store.reset();
    assert.equal(store.getSession(100)!.status, 'pending');
    assert.equal(store.listSessions().length, SEED_SESSIONS.length);
    store.close();
  });
});

describe('seed data', () => {
  const store = new SandboxStore();
  const sessions = store.seedSessions().map((s) => store.toJSON(s, ORIGIN));
  const pending = sessions.filter((s) => s.status === 'pending').map((s) => sessionSchema.parse(s));
  store.close();

  test('every seeded session parses with the project schema and has a 40-hex token and a label', () => {
    const tokens = new Set<string>();
    for (const s of sessions) {
      assert.ok(sessionSchema.safeParse(s).success, `session ${s.id}`);
      const token = String(s.permalink).split('/').pop()!;
      assert.match(token, /^[0-9a-f]{40}$/);
      tokens.add(token);
      assert.equal(typeof (s.metadata as { label?: unknown }).label, 'string');
    }
    assert.equal(tokens.size, sessions.length);
  });

  test("the seed document's three sessions: ids, tokens, statuses, items and customers", () => {
    const examples = seedExamples();
    const list = examples[0] as Array<Record<string, any>>;
    assert.equal(list.length, 3);
    for (const example of list) {
      const ours = sessions.find((s) => s.id === example.id)! as Record<string, any>;
      assert.ok(ours, `seed session ${example.id}`);
      for (const key of ['status', 'billing_details_collection', 'cancel_url', 'coupon_collection', 'locale', 'payment_methods', 'success_url', 'custom', 'items']) {
        assert.deepEqual(ours[key], example[key] ?? null, `${example.id}.${key}`);
      }
      for (const [field, value] of Object.entries(example.customer)) assert.equal(ours.customer[field], value, `${example.id}.customer.${field}`);
      assert.equal(String(ours.permalink).split('/').pop(), String(example.permalink).split('/').pop());
    }
  });

  const coverage: Array<[string, (s: (typeof pending)[number]) => unknown, unknown[]]> = [
    ['billing modes', (s) => s.billing_details_collection, ['auto', 'required']],
    ['payment method sets', (s) => s.payment_methods.join('+'), ['card', 'paypal', 'card+paypal']],
    ['coupon collection', (s) => s.coupon_collection, [true, false]],
    ['locales', (s) => s.locale, ['en', 'es', 'de', 'fr', 'fi', 'sv', 'auto']],
    ['currencies', (s) => s.items[0]!.currency, ['EUR', 'USD', 'GBP', 'SEK', 'HUF', 'JPY']],
  ];
  for (const [name, pick, values] of coverage) {
    test(`pending seed sessions cover ${name}`, () => {
      const seen = new Set(pending.map(pick));
      for (const value of values) assert.ok(seen.has(value), `${name}: ${String(value)}`);
    });
  }

  test('pending seed sessions cover several items with quantities, a long and a null description, prefilled customers', () => {
    assert.ok(pending.some((s) => s.items.length > 1 && s.items.some((i) => i.quantity > 1)));
    assert.ok(pending.some((s) => s.items.some((i) => (i.description ?? '').length > 120)));
    assert.ok(pending.some((s) => s.items.some((i) => i.description === null)));
    assert.ok(pending.some((s) => s.customer.email && s.customer.billing_country));
    assert.ok(pending.every((s) => s.id! >= 100));
  });

  test('amounts are minor units: ¥1999 is 1999, and totals stay integers', () => {
    const jpy = pending.find((s) => s.items[0]!.currency === 'JPY')!;
    assert.equal(jpy.items[0]!.amount, 1999);
    assert.equal(minorDigits('JPY'), 0);
    for (const s of pending) assert.ok(Number.isInteger(sessionTotals(s).total));
    assert.equal(PRODUCTS.find((p) => p.code === '000000')!.amount, 2100);
  });
});

describe('body parsing', () => {
  const forms: Array<[string, string, unknown]> = [
    ['flat fields', 'a=1&b=two', { a: '1', b: 'two' }],
    ['nested hash', 'customer[email]=a%40b.co&customer[first_name]=Ann', { customer: { email: 'a@b.co', first_name: 'Ann' } }],
    ['array of scalars', 'payment_methods[]=card&payment_methods[]=paypal', { payment_methods: ['card', 'paypal'] }],
    ['array of hashes, Rails-style', 'items[][product]=A&items[][quantity]=2&items[][product]=B', { items: [{ product: 'A', quantity: 2 }, { product: 'B' }] }],
    ['booleans and numbers by field', 'coupon_collection=false&percent_off=12.5&name=10', { coupon_collection: false, percent_off: 12.5, name: '10' }],
    ['a non-numeric number field stays a string', 'quantity=many', { quantity: 'many' }],
    ['prototype keys are dropped', '__proto__[x]=1&a[constructor]=2&ok=3', { ok: '3' }],
    ['malformed keys are dropped', 'a[b=1&[c]=2&d=4', { d: '4' }],
    ['plus and percent decoding', 'name=Caf%C3%A9+Bar', { name: 'Café Bar' }],
  ];
  for (const [name, input, expected] of forms) {
    test(`form: ${name}`, () => assert.deepEqual(parseForm(input), expected));
  }

  test('JSON: __proto__ keys are dropped and malformed JSON is a 400', () => {
    assert.deepEqual(parseJson('{"__proto__":{"x":1},"a":{"__proto__":2,"b":3}}'), { a: { b: 3 } });
    assert.throws(() => parseJson('{'), (error: unknown) => error instanceof SandboxError && error.status === 400);
  });
});

describe('createSandboxApp without HTTP (app.request)', () => {
  test('publicOrigin sets every permalink and joins the page CSP connect-src', async () => {
    const { createSandboxApp } = await import('../../src/sandbox/app.js');
    const { app, store, close } = createSandboxApp({ publicOrigin: 'https://pay.example.com/', scriptUrl: '/x.js', apiKey: 'k' });
    try {
      const token = store.getSession(100)!.token;
      const json = await (await app.request(`http://127.0.0.1/checkout/session/${token}.json`)).json();
      assert.equal(json.permalink, `https://pay.example.com/checkout/session/${token}`);
      const page = await app.request(`http://127.0.0.1/checkout/session/${token}`);
      assert.match(page.headers.get('content-security-policy') ?? '', /connect-src 'self' https:\/\/pay\.example\.com/);
    } finally {
      close();
    }
  });

  test('a real bug becomes a JSON 500 from onError (and only then)', async (t) => {
    const { createSandboxApp } = await import('../../src/sandbox/app.js');
    const { app, store, close } = createSandboxApp({ apiKey: 'k' });
    t.after(close);
    t.mock.method(console, 'error', () => undefined);
    store.listSessions = () => {
      throw new TypeError('boom');
    };
    const reply = await app.request('http://127.0.0.1/api/checkout/sessions.json', { headers: { Authorization: `Basic ${btoa('k:x')}` } });
    assert.equal(reply.status, 500);
    assert.deepEqual(await reply.json(), { code: 'internal', error: 'Internal sandbox error' });
  });
});

describe('ScriptBundler', () => {
  test('bundles src/quaderno-checkout.ts with legacy decorators, caches it, rebuilds on change, prefers dist/', async (t) => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { ScriptBundler } = await import('../../src/sandbox/page.js');
    const root = `${mkdtempSync(`${tmpdir()}/bundler-`)}/`;
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const bundler = new ScriptBundler(root);
    assert.deepEqual((await bundler.get()).ok, false, 'no entry yet');
    mkdirSync(`${root}src`);
    const entry = `${root}src/quaderno-checkout.ts`;
    const source = (tag: string) => `
      function tag(name: string) { return (cls: Function) => { (globalThis as any).__tag = name; return cls; }; }
      function prop() { return (_proto: object, key: string) => { (globalThis as any).__prop = key; }; }
      @tag('${tag}') export class El { @prop() permalink = ''; }`;
    writeFileSync(entry, source('first-tag'));
    const first = await bundler.get();
    assert.ok(first.ok, JSON.stringify(first));
    assert.match(first.code, /first-tag/);
    assert.equal((await bundler.get()).ok && (await bundler.get() as { code: string }).code, first.code, 'cached');
    writeFileSync(entry, source('second-tag'));
    utimesSync(entry, new Date(), new Date(Date.now() + 5000));
    const second = await bundler.get();
    assert.ok(second.ok && /second-tag/.test(second.code), 'rebuilt after a change');
    writeFileSync(entry, 'export const = broken');
    utimesSync(entry, new Date(), new Date(Date.now() + 10000));
    const broken = await bundler.get();
    assert.ok(!broken.ok && /failed/.test(broken.error));
    mkdirSync(`${root}dist`);
    writeFileSync(`${root}dist/quaderno-checkout.js`, 'export const built = true;');
    const dist = await bundler.get();
    assert.ok(dist.ok && dist.source === 'dist/quaderno-checkout.js');
  });
});
