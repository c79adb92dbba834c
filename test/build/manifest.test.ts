// What the build derives from the element's JSDoc and types: the Custom Elements Manifest, the declarations, and
// the API tables of README.md (which must match the manifest: `npm run build:docs` regenerates them).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { renderTables, updatedUsage } from '../../scripts/build-docs.js';
import { DIST, ROOT, ensureBuild } from './support.js';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

interface ElementDeclaration {
  tagName: string;
  attributes: Array<{ name: string }>;
  events: Array<{ name: string }>;
  cssParts: Array<{ name: string }>;
  cssProperties: Array<{ name: string }>;
  cssStates: Array<{ name: string }>;
  members: Array<{ name: string; privacy?: string }>;
}

describe('manifest, declarations and docs', () => {
  let manifest: { modules: Array<{ path: string; declarations?: Array<Partial<ElementDeclaration> & { customElement?: boolean }> }> };
  let element: ElementDeclaration;

  before(async () => {
    await ensureBuild();
    manifest = JSON.parse(readFileSync(join(DIST, 'custom-elements.json'), 'utf8'));
    element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement) as ElementDeclaration;
  });

  it('custom-elements.json describes <quaderno-checkout> from its JSDoc, with shipped module paths', () => {
    assert.equal(element.tagName, 'quaderno-checkout');
    const attributes = element.attributes.map((a) => a.name);
    for (const name of ['permalink', 'locale']) assert.ok(attributes.includes(name), `attribute ${name}`);
    assert.deepEqual(
      element.events.map((e) => e.name).sort(),
      ['quaderno-cancel', 'quaderno-complete', 'quaderno-error', 'quaderno-ready', 'quaderno-update'],
    );
    assert.ok(element.cssParts.length > 0 && element.cssProperties.length > 0);
    assert.deepEqual(
      element.cssStates.map((s) => s.name),
      ['loading', 'form', 'processing', 'completed', 'failed', 'abandoned', 'error'],
      'one custom state per view (ViewStateController)',
    );
    assert.ok(element.members.every((m) => m.privacy !== 'private'), 'no private members');
    for (const mod of manifest.modules) assert.match(mod.path, /^dist\/lib\/.+\.js$/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { customElements: string };
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
  });

  it('declarations: the tag map, the event map, JSX typings, and .js specifiers only', () => {
    const tag = readFileSync(join(DIST, 'lib/quaderno-checkout.d.ts'), 'utf8');
    assert.match(tag, /interface HTMLElementTagNameMap\s*{\s*'quaderno-checkout': QuadernoCheckout;/);
    const events = readFileSync(join(DIST, 'lib/checkout/events.d.ts'), 'utf8');
    assert.match(events, /interface GlobalEventHandlersEventMap extends QuadernoEventMap/);
    assert.match(events, /interface HTMLElementEventMap extends QuadernoEventMap/);
    assert.match(events, /export declare class QuadernoCompleteEvent extends QuadernoEvent<'quaderno-complete'>/);
    assert.match(readFileSync(join(DIST, 'lib/react.d.ts'), 'utf8'), /declare module 'react'[\s\S]*'quaderno-checkout': QuadernoCheckoutReactProps/);
    assert.match(readFileSync(join(DIST, 'lib/vue.d.ts'), 'utf8'), /declare module 'vue'[\s\S]*GlobalComponents/);
    const tsSpecifiers = walk(join(DIST, 'lib'))
      .filter((file) => file.endsWith('.d.ts'))
      .filter((file) => /(?:from|import\()\s*['"]\.{1,2}\/[^'"]+\.ts['"]/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(tsSpecifiers, []);
    assert.ok(!walk(DIST).some((file) => file.includes('/sandbox/')), 'the Node-only sandbox is not in dist');
  });

  it("README.md's API tables match the manifest (else: npm run build && npm run build:docs)", () => {
    const usage = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.equal(updatedUsage(usage, renderTables(manifest as Parameters<typeof renderTables>[0])), usage);
  });
});
