// Issue 13's bench rows: a country change → the updated total in Chromium behind 100 ms of latency each way (time,
// preview requests and round trips), and the size the tax display adds to the ES core. index.mjs calls
// measureTaxPreview (with its browser) and measureTaxSize, then adds taxRows and taxHow to the table and the notes.
// Alone: `node --import tsx -e "import('./scripts/bench/tax.mjs').then((m) => m.main())"` after `npm run build`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { startSandbox } from '../../src/sandbox/server.ts';
import { attribute } from './attribution.mjs';
import { delayProxy, kb, median, ms, roundTrips, signedKb, sizes, staticServer } from './lib.mjs';
import { viteBundle } from './sizes.mjs';

const ROOT = process.cwd();
const LATENCY_MS = 100;
/** The element's preview debounce (src/checkout/model/tax-preview.ts): part of any country change's time. */
const DEBOUNCE_MS = 300;
const src = (path) => resolve(ROOT, 'src', path);

/**
 * One merchant page per run (the ES build and its chunks on http://localhost:A) with <quaderno-checkout> on a fresh
 * `auto` session of a German customer (€21.00 + MwSt. 19 %), the sandbox on http://127.0.0.1:B; each origin behind a
 * proxy adding LATENCY_MS to every request and every response. Once the form and its tax have settled, the page
 * selects France in the country select and times until the total shows France's figure with nothing in flight.
 */
export async function measureTaxPreview({ browser, bundle, runs = 5, log = () => {} }) {
  const sandbox = await startSandbox({ port: 0 });
  const sandboxLog = [];
  const sandboxProxy = await delayProxy(sandbox.url, LATENCY_MS, sandboxLog);
  const dir = dirname(bundle);
  const routes = {};
  for (const file of readdirSync(dir).filter((f) => f === basename(bundle) || /^quaderno-checkout-[\w-]+\.js$/.test(f))) {
    routes[`/${file}`] = { type: 'text/javascript', body: readFileSync(join(dir, file)) };
  }
  let permalink = '';
  routes['/'] = {
    type: 'text/html',
    body: () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tax bench</title>
<script type="module" src="/${basename(bundle)}"></script></head>
<body><quaderno-checkout locale="en" permalink="${permalink}"></quaderno-checkout></body></html>`,
  };
  const site = await staticServer(routes);
  const siteProxy = await delayProxy(site.url, LATENCY_MS);
  const results = [];
  try {
    for (let run = 0; run < runs; run++) {
      const session = sandbox.store.createSession({
        items: [{ name: 'Pro plan', amount: 2100, currency: 'EUR', quantity: 1 }],
        payment_methods: ['card'],
        billing_details_collection: 'auto',
        customer: { billing_country: 'DE' },
        locale: 'en',
        success_url: 'https://merchant.example/thanks',
        cancel_url: 'https://merchant.example/cart',
      });
      const token = new URL(sandbox.store.toJSON(session, sandbox.url).permalink).pathname.split('/').pop();
      permalink = `${sandboxProxy.url}/checkout/session/${token}`;
      const context = await browser.newContext();
      const tab = await context.newPage();
      const requests = [];
      tab.on('requestfinished', (request) => {
        const timing = request.timing();
        requests.push({ method: request.method(), url: request.url(), start: timing.startTime, end: timing.startTime + timing.responseEnd });
      });
      await tab.goto(siteProxy.url.replace('127.0.0.1', 'localhost'));
      await tab.waitForFunction(() => document.querySelector('quaderno-checkout')?.shadowRoot?.querySelector('.totals[aria-busy="false"] [data-total="total"]'), null, { timeout: 20_000 });
      sandboxLog.length = 0;
      const mark = await tab.evaluate(
        () =>
          new Promise((done) => {
            const root = document.querySelector('quaderno-checkout').shadowRoot;
            const total = () => root.querySelector('[data-total="total"]').textContent.trim();
            const before = total();
            const select = root.querySelector('#qc-billing_country');
            const start = performance.now();
            select.value = 'FR';
            select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
            const check = () => {
              const busy = root.querySelector('.totals').getAttribute('aria-busy');
              if (busy === 'false' && total() !== before) done({ before, after: total(), ms: performance.now() - start, at: performance.timeOrigin + start });
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
      );
      await tab.waitForTimeout(300); // a second preview, had there been one, still counts
      await context.close();
      const after = requests.filter((request) => request.start >= mark.at - 1);
      results.push({
        ...mark,
        previews: after.filter((request) => new URL(request.url).pathname.endsWith('/tax.json')).length,
        requests: after.length,
        roundTrips: roundTrips(after),
        preflights: sandboxLog.filter((entry) => entry.method === 'OPTIONS').length,
      });
      log(`tax: country change run ${run + 1}/${runs} ${mark.ms.toFixed(0)} ms (${mark.before} → ${mark.after})`);
    }
  } finally {
    await Promise.all([siteProxy.close(), site.close(), sandboxProxy.close()]);
    await sandbox.close();
  }
  return {
    latencyMs: LATENCY_MS,
    debounceMs: DEBOUNCE_MS,
    runs: results.length,
    change: `${results[0].before} → ${results[0].after}`,
    ms: median(results.map((r) => r.ms)),
    previews: Math.max(...results.map((r) => r.previews)),
    requests: Math.max(...results.map((r) => r.requests)),
    roundTrips: Math.max(...results.map((r) => r.roundTrips)),
    preflights: Math.max(...results.map((r) => r.preflights)),
  };
}

/**
 * A stand-in's source with every value the real module exports: the named ones as written here, any other (one
 * added since) as a function returning undefined, so the build never fails on a missing export.
 */
function complete(path, stub) {
  const exported = [...readFileSync(path, 'utf8').matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([\w$]+)/gm)].map((m) => m[1]);
  const defined = new Set([...stub.matchAll(/export (?:async )?(?:function|const|let|class) ([\w$]+)/g)].map((m) => m[1]));
  return [stub, ...exported.filter((name) => !defined.has(name)).map((name) => `export const ${name} = () => undefined;`)].join('\n');
}

/** The tax display's modules, each replaced by a stand-in with the same exports that shows and fetches no tax. */
const STANDINS = {
  [src('checkout/views/tax.ts')]: `import { nothing } from 'lit';
export const formatRate = () => '';
export const taxLabel = () => '';
export const renderTaxRows = () => nothing;
export const taxPhrase = () => undefined;`,
  [src('checkout/model/tax-preview.ts')]: `export const TAX_FIELDS = [];
export class TaxPreviews { changed() {} async settle() {} stop() {} forget() {} }`,
  [src('checkout/model/tax.ts')]: `export const sessionTax = () => undefined;
export const taxQuery = () => undefined;
export const taxKey = () => '';
export const canPreviewTax = () => false;
export const shownTax = () => undefined;
export const taxIdRequiredFor = () => false;
export const taxIdState = () => 'none';`,
};
export const TAX_STUBS = Object.fromEntries(Object.entries(STANDINS).map(([path, stub]) => [path, complete(path, stub)]));

/** Source modules attribution counts as the tax display (those stubbed above, and the TaxSummary schema they read). */
const TAX_MODULES = [...Object.keys(TAX_STUBS), src('protocol/tax.ts')].map((path) => path.slice(ROOT.length + 1));

/**
 * The ES core with and without the tax display, built once each in memory with the project's script-tag settings
 * (leave-one-out, as the zod and styles shares), plus the source-map attribution of the built core as a cross-check.
 */
export async function measureTaxSize({ dist = resolve(ROOT, 'dist'), log = () => {} } = {}) {
  log('tax: core with and without the tax display');
  const withTax = sizes(await viteBundle());
  const withoutTax = sizes(await viteBundle({ stubs: TAX_STUBS }));
  const out = { withTax, withoutTax, added: { raw: withTax.raw - withoutTax.raw, brotli: withTax.brotli - withoutTax.brotli } };
  const map = resolve(dist, 'quaderno-checkout.js.map');
  if (existsSync(map)) {
    const modules = attribute(readFileSync(resolve(dist, 'quaderno-checkout.js'), 'utf8'), JSON.parse(readFileSync(map, 'utf8')), dist, `${ROOT}/`);
    const tax = modules.filter((entry) => TAX_MODULES.includes(entry.module));
    out.attributed = { brotli: tax.reduce((sum, e) => sum + e.brotli, 0), raw: tax.reduce((sum, e) => sum + e.raw, 0), modules: tax.map((e) => e.module) };
  }
  return out;
}

/** The table rows (`row(area, measure, ours, reference, verdict)` of index.mjs). */
export function taxRows(row, preview, size) {
  if (preview) {
    row(
      'Tax',
      `Country change → updated total (${preview.change}), +${preview.latencyMs} ms each way, median of ${preview.runs}`,
      ms(preview.ms),
      `≥ ${DEBOUNCE_MS + 2 * preview.latencyMs} ms (${DEBOUNCE_MS} ms debounce + 1 round trip)`,
      '',
    );
    row(
      'Tax',
      'Country change: tax preview requests · sequential round trips · preflights',
      `${preview.previews} · ${preview.roundTrips} · ${preview.preflights}`,
      'target 1 round trip, no preflight',
      preview.previews === 1 && preview.roundTrips <= 1 && preview.preflights === 0 ? 'PASS' : 'OVER',
    );
  }
  if (size) {
    row(
      'Tax',
      'What the tax display adds to the ES core (lines, notes, preview, its schema), raw / brotli',
      `${signedKb(size.added.raw)} / ${signedKb(size.added.brotli)}`,
      size.attributed ? `${kb(size.attributed.brotli)} brotli by source-map attribution` : 'no source map to cross-check',
      `${kb(size.withoutTax.brotli)} core without it`,
    );
  }
}

/** The "How each number was taken" bullet for these rows. */
export function taxHow(preview) {
  return `- **Tax** (\`scripts/bench/tax.mjs\`): the **country change** loads the ES build on a merchant page on
  \`http://localhost:A\`, the sandbox at \`http://127.0.0.1:B\`, each behind a proxy holding every request and every
  response ${preview?.latencyMs ?? LATENCY_MS} ms (as the network rows). A fresh \`auto\` session of a German customer (€21.00 +
  MwSt. 19 %) per run, a fresh browser context each; once the form shows with its tax settled, the page sets the country
  select to France and dispatches \`change\`, and the clock runs until \`[data-total="total"]\` shows a new figure with
  \`.totals[aria-busy="false"]\` (checked every animation frame). The element waits for the customer to pause
  (${DEBOUNCE_MS} ms) before it asks, so one round trip means ≥ ${DEBOUNCE_MS + 2 * LATENCY_MS} ms. Requests are Playwright's
  \`requestfinished\` events started after the change (round trips as above, over 300 ms more), preflights the proxy's
  OPTIONS. **The size it adds** is leave-one-out: the ES core (Vite in memory, the project's script-tag settings, as the
  shares above) minus the same build with \`views/tax.ts\`, \`model/tax.ts\`, \`model/tax-preview.ts\` and
  \`protocol/client.ts\` replaced by stand-ins that show and fetch no tax (the TaxSummary schema then drops out too). The
  English tax strings stay in both (a Translation is one object). The cross-check sums the same modules and
  \`protocol/tax.ts\` in the source-map attribution of \`dist/quaderno-checkout.js\`.`;
}

/** Runs just these rows against an existing `npm run build` and prints them. */
export async function main() {
  const { launchBrowser } = await import('./browser.mjs');
  const log = (line) => process.stderr.write(`[bench tax] ${line}\n`);
  const bundle = resolve(ROOT, 'dist/quaderno-checkout.js');
  const { browser } = await launchBrowser();
  let preview;
  try {
    preview = await measureTaxPreview({ browser, bundle, log });
  } finally {
    await browser.close();
  }
  const size = await measureTaxSize({ log });
  const rows = [];
  taxRows((...cells) => rows.push(cells), preview, size);
  console.log(rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
  console.log(taxHow(preview));
}
