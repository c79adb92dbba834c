/**
 * `npm run sandbox`: the sandbox as a standalone server.
 * Env: PORT (default 4010), HOST (default 127.0.0.1), QUADERNO_API_KEY (default sk_test_sandbox),
 * SANDBOX_PUBLIC_ORIGIN (the origin permalinks use, e.g. behind a proxy).
 */
import { startSandbox } from './server.ts';

const port = Number(process.env.PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(1);
}
const apiKey = process.env.QUADERNO_API_KEY || 'sk_test_sandbox';

try {
  const sandbox = await startSandbox({
    port,
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
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is already in use: set PORT to another one.` : error);
  process.exit(1);
}
