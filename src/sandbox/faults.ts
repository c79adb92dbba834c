import type { Context, MiddlewareHandler } from 'hono';

/**
 * Test-only fault injection for the public endpoints (enabled with `SandboxOptions.faults`).
 * Faults are scheduled from the test process (never over HTTP), so a running sandbox cannot be told to misbehave
 * by a page: `drop` resets the connection, `status` answers with an error status (and Retry-After),
 * `delay` holds the request before the real handler runs, `malformed` answers 200 with broken JSON.
 */
export type FaultKind = 'drop' | 'status' | 'delay' | 'malformed';

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests for this permalink token. Default: any. */
  token?: string;
  /** Only this HTTP method (GET, PUT, POST). Default: any except the CORS preflight. */
  method?: string;
  /** Only paths ending with this (e.g. `/pay.json`). Default: any. */
  path?: string;
  /** For `status`: the status to answer. Default 500. */
  status?: number;
  /** For `status`: a Retry-After header value, in seconds. */
  retryAfter?: number;
  /** For `delay`: how long to hold the request, in ms. Default 1000. */
  delayMs?: number;
  /** How many matching requests the fault applies to. Default 1. */
  times?: number;
}

/** A public request as the sandbox saw it (for asserting what a browser sent). */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

interface Scheduled extends FaultSpec {
  remaining: number;
}

const MAX_SEEN = 500;

/** Whether a public path belongs to the session with this permalink token. */
const ofToken = (path: string, token: string) => path.startsWith(`/checkout/session/${token}`);

/**
 * The schedule of faults to inject, and a record of what was injected and seen. Several test files share one
 * sandbox at once, so each scopes its faults by session token: `clear(token)`, `pendingFor(token)` and
 * `injectedFor(token)` touch only that session's faults, never another file's.
 */
export class FaultSchedule {
  private faults: Scheduled[] = [];
  private injectedBy = new Map<string, number>();
  /** How many faults were injected since the sandbox started, for every session. */
  injected = 0;
  /** The last public requests, newest last (bounded). */
  readonly seen: SeenRequest[] = [];

  /** Schedules a fault; the first scheduled fault that matches a request applies. */
  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: Math.max(1, spec.times ?? 1) });
  }

  /** Drops the scheduled faults and the request record of one session (by token), or of every session. */
  clear(token?: string): void {
    if (token === undefined) {
      this.faults = [];
      this.seen.length = 0;
      return;
    }
    this.faults = this.faults.filter((fault) => fault.token !== token);
    const kept = this.seen.filter((request) => !ofToken(request.path, token));
    this.seen.splice(0, this.seen.length, ...kept);
  }

  /** Faults still waiting for a request, for every session. */
  get pending(): number {
    return this.pendingFor();
  }

  /** Faults still waiting for a request: those scheduled for this token, or all. */
  pendingFor(token?: string): number {
    return this.faults.filter((fault) => token === undefined || fault.token === token).reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Faults injected into this token's requests since the sandbox started. */
  injectedFor(token: string): number {
    return this.injectedBy.get(token) ?? 0;
  }

  /** Takes (and counts) the fault for a request, if one matches. */
  take(method: string, path: string): FaultSpec | undefined {
    const upper = method.toUpperCase();
    if (upper === 'OPTIONS') return undefined;
    const index = this.faults.findIndex(
      (fault) =>
        (!fault.method || fault.method.toUpperCase() === upper) &&
        (!fault.token || ofToken(path, fault.token)) &&
        (!fault.path || path.endsWith(fault.path)),
    );
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    this.injected++;
    if (fault.token) this.injectedBy.set(fault.token, this.injectedFor(fault.token) + 1);
    return fault;
  }

  record(request: SeenRequest): void {
    this.seen.push(request);
    if (this.seen.length > MAX_SEEN) this.seen.shift();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resets the client's connection; outside Node's server (no socket) the body errors mid-stream instead. */
function drop(c: Context): Response {
  const socket = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket;
  if (socket) {
    socket.destroy();
    return c.body(null, 500);
  }
  const body = new ReadableStream({
    start(controller) {
      controller.error(new Error('dropped'));
    },
  });
  return c.body(body, 200);
}

/** The middleware that records public requests and applies scheduled faults. Mount it after CORS. */
export function faultMiddleware(schedule: FaultSchedule): MiddlewareHandler {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    schedule.record({ method: c.req.method, path, headers: Object.fromEntries(c.req.raw.headers) });
    const fault = schedule.take(c.req.method, path);
    if (!fault) return next();
    switch (fault.kind) {
      case 'drop':
        return drop(c);
      case 'status':
        if (fault.retryAfter !== undefined) c.header('Retry-After', String(fault.retryAfter));
        return c.json({ error: `Injected fault: HTTP ${fault.status ?? 500}` }, (fault.status ?? 500) as 500);
      case 'malformed':
        c.header('Content-Type', 'application/json; charset=utf-8');
        return c.body('{"id": 1, "status": "pend', 200);
      case 'delay':
        await sleep(fault.delayMs ?? 1000);
        return next();
    }
  };
}
