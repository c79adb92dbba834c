// The SDK test doubles are sandbox-only: the package ships `dist` alone, and no shipped module imports them;
// the adapters and the doubles stay out of the core module graph (they are loaded as separate chunks).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('the package files are dist only, so src/sandbox/doubles is never shipped', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
  assert.ok(pkg.files.length > 0);
  for (const entry of pkg.files) assert.match(entry, /^!?dist(\/|$)/, entry);
});

test('no module outside the sandbox imports the doubles or the simulated processors', () => {
  const offenders = walk('src')
    .filter((file) => file.endsWith('.ts') && !file.startsWith(join('src', 'sandbox')))
    .filter((file) => /from '[^']*sandbox\/(doubles|processors)\//.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the core entry does not import the adapters statically (they are chunks of their own)', async () => {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: ['src/quaderno-checkout.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  const inputs = Object.keys(result.metafile.inputs);
  for (const adapter of ['src/processors/stripe.ts', 'src/processors/paypal.ts', 'src/processors/real.ts', '@stripe/stripe-js', '@paypal/paypal-js']) {
    assert.ok(!inputs.some((input) => input.includes(adapter)), `${adapter} is in the core bundle`);
  }
});
