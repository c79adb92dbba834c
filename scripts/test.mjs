// The test command: node's runner for Node-side suites, web-test-runner in Chromium for *.browser.test.ts.
// Prints one closing line, `tests: N passed, N failed`, summed over both runners from their machine-readable
// summaries (a node:test reporter and a wtr reporter, each writing JSON under .tmp/), never from their human output.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from './find-browser.mjs';

const args = process.argv.slice(2);
const only = args.find((a) => a === '--node' || a === '--browser');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

const all = walk('test').filter((f) => f.endsWith('.test.ts')).sort();
const match = (f) => filters.length === 0 || filters.some((x) => f.includes(x));
const nodeFiles = all.filter((f) => !f.endsWith('.browser.test.ts') && match(f));
const browserFiles = all.filter((f) => f.endsWith('.browser.test.ts') && match(f));

// why: a test that leaves a process or server behind can hold a runner open for ever; CI has 90 minutes for
// everything, so a runner that outlives this is stopped and counted as failed instead.
const RUNNER_LIMIT_MS = Number(process.env.TEST_RUNNER_LIMIT_MS ?? 30 * 60_000);

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const watchdog = setTimeout(() => {
      console.error(`\n${commandArgs.at(-1)}…: the runner is still going after ${RUNNER_LIMIT_MS / 60_000} min; stopping it`);
      child.kill('SIGKILL');
    }, RUNNER_LIMIT_MS);
    child.stdout.on('data', (chunk) => process.stdout.write(chunk));
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => {
      clearTimeout(watchdog);
      resolve({ code: code ?? 1 });
    });
  });
}

let passed = 0;
let failed = 0;
let exitCode = 0;

if (only !== '--browser' && nodeFiles.length > 0) {
  mkdirSync('.tmp', { recursive: true });
  const summaryFile = '.tmp/node-summary.json';
  rmSync(summaryFile, { force: true });
  // why two reporters: spec for people, and the counts from the runner's own events (test/helpers/node-summary-reporter.mjs)
  // for this line, so nothing here parses the human output.
  const { code } = await run(process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/helpers/node-summary-reporter.mjs', `--test-reporter-destination=${summaryFile}`,
    ...nodeFiles,
  ]);
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  if (summary) {
    passed += summary.passed;
    failed += summary.failed + summary.cancelled + (code !== 0 && summary.failed + summary.cancelled === 0 ? 1 : 0);
    if (summary.skipped + summary.todo > 0) console.log(`node: ${summary.skipped} skipped, ${summary.todo} todo`);
  } else {
    failed += 1;
  }
  if (code !== 0) exitCode = 1;
}

// why alone: these suites resize the viewport, emulate forced colours and send real keys for :focus-visible, which a
// page sharing the browser with another test file can neither hold nor keep focused; alone they take about 30 s.
const SOLO_BROWSER_FILES = ['test/checkout/accessibility.browser.test.ts'];

/** One web-test-runner run over `files`, its counts read from the summary its reporter writes. */
async function runBrowser(files, name, extraArgs = []) {
  const summaryFile = `.tmp/wtr-summary-${name}.json`;
  rmSync(summaryFile, { force: true });
  const { code } = await run(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...extraArgs, '--files', ...files],
    { WTR_SUMMARY: summaryFile },
  );
  if (existsSync(summaryFile)) {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    passed += summary.passed;
    failed += summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0);
    if (summary.failed > 0) exitCode = 1;
  } else {
    failed += 1;
  }
  if (code !== 0) exitCode = 1;
}

if (only !== '--node' && browserFiles.length > 0) {
  findBrowser();
  mkdirSync('.tmp', { recursive: true });
  const solo = browserFiles.filter((file) => SOLO_BROWSER_FILES.includes(file));
  const shared = browserFiles.filter((file) => !SOLO_BROWSER_FILES.includes(file));
  if (shared.length > 0) await runBrowser(shared, 'shared');
  if (solo.length > 0) await runBrowser(solo, 'solo', ['--concurrency', '1']);
}

console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
