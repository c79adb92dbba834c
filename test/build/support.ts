// Shared by the build tests: a fresh dist/ (built at most once across parallel test files), a tiny static server,
// headless Chromium through playwright-core, and a customer who completes a checkout through the shadow DOM.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import { fillBilling } from '../helpers/fill-billing.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Inputs of `npm run build`; dist/ is fresh when it is newer than all of them. */
const BUILD_INPUTS = [
  'src',
  'scripts/build.ts',
  'scripts/element-bundle.ts',
  'vite.lib.config.ts',
  'tsconfig.build.json',
  'tsconfig.json',
  'custom-elements-manifest.config.mjs',
  'package.json',
];
const OUTPUTS = [
  'dist/quaderno-checkout.js',
  'dist/quaderno-checkout.iife.js',
  'dist/quaderno-checkout-stripe.iife.js',
  'dist/quaderno-checkout-paypal.iife.js',
  'dist/lib/index.js',
  'dist/lib/index.d.ts',
  'dist/lib/quaderno-checkout.d.ts',
  'dist/custom-elements.json',
];

function distIsFresh(): boolean {
  const outputs = OUTPUTS.map((file) => newest(join(ROOT, file)));
  if (outputs.some((mtime) => mtime === 0)) return false;
  const inputs = Math.max(...BUILD_INPUTS.map((path) => newest(join(ROOT, path))).filter((m) => m > 0));
  return Math.min(...outputs) >= inputs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `npm run build` unless dist/ is newer than every source. A directory lock keeps parallel test files from
 * building at once (node's runner runs files in separate processes).
 */
export async function ensureBuild(): Promise<void> {
  if (distIsFresh()) return;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const lock = join(ROOT, '.tmp/build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // why: a lock older than two minutes belongs to a build that died; take it over.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(100);
    }
  }
  try {
    if (!distIsFresh()) {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts')], { cwd: ROOT, stdio: 'pipe' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves files under `dir`, plus literal `pages` (path → HTML). A directory serves its index.html; with `spa`,
 * unknown paths fall back to the root index.html.
 */
export async function serveStatic(
  dir: string,
  options: { pages?: Record<string, string>; spa?: boolean } = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // why: browsers ask for it on their own; a 404 would show up as a console error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const page = options.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && options.spa) file = join(dir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The sandbox on its own port (a different origin from every static server). */
export function sandbox(): Promise<RunningSandbox> {
  return startSandbox({ port: 0, processingDelayMs: 100, abandonAfterMs: 0 });
}

/** A fresh pending session paid by card, with `required` billing; returns its permalink. */
export function createSession(
  box: RunningSandbox,
  urls: { success_url: string; cancel_url: string },
  extra: Record<string, unknown> = {},
): string {
  const session = box.store.createSession({
    items: [{ product: '000000' }],
    payment_methods: ['card'],
    billing_details_collection: 'required',
    ...urls,
    ...extra,
  });
  return box.store.toJSON(session, box.url).permalink as string;
}

// why: find-browser.mjs is plain JS without declarations; a computed specifier keeps tsc from asking for them.
const findBrowserModule = '../../scripts/find-browser.mjs';
const { findBrowser, CHROME_ARGS } = (await import(findBrowserModule)) as {
  findBrowser(): string;
  CHROME_ARGS: string[];
};

/** Headless Chromium: the one `npm test` uses (CHROME_PATH or the system's), with the suite's flags. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findBrowser(), args: CHROME_ARGS });
}

/** What a built-site suite runs against: the sandbox, a static server of the repository root, one Chromium. */
export interface BuiltSite {
  box: RunningSandbox;
  site: StaticServer;
  browser: Browser;
}

/**
 * Registers a suite's set-up and tear-down: the build, the sandbox, a static server of the repository root (so
 * `/dist/…` and the extra `pages`), and Chromium; `ready` receives them once started.
 */
export function builtSiteSuite(pages: Record<string, string>, ready: (site: BuiltSite) => void): void {
  let env: Partial<BuiltSite> = {};
  before(async () => {
    await ensureBuild();
    env.box = await sandbox();
    env.site = await serveStatic(join(DIST, '..'), { pages });
    env.browser = await launchBrowser();
    ready(env as BuiltSite);
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
    await env.box?.close();
    env = {};
  });
}

/**
 * Holds the first session answer (a `.json` request) until a request whose path `wanted` matches has started, or
 * 10 s passed. why: "fetched in parallel with the session" means asked for before its answer arrives; comparing
 * timings fails by luck on a loaded machine (a local GET can answer first), while holding the answer tells a parallel
 * fetch (requested while held) from one that waits for the session (never requested while held), and load can only
 * stretch the bound. `requested` lists every path the page asked for; `whileHeld()` says whether `wanted` came in time.
 */
export async function holdSessionUntil(page: Page, wanted: (path: string) => boolean): Promise<{ requested: Set<string>; whileHeld: () => boolean | undefined }> {
  const requested = new Set<string>();
  page.on('request', (request) => requested.add(new URL(request.url()).pathname));
  const seen = () => [...requested].some(wanted);
  let whileHeld: boolean | undefined;
  await page.route(
    (url) => url.pathname.endsWith('.json'),
    async (route) => {
      if (whileHeld === undefined) {
        const deadline = Date.now() + 10_000;
        while (!seen() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        whileHeld = seen();
      }
      await route.continue();
    },
  );
  return { requested, whileHeld: () => whileHeld };
}

/** Page errors and console errors, collected for assertions. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Waits for the element (the first on the page) to show a view; playwright's CSS locators pierce shadow roots. */
export async function waitForView(page: Page, view: string, timeout = 10_000): Promise<void> {
  await page.locator(`quaderno-checkout [part="base"][data-state="${view}"]`).first().waitFor({ timeout });
}

/**
 * The customer: fills the `required` billing fields, chooses card (fillBilling), types the success card and pays.
 * Selectors follow src/checkout/views (ids `qc-<field>`, `[part="pay-button"]`).
 */
export async function completeCheckout(page: Page, card = '4242 4242 4242 4242'): Promise<void> {
  await waitForView(page, 'form');
  await fillBilling(page);
  const el = page.locator('quaderno-checkout');
  await el.locator('#qc-card_number').fill(card);
  await el.locator('#qc-card_expiry').fill('12/39');
  await el.locator('#qc-card_cvc').fill('123');
  // why: the customer pays the total they see; Pay pressed while a tax preview runs only shows the new total.
  await el.locator('.totals[aria-busy="false"]').waitFor();
  await el.locator('[part="pay-button"]').click();
}

/**
 * Installs a packed tarball into `project/node_modules` as npm would lay it out, without npm: unpacked, with the
 * package's own `dependencies` and the consumer's `packages` linked from this repository's node_modules.
 * why not `npm install` offline: on a fresh machine (an empty npm cache) npm cannot resolve the package's
 * dependencies (@stripe/stripe-js, @paypal/paypal-js) offline, and going online would make the test depend on the
 * registry; every package needed is already in node_modules, at the versions the lockfile pins.
 */
export function installPacked(tarball: string, project: string, packages: readonly string[]): void {
  const target = join(project, 'node_modules/quaderno-checkout');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of new Set([...Object.keys(manifest.dependencies ?? {}), ...packages])) {
    const source = join(ROOT, 'node_modules', name);
    if (!existsSync(source)) throw new Error(`${name} is not installed in this repository (run npm ci)`);
    const link = join(project, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(source, link, 'dir');
  }
}
