// The script-tag bundle carries no API key, no Authorization header and none of the private (API-key) client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../src/sandbox/page.js';
import { bundleElement } from './support.js';

const FORBIDDEN = [/sk_test/i, /sk_live/i, /QUADERNO_API_KEY/, /authorization/i, /Basic /, /createPrivateClient/, /\/api\/checkout\//];

test('the element bundle has no key, no Authorization and no private client', async (t) => {
  const [minified, readable] = await Promise.all([bundleElement(true), bundleElement(false)]);
  const privateInputs = minified.inputs.filter((file) => /src\/(api\/private|sandbox)\//.test(file) || file.endsWith('api/private.ts'));
  assert.deepEqual(privateInputs, [], 'private client and sandbox code are tree-shaken out');
  const bundles: Array<[string, string]> = [
    ['esbuild minified', minified.code],
    ['esbuild readable', readable.code],
  ];
  // why: the published script-tag builds too, when they have been built.
  for (const file of ['dist/quaderno-checkout.js', 'dist/quaderno-checkout.iife.js']) {
    if (existsSync(PROJECT_ROOT + file)) bundles.push([file, readFileSync(PROJECT_ROOT + file, 'utf8')]);
  }
  const found: string[] = [];
  for (const [name, code] of bundles) {
    for (const pattern of FORBIDDEN) if (pattern.test(code)) found.push(`${pattern} in ${name}`);
  }
  t.diagnostic(`scanned ${bundles.map(([name]) => name).join(', ')}`);
  assert.deepEqual(found, []);
});
