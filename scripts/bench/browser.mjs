// The two headless-Chromium parts: the network (requests and round trips behind 100 ms of latency) and the
// render cost against a vanilla DOM baseline, with keystroke-to-validation latency.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findBrowser } from '../find-browser.mjs';
import { startSandbox } from '../../src/sandbox/server.ts';
import { SandboxStore } from '../../src/sandbox/store/index.ts';
import { COUNTRY_CODES } from '../../src/locales/countries.ts';
import { delayProxy, median, roundTrips, sizes, staticServer } from './lib.mjs';

const ROOT = process.cwd();
const LATENCY_MS = 100;

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROME_ARGS });
  return { browser, version: browser.version() };
}

// ---- network ------------------------------------------------------------------------------------------------

/** The network cases: who names the locale, and what the browser prefers. */
export const NETWORK_CASES = [
  { key: 'english', label: 'English (the core alone)', attribute: null, session: 'en', browser: 'en-US' },
  { key: 'attribute', label: 'locale attribute `de`', attribute: 'de', session: 'en', browser: 'en-US' },
  { key: 'auto', label: 'session `auto`, browser `de-DE`', attribute: null, session: 'auto', browser: 'de-DE' },
  { key: 'unpredicted', label: 'session `fi`, browser `de-DE`, page `en`', attribute: null, session: 'fi', browser: 'de-DE' },
];

/** The ES build's flow chunk (actions, processors, outcome views): fetched with the session GET, never awaited by the form. */
const isFlow = (request) => /\/quaderno-checkout-flow-[\w-]+\.js$/.test(new URL(request.url).pathname);

/**
 * Loads a merchant page (http://localhost:A, `<html lang="en">`) whose <quaderno-checkout> points at the sandbox
 * (http://127.0.0.1:B), each behind its own proxy that adds LATENCY_MS to every request and every response, once per
 * case of NETWORK_CASES. The page serves the ES build's core and its locale chunks from the bundle's directory. A
 * cookie is set for the sandbox's host, to prove the element does not send it. Script bytes are the brotli sizes of
 * the script files requested before the moment in question.
 */
export async function measureNetwork({ browser, bundle, runs = 3, log = () => {} }) {
  const sandbox = await startSandbox({ port: 0 });
  const sandboxLog = [];
  const sandboxProxy = await delayProxy(sandbox.url, LATENCY_MS, sandboxLog);
  const dir = dirname(bundle);
  const scripts = Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file === basename(bundle) || /^quaderno-checkout-[\w-]+\.js$/.test(file))
      .map((file) => [`/${file}`, readFileSync(join(dir, file))]),
  );
  const brotliOf = Object.fromEntries(Object.entries(scripts).map(([path, body]) => [path, sizes(body).brotli]));
  let permalink = '';
  let attribute = '';
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>network bench</title>
<script>
  window.benchMarks = {};
  customElements.whenDefined('quaderno-checkout').then(() => { benchMarks.connected = performance.timeOrigin + performance.now(); });
  document.addEventListener('quaderno-ready', (event) => {
    const email = event.target.shadowRoot.querySelector('#qc-email');
    email?.focus();
    benchMarks.focusable = !!email && event.target.shadowRoot.activeElement === email;
    benchMarks.lang = event.target.shadowRoot.querySelector('[part="base"]')?.getAttribute('lang');
    benchMarks.interactive = performance.timeOrigin + performance.now();
  });
</script>
<script type="module" src="/${basename(bundle)}"></script></head>
<body><quaderno-checkout permalink="PERMALINK"ATTRIBUTE></quaderno-checkout></body></html>`;
  const routes = { '/': { type: 'text/html', body: () => page.replace('PERMALINK', permalink).replace('ATTRIBUTE', attribute) } };
  for (const [path, body] of Object.entries(scripts)) routes[path] = { type: 'text/javascript', body };
  const site = await staticServer(routes);
  const siteProxyRaw = await delayProxy(site.url, LATENCY_MS);
  const siteUrl = siteProxyRaw.url.replace('127.0.0.1', 'localhost');

  const results = Object.fromEntries(NETWORK_CASES.map((c) => [c.key, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const spec of NETWORK_CASES) {
        const session = sandbox.store.createSession({
          items: [{ name: 'Pro plan', amount: 2100, currency: 'EUR', quantity: 1 }],
          payment_methods: ['card'],
          billing_details_collection: 'required',
          locale: spec.session,
          success_url: 'https://merchant.example/thanks',
          cancel_url: 'https://merchant.example/cart',
        });
        permalink = `${sandboxProxy.url}/checkout/session/${new URL(sandbox.store.toJSON(session, sandbox.url).permalink).pathname.split('/').pop()}`;
        attribute = spec.attribute ? ` locale="${spec.attribute}"` : '';
        sandboxLog.length = 0;
        const context = await browser.newContext({ locale: spec.browser });
        await context.addCookies([{ name: 'bench_cookie', value: 'must-not-be-sent', url: sandboxProxy.url }]);
        const tab = await context.newPage();
        if (spec.holdFlowMs) await tab.route(/quaderno-checkout-flow-/, (route) => setTimeout(() => void route.continue().catch(() => {}), spec.holdFlowMs));
        const requests = [];
        tab.on('requestfinished', async (request) => {
          const timing = request.timing();
          requests.push({
            method: request.method(),
            url: request.url(),
            start: timing.startTime,
            end: timing.startTime + timing.responseEnd,
            headers: await request.allHeaders(),
          });
        });
        const navigationStart = Date.now();
        await tab.goto(siteUrl);
        await tab.waitForFunction(() => window.benchMarks.interactive, null, { timeout: 20_000 });
        await tab.waitForTimeout(300); // anything the element fetches after showing the form still counts
        const marks = await tab.evaluate(() => window.benchMarks);
        await context.close();

        const toSandbox = requests.filter((request) => request.url.startsWith(sandboxProxy.url));
        const sessionGet = toSandbox.find((request) => request.method === 'GET' && request.url.endsWith('.json'));
        const afterConnect = requests.filter((request) => request.start >= marks.connected - 1 && !isFlow(request));
        const beforeInteractive = afterConnect.filter((request) => request.start <= marks.interactive);
        // why the flow chunk is left out of the critical path: the form never waits for it (the `held` case shows it).
        const needed = requests.filter((request) => request.start <= marks.interactive && !isFlow(request));
        const flow = requests.find(isFlow);
        if (process.env.BENCH_DEBUG) console.error(spec.key, requests.map((r) => `${new URL(r.url).pathname.slice(0, 30)} ${(r.start % 100000).toFixed(0)}-${(r.end % 100000).toFixed(0)}`).join(' | '));
        const scriptBytes = (list) => list.reduce((sum, request) => sum + (brotliOf[new URL(request.url).pathname] ?? 0), 0);
        results[spec.key].push({
          lang: marks.lang,
          // why `start`: the element sends the GET before it asks for any chunk, so what started earlier had to load first
          // (comparing ends would be at the mercy of a millisecond of timing jitter).
          scriptsBeforeGet: scriptBytes(requests.filter((request) => sessionGet && request.start < sessionGet.start && !isFlow(request))),
          scriptsBeforeInteractive: scriptBytes(needed),
          chunks: needed
            .filter((request) => /quaderno-checkout-/.test(request.url))
            .map((request) => new URL(request.url).pathname.replace(/^\/quaderno-checkout-([a-z]+)-.*$/, '$1')),
          pageRequests: needed.length,
          pageRoundTrips: roundTrips(needed),
          flow: flow && { bytes: scriptBytes([flow]), start: flow.start - marks.connected, end: flow.end - marks.interactive, took: flow.end - flow.start },
          requestsAfterConnect: beforeInteractive.length,
          roundTripsAfterConnect: roundTrips(beforeInteractive),
          sandboxRequests: toSandbox.map((request) => `${request.method} ${new URL(request.url).pathname.replace(/[^/]+\.json$/, 'TOKEN.json')}`),
          preflights: sandboxLog.filter((entry) => entry.method === 'OPTIONS').length,
          credentialsSent:
            toSandbox.some((request) => request.headers.cookie || request.headers.authorization) ||
            sandboxLog.some((entry) => entry.headers.cookie || entry.headers.authorization),
          connectToInteractive: marks.interactive - marks.connected,
          navigationToInteractive: marks.interactive - navigationStart,
          focusable: marks.focusable,
        });
        log(`network: ${spec.key} run ${run + 1}/${runs} ${results[spec.key].at(-1).connectToInteractive.toFixed(0)} ms`);
      }
    }
  } finally {
    await Promise.all([siteProxyRaw.close(), site.close(), sandboxProxy.close()]);
    await sandbox.close();
  }
  const summary = (list) => ({
    runs: list.length,
    lang: list[0].lang,
    chunks: list[0].chunks,
    scriptsBeforeGet: Math.max(...list.map((r) => r.scriptsBeforeGet)),
    scriptsBeforeInteractive: Math.max(...list.map((r) => r.scriptsBeforeInteractive)),
    requestsAfterConnect: Math.max(...list.map((r) => r.requestsAfterConnect)),
    roundTripsAfterConnect: Math.max(...list.map((r) => r.roundTripsAfterConnect)),
    pageRequests: Math.max(...list.map((r) => r.pageRequests)),
    pageRoundTrips: Math.max(...list.map((r) => r.pageRoundTrips)),
    sandboxRequests: list[0].sandboxRequests,
    preflights: Math.max(...list.map((r) => r.preflights)),
    credentialsSent: list.some((r) => r.credentialsSent),
    focusable: list.every((r) => r.focusable),
    connectToInteractive: median(list.map((r) => r.connectToInteractive)),
    flow: list.every((r) => r.flow)
      ? { bytes: list[0].flow.bytes, start: median(list.map((r) => r.flow.start)), end: median(list.map((r) => r.flow.end)), took: median(list.map((r) => r.flow.took)) }
      : undefined,
    navigationToInteractive: median(list.map((r) => r.navigationToInteractive)),
  });
  const cases = Object.fromEntries(NETWORK_CASES.map((c) => [c.key, { ...c, ...summary(results[c.key]) }]));
  return { latencyMs: LATENCY_MS, ...cases.english, cases };
}

// ---- render -------------------------------------------------------------------------------------------------

/** A session with `count` items in the API's JSON shape, made by the sandbox's own store. */
function sessionJson(store, count) {
  const items = Array.from({ length: count }, (_, i) => ({
    name: `Product ${i + 1}`,
    description: i % 3 === 0 ? null : `Description of product ${i + 1}, with a few words`,
    amount: 1999 + i * 7,
    currency: 'EUR',
    quantity: (i % 4) + 1,
  }));
  const session = store.createSession({
    items,
    locale: 'en',
    billing_details_collection: 'required',
    coupon_collection: false,
    payment_methods: ['card'],
    success_url: 'https://merchant.example/thanks',
    cancel_url: 'https://merchant.example/cart',
  });
  return JSON.stringify(store.toJSON(session, 'https://bench.invalid'));
}

export async function measureRender({ browser, bundle, sizes = [1, 10, 100, 1000], log = () => {} }) {
  const store = new SandboxStore({ seed: false, abandonAfterMs: 0 });
  const site = await staticServer({
    '/': {
      type: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>render bench</title>
<script>window.benchCountryCodes = ${JSON.stringify(COUNTRY_CODES)};</script>
<script type="module" src="/quaderno-checkout.js"></script>
<script type="module" src="/render-page.js"></script></head><body></body></html>`,
    },
    '/quaderno-checkout.js': { type: 'text/javascript', body: readFileSync(bundle) },
    '/render-page.js': { type: 'text/javascript', body: readFileSync(resolve(ROOT, 'scripts/bench/render-page.js')) },
  });
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const out = {};
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => window.benchReady && customElements.get('quaderno-checkout'));
    for (const size of sizes) {
      const runs = size >= 1000 ? 15 : 25;
      const samples = await page.evaluate((args) => window.benchRender(args), {
        size,
        json: sessionJson(store, size),
        runs,
        warmup: 3,
      });
      const pick = (kind, key) => samples[kind].map((sample) => sample[key]);
      out[size] = {
        runs,
        ok: samples.element.every((s) => s.ok) && samples.vanilla.every((s) => s.ok),
        element: { render: median(pick('element', 'render')), keystroke: median(pick('element', 'keystroke')), validation: median(pick('element', 'validation')) },
        vanilla: { render: median(pick('vanilla', 'render')), keystroke: median(pick('vanilla', 'keystroke')), validation: median(pick('vanilla', 'validation')) },
      };
      log(`render: ${size} items, element ${out[size].element.render.toFixed(1)} ms, vanilla ${out[size].vanilla.render.toFixed(1)} ms`);
    }
  } finally {
    await context.close();
    await site.close();
    store.close();
  }
  if (errors.length) out.pageErrors = errors;
  return out;
}
