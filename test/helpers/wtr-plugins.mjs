// Server side of the browser tests: the sandbox commands and a reporter that counts results.
import { writeFileSync } from 'node:fs';

/** Lets browser tests create and inspect sandbox sessions without any API key reaching the page. */
export function sandboxCommands(sandbox) {
  return {
    name: 'quaderno-sandbox-commands',
    async executeCommand({ command, payload }) {
      const { store, url } = sandbox;
      switch (command) {
        case 'sandbox-url':
          return url;
        case 'sandbox-create': {
          const session = store.createSession(payload?.body ?? {}, { status: payload?.status, overrides: payload?.overrides });
          return store.toJSON(session, url);
        }
        case 'sandbox-get': {
          const session = store.getSession(payload.id);
          return session ? store.toJSON(session, url) : null;
        }
        case 'sandbox-update':
          // why: the merchant's private update (as their server would send it mid-checkout); a refusal is thrown.
          return store.toJSON(store.updateSession(payload.id, payload.body), url);
        case 'sandbox-tax-settings':
          // why a command: the sandbox refuses a settings change from another site's page, which a test page is.
          return store.taxSettings.update(payload.patch);
        case 'sandbox-set-status': {
          store.setStatus(payload.id, payload.status);
          return store.toJSON(store.getSession(payload.id), url);
        }
        default:
          return undefined;
      }
    },
  };
}

/**
 * Sandboxes whose sessions are abandoned after a short time without a write (`payload.limitMs`, default
 * `abandonAfterMs`), each started on first use: the session-expiry tests watch the element warn and extend in seconds,
 * not in the main sandbox's minute.
 */
export function shortLimitSandbox(startSandbox, abandonAfterMs) {
  const started = new Map();
  return {
    name: 'quaderno-short-limit-sandbox',
    async executeCommand({ command, payload }) {
      if (command !== 'short-limit-create' && command !== 'short-limit-get') return undefined;
      const limit = payload?.limitMs ?? abandonAfterMs;
      if (!started.has(limit)) started.set(limit, startSandbox({ port: 0, processingDelayMs: 300, abandonAfterMs: limit, log: false }));
      const sandbox = await started.get(limit);
      if (command === 'short-limit-get') {
        const session = sandbox.store.getSession(payload.id);
        return session ? sandbox.store.toJSON(session, sandbox.url) : null;
      }
      return sandbox.store.toJSON(sandbox.store.createSession(payload?.body ?? {}), sandbox.url);
    },
    async serverStop() {
      for (const sandbox of started.values()) await (await sandbox).close();
    },
  };
}

function count(results, tally) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) tally.skipped++;
    else if (test.passed) tally.passed++;
    else tally.failed++;
  }
  for (const suite of results?.suites ?? []) count(suite, tally);
}

/** The summed duration (ms) of every test in `results`, suites included. */
function testTime(results) {
  let ms = 0;
  for (const test of results?.tests ?? []) ms += test.duration ?? 0;
  for (const suite of results?.suites ?? []) ms += testTime(suite);
  return ms;
}

/**
 * Browser log lines no test file may leave: Lit's dev-mode warning that an element scheduled an update from inside
 * `updated()` (an extra render each time, https://lit.dev/msg/change-in-update).
 */
export const FORBIDDEN_LOGS = [{ pattern: /lit\.dev\/msg\/change-in-update/, why: "Lit's change-in-update warning" }];

/** The forbidden lines a test file's browser logged, as `why: text`. */
export function forbiddenLogs(logs) {
  const found = [];
  for (const args of logs ?? []) {
    const text = (Array.isArray(args) ? args : [args]).map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
    for (const { pattern, why } of FORBIDDEN_LOGS) if (pattern.test(text)) found.push(`${why}: ${text.slice(0, 160)}`);
  }
  return found;
}

/**
 * Writes `{passed, failed, skipped}` for scripts/test.mjs, which sums every runner into one line. A file whose
 * browser logged a forbidden line (FORBIDDEN_LOGS) counts as one more failure, and says which. `files` lists each
 * file's summed test time (`ms`) and when it finished after the run started (`doneAtMs`), slowest first, so CI time
 * can be traced to files.
 */
export function summaryReporter(file) {
  let started = performance.now();
  const doneAt = new Map();
  return {
    onTestRunStarted() {
      started = performance.now();
    },
    reportTestFileResults({ testFile }) {
      doneAt.set(testFile, Math.round(performance.now() - started));
    },
    onTestRunFinished({ sessions }) {
      const tally = { passed: 0, failed: 0, skipped: 0, forbidden: [], files: [] };
      const cwd = `${process.cwd()}/`;
      for (const session of sessions) {
        const name = session.testFile.startsWith(cwd) ? session.testFile.slice(cwd.length) : session.testFile;
        const tests = { passed: 0, failed: 0, skipped: 0 };
        count(session.testResults, tests);
        tally.files.push({ file: name, tests: tests.passed + tests.failed, ms: Math.round(testTime(session.testResults)), doneAtMs: doneAt.get(session.testFile) });
        count(session.testResults, tally);
        // why: a file that fails to load has no test results but must still count as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) tally.failed++;
        const forbidden = forbiddenLogs(session.logs);
        if (forbidden.length > 0) {
          tally.failed++;
          tally.forbidden.push({ file: session.testFile, logs: forbidden });
          console.error(`\n✖ ${session.testFile} logged what no test may:\n  ${forbidden.join('\n  ')}`);
        }
      }
      tally.files.sort((a, b) => b.ms - a.ms);
      if (file) writeFileSync(file, JSON.stringify(tally));
    },
  };
}
