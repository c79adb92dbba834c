// One home for the property suites' randomness: a fixed seed in CI, printed, and two env knobs to explore others.
//   FC_SEED=123 FC_RUNS=20000 node scripts/test.mjs --node test/session/properties test/sandbox/fuzz
// A counterexample a run finds becomes a table case next to its property, so it is checked on every run after.

/** The seed every property suite uses unless FC_SEED says otherwise. */
export const DEFAULT_SEED = 20261201;

// why: the browser suites import this too, and have no `process`; there the fixed seed is the only one.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};

function fromEnv(name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

/** The seed of this run: FC_SEED, or the fixed default. */
export const FC_SEED = fromEnv('FC_SEED', -(2 ** 31)) ?? DEFAULT_SEED;

const runsOverride = fromEnv('FC_RUNS', 1);

/** `{ seed, numRuns }` for fc.assert / fc.sample: `runs` unless FC_RUNS overrides it. Prints both, once per suite. */
export function fcParameters(suite: string, runs: number): { seed: number; numRuns: number } {
  const numRuns = runsOverride ?? runs;
  console.log(`fast-check: ${suite}: seed ${FC_SEED}, ${numRuns} runs (FC_SEED / FC_RUNS to explore others)`);
  return { seed: FC_SEED, numRuns };
}
