// The ES module build carries English only and loads every other locale as a chunk of
// its own, next to it, under a strict CSP (script-src 'self'); the classic script carries every locale.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { LOCALE_CODES, type LocaleCode } from '../../src/session/locale-codes.js';
import { TRANSLATIONS } from '../../src/locales/all.js';
import type { RunningSandbox } from '../../src/sandbox/server.js';
import { DIST, collectErrors, createSession, ensureBuild, holdSessionUntil, waitForView, builtSiteSuite, type StaticServer } from './support.js';

const OTHERS = LOCALE_CODES.filter((code) => code !== 'en');

/** Every string leaf of a translation. */
function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

const english = new Set(leaves(TRANSLATIONS.en));
/**
 * A locale's own words: long strings that English does not have, in plain characters (a minifier may escape quotes,
 * backslashes and no-break spaces, so those are left out rather than guessed).
 */
function ownWords(code: LocaleCode): string[] {
  return leaves(TRANSLATIONS[code]).filter((s) => s.length >= 12 && !english.has(s) && /^[^`'"\\\u00a0\u202f${}]+$/.test(s));
}

const chunkOf = (code: string) => readdirSync(DIST).find((file) => new RegExp(`^quaderno-checkout-${code}-[\\w-]+\\.js$`).test(file));

describe('locale chunks of the ES module build', () => {
  before(() => ensureBuild());

  it('emits exactly one chunk per non-English locale, next to the core', () => {
    // why not the processors' chunks: they are no locales (test/build/chunks.test.ts covers them).
    const chunks = readdirSync(DIST).filter((file) => /^quaderno-checkout-[a-z]{2}-[\w-]+\.js$/.test(file));
    assert.deepEqual(chunks.map((file) => /^quaderno-checkout-([a-z]{2})-/.exec(file)?.[1]).sort(), [...OTHERS].sort(), chunks.join());
  });

  it('the core holds English and none of the other locales’ words; each chunk holds its own', () => {
    const core = readFileSync(join(DIST, 'quaderno-checkout.js'), 'utf8');
    assert.ok(english.size > 50 && leaves(TRANSLATIONS.en).filter((s) => /^[\w ,.]{12,}$/.test(s)).every((s) => core.includes(s)), 'English is in the core');
    for (const code of OTHERS) {
      const words = ownWords(code);
      assert.ok(words.length >= 20, `${code}: enough words to check (${words.length})`);
      assert.deepEqual(words.filter((s) => core.includes(s)), [], `no ${code} words in the core`);
      const chunk = readFileSync(join(DIST, chunkOf(code)!), 'utf8');
      assert.deepEqual(words.filter((s) => !chunk.includes(s)), [], `the ${code} chunk holds its words`);
      // why: a chunk imports only from the core (already loaded), never from a third file on the critical path.
      const imports = [...chunk.matchAll(/from\s*["']([^"']+)["']/g)].map((m) => m[1]);
      assert.ok(imports.every((specifier) => specifier === './quaderno-checkout.js'), `${code} imports ${imports.join()}`);
    }
  });

  it('the classic script is self-contained: every locale’s words, no import', () => {
    const iife = readFileSync(join(DIST, 'quaderno-checkout.iife.js'), 'utf8');
    for (const code of OTHERS) assert.deepEqual(ownWords(code).filter((s) => !iife.includes(s)), [], code);
    assert.doesNotMatch(iife, /\bimport\s*\(/);
  });
});

describe("the sandbox's hosted page serves the built chunks", () => {
  before(() => ensureBuild());

  it('GET /quaderno-checkout-<code>-<hash>.js answers the chunk from dist/, and nothing else by that route', async () => {
    const { createSandboxApp } = await import('../../src/sandbox/app.js');
    const sandboxApp = createSandboxApp();
    try {
      const file = chunkOf('de')!;
      const chunk = await sandboxApp.app.request(`/${file}`);
      assert.equal(chunk.status, 200);
      assert.match(chunk.headers.get('content-type') ?? '', /javascript/);
      assert.equal(await chunk.text(), readFileSync(join(DIST, file), 'utf8'));
      for (const path of ['/quaderno-checkout-..%2Fpackage.json', '/quaderno-checkout-nope.js', '/quaderno-checkout.js.map']) {
        assert.notEqual((await sandboxApp.app.request(path)).status, 200, path);
      }
    } finally {
      sandboxApp.close();
    }
  });
});

describe('locale chunks in Chromium under script-src self', () => {
  let box: RunningSandbox;
  let site: StaticServer;
  let browser: Browser;
  const pages: Record<string, string> = {};

  // why: the violation listener is a file of its own, since the policy allows no inline script.
    pages['/boot.js'] = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`;
  builtSiteSuite(pages, (env) => ({ box, site, browser } = env));

  it('locale="de" loads the German chunk in parallel with the session GET, shows German, then switches to Finnish', async () => {
    const permalink = createSession(box, { success_url: `${site.url}/thanks`, cancel_url: `${site.url}/cart` }, { locale: 'en' });
    pages['/de.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src ${box.url}">
<script src="/boot.js"></script><script type="module" src="/dist/quaderno-checkout.js"></script></head>
<body><quaderno-checkout permalink="${permalink}" locale="de"></quaderno-checkout></body></html>`;
    const tab = await browser.newPage();
    const errors = collectErrors(tab);
    const germanChunk = `/dist/${chunkOf('de')}`;
    const { requested, whileHeld } = await holdSessionUntil(tab, (path) => path === germanChunk);
    try {
      await tab.goto(`${site.url}/de.html`);
      await waitForView(tab, 'form');
      const base = tab.locator('quaderno-checkout [part="base"]');
      assert.equal(await base.getAttribute('lang'), 'de');
      assert.match(await base.innerText(), new RegExp(TRANSLATIONS.de.orderSummary));
      assert.equal(whileHeld(), true, 'the chunk was requested while the session answer was still on its way');

      await tab.evaluate(() => document.querySelector('quaderno-checkout')!.setAttribute('locale', 'fi'));
      await tab.waitForFunction(
        (words) => document.querySelector('quaderno-checkout')!.shadowRoot!.querySelector('[part="base"]')!.textContent!.includes(words),
        TRANSLATIONS.fi.orderSummary,
      );
      assert.ok(requested.has(`/dist/${chunkOf('fi')}`), 'the Finnish chunk loaded on the switch');
      assert.equal(await base.getAttribute('lang'), 'fi');
      assert.deepEqual(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
      assert.deepEqual(errors, []);
    } finally {
      await tab.close();
    }
  });
});
