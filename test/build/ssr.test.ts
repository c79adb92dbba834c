// Server-side rendering and bundler analysis import the package in Node: the built npm entries must load there
// without a DOM, without throwing and without creating `window`. Each case runs in a fresh Node process so no
// other test's globals leak in.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { DIST, ROOT, ensureBuild } from './support.js';

interface Probe {
  before: { window: string; customElements: string; document: string };
  after: { window: string; document: string; navigator: string; location: string; customElements: string; shim: boolean };
  exports: string[];
}

/** Imports the given dist modules in a clean Node and reports globals before and after. */
function probe(...modules: string[]): Probe {
  const script = `
    const kinds = () => ({ window: typeof window, customElements: typeof customElements, document: typeof document });
    const before = kinds();
    const exports = [];
    for (const m of ${JSON.stringify(modules.map((m) => join(DIST, m)))}) exports.push(...Object.keys(await import(m)));
    const after = { ...kinds(), navigator: typeof globalThis.navigator?.languages, location: typeof location,
      // why: Lit's Node build installs @lit-labs/ssr-dom-shim's registry itself (Lit SSR needs it); that one refuses upgrade().
      shim: typeof customElements === 'undefined' || (() => { try { customElements.upgrade({}); return false; } catch (e) { return /SSR/.test(e.message); } })() };
    console.log(JSON.stringify({ before, after, exports }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').pop()!) as Probe;
}

describe('the npm entries in Node (SSR)', () => {
  before(ensureBuild);

  it('quaderno-checkout/core (dist/lib/index.js) imports without a DOM and exports the API', () => {
    const result = probe('lib/index.js');
    assert.equal(result.before.window, 'undefined');
    assert.equal(result.after.window, 'undefined');
    assert.equal(result.after.document, 'undefined');
    assert.equal(result.after.location, 'undefined');
    for (const name of ['QuadernoCheckout', 'createPublicClient', 'createPrivateClient', 'sessionSchema', 'QuadernoCompleteEvent', 'ValidationError', 'sandboxProcessor', 'realProcessors', 'lazyProcessor']) {
      assert.ok(result.exports.includes(name), `exports ${name}`);
    }
  });

  it('quaderno-checkout (the registering entry) imports without a DOM and without throwing', () => {
    const result = probe('lib/quaderno-checkout.js', 'lib/react.js', 'lib/vue.js');
    assert.equal(result.after.window, 'undefined');
    assert.equal(result.after.document, 'undefined');
    assert.ok(result.after.shim, "no registry but Lit's own SSR shim");
    assert.ok(result.exports.includes('QuadernoCheckout'));
    assert.ok(result.exports.includes('default'));
  });

  it('only the registering modules are marked as having side effects', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { sideEffects: string[] };
    // why: the src/ and demo/ entries are there for builds inside this repository (the examples); npm ships dist/ only.
    assert.deepEqual(pkg.sideEffects.filter((path) => path.startsWith('./dist/')).sort(), [
      './dist/lib/quaderno-checkout.js',
      './dist/quaderno-checkout.iife.js',
      './dist/quaderno-checkout.js',
    ]);
    assert.ok(!pkg.sideEffects.some((path) => path.includes('index')), 'the core entry is side-effect free');
    const core = readFileSync(join(DIST, 'lib/index.js'), 'utf8');
    assert.doesNotMatch(core, /customElements\.define/);
  });

  it('the npm modules import lit and zod instead of bundling them', () => {
    const component = readFileSync(join(DIST, 'lib/checkout/checkout.component.js'), 'utf8');
    assert.match(component, /from "lit"/);
    const schema = readFileSync(join(DIST, 'lib/session/schema.js'), 'utf8');
    assert.match(schema, /from "zod(?:\/mini)?"/);
    assert.doesNotMatch(component, /@property\(/);
  });
});
