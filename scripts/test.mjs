// The test command: node's runner for Node-side suites, web-test-runner in Chromium for *.browser.test.ts.
// Prints one closing line, `tests: N passed, N failed`, summed over both runners from their machine-readable
// summaries (a node:test reporter and a wtr reporter, each writing JSON under .tmp/), never from their human output.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from './find-browser.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a === '--node' || a === '--browser');
const filters = args.filter((a) => !a.startsWith('--'));
const recordTimes = args.includes('--record-times');
// why an option: one runner after the other, each printing as it goes, when reading a failure is easier that way.
const sequential = args.includes('--sequential') || process.env.TEST_SEQUENTIAL === '1';

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

// Each file's test time (seconds) from a full run, written by `--record-times`. why: both runners start files in the
// order given, a few at a time, so a long file started last makes a tail on idle cores; slowest first fills them.
const TIMES_FILE = 'scripts/test-times.json';
const times = existsSync(TIMES_FILE) ? JSON.parse(readFileSync(TIMES_FILE, 'utf8')) : { node: {}, browser: {} };
// why 5 s: a file new since the times were recorded may be long; it starts before the many short known ones.
const UNKNOWN_S = 5;
const slowestFirst = (runner) => (a, b) => (times[runner]?.[b] ?? UNKNOWN_S) - (times[runner]?.[a] ?? UNKNOWN_S) || a.localeCompare(b);

const all = walk('test').filter((f) => f.endsWith('.test.ts')).sort();
const match = (f) => filters.length === 0 || filters.some((x) => f.includes(x));
const nodeFiles = all.filter((f) => !f.endsWith('.browser.test.ts') && match(f)).sort(slowestFirst('node'));
const browserFiles = all.filter((f) => f.endsWith('.browser.test.ts') && match(f)).sort(slowestFirst('browser'));

// why: a test that leaves a process or server behind can hold a runner open for ever; CI has 90 minutes for
// everything, so a runner that outlives this is stopped and counted as failed instead.
const RUNNER_LIMIT_MS = Number(process.env.TEST_RUNNER_LIMIT_MS ?? 30 * 60_000);

/** Runs a runner; its output goes straight through, or, with `output`, into that array to be printed later. */
function run(command, commandArgs, env = {}, output = undefined) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const watchdog = setTimeout(() => {
      console.error(`\n${commandArgs.at(-1)}…: the runner is still going after ${RUNNER_LIMIT_MS / 60_000} min; stopping it`);
      child.kill('SIGKILL');
    }, RUNNER_LIMIT_MS);
    child.stdout.on('data', (chunk) => (output ? output.push(chunk) : process.stdout.write(chunk)));
    child.stderr.on('data', (chunk) => (output ? output.push(chunk) : process.stderr.write(chunk)));
    child.on('close', (code) => {
      clearTimeout(watchdog);
      resolve({ code: code ?? 1 });
    });
  });
}

let passed = 0;
let failed = 0;
let exitCode = 0;

/** Prints a runner's slowest files from its summary (`files`: summed test time per file), to see where CI time goes. */
function printSlowest(runner, files = []) {
  if (files.length === 0) return;
  const total = files.reduce((sum, f) => sum + f.ms, 0);
  console.log(`${runner}: ${files.length} files, ${(total / 1000).toFixed(1)} s of test time; slowest:`);
  for (const f of files.slice(0, 10)) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.file} (${f.tests} tests)`);
}

const NODE_SUMMARY = '.tmp/node-summary.json';

/** The node:test run over `nodeFiles`; resolves to what to print after it and the counts to add. */
async function runNode(output) {
  rmSync(NODE_SUMMARY, { force: true });
  // why `TEST_CPU_LOG=file`: each test process appends its CPU time there (test/helpers/cpu-log.mjs), for measuring.
  const cpuLog = process.env.TEST_CPU_LOG ? ['--import', './test/helpers/cpu-log.mjs'] : [];
  // why two reporters (scripts/node-tests.mjs): spec for people, and the counts from the runner's own events
  // (test/helpers/node-summary-reporter.mjs) for this line, so nothing here parses the human output.
  const { code } = await run(
    process.execPath,
    [
      '--import', 'tsx', ...cpuLog, 'scripts/node-tests.mjs', NODE_SUMMARY,
      ...nodeFiles,
    ],
    {},
    output,
  );
  const summary = existsSync(NODE_SUMMARY) ? JSON.parse(readFileSync(NODE_SUMMARY, 'utf8')) : undefined;
  return () => {
    if (summary) {
      passed += summary.passed;
      failed += summary.failed + summary.cancelled + (code !== 0 && summary.failed + summary.cancelled === 0 ? 1 : 0);
      if (summary.skipped + summary.todo > 0) console.log(`node: ${summary.skipped} skipped, ${summary.todo} todo`);
      printSlowest('node', summary.files);
    } else {
      failed += 1;
    }
    if (code !== 0) exitCode = 1;
  };
}

// why alone: these suites resize the viewport, emulate forced colours and send real keys for :focus-visible, which a
// page sharing the browser with another test file can neither hold nor keep focused; alone they take about 30 s.
// (The node suites' Chromium instances are browsers of their own, so they do not count as sharing.)
const SOLO_BROWSER_FILES = ['test/checkout/accessibility.browser.test.ts'];

/** One web-test-runner run over `files`; resolves to what to do after it: print and count from its summary. */
async function runBrowser(files, name, extraArgs, output) {
  const summaryFile = `.tmp/wtr-summary-${name}.json`;
  rmSync(summaryFile, { force: true });
  const { code } = await run(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...extraArgs, '--files', ...files],
    { WTR_SUMMARY: summaryFile },
    output,
  );
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  return () => {
    if (summary) {
      printSlowest(`browser (${name})`, summary.files);
      passed += summary.passed;
      failed += summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0);
      if (summary.failed > 0) exitCode = 1;
    } else {
      failed += 1;
    }
    if (code !== 0) exitCode = 1;
  };
}

/** The shared pass, then the solo one; resolves to what to do after them. */
async function runBrowsers(output) {
  findBrowser();
  const solo = browserFiles.filter((file) => SOLO_BROWSER_FILES.includes(file));
  const shared = browserFiles.filter((file) => !SOLO_BROWSER_FILES.includes(file));
  const done = [];
  if (shared.length > 0) done.push(await runBrowser(shared, 'shared', [], output));
  if (solo.length > 0) done.push(await runBrowser(solo, 'solo', ['--concurrency', '1'], output));
  return () => done.forEach((finish) => finish());
}

mkdirSync('.tmp', { recursive: true });
const withNode = only !== '--browser' && nodeFiles.length > 0;
const withBrowser = only !== '--node' && browserFiles.length > 0;
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
if (withNode && withBrowser && !sequential) {
  // why at once: on 2 cores neither runner keeps both busy (they wait on servers, timers and Chromium), and together
  // they take about the time of the longer one. The node output streams; the browser output, held, follows it whole.
  const browserOutput = [];
  const [finishNode, finishBrowser] = await Promise.all([
    runNode().then((finish) => (console.log(`node: done after ${seconds()}`), finish)),
    runBrowsers(browserOutput).then((finish) => (browserOutput.push(`browser: done after ${seconds()}\n`), finish)),
  ]);
  for (const chunk of browserOutput) process.stdout.write(chunk);
  finishNode();
  finishBrowser();
} else {
  if (withNode) (await runNode())();
  if (withBrowser) (await runBrowsers())();
}

if (recordTimes) {
  // Rewrites TIMES_FILE from this run's summaries (only after a full run: a filtered one would drop the others).
  const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).files ?? [] : []);
  const toSeconds = (files) => Object.fromEntries(files.map((f) => [f.file, Math.round(f.ms / 100) / 10]).sort(([a], [b]) => a.localeCompare(b)));
  const next = {
    node: withNode ? toSeconds(read(NODE_SUMMARY)) : times.node,
    browser: withBrowser ? toSeconds([...read('.tmp/wtr-summary-shared.json'), ...read('.tmp/wtr-summary-solo.json')]) : times.browser,
  };
  writeFileSync(TIMES_FILE, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`wrote ${TIMES_FILE}`);
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
