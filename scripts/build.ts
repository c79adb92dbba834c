// `npm run build`: everything the package ships, into dist/.
//   dist/quaderno-checkout.js        script-tag bundle, ES module (Lit, zod and English inside, minified, registers
//                                    the tag), plus dist/quaderno-checkout-<code>-<hash>.js: one chunk per other locale
//   dist/quaderno-checkout.iife.js   the same as a classic script (global `QuadernoCheckout`), every locale inside
//   dist/quaderno-checkout-{stripe,paypal}.iife.js   the processor adapters as self-registering classic scripts, for
//                                    pages that add the core by script tag (src/processors/registry.ts)
//   dist/lib/**.js + .d.ts           npm modules (lit and zod external), source maps and declaration maps
//   dist/custom-elements.json        the Custom Elements Manifest
// Then checks the bundles (no raw decorators, no Lit dev mode, one chunk per non-English locale) and prints their sizes.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build } from 'vite';
import { LOCALE_CODES } from '../src/session/locale-codes.js';
import { browserConfig, libConfig } from '../vite.lib.config.js';
import { ADAPTER_SCRIPTS, adapterScriptOptions } from './element-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const started = performance.now();

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Fails the build on what must never ship in a browser bundle. */
function checkBundle(file: string): void {
  const code = readFileSync(join(dist, file), 'utf8');
  const problems = [
    [/@(?:property|state|query|customElement)\s*\(/, 'raw decorators (the transformer did not lower them)'],
    [/Lit is in dev mode/, "Lit's development build"],
    [/\bprocess\.env\b/, 'a process.env reference'],
    [/from\s*["'](?:lit|zod)["']/, 'a bare import of lit or zod'],
  ] as const;
  for (const [pattern, what] of problems) {
    if (pattern.test(code)) throw new Error(`dist/${file} contains ${what}`);
  }
}

/** The ES build's locale chunks, by code: `quaderno-checkout-de-<hash>.js`. Throws unless there is one per non-English code. */
function localeChunks(): Map<string, string> {
  const chunks = new Map<string, string>();
  for (const file of readdirSync(dist)) {
    const match = /^quaderno-checkout-([a-z]{2})-[\w-]+\.js$/.exec(file);
    if (match) chunks.set(match[1]!, file);
  }
  const expected = LOCALE_CODES.filter((code) => code !== 'en');
  const found = [...chunks.keys()].sort();
  if (JSON.stringify(found) !== JSON.stringify([...expected].sort())) {
    throw new Error(`dist/ should hold one chunk per non-English locale (${expected.join(', ')}), found: ${found.join(', ')}`);
  }
  return chunks;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function sizes(file: string): string {
  const code = readFileSync(join(dist, file));
  const gzip = gzipSync(code, { level: 9 }).length;
  const brotli = brotliCompressSync(code).length;
  return `${file.padEnd(36)} ${kb(code.length).padStart(9)} raw ${kb(gzip).padStart(9)} gzip ${kb(brotli).padStart(9)} brotli`;
}

rmSync(dist, { recursive: true, force: true });

// Declarations and the manifest run as child processes while Vite bundles.
const tsc = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']).then(() =>
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json']),
);
const cem = run(process.execPath, [
  join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
  'analyze',
  '--config',
  'custom-elements-manifest.config.mjs',
]);
// why: keep the child promises observed so a failure surfaces after Vite instead of as an unhandled rejection.
const children = Promise.allSettled([tsc, cem]);

await build(browserConfig('es'));
await build(browserConfig('iife'));
await build(libConfig());
// why: esbuild, like the other non-Vite bundles (element-bundle.ts): one entry each, no Lit templates to minify.
const adapterScripts = ADAPTER_SCRIPTS.map((name) => `quaderno-checkout-${name}.iife.js`);
await Promise.all(
  ADAPTER_SCRIPTS.map((name, i) =>
    esbuild({ ...adapterScriptOptions(name, { root }), write: true, sourcemap: true, outfile: join(dist, adapterScripts[i]!) }),
  ),
);

for (const result of await children) if (result.status === 'rejected') throw result.reason;

checkBundle('quaderno-checkout.js');
checkBundle('quaderno-checkout.iife.js');
const chunks = localeChunks();
for (const file of chunks.values()) checkBundle(file);
for (const file of adapterScripts) checkBundle(file);
// The payment start the ES core lends the adapters (checkout/controllers/processor-controller.ts), loaded on first mount.
const paymentStart = readdirSync(dist).find((file) => /^quaderno-checkout-payment-start-[\w-]+\.js$/.test(file));
if (!paymentStart) throw new Error('dist/ should hold the payment-start chunk, quaderno-checkout-payment-start-<hash>.js');
checkBundle(paymentStart);

const libFiles = walk(join(dist, 'lib'));
console.log(sizes('quaderno-checkout.js'));
for (const file of chunks.values()) console.log(sizes(file));
console.log(sizes(paymentStart));
console.log(sizes('quaderno-checkout.iife.js'));
for (const file of adapterScripts) console.log(sizes(file));
console.log(
  `dist/lib: ${libFiles.filter((f) => f.endsWith('.js')).length} modules, ` +
    `${libFiles.filter((f) => f.endsWith('.d.ts')).length} declarations; ` +
    `dist/custom-elements.json`,
);
console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
