// Each mounting example in examples/server/, started as a merchant would run it, in front of the sandbox's private API.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import { createCheckoutHandler } from '../../src/server/index.js';
import { createTokenSigner } from '../../src/server/token.js';
import { DIST, ensureBuild } from '../build/support.js';
import { API_KEY, browser, runExample, SECRET } from './support.js';
import { assertCopiedFrom } from '../helpers/readme-blocks.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every example process started, so `after` ends them all, including one that never said it listens. */
const children = new Set<ChildProcess>();
const run = (file: string, env: Record<string, string>) => runExample(file, env, children);

// why: a timeout, so an example that stops answering fails the suite instead of holding it open.
describe('mounting examples (examples/server/)', { concurrency: 3, timeout: 120_000 }, () => {
  let sandbox: RunningSandbox;
  let env: Record<string, string>;

  before(async () => {
    // why: the Express and Hono examples serve the element's files from the package's dist/.
    await ensureBuild();
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
      const script = /<script type="module" src="([^"]+)"/.exec(page.text)?.[1];
      if (script?.startsWith('/')) {
        // The element's files from the merchant's own app: the bundle, and a chunk it loads from beside itself.
        const chunk = /quaderno-checkout-sandbox-[\w-]+\.js/.exec(readFileSync(join(DIST, 'quaderno-checkout.js'), 'utf8'))?.[0];
        for (const path of [script, script.replace(/[^/]+$/, chunk!)]) {
          const served = await fetch(`${url}${path}`);
          assert.equal(served.status, 200, path);
          assert.match(served.headers.get('content-type') ?? '', /javascript/, path);
        }
      } else assert.equal(file, 'node-http.ts', `${file} serves the element's files itself`);
    });
  }

  test("next/app/checkout/[...path]/route.ts: imported without the secrets (next build), then a cross-origin page's preflight, GET and PUT", async () => {
    // why the route's module and not `next` itself: installing next 16.5 doubles node_modules (349 → 698 MB) and
    // `npm ci` with an empty cache (60 → 165 s), and `next build` of this example takes 159 s on the 2-core CI
    // machine; the same example built without the secrets, started, and called from a cross-origin page in Chromium
    // was checked by hand once that way (preflight 204 with Access-Control-Allow-Origin, GET and PUT 200).
    // why without them: `next build` imports the route to collect page data, in CI where the secrets are not set.
    for (const name of Object.keys(env)) delete process.env[name];
    const route = (await import('../../examples/server/next/app/checkout/[...path]/route.js')) as Record<string, unknown>;
    const [GET, PUT, POST, OPTIONS] = (['GET', 'PUT', 'POST', 'OPTIONS'] as const).map((method) => route[method] as (request: Request, context?: unknown) => Promise<Response>);
    for (const method of [GET, PUT, POST, OPTIONS]) assert.equal(typeof method, 'function');
    assert.equal(route.runtime, 'nodejs');
    // why another origin: Next serves the route on its own listening origin, not always the one customers use.
    Object.assign(process.env, env, { CHECKOUT_PUBLIC_ORIGIN: 'https://shop.example' });
    const id = sandbox.store.createSession({ items: [{ product: '000000' }], payment_methods: ['card', 'paypal'] }).id;
    // why: the same secret and prefix give the same permalink in any process (a page's and the route's).
    const permalink = createCheckoutHandler({ apiUrl: sandbox.url, apiKey: API_KEY, secret: SECRET, prefix: '/checkout' }).permalinkFor(id, 'https://shop.example');
    const onNext = `${permalink.replace('https://shop.example', 'http://localhost:3000')}.json`;
    const page = { Origin: 'https://pages.example' };
    const preflight = await OPTIONS!(new Request(onNext, { method: 'OPTIONS', headers: { ...page, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' } }));
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/i);
    const got = await GET!(new Request(onNext, { headers: page }), { params: Promise.resolve({ path: [] }) });
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('access-control-allow-origin'), '*');
    const body = (await got.json()) as { permalink: string; processor_public_keys: unknown };
    assert.equal(body.permalink, permalink, 'publicOrigin names the origin customers use');
    assert.deepEqual(body.processor_public_keys, { stripe: 'pk_test_example', paypal: 'example-paypal-client' });
    const put = await PUT!(new Request(onNext, { method: 'PUT', headers: { ...page, 'Content-Type': 'application/json' }, body: '{"customer":{"first_name":"Ana"}}' }));
    assert.equal(put.status, 200);
    assert.equal(put.headers.get('access-control-allow-origin'), '*');
    assert.equal(sandbox.store.getSession(id)!.customer.first_name, 'Ana');
  });
});

/**
 * The README's framework snippets: every code block whose first line names an example file (`// examples/server/…`)
 * is copied from that file (pieces between `// …` lines, each verbatim and in order), so the README cannot drift from
 * what the suite above runs.
 */
describe("README.md's framework snippets are the examples' own lines", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n\/\/ (examples\/server\/\S+)\n([\s\S]*?)```/g)].map(([, file, body]) => ({ file: file!, body: body! }));

  test('each framework has one: node:http, Express, Hono, and Next.js with OPTIONS', () => {
    const files = new Set(blocks.map((block) => block.file));
    for (const file of ['node-http.ts', 'express.ts', 'hono.ts', 'next/app/checkout/[...path]/route.ts', 'next/lib/checkout.ts']) {
      assert.ok(files.has(`examples/server/${file}`), `a README block from examples/server/${file}`);
    }
    const next = blocks.find((block) => block.file.endsWith('route.ts'))!;
    assert.match(next.body, /handler as OPTIONS/);
  });

  test('every such block is copied from its file', () => {
    assert.ok(blocks.length > 0);
    for (const { file, body } of blocks) assertCopiedFrom(ROOT, file, body);
  });

  // why every code block, whatever its language or indent: a merchant copies the handler's code from any of them
  // (a plain ``` block is prose, such as the source tree).
  const serverCode = /quaderno-checkout\/server|createCheckoutHandler|toNodeListener|\b(stripeSecretKey|stripeWebhookSecret|paypalClientSecret|paypalWebhookId|quadernoInvoicesStripe|paymentStore)\s*:/;
  test("every block with the handler's code names the example it is copied from", () => {
    const fenced = [...readme.matchAll(/^( *)```(?:ts|tsx|js|jsx|mjs|typescript|javascript)\n([\s\S]*?)^\1```/gm)].map(([, indent, body]) => body!.replace(new RegExp(`^${indent}`, 'gm'), ''));
    const server = fenced.filter((body) => serverCode.test(body));
    assert.ok(server.length >= 4, `${server.length} blocks with the handler's code`);
    for (const body of server) assert.match(body, /^\/\/ examples\/server\/\S+\n/, `a README block with the handler's code that no test runs:\n${body}`);
  });

  test('the in-page payment options and the webhook route are shown from the example the payment suites run', () => {
    const shown = blocks.filter((block) => block.file === 'examples/server/stripe-in-page.ts').map((block) => block.body).join('\n');
    for (const option of ['stripeSecretKey', 'stripeWebhookSecret', 'quadernoInvoicesStripe', 'paypalClientId', 'paypalClientSecret', 'paypalWebhookId', 'paypalApiUrl']) {
      assert.match(shown, new RegExp(`^  ${option}: `, 'm'), option);
    }
    assert.match(shown, /webhooks\/stripe[\s\S]*checkoutListener\(req, res\)/, 'the route that serves the webhook');
  });
});
