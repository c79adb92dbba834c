// A pending session's inactivity limit as the element sees it: the server abandons a session nobody wrote to for a
// while and says when in `expires_at`; the customer must be warned before that, keep it open with one action, and
// typing must count as activity although it is only saved in the browser. Any successful PUT restarts the server's
// clock, so keeping the session open is a PUT of `{}`. No Lit and no DOM here: the clock and timers are injected.

/** The longest warning before the limit; a short limit (a test server's) is warned of at half its length. */
export const WARN_BEFORE_MS = 2 * 60_000;
/** Typing sends at most one keep-alive this often (a quarter of a short limit). */
export const KEEP_ALIVE_EVERY_MS = 2 * 60_000;
/** How long after the limit the session is read again, so the server has abandoned it by then. */
export const EXPIRED_GRACE_MS = 1000;

export interface ExpiryHost {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** Writes nothing but restarts the server's clock (`PUT {}`); resolves with the new `expires_at`, or undefined when it failed. */
  extend(): Promise<unknown>;
  /** The warning showed or hid. */
  changed(): void;
  /** The warning was answered and the session kept open. */
  extended(): void;
  /** The limit passed unanswered: read the session again (the server abandoned it). */
  expired(): void;
}

/** `expires_at` as epoch ms, or undefined for none (or an unreadable one). */
export function expiryTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? at : undefined;
}

export class SessionExpiry {
  /** When the server abandons the session (epoch ms), or undefined when no limit applies. */
  deadline: number | undefined;
  /** The warning shows: the customer has until `deadline` to act. */
  warning = false;
  /** The longest time left seen right after a write: the server's limit, as far as the element can tell. */
  private window = 0;
  private timer: unknown;
  private extending: Promise<void> | undefined;

  constructor(private readonly host: ExpiryHost) {}

  /** Minutes left, rounded up (what the warning says). */
  get minutesLeft(): number {
    return this.deadline === undefined ? 0 : Math.max(1, Math.ceil((this.deadline - this.host.now()) / 60_000));
  }

  /** A session was shown: its `expires_at` (undefined for a session with no limit, or no longer pending). */
  observe(expiresAt: unknown): void {
    const at = expiryTime(expiresAt);
    if (at === undefined) return this.stop();
    // why: the session the checkout shows may predate the latest keep-alive; the server's clock only moves forward.
    if (this.deadline !== undefined && at <= this.deadline) return;
    this.deadline = at;
    this.window = Math.max(this.window, at - this.host.now());
    this.schedule();
  }

  /** The customer typed or chose something: keeps the session open, at most every few minutes (at once when warned). */
  activity(): void {
    if (this.deadline === undefined) return;
    const sinceWrite = this.window - (this.deadline - this.host.now());
    if (this.warning || sinceWrite >= Math.min(KEEP_ALIVE_EVERY_MS, this.window / 4)) void this.extend();
  }

  /** The warning's button (and typing while it shows): one PUT, the new limit, the warning gone. */
  extend(): Promise<void> {
    return (this.extending ??= (async () => {
      const wasWarning = this.warning;
      try {
        this.observe(await this.host.extend());
      } finally {
        this.extending = undefined;
      }
      if (wasWarning && !this.warning) this.host.extended();
    })());
  }

  stop(): void {
    this.host.clearTimer(this.timer);
    this.timer = undefined;
    this.deadline = undefined;
    this.setWarning(false);
  }

  private schedule(): void {
    this.host.clearTimer(this.timer);
    const deadline = this.deadline!;
    const warnAt = deadline - Math.min(WARN_BEFORE_MS, this.window / 2);
    const now = this.host.now();
    this.setWarning(now >= warnAt);
    const next = now >= warnAt ? deadline + EXPIRED_GRACE_MS : warnAt;
    this.timer = this.host.setTimer(() => {
      this.timer = undefined;
      if (this.deadline !== deadline) return;
      if (this.host.now() >= deadline) this.host.expired();
      else this.schedule();
    }, Math.max(0, next - now));
  }

  private setWarning(warning: boolean): void {
    if (this.warning === warning) return;
    this.warning = warning;
    this.host.changed();
  }
}
