import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../../api/errors.js';
import type { PublicClient } from '../../api/public.js';
import type { ProtocolSession } from '../../protocol/session.js';
import { isEditable } from '../../session/schema.js';
import { SessionExpiry } from '../model/expiry.js';

/** What the controller reads from the element on every update, and what it asks of it. */
export interface ExpiryInputs {
  /** The session while the form shows (undefined otherwise: no limit to watch). */
  formSession(): ProtocolSession | undefined;
  client(): PublicClient;
  /** The warning appeared: say it (assertively) while the customer may be anywhere in the form. */
  warned(minutes: number): void;
  /** The warning was answered and the session kept open. */
  extended(): void;
  /** The limit passed (or the server refused the keep-alive): read the session again. */
  expired(): void;
}

/**
 * Adapts SessionExpiry (model/expiry.ts) to Lit: it watches the shown session's `expires_at` in `hostUpdate` (before
 * the render, so the warning renders with it) and runs the real timers; the element calls `activity()` on every edit.
 */
export class ExpiryController implements ReactiveController {
  readonly expiry: SessionExpiry;
  private running: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly inputs: ExpiryInputs,
  ) {
    host.addController(this);
    this.expiry = new SessionExpiry({
      now: () => Date.now(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      extend: () => this.keepAlive(),
      changed: () => {
        if (this.expiry.warning) this.inputs.warned(this.expiry.minutesLeft);
        this.host.requestUpdate();
      },
      extended: () => this.inputs.extended(),
      expired: () => this.inputs.expired(),
    });
  }

  get warning(): boolean {
    return this.expiry.warning;
  }

  /** The customer typed or chose something. */
  activity(): void {
    this.expiry.activity();
  }

  /** The warning's button. */
  extend(): void {
    void this.expiry.extend();
  }

  hostUpdate(): void {
    const session = this.inputs.formSession();
    if (session && isEditable(session)) this.expiry.observe(session.expires_at);
    else this.expiry.stop();
  }

  hostDisconnected(): void {
    this.running?.abort();
    this.expiry.stop();
  }

  /** `PUT {}`: nothing written, the server's clock restarted. A refusal (409: no longer pending) reads the session again. */
  private async keepAlive(): Promise<unknown> {
    this.running = new AbortController();
    try {
      const session = await this.inputs.client().update({}, { signal: this.running.signal });
      return session.expires_at;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') this.inputs.expired();
      return undefined;
    }
  }
}
