// The built bundles' markup, as the template minifier leaves it: every icon keeps every shape, and a label keeps the
// space between its words. The dev server never minifies, so only the built files show these.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningSandbox } from '../../src/sandbox/server.js';
import { DIST, ROOT, builtSiteSuite, createSession, waitForView, type StaticServer } from './support.js';

/** Every constant svg`` template of the shipped source (the sandbox's pages are not shipped). */
function sourceIcons(): Array<{ file: string; markup: string }> {
  const found: Array<{ file: string; markup: string }> = [];
  for (const dir of ['src/ui', 'src/checkout/views', 'src/processors']) {
    for (const name of readdirSync(join(ROOT, dir)).filter((file) => file.endsWith('.ts'))) {
      const code = readFileSync(join(ROOT, dir, name), 'utf8');
      for (const match of code.matchAll(/\bsvg`(<[^`$]*)`/g)) found.push({ file: `${dir}/${name}`, markup: match[1]! });
    }
  }
  return found;
}

describe('built markup', () => {
  let box: RunningSandbox;
  let site: StaticServer;
  let browser: Browser;
  const pages: Record<string, string> = {};

  builtSiteSuite(pages, (env) => ({ box, site, browser } = env));

  it('every icon of the source is in the built bundles with all its shapes closed', () => {
    const icons = sourceIcons();
    assert.ok(icons.length >= 7, `icons found: ${icons.length}`);
    for (const file of ['quaderno-checkout.js', 'quaderno-checkout.iife.js']) {
      const code = readFileSync(join(DIST, file), 'utf8');
      for (const icon of icons) {
        const shapes = icon.markup.match(/<(?:path|circle|rect|line|polyline)\b/g)?.length ?? 0;
        assert.ok(code.includes(icon.markup), `${file}: an icon of ${icon.file} with ${shapes} shapes is not intact: ${icon.markup.slice(0, 60)}…`);
      }
    }
  });

  it('rendered from the ES bundle: no shape inside another, and "Company (optional)" keeps its space', async () => {
    const permalink = createSession(box, { success_url: `${site.url}/thanks`, cancel_url: `${site.url}/cart` });
    pages['/markup.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/quaderno-checkout.js"></script></head>
<body><quaderno-checkout permalink="${permalink}"></quaderno-checkout></body></html>`;
    const tab = await browser.newPage();
    try {
      await tab.goto(`${site.url}/markup.html`);
      await waitForView(tab, 'form');
      const el = tab.locator('quaderno-checkout');
      const label = await el.locator('label[for="qc-company"]').textContent();
      assert.equal(label?.replace(/\s+/g, ' ').trim(), 'Company (optional)');
      // an empty submit shows every field's error icon
      await el.locator('[part="pay-button"]').click();
      await el.locator('[part="error"] svg').first().waitFor();
      const svgs = await tab.evaluate(() => {
        const root = document.querySelector('quaderno-checkout')!.shadowRoot!;
        return [...root.querySelectorAll('svg')].map((svg) => ({
          shapes: svg.querySelectorAll('path, circle, rect').length,
          nested: svg.querySelectorAll(':is(path, circle, rect) *').length,
          html: svg.innerHTML.slice(0, 80),
        }));
      });
      assert.ok(svgs.some((svg) => svg.shapes === 3), 'the error icon draws its circle, bar and dot');
      for (const svg of svgs) assert.equal(svg.nested, 0, `a shape nested in another: ${svg.html}`);
    } finally {
      await tab.close();
    }
  });
});
