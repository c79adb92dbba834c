// Child process for the throughput part (run with `node --import tsx`): the sandbox on its own event loop, plus a
// plain node:http server that answers the same session JSON, as the floor for what Node's HTTP stack costs here.
import http from 'node:http';
import { startSandbox } from '../../src/sandbox/server.ts';

const sandbox = await startSandbox({ port: 0, abandonAfterMs: 0 });
const session = sandbox.store.copySession(100);
const body = JSON.stringify(sandbox.store.toJSON(session, sandbox.url));

const floor = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method === 'PUT') JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(body);
  });
});
floor.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, token: session.token, floor: `http://127.0.0.1:${floor.address().port}`, bytes: body.length })}\n`,
  );
});

const stop = () => {
  floor.close();
  floor.closeAllConnections();
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.stdin.on('end', stop);
process.stdin.resume();
