// The real processors (Stripe, PayPal): what the adapters weigh and what they cost in requests. Sizes: the core with and
// without the adapter registry's read (registry.ts), the adapter chunks an app's bundler splits off the npm build, the
// classic-script adapters (which borrow the core's payment start), and the payment-start chunk (shared by the npm
// adapters; the ES script-tag core's own one in dist/). Requests: a Playwright page against the sandbox and its
// SDK test doubles (served in place of js.stripe.com and www.paypal.com/sdk/js), counted from the page's Performance
// resource entries, from "method chosen" to the processor being ready and from "Pay" to the confirmation.
// `node --import tsx scripts/bench/processors.mjs` runs this part alone (after `npm run build`) and prints its section.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findBrowser } from '../find-browser.mjs';
import { startSandbox } from '../../src/sandbox/server.ts';
import { fileSizes, kb, listen, roundTrips, sizes } from './lib.mjs';
import { viteBundle } from './sizes.mjs';

const ROOT = process.cwd();
const REGISTRY = resolve(ROOT, 'src/processors/registry.ts');
const ADAPTER_SCRIPTS = ['stripe', 'paypal'];
/** The sandbox's default PayPal client id (its payment starts answer it). */
const PAYPAL_CLIENT_ID = 'sb-sandbox';
// why French: the sandbox's seller is Spanish, and a domestic Spanish sale asks for a tax ID in auto mode.
const CUSTOMER = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', billing_country: 'FR', billing_postal_code: '75001' };

// ---- sizes ----------------------------------------------------------------------------------------------------

/** The core without the registry's read: no processor is ever registered, so the configured one pays, as before it. */
const NO_REGISTRY = 'export const REGISTRY_GLOBAL = "QuadernoCheckoutProcessors";\nexport const registeredProcessors = () => [];\nexport const registerProcessor = () => [];\nexport const scriptOptions = () => ({ data: {}, nonce: undefined });\n';

/**
 * An app's bundle of the npm `/core` entry (dist/lib/index.js, else src/index.ts) with esbuild's code splitting, Lit
 * external: the adapters' dynamic imports become chunks. Each output is named by the source it holds.
 */
async function adapterChunks(outdir) {
  const built = resolve(ROOT, 'dist/lib/index.js');
  const entry = existsSync(built) ? built : resolve(ROOT, 'src/index.ts');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    metafile: true,
    outdir,
    logLevel: 'silent',
    external: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  const named = (path, name) => !!path && path.replace(/\.[jt]s$/, '').endsWith(`processors/${name}`);
  // why: esbuild makes each dynamic import() target an entry of its own (the adapters, and the payment start).
  const parts = { stripe: [], paypal: [], shared: [] };
  for (const file of result.outputFiles) {
    const output = result.metafile.outputs[relative(ROOT, file.path)];
    if (!output || named(output.entryPoint, 'index')) continue;
    const kind = named(output.entryPoint, 'stripe')
      ? 'stripe'
      : named(output.entryPoint, 'paypal')
        ? 'paypal'
        : Object.keys(output.inputs).some((input) => named(input, 'payment-start'))
          ? 'shared'
          : undefined;
    if (kind) parts[kind].push(file);
  }
  const chunks = {};
  for (const [kind, files] of Object.entries(parts)) {
    if (files.length) chunks[kind] = { files: files.map((f) => basename(f.path)), ...sizes(Buffer.concat(files.map((f) => Buffer.from(f.contents)))) };
  }
  return { entry: relative(ROOT, entry), chunks };
}

export async function measureProcessorSizes({ log = () => {} } = {}) {
  log('processors: core with and without the registry');
  const core = {
    es: { with: sizes(await viteBundle({ fullMinify: true })), without: sizes(await viteBundle({ fullMinify: true, stubs: { [REGISTRY]: NO_REGISTRY } })) },
    iife: {
      with: sizes(await viteBundle({ format: 'iife', fullMinify: true })),
      without: sizes(await viteBundle({ format: 'iife', fullMinify: true, stubs: { [REGISTRY]: NO_REGISTRY } })),
    },
  };
  log('processors: adapter chunks');
  const split = await adapterChunks(resolve(ROOT, '.tmp/bench/processors-split'));
  const scripts = {};
  for (const name of ADAPTER_SCRIPTS) {
    const path = resolve(ROOT, `dist/quaderno-checkout-${name}.iife.js`);
    scripts[name] = existsSync(path) ? { file: `dist/${basename(path)}`, ...fileSizes(path) } : undefined;
  }
  // The ES script-tag core's payment-start chunk: what a page with that core and an adapter script fetches on mount.
  const dist = resolve(ROOT, 'dist');
  const startChunk = existsSync(dist) ? readdirSync(dist).find((file) => /^quaderno-checkout-payment-start-[\w-]+\.js$/.test(file)) : undefined;
  const esPaymentStart = startChunk ? { file: `dist/${startChunk}`, ...fileSizes(resolve(dist, startChunk)) } : undefined;
  return { core, split, scripts, esPaymentStart };
}

// ---- requests -------------------------------------------------------------------------------------------------

/** The ES variant's page script: the registering entry and the lazy factories, bundled with splitting. */
const ES_PAGE = `import '${ROOT}/src/quaderno-checkout.ts';
import { realProcessors } from '${ROOT}/src/processors/real.ts';
for (const el of document.querySelectorAll('quaderno-checkout')) el.processor = realProcessors();
`;

/** Serves `files` (path → { type, body }) plus one HTML page per session. */
async function pageServer(files) {
  const pages = {};
  const server = await listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = files[path] ?? (pages[path] && { type: 'text/html; charset=utf-8', body: pages[path] });
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store' }).end(file.body);
  }, 'localhost');
  return { ...server, pages };
}

/** A short name for a resource entry. */
function label(url, sandbox) {
  const u = new URL(url);
  if (u.hostname === 'js.stripe.com') return 'Stripe.js';
  if (u.hostname === 'www.paypal.com') return 'PayPal SDK';
  if (u.origin === sandbox.frameUrl) return `frame ${u.pathname}`;
  if (u.origin === sandbox.url) return u.pathname.replace(/\/checkout\/session\/[^/]+/, '<permalink>');
  return u.pathname.slice(1);
}

/** Requests and sequential round trips between two marks of the resource timeline. */
function span(entries, sandbox) {
  const requests = entries.map((e) => ({ name: label(e.name, sandbox), start: e.startTime, end: e.responseEnd }));
  // why: after Pay, what runs before the processor confirms is ours (save the customer, the payment start).
  const started = requests.findIndex((r) => r.name.endsWith('/payment.json'));
  const beforeConfirm = started < 0 ? undefined : requests.slice(0, started + 1);
  return {
    count: requests.length,
    roundTrips: roundTrips(requests),
    names: requests.map((r) => r.name),
    beforeConfirm: beforeConfirm && { count: beforeConfirm.length, roundTrips: roundTrips(beforeConfirm), names: beforeConfirm.map((r) => r.name) },
  };
}

/** Waits for the confirmation; on a timeout, says what the element shows instead and what the page last asked for. */
async function completed(page) {
  const el = page.locator('quaderno-checkout');
  try {
    await el.locator('[part="base"][data-state="completed"]').waitFor({ timeout: 30_000 });
  } catch (error) {
    const state = await el.locator('[part="base"]').getAttribute('data-state').catch(() => '?');
    const last = await page.evaluate(() => performance.getEntriesByType('resource').slice(-6).map((e) => e.name));
    throw new Error(`no confirmation: the element shows ${state}; last requests: ${last.join(' ')}`, { cause: error });
  }
}

async function flows({ browser, sandbox, origin, variant, scripts }) {
  const out = {};
  for (const method of ['card', 'paypal']) {
    const session = sandbox.store.createSession({ items: [{ product: '000000' }], payment_methods: ['card', 'paypal'], billing_details_collection: 'auto', customer: CUSTOMER });
    const permalink = sandbox.store.toJSON(session, sandbox.url).permalink;
    const path = `/${variant}-${method}-${session.id}.html`;
    scripts.pages[path] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>processors bench</title></head>
<body><quaderno-checkout permalink="${permalink}" locale="en" poll-interval="100"></quaderno-checkout>
${scripts.tags}</body></html>`;
    // why tall: with Pay below the fold, Playwright's scroll-then-click sometimes never reached the page while focus
    // was in the card's cross-origin frame (4 runs in 10 on this machine; none once nothing has to scroll).
    const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
    // why: the official loaders ask Stripe's and PayPal's hosts; offline, the sandbox's test doubles answer instead.
    const doubles = {
      'js.stripe.com': await (await fetch(`${sandbox.url}/doubles/stripe.js`)).text(),
      'www.paypal.com': await (await fetch(`${sandbox.url}/doubles/paypal-sdk.js`)).text(),
    };
    await context.route(/^https:\/\/(js\.stripe\.com|www\.paypal\.com)\//, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: doubles[new URL(route.request().url()).hostname] }),
    );
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}${path}`);
    const el = page.locator('quaderno-checkout');
    await el.locator('[part="base"][data-state="form"]').waitFor({ timeout: 20_000 });
    await el.locator('.totals[aria-busy="false"]').waitFor();
    const entries = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })));
    const chosen = (await entries()).length;
    await el.locator(`#qc-method-${method}`).check();
    if (method === 'card') {
      const frame = page.frameLocator('quaderno-checkout > div[slot] iframe');
      await frame.locator('#number').waitFor({ timeout: 20_000 });
      const ready = (await entries()).slice(chosen);
      await frame.locator('#number').pressSequentially('4242424242424242');
      await frame.locator('#expiry').pressSequentially('1239');
      await frame.locator('#cvc').pressSequentially('123');
      await page.waitForTimeout(300);
      await el.locator('.totals[aria-busy="false"]').waitFor();
      await el.locator('[part="pay-button"]:not([aria-disabled="true"])').waitFor();
      const paid = (await entries()).length;
      await el.locator('[part="pay-button"]').click();
      await completed(page);
      out.card = { ready: span(ready, sandbox), pay: span((await entries()).slice(paid), sandbox) };
    } else {
      const button = page.locator('[data-paypal-double="button"]');
      await button.waitFor({ timeout: 20_000 });
      const ready = (await entries()).slice(chosen);
      const paid = (await entries()).length;
      await button.click();
      await page.frameLocator('[data-paypal-double="window"] iframe').locator('#approve').click();
      await completed(page);
      out.paypal = { ready: span(ready, sandbox), pay: span((await entries()).slice(paid), sandbox) };
    }
    if (errors.length) out.errors = [...(out.errors ?? []), ...errors];
    await context.close();
  }
  return out;
}

export async function measureProcessorRequests({ log = () => {} } = {}) {
  const sandbox = await startSandbox({ port: 0, processingDelayMs: 100, log: false });
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROME_ARGS });
  const dir = resolve(ROOT, '.tmp/bench/processors-page');
  const results = {};
  try {
    log('processors: ES page (lazy chunks)');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'page.ts'), ES_PAGE);
    const built = await esbuild.build({
      entryPoints: [resolve(dir, 'page.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir: resolve(dir, 'out'),
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    });
    const esFiles = Object.fromEntries(built.outputFiles.map((f) => [`/${basename(f.path)}`, { type: 'text/javascript', body: f.contents }]));
    const es = await pageServer(esFiles);
    es.tags = '<script type="module" src="/page.js"></script>';
    results.es = await flows({ browser, sandbox, origin: es.url, variant: 'es', scripts: es });
    await es.close();

    log('processors: classic-script page (IIFE + adapter scripts)');
    const dist = resolve(ROOT, 'dist');
    const names = ['quaderno-checkout.iife.js', ...ADAPTER_SCRIPTS.map((n) => `quaderno-checkout-${n}.iife.js`)];
    if (names.every((n) => existsSync(resolve(dist, n)))) {
      const iife = await pageServer(Object.fromEntries(names.map((n) => [`/${n}`, { type: 'text/javascript', body: readFileSync(resolve(dist, n)) }])));
      iife.tags = [
        '<script src="/quaderno-checkout.iife.js"></script>',
        '<script src="/quaderno-checkout-stripe.iife.js"></script>',
        `<script src="/quaderno-checkout-paypal.iife.js" data-client-id="${PAYPAL_CLIENT_ID}"></script>`,
      ].join('\n');
      results.iife = await flows({ browser, sandbox, origin: iife.url, variant: 'iife', scripts: iife });
      await iife.close();
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
  return results;
}

export async function measureProcessors({ log = () => {} } = {}) {
  return { sizes: await measureProcessorSizes({ log }), requests: await measureProcessorRequests({ log }) };
}

// ---- section ----------------------------------------------------------------------------------------------------

const triple = (s) => (s ? `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}` : 'not built');

export function processorsSection({ sizes: s, requests: r }) {
  const rows = [];
  const row = (measure, value, note = '') => rows.push(`| ${[measure, value, note].map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`);
  for (const format of ['es', 'iife']) {
    const { with: w, without } = s.core[format];
    row(
      `${format === 'es' ? 'ES module' : 'Classic'} core, brotli: without → with the adapter registry's read (registry.ts)`,
      `${kb(without.brotli)} → ${kb(w.brotli)} (${w.brotli - without.brotli >= 0 ? '+' : '−'}${Math.abs(w.brotli - without.brotli)} bytes; raw +${w.raw - without.raw})`,
      'the registry read may add ≤ 1 KB to the core',
    );
  }
  const chunk = (key, what) =>
    row(`${what} (${s.split.entry} split by esbuild, Lit external), raw / gzip / brotli`, triple(s.split.chunks[key]), `${s.split.chunks[key]?.files.join(' + ') ?? ''}; loaded on the first session that needs it`);
  chunk('stripe', 'Stripe adapter chunk');
  chunk('paypal', 'PayPal adapter chunk');
  chunk('shared', 'Shared payment-start chunk (payment-start.ts)');
  row(
    `ES core's payment-start chunk ${s.esPaymentStart?.file ?? 'dist/quaderno-checkout-payment-start-<hash>.js'}, raw / gzip / brotli`,
    triple(s.esPaymentStart),
    'lent to the adapter scripts on an ES-module page; fetched beside the adapter on its first mount',
  );
  for (const name of ADAPTER_SCRIPTS) {
    row(
      `Classic-script adapter dist/quaderno-checkout-${name}.iife.js, raw / gzip / brotli`,
      triple(s.scripts[name]),
      "no zod and no HTTP layer of its own: the core lends it the payment start (processor-controller.ts)",
    );
  }
  for (const variant of ['es', 'iife']) {
    const c = r[variant]?.card;
    const p = r[variant]?.paypal;
    const name = variant === 'es' ? 'ES page (lazy chunks)' : 'Classic page (IIFE + adapter scripts)';
    const line = (what, f) => row(`${name}: ${what}`, f ? `${f.count} requests · ${f.roundTrips} round trip${f.roundTrips === 1 ? '' : 's'}` : 'not measured', f ? f.names.join(', ') : '');
    line('card chosen → Stripe fields ready', c?.ready);
    line('Pay → Stripe confirms (requests before confirmPayment)', c?.pay?.beforeConfirm);
    line('Pay → completed (card; polls included)', c?.pay);
    line('PayPal chosen → PayPal button ready', p?.ready);
    line("PayPal button → PayPal's window (requests before the order is approved)", p?.pay?.beforeConfirm);
    line('PayPal button → approved → completed (polls included)', p?.pay);
  }
  const errors = [...(r.es?.errors ?? []), ...(r.iife?.errors ?? [])];
  return `## Real processors

Generated by \`scripts/bench/processors.mjs\` in the same run.

| Measure | Value | Notes |
| --- | --- | --- |
${rows.join('\n')}

- **Core with and without the registry**: the project's script-tag builds (\`browserConfig\`), in memory, once as they are and
  once with \`src/processors/registry.ts\` replaced by a stand-in whose \`registeredProcessors\` is always empty (what
  the core did before the classic-script adapters).
- **Adapter chunks**: esbuild bundles the npm \`/core\` entry with \`splitting\`, as an app's bundler would; each chunk is
  named by the adapter source it holds. The shared chunk holds the payment start that both adapters import.
- **Requests** are the page's Performance resource entries between two moments, against the sandbox (in this process)
  with its SDK test doubles served in place of \`js.stripe.com\` and \`www.paypal.com/sdk/js\` (Playwright routes), so the
  official loaders run. "Ready" is the card frame's fields shown, or the PayPal button; "completed" is the element's
  confirmation. Round trips are the longest chain of requests each starting after the one before ended. Requests made
  inside the processors' frames are theirs and not counted; the frames' own documents are.${errors.length ? `\n- Page errors: ${errors.join('; ')}` : ''}
`;
}

// why: `node --import tsx scripts/bench/processors.mjs` measures and prints this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const log = (line) => process.stderr.write(`[processors] ${line}\n`);
  console.log(processorsSection(await measureProcessors({ log })));
}
