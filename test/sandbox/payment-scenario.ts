// What the payment interleavings suite plays: a few sessions with random carts, a few shared coupons, and a list of
// customer and processor steps over them. Plain data, so a shrunk counterexample prints as a table case.
import fc from 'fast-check';

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Catalog products by currency (src/sandbox/seed.ts): inclusive and exclusive prices, several tax codes. */
const PRODUCTS: Record<Currency, readonly string[]> = {
  EUR: ['000000', 'awesome', 'coffee_eur', 'ebook_en', 'saas_de', 'support_fr'],
  USD: ['plan_Ef1KlbLjGSnypB'],
  GBP: ['course_gbp', 'workbook_gbp', 'sticker_gbp'],
  JPY: ['ebook_jpy'],
};

/** A customer's tax inputs: where they are and who they are. */
export interface TaxInputs {
  billing_country: string | null;
  billing_postal_code: string | null;
  tax_id: string | null;
}

/** Customers whose tax differs: home sale, OSS rates, reverse charge, refused and uncheckable IDs, US nexus, none. */
export const PROFILES = {
  none: { billing_country: null, billing_postal_code: null, tax_id: null },
  DE: { billing_country: 'DE', billing_postal_code: '10115', tax_id: null },
  'DE-VAT': { billing_country: 'DE', billing_postal_code: '10115', tax_id: 'DE136695976' },
  'DE-refused': { billing_country: 'DE', billing_postal_code: '10115', tax_id: 'DE111111111' },
  HU: { billing_country: 'HU', billing_postal_code: '1051', tax_id: null },
  FR: { billing_country: 'FR', billing_postal_code: '75001', tax_id: null },
  ES: { billing_country: 'ES', billing_postal_code: '28001', tax_id: null },
  'ES-ID': { billing_country: 'ES', billing_postal_code: '28001', tax_id: 'ESA58818501' },
  'IE-unchecked': { billing_country: 'IE', billing_postal_code: null, tax_id: 'IE222222222' },
  'US-TX': { billing_country: 'US', billing_postal_code: '78701', tax_id: null },
  US: { billing_country: 'US', billing_postal_code: null, tax_id: null },
  GB: { billing_country: 'GB', billing_postal_code: 'SW1A 1AA', tax_id: null },
  JP: { billing_country: 'JP', billing_postal_code: null, tax_id: null },
} as const satisfies Record<string, TaxInputs>;
export type Profile = keyof typeof PROFILES;
const PROFILE_NAMES = Object.keys(PROFILES) as Profile[];

export type ItemSpec = { product: string; quantity: number } | { name: string; amount: number; quantity: number };

export interface SessionSpec {
  currency: Currency;
  items: ItemSpec[];
  customer: Profile;
}

/** A coupon of the run, shared by every session: percent or amount off, with or without a cap. */
export interface CouponSpec {
  percent_off?: number;
  amount_off?: { amount: number; currency: Currency };
  max_redemptions: number | null;
}

/** Which tax inputs a customer PUT sends (from its profile). */
export type TaxField = keyof TaxInputs;

/**
 * One step. `s` is a session's index, `c` a coupon's (or a code every path must refuse), `pick` which of the session's
 * intents or orders (0 = the newest), `back` how stale the total the client confirms is (0 = the last it saw).
 */
export type Step =
  | { op: 'preview'; s: number; at: Profile }
  | { op: 'put'; s: number; to: Profile; fields: TaxField[] }
  | { op: 'rename'; s: number }
  | { op: 'merchant'; s: number; items: number | null; to: Profile }
  | { op: 'coupon'; s: number; c: number | 'none' | 'EXPIRED' | 'USEDUP' | 'NOPE' }
  | { op: 'delete-coupon'; c: number }
  | { op: 'start'; s: number; method: 'card' | 'paypal'; back: number }
  | { op: 'confirm'; s: number; pick: number; card: 'good' | 'declined' | 'challenge' }
  | { op: 'authenticate'; s: number; pick: number; passed: boolean }
  | { op: 'approve'; s: number; pick: number }
  | { op: 'paypal-cancel'; s: number; pick: number }
  | { op: 'pay'; s: number; method: 'card' | 'paypal'; good: boolean; back: number }
  | { op: 'retry'; s: number }
  | { op: 'cancel'; s: number }
  | { op: 'poll'; s: number };

/** A step, or two sent at once (their replies may arrive in either order). */
export type Move = Step | { op: 'race'; a: Step; b: Step };

export interface Scenario {
  sessions: SessionSpec[];
  coupons: CouponSpec[];
  moves: Move[];
}

// why no chain: mapped records shrink well, so a counterexample comes back small; a product is picked by index.
const sessionArb: fc.Arbitrary<SessionSpec> = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    items: fc.array(
      fc.oneof(
        fc.record({ pick: fc.nat(5), quantity: fc.integer({ min: 1, max: 3 }) }),
        // why up to 30,000 in JPY too: a zero-decimal currency, whose minor unit is the yen itself.
        fc.record({ amount: fc.integer({ min: 1, max: 30_000 }), quantity: fc.integer({ min: 1, max: 3 }) }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    customer: fc.constantFrom(...PROFILE_NAMES),
  })
  .map(({ currency, items, customer }) => ({
    currency,
    customer,
    items: items.map((item): ItemSpec => {
      if ('amount' in item) return { name: 'Custom', amount: item.amount, quantity: item.quantity };
      const products = PRODUCTS[currency];
      return { product: products[item.pick % products.length]!, quantity: item.quantity };
    }),
  }));

const couponArb: fc.Arbitrary<CouponSpec> = fc.record({
  discount: fc.oneof(
    fc.record({ percent_off: fc.constantFrom(10, 25, 90) }),
    fc.record({ amount_off: fc.record({ amount: fc.constantFrom(300, 500, 1000), currency: fc.constantFrom(...CURRENCIES) }) }),
  ),
  max_redemptions: fc.constantFrom(1, 1, 2, null),
}).map(({ discount, max_redemptions }) => ({ ...discount, max_redemptions }));

/** Steps over up to 3 sessions and 2 coupons; an index past the scenario's last wraps (`s % sessions`). */
function stepArb(): fc.Arbitrary<Step> {
  const s = fc.nat(2);
  const c = fc.nat(1);
  const pick = fc.constantFrom(0, 0, 0, 1, 2);
  const back = fc.constantFrom(0, 0, 0, 0, 1, 2);
  const fields = fc.subarray(['billing_country', 'billing_postal_code', 'tax_id'] as TaxField[], { minLength: 1 });
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ op: fc.constant('preview' as const), s, at: fc.constantFrom(...PROFILE_NAMES) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('put' as const), s, to: fc.constantFrom(...PROFILE_NAMES), fields }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), s }) },
    // why: the merchant's own update (private API, with the key) may change the items or the customer under an open payment.
    { weight: 1, arbitrary: fc.record({ op: fc.constant('merchant' as const), s, items: fc.option(fc.integer({ min: 1, max: 30_000 })), to: fc.constantFrom(...PROFILE_NAMES) }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('coupon' as const), s, c: fc.oneof({ weight: 6, arbitrary: c }, fc.constantFrom('none' as const, 'EXPIRED' as const, 'USEDUP' as const, 'NOPE' as const)) }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-coupon' as const), c }) },
    { weight: 8, arbitrary: fc.record({ op: fc.constant('start' as const), s, method: fc.constantFrom('card' as const, 'paypal' as const), back }) },
    { weight: 7, arbitrary: fc.record({ op: fc.constant('confirm' as const), s, pick, card: fc.constantFrom('good' as const, 'good' as const, 'declined' as const, 'challenge' as const) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('authenticate' as const), s, pick, passed: fc.boolean() }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('approve' as const), s, pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('paypal-cancel' as const), s, pick }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('pay' as const), s, method: fc.constantFrom('card' as const, 'paypal' as const), good: fc.boolean(), back }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('retry' as const), s }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), s }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('poll' as const), s }) },
  );
}

/** Random scenarios: 2 or 3 sessions, 1 or 2 coupons, up to `maxMoves` moves (about one in ten a race of two). */
export function scenarioArb(maxMoves: number): fc.Arbitrary<Scenario> {
  const step = stepArb();
  const move: fc.Arbitrary<Move> = fc.oneof(
    { weight: 9, arbitrary: step },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('race' as const), a: step, b: step }) },
  );
  return fc.record({
    sessions: fc.array(sessionArb, { minLength: 2, maxLength: 3 }),
    coupons: fc.array(couponArb, { minLength: 1, maxLength: 2 }),
    // why size 'max': fast-check's default size keeps arrays near 10 whatever maxLength says; runs need longer stories.
    moves: fc.array(move, { minLength: 1, maxLength: maxMoves, size: 'max' }),
  });
}
