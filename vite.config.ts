import { defineConfig } from 'vite';
import { sandboxPlugin } from './src/sandbox/vite-plugin.ts';

// `npm start`: the demo page and the sandbox API on one origin.
export default defineConfig({
  plugins: [sandboxPlugin({ log: true })],
  server: { port: Number(process.env.PORT ?? 5173), open: false },
});
