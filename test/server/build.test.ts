// The server entry in the build: dist/lib/server/ exists and runs in Node, and nothing of it (nor any node: module)
// reaches a browser bundle or the browser entries' import graph.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import { DIST, ensureBuild } from '../build/support.js';

/** Every module a dist/lib entry reaches through static and dynamic imports, relative to dist/lib; bare ones as is. */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const key = relative(join(DIST, 'lib'), file);
    if (seen.has(key)) return;
    seen.add(key);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else seen.add(specifier!);
    }
  };
  visit(join(DIST, 'lib', entry));
  return seen;
}

// Strings only the server's code holds (the token's key-derivation salt, the handler's name, its Node imports).
const SERVER_MARKERS = ['quaderno-checkout/permalink', 'createCheckoutHandler', 'node:crypto', 'hkdfSync', 'toNodeListener'];

describe('the server entry in the build', () => {
  before(() => ensureBuild());

  for (const bundle of ['quaderno-checkout.js', 'quaderno-checkout.iife.js']) {
    test(`dist/${bundle} holds nothing of the server`, () => {
      const code = readFileSync(join(DIST, bundle), 'utf8');
      for (const marker of SERVER_MARKERS) assert.ok(!code.includes(marker), marker);
    });
  }

  for (const entry of ['index.js', 'quaderno-checkout.js', 'react.js', 'vue.js']) {
    test(`dist/lib/${entry} never imports the server or a node: module`, () => {
      const modules = [...graph(entry)];
      // why: proof that the walk follows imports (react.js and vue.js carry only typings).
      if (entry === 'index.js' || entry === 'quaderno-checkout.js') assert.ok(modules.includes('lit') && modules.length > 20);
      assert.deepEqual(modules.filter((m) => m.startsWith('server/') || m.startsWith('node:')), []);
    });
  }

  test('dist/lib/server/index.js runs in Node and signs a permalink', async () => {
    const modules = [...graph('server/index.js')];
    assert.ok(modules.includes('node:crypto'));
    assert.ok(!modules.some((m) => m.startsWith('checkout/') || m === 'lit' || m.startsWith('lit/')), 'no Lit, no element');
    const server = (await import(pathToFileURL(join(DIST, 'lib/server/index.js')).href)) as typeof import('../../src/server/index.js');
    const handler = server.createCheckoutHandler({ apiUrl: 'https://acme.quadernoapp.com', apiKey: 'sk', secret: 'x'.repeat(32), prefix: '/pay' });
    assert.match(handler.permalinkFor(12, 'https://shop.example'), /^https:\/\/shop\.example\/pay\/[A-Za-z0-9_-]{23,}$/);
    const reply = await handler(new Request('https://shop.example/pay/forged.json'));
    assert.equal(reply.status, 404);
  });
});
