// The examples in demo/: the React and Vue apps build with Vite, and each example, served on its own origin,
// mounts the element against the sandbox (another origin), completes a checkout and receives quaderno-complete.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import type { RunningSandbox } from '../../src/sandbox/server.js';
import {
  ROOT,
  collectErrors,
  completeCheckout,
  ensureBuild,
  launchBrowser,
  sandbox,
  serveStatic,
  type StaticServer,
} from './support.js';

const SPAS = ['react', 'vue'] as const;

describe('examples', () => {
  let box: RunningSandbox;
  let browser: Browser;
  const servers: StaticServer[] = [];

  before(async () => {
    box = await sandbox();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
    await box?.close();
  });

  async function payAndExpectResult(url: string): Promise<void> {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    try {
      await page.goto(url);
      await completeCheckout(page);
      const result = page.locator('.result');
      await result.waitFor({ timeout: 10_000 });
      assert.match((await result.textContent()) ?? '', /^Paid: session \d+ is completed\.$/);
      assert.equal(new URL(page.url()).origin, new URL(url).origin, 'preventDefault kept the app on its page');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  }

  for (const name of SPAS) {
    it(`${name}: builds with Vite, mounts the element and receives quaderno-complete after paying`, async () => {
      const configFile = join(ROOT, `demo/${name}/vite.config.ts`);
      await build({ configFile, logLevel: 'error' });
      const dist = join(ROOT, `demo/${name}/dist`);
      assert.ok(existsSync(join(dist, 'index.html')));
      const site = await serveStatic(dist);
      servers.push(site);
      await payAndExpectResult(`${site.url}/?sandbox=${encodeURIComponent(box.url)}`);
    });
  }

  it('html: the script-tag example with dist/quaderno-checkout.js completes a checkout', async () => {
    await ensureBuild();
    const site = await serveStatic(ROOT);
    servers.push(site);
    await payAndExpectResult(`${site.url}/demo/html/?sandbox=${encodeURIComponent(box.url)}`);
  });
});
