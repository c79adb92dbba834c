// The store's clock: when a session's next transition is due, and one unref'd timer per session to apply it.
import type { StoredSession } from './types.js';

/** Whether pending sessions time out at all (0 or Infinity turns abandonment off). */
export function abandons(abandonAfterMs: number): boolean {
  return abandonAfterMs > 0 && Number.isFinite(abandonAfterMs);
}

/** When the session's next transition is due: a processing payment settling, or a pending session being abandoned. */
export function nextDueAt(session: StoredSession, abandonAfterMs: number): number | null {
  if (session.status === 'processing' && session.internal.settleAt !== null) return session.internal.settleAt;
  if (session.status === 'pending' && abandons(abandonAfterMs)) return session.internal.lastActivityAt + abandonAfterMs;
  return null;
}

/** One timer per session id; unref'd, so a store never keeps a process alive. */
export class SessionTimers {
  private readonly timers = new Map<number, NodeJS.Timeout>();

  has(id: number): boolean {
    return this.timers.has(id);
  }

  /** Replaces the session's timer with one that fires `fire` after `delayMs` (clamped to what setTimeout takes). */
  set(id: number, delayMs: number, fire: () => void): void {
    this.clear(id);
    const timer = setTimeout(() => {
      this.timers.delete(id);
      fire();
    }, Math.min(Math.max(0, delayMs), 2 ** 31 - 1));
    timer.unref();
    this.timers.set(id, timer);
  }

  clear(id: number): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
