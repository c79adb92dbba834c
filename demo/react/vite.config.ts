// `npm run start:react` (dev server with the sandbox mounted) and `vite build --config demo/react/vite.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sandboxPlugin } from '../../src/sandbox/vite-plugin.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // why: relative asset URLs, so the built app works from any path of any static server.
  base: './',
  plugins: [sandboxPlugin({ log: false })],
  // why: React 19's automatic JSX runtime, as in tsconfig's "jsx": "react-jsx" (no @vitejs/plugin-react needed).
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  logLevel: 'warn',
});
