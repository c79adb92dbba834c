// The script-tag bundles, as a merchant uses them: served from one origin, talking to the sandbox on another
// (CORS), completing a checkout in headless Chromium. Also: what must never ship in them, and loading twice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningSandbox } from '../../src/sandbox/server.js';
import {
  DIST,
  collectErrors,
  completeCheckout,
  createSession,
  waitForView,
  type StaticServer,
  builtSiteSuite,
} from './support.js';

const BUNDLES = [
  { name: 'ES module', file: 'quaderno-checkout.js', tag: '<script type="module" src="/dist/quaderno-checkout.js"></script>' },
  { name: 'classic script', file: 'quaderno-checkout.iife.js', tag: '<script src="/dist/quaderno-checkout.iife.js" defer></script>' },
] as const;

// why: no inline script, as on a merchant page with a strict CSP; the listener lives in its own file.
const LISTENER = `
window.quadernoEvents = [];
for (const name of ['quaderno-ready', 'quaderno-update', 'quaderno-complete', 'quaderno-error']) {
  document.addEventListener(name, (event) => {
    window.quadernoEvents.push(name + ':' + (event.detail && event.detail.session ? event.detail.session.status : event.detail && event.detail.code));
    if (name === 'quaderno-complete' && location.search.includes('stay')) event.preventDefault();
  });
}
`;

function page(scripts: string, permalink: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src *">
<script src="/listener.js"></script>${scripts}</head>
<body><quaderno-checkout permalink="${permalink}" poll-interval="100"></quaderno-checkout></body></html>`;
}

describe('script-tag bundles', () => {
  let box: RunningSandbox;
  let site: StaticServer;
  let browser: Browser;
  const pages: Record<string, string> = { '/listener.js': '' };

  builtSiteSuite(pages, (env) => ({ box, site, browser } = env));

  for (const bundle of BUNDLES) {
    it(`${bundle.file} is minified production code: no raw decorators, no Lit dev mode, no bare imports`, () => {
      const code = readFileSync(join(DIST, bundle.file), 'utf8');
      assert.doesNotMatch(code, /@(?:property|state)\s*\(/);
      assert.doesNotMatch(code, /Lit is in dev mode|reactive-element\/development/);
      assert.doesNotMatch(code, /\bimport\s*[^(]*from\s*["'](?:lit|zod)/);
      assert.doesNotMatch(code, /^\t/m, 'minified (Vite indents unminified output with tabs)');
      assert.doesNotMatch(code, /\/\* @__PURE__ \*\//);
      assert.match(code, /customElements\.get\(`quaderno-checkout`\)|customElements\.get\("quaderno-checkout"\)/);
    });

    for (const mode of ['stay', 'redirect'] as const) {
      it(`${bundle.name}: completes a checkout cross-origin (${mode === 'stay' ? 'preventDefault keeps the page' : 'redirects to success_url'})`, async () => {
        const permalink = createSession(box, { success_url: `${site.url}/thanks`, cancel_url: `${site.url}/cart` });
        assert.notEqual(new URL(permalink).origin, site.url, 'the sandbox is another origin');
        const path = `/${bundle.file}-${mode}.html`;
        pages[path] = page(bundle.tag, permalink);
        pages['/listener.js'] = LISTENER;
        pages['/thanks'] = '<!doctype html><title>Thanks</title><h1>Thanks</h1>';
        const tab = await browser.newPage();
        const errors = collectErrors(tab);
        try {
          await tab.goto(`${site.url}${path}?${mode}`);
          await completeCheckout(tab);
          if (mode === 'stay') {
            await waitForView(tab, 'completed');
            const events = await tab.evaluate(() => (window as unknown as { quadernoEvents: string[] }).quadernoEvents);
            assert.ok(events.includes('quaderno-ready:pending'), events.join());
            assert.ok(events.includes('quaderno-complete:completed'), events.join());
            assert.equal(new URL(tab.url()).pathname, path);
          } else {
            await tab.waitForURL(`${site.url}/thanks`, { timeout: 10_000 });
          }
          assert.equal(box.store.getByToken(new URL(permalink).pathname.split('/').pop()!)?.status, 'completed');
          assert.deepEqual(errors, []);
        } finally {
          await tab.close();
        }
      });
    }
  }

  it('loading both bundles, each twice (two copies of Lit and of the element), does not throw', async () => {
    const permalink = createSession(box, { success_url: `${site.url}/thanks`, cancel_url: `${site.url}/cart` });
    pages['/twice.html'] = page(
      [
        '<script src="/dist/quaderno-checkout.iife.js"></script>',
        '<script src="/dist/quaderno-checkout.iife.js"></script>',
        '<script type="module" src="/dist/quaderno-checkout.js"></script>',
        '<script type="module" src="/dist/quaderno-checkout.js?copy=2"></script>',
      ].join(''),
      permalink,
    );
    const tab = await browser.newPage();
    const errors = collectErrors(tab);
    try {
      await tab.goto(`${site.url}/twice.html`);
      await waitForView(tab, 'form');
      // why: give the module scripts, which run after the classic ones, time to evaluate and (not) re-register.
      await tab.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('quaderno-checkout.js')).length >= 2);
      await tab.waitForLoadState('load');
      const defined = await tab.evaluate(() => typeof customElements.get('quaderno-checkout'));
      assert.equal(defined, 'function');
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });
});
