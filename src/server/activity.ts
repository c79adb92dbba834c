// When a pending session closes for inactivity, as far as this handler can know it. Quaderno abandons a pending
// session after 30 minutes without activity and reports no time of its own; what the handler knows is when it last
// wrote to a session, so it answers `expires_at` only for sessions it wrote, and from that write.

/** Quaderno's documented inactivity limit for a pending checkout session. */
export const QUADERNO_INACTIVITY_MS = 30 * 60_000;

export class ActivityClock {
  private readonly lastWrite = new Map<string, number>();

  constructor(
    private readonly limitMs = QUADERNO_INACTIVITY_MS,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A write to the session succeeded in Quaderno now. */
  wrote(id: string): void {
    this.lastWrite.delete(id);
    // why: Map keeps insertion order, so the first key is the session written longest ago.
    while (this.lastWrite.size >= this.maxEntries) this.lastWrite.delete(this.lastWrite.keys().next().value!);
    this.lastWrite.set(id, this.now());
  }

  /** When the session closes unless written again (ISO 8601), or undefined when this handler has not written it lately. */
  expiresAt(id: string): string | undefined {
    const at = this.lastWrite.get(id);
    if (at === undefined) return undefined;
    const expires = at + this.limitMs;
    if (expires <= this.now()) {
      this.lastWrite.delete(id);
      return undefined;
    }
    return new Date(expires).toISOString();
  }
}
