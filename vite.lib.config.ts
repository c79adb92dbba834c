// The package's Vite builds, driven by `scripts/build.ts` (`npm run build`):
//   browserConfig('es' | 'iife')  self-contained script-tag bundles, Lit and zod included, minified
//   libConfig()                   the npm modules: one file per source module, `lit` and `zod` external
// `vite build --config vite.lib.config.ts` alone builds the ES browser bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig, type InlineConfig } from 'vite';
import { compactLocales } from './scripts/compact-locales.ts';
import { minifyTemplates } from './scripts/minify-templates.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => `${root}src/${path}`;

/** The bundled translations (src/locales/<code>.ts); English is the reference for their keys. */
export const LOCALE_FILES = ['ca', 'de', 'en', 'es', 'fi', 'fr', 'hu', 'nl', 'no', 'sv'].map((code) => src(`locales/${code}.ts`));

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
    // why: byte-for-byte mechanical shrinking a JavaScript minifier cannot do; each plugin's header says what
    // changes and what never does. The JS minifier leaves Lit's css``/html``/svg`` text alone, and the ten
    // translations repeat the same keys (the build compares the rebuilt translations with the source ones).
    plugins: [
      minifyTemplates({ include: src(''), exclude: [src('sandbox/')] }),
      compactLocales({ files: LOCALE_FILES, reference: src('locales/en.ts') }),
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      lib: {
        entry: src('quaderno-checkout.ts'),
        formats: [format],
        name: 'QuadernoCheckout',
        fileName: () => (format === 'es' ? 'quaderno-checkout.js' : 'quaderno-checkout.iife.js'),
      },
      rolldownOptions: {
        // why: Vite keeps whitespace and /* @__PURE__ */ in ES library output for re-bundling; this file is final.
        output: { exports: 'named', minify: true, comments: { annotation: false, jsdoc: false, legal: false } },
      },
    },
  };
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
