// `npm run bench`: builds the project, measures size, network, render cost and sandbox throughput, prints one
// markdown table and writes it to BENCHMARKS.md. Numbers are printed, never asserted (machines are noisy); the
// only verdicts are the size budget and the round-trip target. Run with `node --import tsx` (the sandbox is TypeScript).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { measureSizes, viteBundle } from './sizes.mjs';
import { launchBrowser, measureNetwork, measureRender } from './browser.mjs';
import { measureThroughput } from './throughput.mjs';
import { handlerSection, measureHandler } from './handler.mjs';
import { measureProcessors, processorsSection } from './processors.mjs';
import { measureTaxPreview, measureTaxSize, taxHow, taxRows } from './tax.mjs';
import { fileSizes, kb, ms, signedKb } from './lib.mjs';
import { SIZE_BUDGET } from '../size-budget.ts';
import { byArea } from './attribution.mjs';

const ROOT = process.cwd();
// The size budget (scripts/size-budget.ts, held by test/build/size-budget.test.ts): rows here show how much is left.
const CRITICAL_PATH_BUDGET = SIZE_BUDGET.esCoreWithLargestLocale;
const IIFE_BUDGET = SIZE_BUDGET.classicScript;
const started = performance.now();
const log = (line) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

// ---- build ----------------------------------------------------------------------------------------------------

log('npm run build');
const buildRun = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
let bundle = resolve(ROOT, 'dist/quaderno-checkout.js');
let buildNote = '`npm run build`';
if (buildRun.status !== 0 || !existsSync(bundle)) {
  // why: lets the bench run while the build is being written; the table says so, and sizes then describe this bundle.
  process.stderr.write(`${buildRun.stdout ?? ''}${buildRun.stderr ?? ''}\n`);
  log('npm run build failed: measuring a fallback Vite bundle of src/quaderno-checkout.ts instead');
  mkdirSync(resolve(ROOT, '.tmp/bench'), { recursive: true });
  bundle = resolve(ROOT, '.tmp/bench/quaderno-checkout.js');
  writeFileSync(bundle, await viteBundle({ fullMinify: true }));
  buildNote = '**fallback**: `npm run build` failed, so a Vite bundle of src/quaderno-checkout.ts was measured';
}

// ---- measure --------------------------------------------------------------------------------------------------

const size = await measureSizes({ log });
const { browser, version: chromium } = await launchBrowser();
let network;
let render;
let tax;
try {
  log('network');
  network = await measureNetwork({ browser, bundle, log });
  log('render');
  render = await measureRender({ browser, bundle, log });
  log('tax');
  tax = await measureTaxPreview({ browser, bundle, log });
} finally {
  await browser.close();
}
const throughput = await measureThroughput({ concurrency: 16, seconds: 5, log });
const handlerBench = await measureHandler({ concurrency: 16, seconds: 5, log });
const processors = await measureProcessors({ log });
const taxSize = await measureTaxSize({ log });

// ---- table ----------------------------------------------------------------------------------------------------

const triple = (s) => (s ? `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}` : 'not built');
const ratio = (ours, base) => `×${(ours / base).toFixed(2)}`;
const rows = [];
const row = (area, measure, ours, reference = '', verdict = '') => rows.push([area, measure, ours, reference, verdict]);

const esm = size.script.esm ?? { ...size.reference.es, file: 'reference build' };
const chunkCodes = Object.keys(size.chunks).sort();
const chunkSum = (key) => chunkCodes.reduce((sum, code) => sum + size.chunks[code][key], 0);
const cases = network.cases;
row('Size', `Script-tag ES module core (${size.script.esm?.file ?? 'not built'}: Lit, zod, English), raw / gzip / brotli`, triple(size.script.esm), '', '');
row(
  'Size',
  `ES module locale chunks (${chunkCodes.length}, dist/quaderno-checkout-<code>-<hash>.js), brotli each`,
  chunkCodes.map((code) => `${code} ${kb(size.chunks[code].brotli)}`).join(' · '),
  `${kb(chunkSum('raw'))} raw / ${kb(chunkSum('brotli'))} brotli together`,
  'loaded one at a time, on demand',
);
if (size.flow) {
  row('Size', `ES module flow chunk (${size.flow.file}: actions, sandbox processor, outcome views), raw / gzip / brotli`, triple(size.flow), 'not on the critical path', 'fetched with the session GET');
}
row('Size', `Script-tag classic (${size.script.iife?.file ?? 'not built'}), every locale, raw / gzip / brotli`, triple(size.script.iife), '', '');
// Before and after the restructuring into one model and one processor contract: the same files, measured the same
// way (brotli, quality 11) on the commit named in sizes-before.json.
{
  const before = JSON.parse(readFileSync(resolve('scripts/bench/sizes-before.json'), 'utf8'));
  const dist = resolve('dist');
  const built = (pattern) => readdirSync(dist).find((file) => pattern.test(file));
  const brotliOf = (pattern) => {
    const file = built(pattern);
    return file ? fileSizes(resolve(dist, file)).brotli : 0;
  };
  const largestLocale = Math.max(...readdirSync(dist).filter((file) => /^quaderno-checkout-[a-z]{2}-[\w-]+\.js$/.test(file)).map((file) => fileSizes(resolve(dist, file)).brotli));
  const now = {
    'ES core (quaderno-checkout.js)': brotliOf(/^quaderno-checkout\.js$/),
    'ES core + largest locale chunk (de)': brotliOf(/^quaderno-checkout\.js$/) + largestLocale,
    'ES flow chunk (actions, sandbox processor, outcome views)': brotliOf(/^quaderno-checkout-flow-[\w-]+\.js$/),
    'ES sandbox processor chunk': brotliOf(/^quaderno-checkout-sandbox-[\w-]+\.js$/),
    'ES payment-start chunk': brotliOf(/^quaderno-checkout-payment-start-[\w-]+\.js$/),
    'classic script (quaderno-checkout.iife.js)': brotliOf(/^quaderno-checkout\.iife\.js$/),
    'Stripe adapter script (quaderno-checkout-stripe.iife.js)': brotliOf(/^quaderno-checkout-stripe\.iife\.js$/),
    'PayPal adapter script (quaderno-checkout-paypal.iife.js)': brotliOf(/^quaderno-checkout-paypal\.iife\.js$/),
  };
  for (const [label, was] of Object.entries(before.brotli)) {
    const is = now[label] ?? 0;
    const shown = (bytes) => (bytes ? kb(bytes) : 'none');
    row('Size', `Before → after one model and one processor contract (${before.commit}): ${label}, brotli`, `${shown(was)} → ${shown(is)}`, '', is === was ? 'same' : signedKb(is - was));
  }
}
// why the budget's own definition (scripts/size-budget.ts) and not the rows below: those also count the processor's
// chunk a page's payment fields load beside the session (the sandbox's here, an adapter's in production).
const worstPath = (size.script.esm?.brotli ?? 0) + Math.max(...chunkCodes.map((code) => size.chunks[code].brotli));
row(
  'Size',
  'Budget: ES core + the largest locale chunk, brotli (the critical path below adds the processor chunk the payment fields load)',
  kb(worstPath),
  `≤ ${kb(CRITICAL_PATH_BUDGET)}`,
  worstPath <= CRITICAL_PATH_BUDGET ? `PASS (${kb(CRITICAL_PATH_BUDGET - worstPath)} left)` : `OVER by ${kb(worstPath - CRITICAL_PATH_BUDGET)}`,
);
if (size.script.iife) {
  row(
    'Size',
    'Budget: classic script with every locale, brotli',
    kb(size.script.iife.brotli),
    `≤ ${kb(IIFE_BUDGET)}`,
    size.script.iife.brotli <= IIFE_BUDGET ? `PASS (${kb(IIFE_BUDGET - size.script.iife.brotli)} left)` : `OVER by ${kb(size.script.iife.brotli - IIFE_BUDGET)}`,
  );
}
row('Critical path', 'Script bytes before the session GET can start (brotli; the GET starts when the core has run)', kb(cases.english.scriptsBeforeGet), 'the core', '');
for (const c of Object.values(cases)) {
  row(
    'Critical path',
    `${c.label}: script bytes before an interactive form (brotli) · chunks · round trips after the script (+${network.latencyMs} ms each way)`,
    `${kb(c.scriptsBeforeInteractive)} · ${c.chunks.length ? c.chunks.join(', ') : 'none'} · ${c.roundTripsAfterConnect}`,
    c.key === 'unpredicted' ? 'at most 2 round trips' : 'target 1 round trip (the session GET)',
    (c.key === 'unpredicted' ? c.roundTripsAfterConnect <= 2 : c.roundTripsAfterConnect <= 1) ? `PASS (form in ${c.lang})` : `OVER (form in ${c.lang})`,
  );
}
const flow = cases.english.flow;
if (flow) {
  row(
    'Critical path',
    `English: the flow chunk requested · arrived, median of ${cases.english.runs} (ms after the element connected · relative to the interactive form)`,
    `${ms(flow.start)} · ${flow.end <= 0 ? `${ms(-flow.end)} before` : `${ms(flow.end)} after`}`,
    `started after the form instead: ≈ ${ms(flow.took)} after (its own download)`,
    flow.end <= 0 ? 'in before the form' : 'in after the form (never awaited by it)',
  );
}
if (cases.held) {
  const delta = cases.held.connectToInteractive - cases.english.connectToInteractive;
  row('Critical path', 'The form with the flow chunk held back 2 s: connection → interactive, against English', `${ms(cases.held.connectToInteractive)} (${delta >= 0 ? '+' : '−'}${ms(Math.abs(delta))})`, ms(cases.english.connectToInteractive), delta < 1000 ? 'PASS (waiting would add ≈ 2 s)' : 'the form waited');
}
for (const c of Object.values(cases)) {
  row('Critical path', `${c.label}: element connection → interactive form, median of ${c.runs}`, ms(c.connectToInteractive), `≥ ${2 * network.latencyMs * Math.max(1, c.roundTripsAfterConnect)} ms (${c.roundTripsAfterConnect} round trip${c.roundTripsAfterConnect === 1 ? '' : 's'})`, '');
}
if (size.attribution) {
  const top = size.attribution.slice(0, 15);
  const total = size.attribution.reduce((sum, entry) => sum + entry.brotli, 0);
  top.forEach((entry, i) =>
    row('Attribution', `#${i + 1} of the core by brotli share: \`${entry.module}\``, kb(entry.brotli), `${kb(entry.raw)} raw`, `${((entry.brotli / total) * 100).toFixed(1)}% of the core`),
  );
}
if (size.attribution) {
  const areas = byArea(size.attribution);
  const total = areas.reduce((sum, a) => sum + a.brotli, 0);
  for (const a of areas) {
    row('Attribution', `Area of the core: ${a.area}${a.floor ? ' (required by the stack)' : ''}`, kb(a.brotli), `${kb(a.raw)} raw · ${a.modules} module${a.modules === 1 ? '' : 's'}`, `${((a.brotli / total) * 100).toFixed(0)}% of the core`);
  }
  // why: the budget's arithmetic, from the same run. What the stack obliges (Lit, zod/mini, English) and the largest
  // locale chunk come first; what is left of the budget is the checkout's own, set against what it takes today.
  const required = areas.filter((a) => a.floor).reduce((sum, a) => sum + a.brotli, 0);
  const largestChunk = Math.max(0, ...chunkCodes.map((code) => size.chunks[code].brotli));
  const budget = CRITICAL_PATH_BUDGET - required - largestChunk;
  const own = total - required;
  row(
    'Attribution',
    "Budget arithmetic: the checkout's own code (every area not required by the stack) against what the budget leaves it, brotli",
    kb(own),
    `${kb(budget)} = ${kb(CRITICAL_PATH_BUDGET)} − ${kb(required)} (Lit, zod/mini, English) − ${kb(largestChunk)} (largest locale chunk)`,
    own <= budget ? `fits (${kb(budget - own)} left)` : `needs −${kb(own - budget)} (${(((own - budget) / own) * 100).toFixed(0)}% of the checkout's own code)`,
  );
}
if (size.transforms) {
  const t = size.transforms;
  row(
    'Size',
    "Template minifier (@lit-labs/rollup-plugin-minify-html-literals): ES core · classic, brotli",
    `${signedKb(size.reference.es.brotli - t.without.brotli)} · ${t.iifeWithout && t.iife ? signedKb(t.iife.brotli - t.iifeWithout.brotli) : 'n/a'}`,
    `${kb(t.without.brotli)} core without it`,
    'kept: a maintained tool does this job',
  );
}
row('Size', "Lit's floor: bare Lit element, same build settings, raw / gzip / brotli", triple(size.floor.es), '', '');
row(
  'Size',
  'Required floor: the bare element + one zod/mini object schema + English, brotli',
  kb(size.floor.required.brotli),
  `${kb(CRITICAL_PATH_BUDGET)} budget`,
  `${kb(CRITICAL_PATH_BUDGET - size.floor.required.brotli)} left for the checkout and one locale chunk`,
);
row('Size', 'ES core − Lit floor, brotli (what the checkout adds to Lit)', signedKb(esm.brotli - size.floor.es.brotli), kb(size.floor.es.brotli), ratio(esm.brotli, size.floor.es.brotli));
row('Size', 'npm entry `quaderno-checkout` without Lit (zod inside, minified), raw / gzip / brotli', triple(size.npm.element), '', '');
row('Size', 'npm entry `quaderno-checkout/core` (index.ts, every export) without Lit, raw / gzip / brotli', triple(size.npm.index), '', '');
row('Size', 'zod/mini’s share of the core, raw / brotli', `${kb(size.shares.zod.raw)} / ${kb(size.shares.zod.brotli)}`, '', `${((size.shares.zod.brotli / esm.brotli) * 100).toFixed(0)}% of the core`);
row('Size', 'Styles’ share of the core (checkout.styles.ts), raw / brotli', `${kb(size.shares.styles.raw)} / ${kb(size.shares.styles.brotli)}`, '', `${((size.shares.styles.brotli / esm.brotli) * 100).toFixed(0)}% of the core`);
row(
  'Size',
  `An app bundling ${size.esbuild.entry} with esbuild (Lit external), raw / brotli`,
  `${kb(size.esbuild.asIs.raw)} / ${kb(size.esbuild.asIs.brotli)}`,
  `${kb(size.esbuild.namespaceImport.raw)} / ${kb(size.esbuild.namespaceImport.brotli)} with \`import * as z\``,
  ratio(size.esbuild.asIs.raw, size.esbuild.namespaceImport.raw),
);

row('Network', `English: requests from element connection to interactive form (+${network.latencyMs} ms each way)`, String(network.requestsAfterConnect), network.sandboxRequests.join(', '), '');
row('Network', 'Whole page (English): requests / sequential round trips to an interactive form', `${network.pageRequests} / ${network.pageRoundTrips}`, 'HTML → script → session', '');
row('Network', 'CORS preflights (OPTIONS seen by the proxy)', String(Math.max(...Object.values(cases).map((c) => c.preflights))), '0', '');
row('Network', 'Requests carrying a Cookie or Authorization header', Object.values(cases).some((c) => c.credentialsSent) ? 'some' : 'none', 'none (a cookie was set for the sandbox host)', Object.values(cases).some((c) => c.credentialsSent) ? 'FAIL' : 'PASS');
row('Network', `English: navigation → interactive form, median of ${network.runs}`, ms(network.navigationToInteractive), `≥ ${6 * network.latencyMs} ms (three round trips)`, '');
taxRows(row, tax, taxSize);

for (const [items, result] of Object.entries(render).filter(([key]) => key !== 'pageErrors')) {
  row('Render', `Session response → interactive form, ${items} item${items === '1' ? '' : 's'} (median of ${result.runs})`, ms(result.element.render), `vanilla ${ms(result.vanilla.render)}`, ratio(result.element.render, result.vanilla.render) + (result.ok ? '' : ' (check failed)'));
}
for (const [items, result] of Object.entries(render).filter(([key]) => key !== 'pageErrors')) {
  row('Render', `Keystroke → field updated, ${items} item${items === '1' ? '' : 's'} (median)`, ms(result.element.keystroke), `vanilla ${ms(result.vanilla.keystroke)}`, ratio(result.element.keystroke, result.vanilla.keystroke));
}
for (const [items, result] of Object.entries(render).filter(([key]) => key !== 'pageErrors')) {
  row('Render', `Invalid email, blur → error shown, ${items} item${items === '1' ? '' : 's'} (median)`, ms(result.element.validation), `vanilla ${ms(result.vanilla.validation)}`, ratio(result.element.validation, result.vanilla.validation));
}

const tp = (r) => `${Math.round(r.rps).toLocaleString('en')} req/s · p50 ${ms(r.p50)} · p99 ${ms(r.p99)}`;
const floorNote = (r) => `node:http floor ${Math.round(r.rps).toLocaleString('en')} req/s`;
row('Sandbox', `GET /checkout/session/TOKEN.json, ${throughput.concurrency} keep-alive clients, ${throughput.seconds} s`, tp(throughput.get), floorNote(throughput.floorGet), `${((throughput.get.rps / throughput.floorGet.rps) * 100).toFixed(0)}% of floor${throughput.get.errors ? `, ${throughput.get.errors} errors` : ''}`);
row('Sandbox', `PUT /checkout/session/TOKEN.json (customer), ${throughput.concurrency} clients, ${throughput.seconds} s`, tp(throughput.put), floorNote(throughput.floorPut), `${((throughput.put.rps / throughput.floorPut.rps) * 100).toFixed(0)}% of floor${throughput.put.errors ? `, ${throughput.put.errors} errors` : ''}`);

const escape = (cell) => String(cell).replace(/\|/g, '\\|');
const table = [
  '| Area | Measure | Ours | Baseline / target | Verdict / ratio |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((cells) => `| ${cells.map(escape).join(' | ')} |`),
].join('\n');

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()}; Node ${process.version}; Chromium ${chromium}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const seconds = ((performance.now() - started) / 1000).toFixed(0);

console.log(table);

const doc = `# Benchmarks

Generated by \`npm run bench\` (\`scripts/bench/\`) on ${date}, in ${seconds} s.
Machine: ${machine}.
Build: ${buildNote}.

Numbers are measured, not asserted: expect ±10–20 % between runs on a shared machine. Only the size budget and the
round-trip targets carry a verdict. Ratios compare against a baseline measured in the same run.

${table}

## How each number was taken

- **Sizes** are bytes of the built files: gzip at level 9, brotli at quality 11 (node:zlib). "KB" is 1024 bytes.
- **Locale chunks** are the ES build's other locales: \`dist/quaderno-checkout-<code>-<hash>.js\`, each importing
  only from the core. The classic script inlines them all. Each chunk alone compresses worse than its share of a
  bundle with all ten (compression context), which is why the chunks add up to more than the locales did inside one file.
- **Budget** (\`scripts/size-budget.ts\`, held in \`npm test\` by \`test/build/size-budget.test.ts\`): the ES core plus
  its largest locale chunk at most ${CRITICAL_PATH_BUDGET / 1024} KB brotli, the classic script with every locale at most ${IIFE_BUDGET / 1024} KB, each adapter
  script at most ${SIZE_BUDGET.adapterScript / 1024} KB. It stops regressions; the earlier 26 KB critical-path goal is retired (Stripe.js alone weighs
  more than the whole checkout form).
- **Critical path**: from the network runs below, the brotli sizes of the script files (core, chunks) the page requested
  before the moment named. "Before the session GET can start" counts the scripts whose download ended before the GET
  began (the element starts the GET when the core has run). The cases: the \`locale\` attribute set (\`de\`); no
  attribute, a session saying \`auto\` and a browser preferring \`de-DE\` (Playwright's context \`locale\`); and a session
  naming \`fi\`, which neither the page (\`<html lang="en">\`) nor the browser (\`de-DE\`) predicts: the element loaded
  its guesses with the GET, then loads \`fi\` and keeps its loading view until it arrives (no form in the wrong language).
  "Chunks" lists the chunks requested before the form was interactive; round trips count after the script, as below.
  The flow chunk (\`dist/quaderno-checkout-flow-<hash>.js\`: the model's actions, the sandbox processor and the hosted
  hand-off, the views of a payment's outcome) is not counted: the element requests it with the session GET and the form
  never waits for it, which the "held back 2 s" case shows (its interactive time against English's; the chunk is
  delayed by Playwright routing). Its row says when it was requested and arrived; "started after the form" is the
  alternative of requesting it once the form shows: it would then arrive one download (its own request's duration in
  this run) after the form, so the first action could wait for it.
- **Attribution** reads \`dist/quaderno-checkout.js.map\` (\`scripts/bench/attribution.mjs\`, decoded with
  \`@jridgewell/sourcemap-codec\`): every character of the core belongs to the source module its mapping names. A
  module's brotli share is its own text compressed alone, scaled so the shares add up to the core's brotli size: an
  estimate that ranks modules, not an exact split (they compress together in the real file). **Areas** sum those
  shares by the list \`AREAS\` in the same file (first match wins). **Budget arithmetic** takes the areas the stack
  requires (Lit, zod/mini, English) and the largest locale chunk off the 42 KB budget; what remains is what the
  checkout's own code (every other area) may weigh, set against what it weighs in this run.
- **Template minifier** is the ES core and the classic script built without \`@lit-labs/rollup-plugin-minify-html-literals\`,
  in memory, in the same run; it replaced the hand-written minifier with the same result (±0.05 KB). The locale key
  compactor was dropped: with one locale per chunk it saves nothing on the critical path.
- **Lit's floor** is \`scripts/bench/floor/bare-element.ts\` (one \`@property\`, a \`html\` render, a guarded define) built with
  the project's own script-tag settings (\`browserConfig('es')\` from \`vite.lib.config.ts\`), in memory, in the same run.
- **Required floor** is \`scripts/bench/floor/required-floor.ts\`: the bare element, plus what the foundation and
  locale issues oblige every ES core to carry — a zod/mini \`looseObject\` parse of its data and English — with the
  same settings. It is what any checkout meeting those issues ships before its own code.
- **npm entries without Lit** are the same sources built with those settings, \`lit\`/\`@lit/*\` external, whitespace
  minified (as an application's bundler would), zod bundled in (an app pays for it either way); the entry module only.
- **Shares** (zod, styles) are leave-one-out: the ES core minus the same build with that module replaced by a stand-in
  (zod by an inert proxy, the styles by an empty \`css\`).
- **esbuild consumer**: \`esbuild --bundle --minify\` of the published \`dist/lib/quaderno-checkout.js\` with Lit external,
  as published and with \`import { z } from 'zod/mini'\` rewritten to \`import * as z from 'zod/mini'\` (esbuild inlines
  the locale modules, since it is not asked to split).
- **Network**: a merchant page on \`http://localhost:A\` (\`<html lang="en">\`) loads \`dist/quaderno-checkout.js\` (its
  chunks served next to it) and shows \`<quaderno-checkout permalink>\` for a fresh one-item card session on the sandbox
  at \`http://127.0.0.1:B\` (cross-site), once per case, ${network.cases.english.runs} rounds, each page load in a fresh
  browser context. Each origin sits behind a loopback proxy that holds every request ${network.latencyMs} ms and every
  response ${network.latencyMs} ms. Requests and their start/end times come from Playwright's \`requestfinished\` events
  (\`request.timing()\`); a round trip is counted when a request starts after the previous one ended (longest such chain).
  "Connection" is when the tag is defined (the element upgrades and connects then); "interactive" is \`quaderno-ready\` with
  \`#qc-email\` focusable (focus() lands on it). Headers are checked in Chromium's request and at the proxy (which also
  sees preflights). Counts are the largest over the rounds, times the median.
- **Render**: one page loads the built bundle and \`scripts/bench/render-page.js\`. A fetch stub answers the element's
  \`GET <permalink>.json\` at once with a session made by the sandbox's own store (\`createSession\` + \`toJSON\`: N items,
  billing \`required\`, card only, locale en). The clock starts when the stub hands over the response and stops when the
  form is rendered, \`#qc-email\` has focus, and layout has run (the pay button's \`getBoundingClientRect()\`): it covers
  parsing and validating the JSON, rendering, style and layout. The **vanilla baseline** is hand-written DOM code in the
  same page that fetches the same JSON through the same stub and builds the same summary (name, description, quantity ×
  unit price, line total, subtotal, total via a cached \`Intl.NumberFormat\`) and the same form (10 billing fields with the
  country select of 249 localized names, the card method with 3 test-card fields, pay and cancel), in a shadow root with
  the element's own stylesheets. Runs alternate which goes first; 3 warm-up pairs are dropped; 25 measured pairs
  (15 at 1000 items); medians.
- **Keystroke → field updated**: on the same instance, 12 \`input\` events typing \`not-an-email\` into the email field, each
  timed until the element's update completed and layout ran (median of the 12, then median over runs).
  **Blur → error shown**: \`blur()\` on the field, timed until \`#qc-email-error\` has text and layout ran. Events are
  dispatched in the page (no input latency from the automation protocol). \`performance.now()\` is coarsened to 0.1 ms.
- **Sandbox throughput**: the sandbox runs in a child process (\`scripts/bench/sandbox-child.mjs\`, \`startSandbox\`,
  request log off) on a fresh copy of session 100; ${throughput.concurrency} clients in this process loop over keep-alive
  \`node:http\` connections for ${throughput.seconds} s after a 0.5 s warm-up; p50/p99 are per-request latencies. The PUT body
  sets 7 customer fields. The **floor** is a plain \`node:http\` server in the same child answering the same JSON
  (${throughput.bytes} bytes), parsing the PUT body, measured the same way for 3 s: it is what Node's HTTP stack alone costs on this machine.
  On a 2-core machine the clients and the server each have about one core.
${taxHow(tax)}

${handlerSection(handlerBench)}
${processorsSection(processors)}`;
writeFileSync(resolve(ROOT, 'BENCHMARKS.md'), doc);
if (render.pageErrors) log(`page errors during the render bench: ${render.pageErrors.join('; ')}`);
log(`wrote BENCHMARKS.md (${seconds} s)`);
