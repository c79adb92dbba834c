// Standard rates from the maintained `sales-tax` package (npm sales-tax 2.23.0, 2026-05-19; its changelog records each
// rate change: Romania 21% from 2025-08-01, Nova Scotia 14% HST from 2025-04-01…). Node-only: the sandbox reads it.
import data from 'sales-tax/res/sales_tax_rates.json' with { type: 'json' };

/** One entry of the data set: a fraction (0.21), a kind (vat, gst, hst, pst, qst…), earlier values by end date. */
interface Entry {
  type: string;
  currency?: string;
  rate: number;
  states?: Record<string, Entry>;
  /** ISO instant → the entry that applied before it (the smallest instant after a date wins). */
  before?: Record<string, Entry>;
}

const RATES = data as unknown as Record<string, Entry>;

/** The entry in force on a date (`YYYY-MM-DD`); without a date, today's. */
function atDate(entry: Entry, date: string | undefined): Entry {
  if (!date || !entry.before) return entry;
  const day = Date.parse(`${date}T12:00:00Z`);
  const ends = Object.keys(entry.before)
    .filter((end) => Date.parse(end) > day)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return ends.length ? { ...entry, ...entry.before[ends[0]!]! } : entry;
}

/** Percent with at most 4 decimals: 0.09975 → 9.975 (the fractions would otherwise carry float noise). */
const percent = (fraction: number) => Math.round(fraction * 1_000_000) / 10_000;

/** A country's national rate in percent and its kind, or undefined when the data set has no tax for it. */
export function countryRate(country: string, date?: string): { rate: number; type: string; currency: string | null } | undefined {
  const entry = RATES[country];
  if (!entry) return undefined;
  const current = atDate(entry, date);
  return { rate: percent(current.rate), type: current.type, currency: current.currency ?? null };
}

/** A state's or province's own rate in percent (US state sales tax; Canadian PST/QST or the provincial part of HST). */
export function stateRate(country: string, state: string, date?: string): { rate: number; type: string } | undefined {
  const entry = RATES[country]?.states?.[state];
  if (!entry) return undefined;
  const current = atDate(entry, date);
  return { rate: percent(current.rate), type: current.type };
}
