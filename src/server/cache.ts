// A small time-limited cache with in-flight sharing: a customer typing (or ten tabs asking at once) costs the
// merchant's Quaderno rate limit one call per distinct input and period, not one per keystroke.

export class TtlCache<V> {
  private readonly entries = new Map<string, { expires: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or the one `load` gives (shared with every caller waiting for the same key). Failures are not kept. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    this.store(key, value);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Puts a value fetched elsewhere (a fresh session from a GET or PUT). */
  set(key: string, value: V): void {
    this.store(key, Promise.resolve(value));
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, value: Promise<V>): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    // why: Map keeps insertion order, so the first key is the least recently stored one.
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { expires: this.now() + this.ttlMs, value });
  }
}
