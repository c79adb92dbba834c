// toNodeListener on a real node:http server, spoken to over raw sockets: requests no browser sends but any client
// can (a TRACE, a Host that makes no URL, a body abandoned halfway) get a 4xx, never a 500, and nothing is logged
// for them; a failure of the handler itself goes to the merchant's onError, never to a bare console.error.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test, mock } from 'node:test';
import { createCheckoutHandler, toNodeListener } from '../../src/server/index.js';
import { startFaultServer } from '../helpers/fault-server.js';
import { API_KEY, SECRET } from './support.js';

/** What came back on the socket: the status line's code and the JSON body (if any). */
interface RawReply {
  status: number;
  body: any;
}

/** Writes `bytes` on a fresh connection; with `abandon`, closes it right after, as a client giving up mid-body. */
function raw(port: number, bytes: string, abandon = false): Promise<RawReply | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(bytes);
      if (abandon) socket.destroy();
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    const done = () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head)?.[1];
      let body = rest.join('\r\n\r\n');
      // why: an answer without Content-Length comes chunked; the chunk sizes are not JSON.
      if (/^transfer-encoding: chunked/im.test(head)) body = body.split('\r\n').filter((_, i) => i % 2 === 1).join('');
      try {
        resolve(status ? { status: Number(status), body: body ? JSON.parse(body) : undefined } : undefined);
      } catch {
        resolve({ status: Number(status), body: { unreadable: body } });
      }
    };
    socket.on('close', done);
    socket.on('error', () => undefined);
  });
}

describe('toNodeListener: malformed requests over raw sockets', () => {
  let upstream: Awaited<ReturnType<typeof startFaultServer>>;
  let server: Server;
  let port = 0;
  let token = '';
  const errors: unknown[] = [];
  /** The status the handler answered each request with (its client may be gone by then). */
  const answered: number[] = [];
  const logged = mock.method(console, 'error', () => undefined);

  before(async () => {
    upstream = await startFaultServer();
    const handler = createCheckoutHandler({ apiUrl: upstream.url, apiKey: API_KEY, secret: SECRET, onError: (error) => errors.push(error) });
    token = handler.permalinkFor(77).split('/').pop()!;
    // why the handler's answer, not the socket's: a client that went away cannot read it.
    const watched = Object.assign(
      async (request: Request) => {
        const response = await handler(request);
        answered.push(response.status);
        return response;
      },
      { onError: handler.onError },
    );
    server = createServer(toNodeListener(watched));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    errors.length = 0;
    answered.length = 0;
    upstream.reset();
    logged.mock.resetCalls();
  });
  after(async () => {
    logged.mock.restore();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await upstream?.close();
  });

  const cases: Array<{ title: string; request: () => string; status: number; code: string }> = [
    { title: 'TRACE', request: () => `TRACE /checkout/${token}.json HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n`, status: 405, code: 'capability_unsupported' },
    { title: 'TRACE on a forged token', request: () => 'TRACE /checkout/T.json HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n', status: 405, code: 'capability_unsupported' },
    { title: 'Host: a b', request: () => `GET /checkout/${token}.json HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n`, status: 400, code: 'body_invalid' },
    { title: 'Host: [::1', request: () => `GET /checkout/${token}.json HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n`, status: 400, code: 'body_invalid' },
  ];
  for (const { title, request, status, code } of cases) {
    test(`${title} → ${status} ${code}, nothing reported or logged, Quaderno not asked`, async () => {
      const reply = await raw(port, request());
      assert.deepEqual([reply?.status, reply?.body?.code], [status, code]);
      assert.deepEqual(errors, []);
      assert.equal(logged.mock.callCount(), 0, 'nothing on console.error');
      assert.equal(upstream.seen.length, 0);
    });
  }

  test('a PUT whose client gives up halfway through the body is a 400 body_invalid, not reported, and Quaderno is not asked', async () => {
    await raw(port, `PUT /checkout/${token}.json HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"customer":{"first_`, true);
    const deadline = Date.now() + 5000;
    while (answered.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(answered, [400]);
    assert.deepEqual(errors, []);
    assert.equal(logged.mock.callCount(), 0, 'nothing on console.error');
    assert.equal(upstream.seen.length, 0);
  });

  test('a path starting with // stays a path of this origin', async () => {
    const reply = await raw(port, `GET //evil.example/checkout/${token}.json HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n`);
    assert.deepEqual([reply?.status, reply?.body?.code], [404, 'session_not_found']);
    assert.equal(upstream.seen.length, 0);
  });

  test("a failure of the handler itself goes to the handler's onError, as a 500 internal", async () => {
    const broken = Object.assign(async () => Promise.reject(new Error('bug')), { onError: (error: unknown) => errors.push(error) });
    const listening = createServer(toNodeListener(broken));
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    try {
      const reply = await raw((listening.address() as AddressInfo).port, 'GET /x HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n');
      assert.deepEqual([reply?.status, reply?.body?.code], [500, 'internal']);
      assert.equal((errors[0] as Error).message, 'bug');
      assert.equal(logged.mock.callCount(), 0);
    } finally {
      await new Promise((resolve) => listening.close(resolve));
    }
  });
});
