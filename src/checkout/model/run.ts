// One run at a time, each with its own AbortSignal: a newer run aborts the older, stop() aborts the current one.
// No Lit and no DOM here.

/** How one run ended. `aborted` means a newer run or stop() superseded it. */
export type RunResult<T> = { status: 'complete'; value: T } | { status: 'error'; error: unknown } | { status: 'aborted' };

export class Runs {
  private current: AbortController | undefined;

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
