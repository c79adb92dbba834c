// What the classic-script adapters (dist/quaderno-checkout-{stripe,paypal}.iife.js) must not carry: zod and the HTTP
// client. The core lends them its payment start (`context.start`, src/checkout/controllers/processor-controller.ts), so
// a re-import of either (processor.ts or errors.ts growing a value import of api/ or protocol/, a value import of
// payment-start.ts) fails here. The markers are checked
// in the classic core too, so each one is shown to find what it looks for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ADAPTER_SCRIPTS } from '../../scripts/element-bundle.js';
import { DIST, ensureBuild } from './support.js';

/** Source-map sources (as esbuild and Vite write them, `../src/…`, `../node_modules/…`) no adapter script may hold. */
const FORBIDDEN_SOURCES: [string, RegExp][] = [
  ['zod', /node_modules\/zod\//],
  ['the HTTP layer (src/api/)', /\bsrc\/api\//],
  ['the payment start', /\bsrc\/processors\/payment-start\.ts$/],
  ['the protocol schemas', /\bsrc\/protocol\/(?!codes\.ts$)/],
];

/** Strings of the minified code that only zod or the HTTP client put there. */
const FORBIDDEN_TEXT: [string, string][] = [
  ['zod', '_zod'],
  ['the HTTP client', 'Retry-After'],
  ['the payment start', 'not a processor payment'],
];

const read = (file: string) => ({
  code: readFileSync(join(DIST, file), 'utf8'),
  sources: (JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8')) as { sources: string[] }).sources,
});

describe('classic-script adapters carry no zod and no HTTP client', () => {
  before(ensureBuild);

  test('the markers find zod, the HTTP layer and the payment start in the classic core', () => {
    const core = read('quaderno-checkout.iife.js');
    for (const [what, pattern] of FORBIDDEN_SOURCES) assert.ok(core.sources.some((s) => pattern.test(s)), `${what} in the core's map`);
    for (const [what, text] of FORBIDDEN_TEXT) assert.ok(core.code.includes(text), `${what} in the core's code`);
  });

  for (const name of ADAPTER_SCRIPTS) {
    test(`dist/quaderno-checkout-${name}.iife.js`, () => {
      const script = read(`quaderno-checkout-${name}.iife.js`);
      assert.ok(script.sources.some((s) => s.endsWith(`src/processors/${name}.ts`)), 'the map names the adapter itself');
      for (const [what, pattern] of FORBIDDEN_SOURCES) {
        assert.deepEqual(script.sources.filter((s) => pattern.test(s)), [], `no ${what}`);
      }
      for (const [what, text] of FORBIDDEN_TEXT) assert.equal(script.code.includes(text), false, `no ${what} (${JSON.stringify(text)})`);
    });
  }

  // why: the ES core lends the payment start too (an adapter script may sit beside it), and must not carry it.
  test('the ES core loads the payment start as a chunk of its own, only by a dynamic import', () => {
    const chunk = readdirSync(DIST).find((file) => /^quaderno-checkout-payment-start-[\w-]+\.js$/.test(file));
    assert.ok(chunk, 'dist/quaderno-checkout-payment-start-<hash>.js');
    const core = readFileSync(join(DIST, 'quaderno-checkout.js'), 'utf8');
    assert.ok(core.includes(`import(\`./${chunk}\`)`) || core.includes(`import("./${chunk}")`), 'a dynamic import of the chunk');
    assert.equal(core.includes('not a processor payment'), false, 'the payment start is not in the core');
    const code = readFileSync(join(DIST, chunk), 'utf8');
    assert.ok(code.includes('not a processor payment'));
    // why: it takes the HTTP layer and zod from the already loaded core, never from a third file.
    assert.deepEqual([...code.matchAll(/from\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]), ['./quaderno-checkout.js']);
  });
});
