import type { PublicClient } from '../../api/public.ts';
import type { CheckoutSession } from '../../session/schema.ts';
import { TaskController, type RunResult } from './task.ts';

/**
 * Loads the session (GET `<permalink>.json`) and holds the latest copy of it, which saving and
 * payment replace as the server answers.
 */
export class SessionController extends TaskController<CheckoutSession> {
  /** The latest session the server sent, from any request. */
  session: CheckoutSession | undefined;

  /** Fetches the session. `client` is a factory so an invalid permalink fails inside the run, as an error status. */
  load(client: () => PublicClient, options: { keep?: boolean } = {}): Promise<RunResult<CheckoutSession>> {
    if (!options.keep) this.session = undefined;
    return this.run(async (signal) => {
      const session = await client().retrieve({ signal });
      this.session = session;
      return session;
    });
  }

  /** Replaces the held session with a newer one from another request. */
  set(session: CheckoutSession): void {
    this.session = session;
    this.host.requestUpdate();
  }

  /** Forgets the session (a new permalink). */
  reset(): void {
    this.abort();
    this.session = undefined;
    this.status = 'initial';
    this.error = undefined;
  }
}
