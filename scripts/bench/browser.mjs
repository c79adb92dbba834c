// The two headless-Chromium parts: the network (requests and round trips behind 100 ms of latency) and the
// render cost against a vanilla DOM baseline, with keystroke-to-validation latency.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findBrowser } from '../find-browser.mjs';
import { startSandbox } from '../../src/sandbox/server.ts';
import { SandboxStore } from '../../src/sandbox/store.ts';
import { COUNTRY_CODES } from '../../src/locales/countries.ts';
import { delayProxy, median, roundTrips, staticServer } from './lib.mjs';

const ROOT = process.cwd();
const LATENCY_MS = 100;

export async function launchBrowser() {
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROME_ARGS });
  return { browser, version: browser.version() };
}

// ---- network ------------------------------------------------------------------------------------------------

/**
 * Loads a merchant page (http://localhost:A) whose <quaderno-checkout> points at the sandbox (http://127.0.0.1:B),
 * each behind its own proxy that adds LATENCY_MS to every request and every response. A cookie is set for the
 * sandbox's host, to prove the element does not send it.
 */
export async function measureNetwork({ browser, bundle, runs = 5, log = () => {} }) {
  const sandbox = await startSandbox({ port: 0 });
  const sandboxLog = [];
  const sandboxProxy = await delayProxy(sandbox.url, LATENCY_MS, sandboxLog);
  const script = readFileSync(bundle);
  let permalink = '';
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>network bench</title>
<script>
  window.benchMarks = {};
  customElements.whenDefined('quaderno-checkout').then(() => { benchMarks.connected = performance.timeOrigin + performance.now(); });
  document.addEventListener('quaderno-ready', (event) => {
    const email = event.target.shadowRoot.querySelector('#qc-email');
    email?.focus();
    benchMarks.focusable = !!email && event.target.shadowRoot.activeElement === email;
    benchMarks.interactive = performance.timeOrigin + performance.now();
  });
</script>
<script type="module" src="/quaderno-checkout.js"></script></head>
<body><quaderno-checkout permalink="PERMALINK"></quaderno-checkout></body></html>`;
  const site = await staticServer({
    '/': { type: 'text/html', body: () => page.replace('PERMALINK', permalink) },
    '/quaderno-checkout.js': { type: 'text/javascript', body: script },
  });
  const siteProxyRaw = await delayProxy(site.url, LATENCY_MS);
  const siteUrl = siteProxyRaw.url.replace('127.0.0.1', 'localhost');

  const results = [];
  try {
    for (let run = 0; run < runs; run++) {
      const copy = await fetch(`${sandbox.url}/sandbox/sessions.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: 100 }),
      }).then((response) => response.json());
      permalink = `${sandboxProxy.url}/checkout/session/${new URL(copy.permalink).pathname.split('/').pop()}`;
      sandboxLog.length = 0;
      const context = await browser.newContext();
      await context.addCookies([{ name: 'bench_cookie', value: 'must-not-be-sent', url: sandboxProxy.url }]);
      const tab = await context.newPage();
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
      const afterConnect = requests.filter((request) => request.start >= marks.connected - 1);
      const beforeInteractive = afterConnect.filter((request) => request.start <= marks.interactive);
      results.push({
        pageRequests: requests.filter((request) => request.start <= marks.interactive).length,
        pageRoundTrips: roundTrips(requests.filter((request) => request.start <= marks.interactive)),
        requestsAfterConnect: beforeInteractive.length,
        roundTripsAfterConnect: roundTrips(beforeInteractive),
        sandboxRequests: toSandbox.map((request) => `${request.method} ${new URL(request.url).pathname.replace(/[^/]+\.json$/, 'TOKEN.json')}`),
        preflights: sandboxLog.filter((entry) => entry.method === 'OPTIONS').length,
        proxyRequests: sandboxLog.length,
        credentialsSent:
          toSandbox.some((request) => request.headers.cookie || request.headers.authorization) ||
          sandboxLog.some((entry) => entry.headers.cookie || entry.headers.authorization),
        connectToInteractive: marks.interactive - marks.connected,
        navigationToInteractive: marks.interactive - navigationStart,
        focusable: marks.focusable,
      });
      log(`network: run ${run + 1}/${runs} ${results.at(-1).connectToInteractive.toFixed(0)} ms`);
    }
  } finally {
    await Promise.all([siteProxyRaw.close(), site.close(), sandboxProxy.close()]);
    await sandbox.close();
  }
  const first = results[0];
  return {
    latencyMs: LATENCY_MS,
    runs: results.length,
    requestsAfterConnect: Math.max(...results.map((r) => r.requestsAfterConnect)),
    roundTripsAfterConnect: Math.max(...results.map((r) => r.roundTripsAfterConnect)),
    pageRequests: Math.max(...results.map((r) => r.pageRequests)),
    pageRoundTrips: Math.max(...results.map((r) => r.pageRoundTrips)),
    sandboxRequests: first.sandboxRequests,
    preflights: Math.max(...results.map((r) => r.preflights)),
    credentialsSent: results.some((r) => r.credentialsSent),
    focusable: results.every((r) => r.focusable),
    connectToInteractive: median(results.map((r) => r.connectToInteractive)),
    navigationToInteractive: median(results.map((r) => r.navigationToInteractive)),
  };
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
