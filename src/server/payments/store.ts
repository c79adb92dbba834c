// Where the handler keeps its payment records and its per-payment locks. The default lives in this process's
// memory: right for one instance. Several instances (or restarts that must not forget a payment in flight) need one
// shared store, e.g. Redis: `get`/`set` are GET/SET of a JSON string, `acquire` is `SET key owner NX PX ttl`, and
// `release` deletes the key only if the owner still holds it.
import { randomUUID } from 'node:crypto';

export interface PaymentStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Takes the lock `key` for `ttlMs` unless anyone (this owner too) holds it; true when taken. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock if `owner` still holds it. */
  release(key: string, owner: string): Promise<void>;
}

/** The in-memory store: records and locks in two maps, a lock expiring after its TTL (its holder crashed). */
export class MemoryPaymentStore implements PaymentStore {
  private readonly values = new Map<string, string>();
  private readonly locks = new Map<string, { owner: string; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const held = this.locks.get(key);
    // why not re-entrant, even for its own owner: a lock kept after an unknown outcome must stop this instance too.
    if (held && held.until > this.now()) return false;
    this.locks.set(key, { owner, until: this.now() + ttlMs });
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.locks.get(key)?.owner === owner) this.locks.delete(key);
  }
}

/**
 * Runs `task` while holding the lock `key`, waiting its turn (another holder's task, or its TTL) up to `waitMs`; a
 * turn that never comes throws `timedOut()`.
 */
export async function withLock<T>(store: PaymentStore, key: string, task: () => Promise<T>, timedOut: () => Error, ttlMs = 30_000, waitMs = 15_000): Promise<T> {
  const owner = randomUUID();
  for (const until = Date.now() + waitMs; !(await store.acquire(key, owner, ttlMs)); ) {
    if (Date.now() > until) throw timedOut();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  try {
    return await task();
  } finally {
    await store.release(key, owner);
  }
}
