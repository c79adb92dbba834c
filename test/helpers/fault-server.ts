// A tiny real HTTP server whose answers a test scripts one request at a time, for the client's error and retry paths.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string>; delayMs?: number }
  | { drop: true }
  /** Never answers: the request stays open until its client gives up. */
  | { hang: true };

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** When it arrived (performance.now()). */
  at: number;
  /** When its client closed it unanswered (performance.now()), if it did. */
  closedAt?: number;
}

export async function startFaultServer() {
  const script: Scripted[] = [];
  const seen: SeenRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    const at = performance.now();
    req.on('end', () => {
      const request: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at };
      seen.push(request);
      res.once('close', () => {
        if (!res.writableFinished) request.closedAt = performance.now();
      });
      const next = script.shift() ?? { status: 200, body: {} };
      if ('hang' in next) return;
      if ('drop' in next) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(next.status, { 'Content-Type': 'application/json', ...next.headers });
        res.end(next.raw ?? (next.body === undefined ? '' : JSON.stringify(next.body)));
      };
      if (next.delayMs) setTimeout(send, next.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Queues the answers for the next requests, in order; unscripted requests get 200 {}. */
    queue(...answers: Scripted[]) {
      script.push(...answers);
    },
    reset() {
      script.length = 0;
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
