// Each mounting example in examples/server/, started as a merchant would run it, in front of the sandbox's private API.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.ts';
import { createCheckoutHandler } from '../../src/server/index.ts';
import { createTokenSigner } from '../../src/server/token.ts';
import { API_KEY, browser, SECRET } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every example process started, so `after` ends them all, including one that never said it listens. */
const children = new Set<ChildProcess>();

/** Runs an example with tsx (as `node --import tsx FILE`) and resolves with its URL once it listens. */
function run(file: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env, PORT: '0' } });
  // why: registered at once; an example still compiling when the start timer fires would otherwise keep this
  // file's process (and the whole test run) alive through its stdio pipes.
  children.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    // why 60 s: tsx compiles the example and Express on a cold, loaded CI machine.
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${file} did not start:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}:\n${output}`)));
  });
}

// why: a timeout, so an example that stops answering fails the suite instead of holding it open.
describe('mounting examples (examples/server/)', { concurrency: 3, timeout: 120_000 }, () => {
  let sandbox: RunningSandbox;
  let env: Record<string, string>;

  before(async () => {
    sandbox = await startSandbox({ port: 0, apiKey: API_KEY });
    env = {
      QUADERNO_API_URL: sandbox.url,
      QUADERNO_API_KEY: API_KEY,
      CHECKOUT_SECRET: SECRET,
      QUADERNO_PRODUCT: '000000',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_example',
      PAYPAL_CLIENT_ID: 'example-paypal-client',
    };
  });
  after(async () => {
    for (const child of children) child.kill();
    await sandbox?.close();
  });

  for (const file of ['node-http.ts', 'express.ts', 'hono.ts']) {
    test(`${file}: /buy renders a permalink on the shop, which loads and saves the session`, async () => {
      const { url } = await run(`examples/server/${file}`, env);
      const page = await browser(`${url}/buy`);
      assert.equal(page.status, 200);
      const permalink = /permalink="([^"]+)"/.exec(page.text)?.[1];
      assert.ok(permalink?.startsWith('/checkout/'), page.text);
      assert.doesNotMatch(page.text, new RegExp(API_KEY));
      const session = await browser(`${url}${permalink}.json`);
      assert.equal(session.status, 200, session.text);
      assert.equal(session.json.permalink, `${url}${permalink}`);
      assert.deepEqual(session.json.processor_public_keys, { stripe: 'pk_test_example', paypal: null }, 'a card session: the key from the env');
      const saved = await browser(`${url}${permalink}.json`, { method: 'PUT', body: { customer: { email: 'ana@example.com' } } });
      assert.equal(saved.status, 200, saved.text);
      assert.ok(!('id' in session.json), "Quaderno's session number stays on the server");
      // why the signer: the token is the only place the id is, and only the secret's holder can read it.
      const id = createTokenSigner(SECRET, sandbox.url).verify(permalink!.split('/').pop()!)!;
      assert.equal(sandbox.store.getSession(Number(id))!.customer.email, 'ana@example.com');
      const forged = await browser(`${url}/checkout/${'A'.repeat(30)}.json`);
      assert.equal(forged.status, 404);
    });
  }

  test('next/app/checkout/[...path]/route.ts: GET and PUT are the handler, called with a Request', async () => {
    Object.assign(process.env, env);
    const route = (await import('../../examples/server/next/app/checkout/[...path]/route.ts')) as Record<string, unknown>;
    const GET = route.GET as (request: Request, context?: unknown) => Promise<Response>;
    const PUT = route.PUT as typeof GET;
    assert.equal(route.POST, GET);
    assert.equal(route.OPTIONS, GET);
    assert.equal(route.runtime, 'nodejs');
    const id = sandbox.store.createSession({ items: [{ product: '000000' }], payment_methods: ['card', 'paypal'] }).id;
    // why: the same secret and prefix give the same permalink in any process (a page's and the route's).
    const permalink = createCheckoutHandler({ apiUrl: sandbox.url, apiKey: API_KEY, secret: SECRET, prefix: '/checkout' }).permalinkFor(id, 'https://shop.example');
    const got = await GET(new Request(`${permalink}.json`), { params: Promise.resolve({ path: [] }) });
    assert.equal(got.status, 200);
    const body = (await got.json()) as { permalink: string; processor_public_keys: unknown };
    assert.equal(body.permalink, permalink);
    assert.deepEqual(body.processor_public_keys, { stripe: 'pk_test_example', paypal: 'example-paypal-client' });
    const put = await PUT(new Request(`${permalink}.json`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"customer":{"first_name":"Ana"}}' }));
    assert.equal(put.status, 200);
    assert.equal(sandbox.store.getSession(id)!.customer.first_name, 'Ana');
  });
});
