// The one esbuild configuration of the element's script for everything that serves it from src/ without
// `npm run build`: the sandbox's hosted page (src/sandbox/page.ts), the hardening suites (test/hardening/) and the
// screenshots (scripts/screenshots.ts). One file, every locale inside: esbuild without `splitting` turns each
// `import('./de.ts')` into an inline module, so nothing else has to be served. The shipped bundles are Vite's
// (vite.lib.config.ts); this one matches their settings where it matters (ES2022, minified, production Lit).
import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The build options: the registering entry, bundled into one minified ES module. */
export function elementBuildOptions(options: { root?: string; minify?: boolean } = {}): BuildOptions {
  const root = options.root ?? ROOT;
  return {
    entryPoints: [`${root}src/quaderno-checkout.ts`],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    minify: options.minify ?? true,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"production"' },
    // why: the element uses Lit's legacy decorators (tsconfig); esbuild must not read them as standard ones.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  };
}

/** The bundle's code and its input files (relative to `root`, as esbuild's metafile names them). */
export async function bundleElement(options: { root?: string; minify?: boolean } = {}): Promise<{ code: string; inputs: string[] }> {
  const result = await build({ ...elementBuildOptions(options), metafile: true, write: false });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

/** The classic-script adapters, by name: `dist/quaderno-checkout-<name>.iife.js` from `src/processors/script-<name>.ts`. */
export const ADAPTER_SCRIPTS = ['stripe', 'paypal'] as const;

/**
 * One adapter script: a self-registering classic script (IIFE) with its SDK loader inside, for pages that add the
 * core by script tag too (src/processors/registry.ts). No Lit, no locale, no HTTP layer and no zod: only the adapter
 * and its plumbing; the core lends it the payment start (test/build/adapter-scripts.test.ts holds that).
 */
export function adapterScriptOptions(name: (typeof ADAPTER_SCRIPTS)[number], options: { root?: string } = {}): BuildOptions {
  const root = options.root ?? ROOT;
  return {
    ...elementBuildOptions({ root }),
    entryPoints: [`${root}src/processors/script-${name}.ts`],
    format: 'iife',
    legalComments: 'none',
  };
}
