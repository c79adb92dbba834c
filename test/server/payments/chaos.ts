// The chaos suites' tools: a seeded generator (the run repeats from its printed seed) and two bounds on how much runs
// at once, so a storm's timing is random while its load on two shared cores stays bounded.
import { browser } from '../support.js';

/** mulberry32: a small seeded generator, so a run is repeatable from its printed seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** At most `limit` calls in flight: the storm's timing is random, its load on two shared cores bounded. */
export function limiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

/**
 * The customer's side of a storm: 1–2 reads of the session at random times within 900 ms (the return, the element's
 * polls), each tallied in `reads` by the status it showed.
 */
export function returnJobs(
  url: string,
  rand: () => number,
  bounded: ReturnType<typeof limiter>,
  reads: Map<string, number>,
): Array<() => Promise<void>> {
  return Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
    const delay = Math.floor(rand() * 900);
    return async () => {
      await sleep(delay);
      const reply = await bounded(() => browser(url));
      const status = reply.status === 200 ? (reply.json as { status: string }).status : `${reply.status} ${(reply.json as { code?: string } | undefined)?.code}`;
      reads.set(status, (reads.get(status) ?? 0) + 1);
    };
  });
}

/**
 * Runs a storm's jobs all at once in a seeded shuffled order (so deliveries of one event interleave with other
 * payments' returns and with each other), and restarts the handler once half are done, while the old instance
 * finishes what it holds. Answers after how many calls it restarted.
 */
export async function runStorm(jobs: Array<() => Promise<void>>, rand: () => number, restart: () => void): Promise<number> {
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [jobs[i], jobs[j]] = [jobs[j]!, jobs[i]!];
  }
  let done = 0;
  let restartedAt = -1;
  await Promise.all(
    jobs.map(async (job) => {
      await job();
      if (++done === Math.floor(jobs.length / 2)) {
        restart();
        restartedAt = done;
      }
    }),
  );
  return restartedAt;
}
