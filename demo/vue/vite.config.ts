// `npm run start:vue` (dev server with the sandbox mounted) and `vite build --config demo/vue/vite.config.ts`.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { sandboxPlugin } from '../../src/sandbox/vite-plugin.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // why: relative asset URLs, so the built app works from any path of any static server.
  base: './',
  plugins: [
    // why: without isCustomElement Vue would try to resolve <quaderno-checkout> as a Vue component and warn.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'quaderno-checkout' } } }),
    sandboxPlugin({ log: false }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
