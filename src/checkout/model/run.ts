// One run at a time, each with its own AbortSignal: a newer run aborts the older, stop() aborts the current one and
// remembers it for resume(); and the status poll's backoff. No Lit and no DOM here.
import { TimeoutError } from '../../api/errors.js';
import type { ProtocolSession } from '../../protocol/session.js';

/** How one run ended. `aborted` means a newer run or stop() superseded it. */
export type RunResult<T> = { status: 'complete'; value: T } | { status: 'error'; error: unknown } | { status: 'aborted' };

export class Runs {
  private current: AbortController | undefined;
  /** stop() cut a run short: resume() must load again. */
  private stopped = false;

  /** Runs `work`, aborting the run before it. */
  async start<T>(work: (signal: AbortSignal) => Promise<T>): Promise<RunResult<T>> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    try {
      const value = await work(controller.signal);
      return controller.signal.aborted ? { status: 'aborted' } : { status: 'complete', value };
    } catch (error) {
      return controller.signal.aborted ? { status: 'aborted' } : { status: 'error', error };
    } finally {
      if (this.current === controller) this.current = undefined;
    }
  }

  /** Aborts the run in flight; true if there was one. */
  abort(): boolean {
    const running = this.current;
    this.current = undefined;
    running?.abort();
    return !!running;
  }

  /** Aborts the run in flight for now (a disconnect), remembering that one was cut short. */
  stop(): void {
    if (this.abort()) this.stopped = true;
  }

  /** True once after stop() cut a run short: what it was doing must start again. */
  resume(): boolean {
    const stopped = this.stopped;
    this.stopped = false;
    return stopped;
  }
}

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Polls with backoff (×1.5 from `first` up to `max` ms) until the session leaves `processing`; TimeoutError after `total`. */
export async function pollSession(
  start: ProtocolSession,
  wait: { first: number; max: number; total: number },
  signal: AbortSignal,
  fetch: () => Promise<ProtocolSession>,
): Promise<ProtocolSession> {
  let session = start;
  let next = wait.first;
  const deadline = Date.now() + wait.total;
  while (session.status === 'processing') {
    if (Date.now() > deadline) throw new TimeoutError(wait.total);
    await delay(next, signal);
    session = await fetch();
    next = Math.min(Math.round(next * 1.5), wait.max);
  }
  return session;
}
