// Bundle sizes: the built script-tag bundles, the ES build's locale chunks and its flow chunk, the npm entry without Lit, shares,
// Lit's floor, and which source modules the core's bytes come from (its source map).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import * as esbuild from 'esbuild';
import { fileSizes, sizes } from './lib.mjs';
import { attribute } from './attribution.mjs';
import { LOCALE_CODES } from '../../src/session/locale-codes.ts';

const ROOT = process.cwd();
const ENTRY = resolve(ROOT, 'src/quaderno-checkout.ts');
const FLOOR = resolve(ROOT, 'scripts/bench/floor/bare-element.ts');
const REQUIRED_FLOOR = resolve(ROOT, 'scripts/bench/floor/required-floor.ts');
export const LOCALES = LOCALE_CODES;
/** The name of Lit's template minifier plugin in the project's build. */
const TEMPLATES = 'minify-html-literals';
const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(id);

/** A Vite plugin that replaces modules (by absolute path or bare specifier) with other source text. */
function stubPlugin(stubs) {
  return {
    name: 'bench-stubs',
    enforce: 'pre',
    resolveId(source, importer) {
      if (stubs[source] !== undefined) return `\0bench-stub:${source}`;
      if (importer && source.startsWith('.')) {
        const path = resolve(importer.replace(/^\0bench-stub:/, ''), '..', source);
        if (stubs[path] !== undefined) return path;
      }
      return null;
    },
    load(id) {
      if (id.startsWith('\0bench-stub:')) return stubs[id.slice('\0bench-stub:'.length)];
      if (stubs[id] !== undefined) return stubs[id];
      return null;
    },
  };
}

let projectConfig;
/** The project's own script-tag build settings (vite.lib.config.ts), so every bundle here is "bundled the same way". */
async function browserConfig(format) {
  projectConfig ??= existsSync(resolve(ROOT, 'vite.lib.config.ts'))
    ? await import(pathToFileURL(resolve(ROOT, 'vite.lib.config.ts')).href).catch(() => null)
    : null;
  if (projectConfig?.browserConfig) return projectConfig.browserConfig(format);
  // Fallback while the build config does not exist: Vite's defaults for a minified library.
  return {
    root: ROOT,
    configFile: false,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { target: 'es2022', minify: true, lib: { entry: ENTRY, formats: [format], name: 'QuadernoCheckout' } },
  };
}

/**
 * One build in memory with the project's script-tag settings and another entry. With `build.lib`, Vite minifies an
 * `es` bundle's identifiers and syntax but keeps its whitespace; `fullMinify` also removes whitespace.
 */
export async function viteBundle({ entry = ENTRY, format = 'es', external, stubs = {}, fullMinify = false, withoutPlugins = [] } = {}) {
  const base = await browserConfig(format);
  const output = { ...base.build?.rolldownOptions?.output, ...(fullMinify ? { minify: true } : {}) };
  const result = await build({
    ...base,
    configFile: false,
    logLevel: 'silent',
    plugins: [...(base.plugins ?? []).filter((plugin) => !withoutPlugins.includes(plugin?.name)), stubPlugin(stubs)],
    build: {
      ...base.build,
      write: false,
      sourcemap: false,
      lib: { ...base.build.lib, entry, formats: [format], fileName: () => `bench.${format}.js` },
      rolldownOptions: { ...base.build?.rolldownOptions, ...(external ? { external } : {}), output },
    },
  });
  // why the entry only: in the ES build the other locales are chunks loaded on demand, not part of the core.
  const chunks = (Array.isArray(result) ? result[0] : result).output;
  return chunks.find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code;
}

/** Replaces zod/mini with a do-nothing module exporting the same names, to weigh what zod adds. */
async function zodStub() {
  const names = Object.keys(await import('zod/mini')).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  const lines = ['const p = new Proxy(function () {}, { get: () => p, apply: () => p, construct: () => p });'];
  lines.push(`export { ${names.map((name) => `p as ${name}`).join(', ')} };`, 'export default p;');
  return lines.join('\n');
}

/**
 * Every size row. `dist` says where the real build put the script-tag bundles.
 * Returns { rows: [...], budget: {...}, notes: [...] }.
 */
export async function measureSizes({ dist = resolve(ROOT, 'dist'), log = () => {} } = {}) {
  const out = { script: {}, npm: {}, chunks: {}, shares: {}, floor: {}, esbuild: {}, notes: [] };

  for (const [key, file] of [
    ['esm', 'quaderno-checkout.js'],
    ['iife', 'quaderno-checkout.iife.js'],
  ]) {
    const path = resolve(dist, file);
    out.script[key] = existsSync(path) ? { file: `dist/${file}`, ...fileSizes(path) } : undefined;
  }
  for (const file of existsSync(dist) ? readdirSync(dist) : []) {
    const match = /^quaderno-checkout-([a-z]{2})-[\w-]+\.js$/.exec(file);
    if (match) out.chunks[match[1]] = { file: `dist/${file}`, ...fileSizes(resolve(dist, file)) };
    // why apart: the flow chunk (actions, processors, outcome views) is no locale and not on the critical path.
    if (/^quaderno-checkout-flow-[\w-]+\.js$/.test(file)) out.flow = { file: `dist/${file}`, ...fileSizes(resolve(dist, file)) };
  }

  log('sizes: attribution');
  const mapFile = resolve(dist, 'quaderno-checkout.js.map');
  if (existsSync(mapFile)) {
    out.attribution = attribute(readFileSync(resolve(dist, 'quaderno-checkout.js'), 'utf8'), JSON.parse(readFileSync(mapFile, 'utf8')), dist, `${ROOT}/`);
  }

  log('sizes: reference builds');
  // The same source through Vite's lib mode as a reference for the shares, in both minify settings.
  const referenceEs = sizes(await viteBundle());
  out.reference = { es: referenceEs };

  // The npm entry without Lit: what the element adds to an app that already has Lit (zod is bundled in, as a consumer's bundler would).
  out.npm.element = sizes(await viteBundle({ external: isLit, fullMinify: true }));
  out.npm.index = sizes(await viteBundle({ entry: resolve(ROOT, 'src/index.ts'), external: isLit, fullMinify: true }));

  log('sizes: zod, style and template-minifier shares');
  // A module's share: the core minus the same build with that module replaced by a stand-in.
  const full = referenceEs;
  const share = (without) => ({ raw: full.raw - without.raw, brotli: full.brotli - without.brotli });
  out.shares.zod = share(sizes(await viteBundle({ stubs: { 'zod/mini': await zodStub() } })));
  const noStyles = { [resolve(ROOT, 'src/checkout/checkout.styles.ts')]: "import { css } from 'lit';\nexport const styles = css``;" };
  out.shares.styles = share(sizes(await viteBundle({ stubs: noStyles })));
  const present = ((await browserConfig('es')).plugins ?? []).some((plugin) => plugin?.name === TEMPLATES);
  out.transforms = present ? { without: sizes(await viteBundle({ withoutPlugins: [TEMPLATES] })), iife: out.script.iife } : undefined;
  if (present && out.script.iife) out.transforms.iifeWithout = sizes(await viteBundle({ format: 'iife', withoutPlugins: [TEMPLATES] }));

  log('sizes: Lit floor');
  out.floor.es = sizes(await viteBundle({ entry: FLOOR }));
  out.floor.required = sizes(await viteBundle({ entry: REQUIRED_FLOOR }));

  log('sizes: esbuild cross-check');
  // What an app that bundles the npm modules with esbuild gets (Lit external), as published and with
  // `import * as z from 'zod/mini'`; esbuild cannot tree-shake zod's `export * as z` namespace object.
  const namespaceImport = {
    name: 'zod-namespace-import',
    setup(b) {
      b.onLoad({ filter: /[\\/](src|dist[\\/]lib)[\\/].*\.[jt]s$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replace(/import\s*\{\s*z\s*\}\s*from\s*(['"])zod\/mini\1/g, "import * as z from 'zod/mini'"),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      }));
    },
  };
  const npmEntry = resolve(dist, 'lib/quaderno-checkout.js');
  const esbuildSize = async (entry, plugins = []) => {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      external: ['lit', 'lit/*', '@lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*'],
      plugins,
    });
    return sizes(result.outputFiles[0].contents);
  };
  const esbuildEntry = existsSync(npmEntry) ? npmEntry : ENTRY;
  out.esbuild.entry = esbuildEntry === npmEntry ? 'dist/lib/quaderno-checkout.js' : 'src/quaderno-checkout.ts';
  out.esbuild.asIs = await esbuildSize(esbuildEntry);
  out.esbuild.namespaceImport = await esbuildSize(esbuildEntry, [namespaceImport]);
  return out;
}
