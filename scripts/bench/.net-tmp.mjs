import { resolve } from 'node:path';
import { launchBrowser, measureNetwork } from './browser.mjs';
const { browser } = await launchBrowser();
try {
  const n = await measureNetwork({ browser, bundle: resolve('dist/quaderno-checkout.js'), runs: 3 });
  for (const c of Object.values(n.cases)) console.log(c.key, (c.scriptsBeforeGet/1024).toFixed(1), (c.scriptsBeforeInteractive/1024).toFixed(1), c.chunks.join(','), 'rt', c.roundTripsAfterConnect, 'c→i', c.connectToInteractive.toFixed(0), c.lang, JSON.stringify(c.flow), c.sandboxRequests.join(' '));
} finally { await browser.close(); }
