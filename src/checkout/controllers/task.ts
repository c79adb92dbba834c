import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Async status, as in Lit's Task: nothing run yet, running, done, failed. */
export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/** How one run ended. `aborted` means a newer run, abort() or a disconnect superseded it. */
export type RunResult<T> =
  | { status: 'complete'; value: T }
  | { status: 'error'; error: unknown }
  | { status: 'aborted' };

/**
 * The base of the element's async controllers. Each run gets its own AbortSignal; a newer run aborts
 * the older one, and disconnecting the host aborts the current one. Status changes re-render the host.
 */
export class TaskController<T> implements ReactiveController {
  status: TaskStatus = 'initial';
  error: unknown;
  /** True when a disconnect aborted a run, so the host knows to resume on reconnect. */
  interrupted = false;
  private current: AbortController | undefined;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True while a run is in flight. */
  get busy(): boolean {
    return this.status === 'pending';
  }

  protected async run(work: (signal: AbortSignal) => Promise<T>): Promise<RunResult<T>> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    this.status = 'pending';
    this.error = undefined;
    this.interrupted = false;
    this.host.requestUpdate();
    let result: RunResult<T>;
    try {
      const value = await work(controller.signal);
      result = controller.signal.aborted ? { status: 'aborted' } : { status: 'complete', value };
    } catch (error) {
      result = controller.signal.aborted ? { status: 'aborted' } : { status: 'error', error };
    }
    if (this.current === controller) {
      this.current = undefined;
      if (result.status === 'complete') {
        this.status = 'complete';
      } else if (result.status === 'error') {
        this.error = result.error;
        this.status = 'error';
      }
      this.host.requestUpdate();
    }
    return result;
  }

  /** Aborts the run in flight, if any, and returns to the idle state. */
  abort(): void {
    if (!this.current) return;
    this.current.abort();
    this.current = undefined;
    this.status = 'initial';
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.current) {
      this.abort();
      this.interrupted = true;
    }
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
