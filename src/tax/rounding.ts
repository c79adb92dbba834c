// THE money rule of taxes, used by the sandbox and the element alike. Browser-safe: no imports.
//
// Rule: tax is rounded once per tax line (all items sharing a rate, name, behaviour and status), per rate when two
// rates stack (GST and PST are separate taxes, each rounded), to the currency's minor unit, half away from zero.
// Arithmetic is exact: rates and parts are scaled to integers and multiplied as BigInt, so 9.975% or 25.5% never
// drift through binary floats.

// why: percentages carry up to 4 decimals in the rate data (Québec 9.975, Minnesota 6.875).
const SCALE = 10_000;
const SCALE_N = BigInt(SCALE);
const HUNDRED = 100n;

/** A percentage as an exact integer count of 1/10 000 percent. */
function scaled(percent: number): bigint {
  if (!Number.isFinite(percent)) throw new RangeError(`Not a percentage: ${percent}`);
  return BigInt(Math.round(percent * SCALE));
}

/** n / d rounded half away from zero (d > 0). */
export function divideRounded(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  const quotient = (2n * magnitude + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** Half away from zero for plain numbers: 0.5 → 1, -0.5 → -1, 2.4999 → 2. */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** The part of `amount` that is taxed: amount × part / 100, rounded by the rule. */
export function taxableBase(amount: number, taxablePart = 100): number {
  return Number(divideRounded(BigInt(amount) * scaled(taxablePart), HUNDRED * SCALE_N));
}

/** Tax on an exclusive amount at one rate: amount × part/100 × rate/100, rounded once. */
export function exclusiveTax(amount: number, ratePercent: number, taxablePart = 100): number {
  const numerator = BigInt(amount) * scaled(taxablePart) * scaled(ratePercent);
  return Number(divideRounded(numerator, HUNDRED * SCALE_N * HUNDRED * SCALE_N));
}

/**
 * The net of an inclusive amount: gross / (1 + part/100 × (Σ rates)/100), rounded once.
 * 1000 (10.00 EUR) at 5.5% → 948, so the tax is 52.
 */
export function inclusiveNet(gross: number, ratesPercent: readonly number[], taxablePart = 100): number {
  const totalRate = ratesPercent.reduce((sum, rate) => sum + scaled(rate), 0n);
  const one = HUNDRED * SCALE_N * HUNDRED * SCALE_N;
  return Number(divideRounded(BigInt(gross) * one, one + scaled(taxablePart) * totalRate));
}

/** Splits a whole (≥ 0) into integer shares proportional to weights (≥ 0), summing exactly to it (largest remainder). */
export function allocate(whole: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (total <= 0n || whole === 0) return weights.map(() => 0);
  const products = weights.map((w) => BigInt(whole) * BigInt(w));
  const shares = products.map((p) => p / total);
  let left = BigInt(whole) - shares.reduce((a, b) => a + b, 0n);
  // why: ties go to the earlier item, so the split is deterministic.
  const order = products.map((p, i) => [p % total, i] as const).sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] > b[0] ? -1 : 1));
  for (const [, i] of order) {
    if (left <= 0n) break;
    shares[i]! += 1n;
    left--;
  }
  return shares.map(Number);
}
