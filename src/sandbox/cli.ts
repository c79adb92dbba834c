/**
 * `npm run sandbox`: the sandbox as a standalone server.
 * Env: PORT (default 4010), FRAME_PORT (the SDK doubles' frames; default PORT + 1, or any free port when PORT is 0),
 * HOST (default 127.0.0.1), QUADERNO_API_KEY (default sk_test_sandbox), SANDBOX_PUBLIC_ORIGIN (the origin permalinks
 * use, e.g. behind a proxy). Prints what a page's strict Content-Security-Policy must allow to use it.
 */
import { cspLines, sandboxCspOrigins } from './csp.js';
import { startSandbox } from './server.js';

function portFrom(name: string, fallback: number): number {
  const port = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number, got "${process.env[name]}"`);
    process.exit(1);
  }
  return port;
}

const port = portFrom('PORT', 4010);
// why a fixed default: a page's CSP names the frame origin, so it must not move from one start to the next.
const framePort = portFrom('FRAME_PORT', port === 0 ? 0 : port + 1);
const apiKey = process.env.QUADERNO_API_KEY || 'sk_test_sandbox';

try {
  const sandbox = await startSandbox({
    port,
    framePort,
    host: process.env.HOST || '127.0.0.1',
    apiKey,
    publicOrigin: process.env.SANDBOX_PUBLIC_ORIGIN || undefined,
    log: true,
  });
  const origin = process.env.SANDBOX_PUBLIC_ORIGIN || sandbox.url;
  console.log(`Quaderno checkout sandbox listening on ${sandbox.url}`);
  console.log(`  private API: curl -u ${apiKey}:x '${sandbox.url}/api/checkout/sessions.json'`);
  console.log(`  seeded sessions: ${sandbox.url}/sandbox/sessions.json`);
  console.log(`  a hosted checkout: ${origin}/checkout/session/${sandbox.store.getSession(100)?.token ?? 'TOKEN'}`);
  console.log(`  SDK test doubles: ${origin}/doubles/stripe.js, ${origin}/doubles/paypal-sdk.js; their frames on ${sandbox.frameUrl}`);
  console.log("A page that embeds the element against this sandbox needs, in a strict Content-Security-Policy:");
  for (const line of cspLines(sandboxCspOrigins({ api: origin, frame: sandbox.frameUrl }))) console.log(`  ${line}`);
  // why: the PayPal SDK double injects a style into the page as PayPal's SDK does, with the nonce it was given.
  console.log("  and, with PayPal, style-src 'self' 'nonce-RANDOM' (a fresh nonce per response, given to the PayPal adapter as cspNonce)");
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} or ${framePort} is already in use: set PORT (and FRAME_PORT) to others.` : error);
  process.exit(1);
}
