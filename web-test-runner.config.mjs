import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findBrowser, CHROME_ARGS } from './scripts/find-browser.mjs';
import { sandboxCommands, shortLimitSandbox, summaryReporter } from './test/helpers/wtr-plugins.mjs';
import { hardeningCommands } from './test/helpers/hardening-plugins.mjs';
import { frameCommands } from './test/processors/frame-commands.mjs';

// why: the sandbox runs in this Node process on its own port, so every browser test is cross-origin to it, as on a merchant's page.
const { startSandbox } = await import('./src/sandbox/server.ts');
// why: `faults: true` turns on the test-only fault schedule that the hardening suites drive through server commands.
const sandbox = await startSandbox({ port: 0, processingDelayMs: 300, abandonAfterMs: 60_000, log: false, faults: true });

// why: with two test files at once, one page sits in a background tab whose animation frames Chrome would throttle.
const BACKGROUND_TAB_ARGS = [
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export default {
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 15_000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: findBrowser(), headless: true, args: [...CHROME_ARGS, ...BACKGROUND_TAB_ARGS] } }),
  ],
  plugins: [
    // why: the plugin ignores tsconfig, so decorators need this target to be lowered for the browser.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    sandboxCommands(sandbox),
    shortLimitSandbox(startSandbox, 10_000),
    hardeningCommands(sandbox),
    frameCommands(),
    { name: 'close-sandbox', serverStop: () => sandbox.close() },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>window.__SANDBOX_URL__ = ${JSON.stringify(sandbox.url)};</script></head>
<body><script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [defaultReporter(), summaryReporter(process.env.WTR_SUMMARY)],
};
