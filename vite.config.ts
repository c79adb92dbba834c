import { defineConfig } from 'vite';
import { sandboxPlugin } from './src/sandbox/vite-plugin.js';
import { accountPlugin } from './src/server/vite-plugin.js';

// `npm start`: the demo page and the sandbox API on one origin; with QUADERNO_API_URL and QUADERNO_API_KEY set, the
// demo goes through createCheckoutHandler to that account instead (src/server/vite-plugin.ts).
export default defineConfig({
  plugins: [accountPlugin() ?? sandboxPlugin({ log: true })],
  server: { port: Number(process.env.PORT ?? 5173), open: false },
});
