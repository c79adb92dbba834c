// The package's Vite builds, driven by `scripts/build.ts` (`npm run build`):
//   browserConfig('es')           the script-tag ES module: core (Lit, zod, English) plus one chunk per other locale
//   browserConfig('iife')         the classic script: self-contained, every locale inside (a classic script has no
//                                 module loader to fetch chunks with)
//   libConfig()                   the npm modules: one file per source module, `lit` and `zod` external
// `vite build --config vite.lib.config.ts` alone builds the ES browser bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig, type Plugin } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { LOCALE_CODES } from './src/session/locale-codes.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => `${root}src/${path}`;

/** The translations (src/locales/<code>.ts), one per code of src/session/locale-codes.ts. */
export const LOCALE_FILES = LOCALE_CODES.map((code) => src(`locales/${code}.ts`));

/** The file name of a locale's chunk in the ES module build: `quaderno-checkout-de-<hash>.js`, next to the core. */
export const CHUNK_FILE_NAMES = 'quaderno-checkout-[name]-[hash].js';

/** The entries of the npm modules (`dist/lib/`); `react` and `vue` carry only JSX typings. */
export const LIB_ENTRIES = {
  'quaderno-checkout': src('quaderno-checkout.ts'),
  index: src('index.ts'),
  react: src('react.ts'),
  vue: src('vue.ts'),
  'server/index': src('server/index.ts'),
} as const;

// why: Lit's minified "production" build is what the default export condition gives; `development`
// (dev-mode warnings, unminified) must never leak into a shipped bundle, so the mode is pinned.
const shared = {
  root,
  configFile: false,
  mode: 'production',
  logLevel: 'warn',
  publicDir: false,
} satisfies InlineConfig;

/** The script-tag bundle: `dist/quaderno-checkout.js` (ES module) or `dist/quaderno-checkout.iife.js` (classic). */
export function browserConfig(format: 'es' | 'iife'): InlineConfig {
  return {
    ...shared,
    // why: library mode leaves process.env.NODE_ENV to the consumer's bundler; a script tag has none.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // why: the JS minifier leaves the text of Lit's html``/css`` templates alone; Lit's own plugin minifies it
    // (html-minifier-next, lightningcss). `pre`, so it sees the TypeScript source before Vite strips the types.
    plugins: [{ ...templateMinifier(), enforce: 'pre' }, ...(format === 'iife' ? [staticImports()] : [])],
    // why: the classic script has the flow inside; its loader would only add a deferral layer (about 0.5 KB brotli).
    resolve: format === 'iife' ? { alias: [{ find: /^\.\/flow-loader\.ts$/, replacement: src('checkout/flow-static.ts') }] } : {},
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      // why terser as well for the classic script: its three compress passes together with rolldown's own minifier
      // (`output.minify` below) fold what either alone leaves, about 0.5 KB brotli of its 56 KB budget (terser alone
      // saves less than half of that). The ES core gains under 0.1 KB from it, so it keeps the one minifier.
      minify: format === 'iife' ? 'terser' : true,
      terserOptions: format === 'iife' ? { ecma: 2020, compress: { passes: 3 }, format: { comments: false } } : undefined,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: src('quaderno-checkout.ts'),
        formats: [format],
        name: 'QuadernoCheckout',
        fileName: () => (format === 'es' ? 'quaderno-checkout.js' : 'quaderno-checkout.iife.js'),
      },
      rolldownOptions: {
        // why: a module both the core and a locale use (format.ts) may join the core's exports, so a locale chunk
        // imports it from the already loaded core instead of from a third file on the critical path.
        preserveEntrySignatures: 'allow-extension',
        // why: Vite keeps whitespace and /* @__PURE__ */ in ES library output for re-bundling; this file is final.
        // Chunks (the locales) get a content hash: a cached chunk from another release must never meet a new core.
        output: {
          exports: 'named',
          minify: true,
          comments: { annotation: false, jsdoc: false, legal: false },
          chunkFileNames: CHUNK_FILE_NAMES,
        },
      },
    },
  };
}

/**
 * For the classic script: each `import('./x.js')` in `src/` (a locale, the sandbox processor, the payment start)
 * becomes a static import and `Promise.resolve(namespace)`. Rolldown inlines them anyway (an IIFE is one file), but as
 * lazily initialised modules: every module they reach, Lit's included, wrapped in an init function with its top-level
 * names hoisted, about 1.5 KB brotli for nothing. The modules are side-effect free, so evaluating them at load changes
 * nothing else. The imports join the first line, so the source map's lines hold.
 */
export function staticImports(): Plugin {
  // why the lookarounds: `typeof import('./x.js')` is a type, and `import('./x.js').Name` a type query, not a load.
  const dynamic = /(?<!typeof\s+)\bimport\(\s*(['"])(\.{1,2}\/[^'"]+)\1\s*\)(?!\s*\.\s*[A-Z])/g;
  return {
    name: 'static-dynamic-imports',
    enforce: 'pre',
    transform(code: string, id: string) {
      if (!id.startsWith(src('')) || id.startsWith(src('sandbox/'))) return null;
      const heads: string[] = [];
      const out = code.replace(dynamic, (_match, quote: string, path: string) => {
        const name = `__static${heads.length}`;
        heads.push(`import * as ${name} from ${quote}${path}${quote};`);
        return `Promise.resolve(${name})`;
      });
      return heads.length ? { code: heads.join('') + out, map: null } : null;
    },
  };
}

/** Lit's template minifier for `src/` (the sandbox's server-side pages are not shipped). */
export function templateMinifier() {
  return minifyHtmlLiterals({
    include: [src('**/*.ts')],
    exclude: [src('sandbox/**')],
    failOnError: true,
    options: {
      // why: html-minifier parses an svg`` template as HTML, where `<path/>` is no self-closing tag; without the slash
      // each shape opens inside the previous one, and SVG draws only the first (a check icon without its check).
      minifyOptions: { keepClosingSlash: true },
      // why: a declaration-list fragment meant for a `${}` hole (checkout.styles.ts's `darkDefaults`) is no
      // stylesheet, and LightningCSS refuses it; it stays as written (about 0.1 KB brotli).
      shouldMinifyCSS: (template: { tag?: string; parts: { text: string }[] }) =>
        !!template.tag?.toLowerCase().includes('css') && template.parts.some((part) => part.text.includes('{')),
    },
    // why: the plugin is typed against Rollup's plugin context; rolldown's hook context provides what it uses.
  }) as unknown as Plugin;
}

const isExternal = (id: string) => /^(lit|zod|@lit|@lit-labs|lit-html|lit-element)(\/|$)/.test(id) || id.startsWith('node:');

/**
 * The npm modules: ES modules mirroring `src/` under `dist/lib/`, with source maps, unminified (the application's
 * bundler minifies), `lit` and `zod` left as imports so an app shares one copy with its other Lit components.
 */
export function libConfig(): InlineConfig {
  return {
    ...shared,
    build: {
      outDir: 'dist/lib',
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      lib: { entry: LIB_ENTRIES, formats: ['es'] },
      rolldownOptions: {
        external: isExternal,
        output: {
          preserveModules: true,
          preserveModulesRoot: src(''),
          entryFileNames: '[name].js',
        },
      },
    },
  };
}

export default defineConfig(browserConfig('es'));
