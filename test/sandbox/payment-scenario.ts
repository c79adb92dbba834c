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
  max_redemptions: fc.constantFrom(1, 1, 1, 2, null),
}).map(({ discount, max_redemptions }) => ({ ...discount, max_redemptions }));

type Op = Step['op'];

/** Customers whose payment nothing but the coupon and the total can refuse. */
const EASY: readonly Profile[] = ['none', 'DE', 'FR', 'DE-VAT', 'GB'];

/** How often each step is drawn, for every path at once. */
const EVERY_PATH: Readonly<Record<Op, number>> = {
  preview: 2, put: 4, rename: 1, merchant: 1, coupon: 5, 'delete-coupon': 1, start: 8, confirm: 7, authenticate: 2,
  approve: 5, 'paypal-cancel': 1, pay: 1, retry: 2, cancel: 1, poll: 2,
};

/**
 * Only what competes for a capped coupon: sessions applying it, starting, capturing, paying and retrying. why a mix of
 * its own: in the mix of every path, two sessions rarely both hold the coupon with a payment open at the same time.
 */
const COUPON_CONTENTION: Readonly<Partial<Record<Op, number>>> = { coupon: 6, start: 6, confirm: 6, approve: 4, pay: 2, retry: 1, poll: 1 };

/** Steps over up to 3 sessions and 2 coupons; an index past the scenario's last wraps (`s % sessions`). */
function stepArb(weights: Readonly<Partial<Record<Op, number>>>): fc.Arbitrary<Step> {
  const s = fc.nat(2);
  const c = fc.nat(1);
  const pick = fc.constantFrom(0, 0, 0, 1, 2);
  const back = fc.constantFrom(0, 0, 0, 0, 1, 2);
  const fields = fc.subarray(['billing_country', 'billing_postal_code', 'tax_id'] as TaxField[], { minLength: 1 });
  const steps: { [K in Op]: fc.Arbitrary<Extract<Step, { op: K }>> } = {
    preview: fc.record({ op: fc.constant('preview'), s, at: fc.constantFrom(...PROFILE_NAMES) }),
    put: fc.record({ op: fc.constant('put'), s, to: fc.constantFrom(...PROFILE_NAMES), fields }),
    rename: fc.record({ op: fc.constant('rename'), s }),
    // why: the merchant's own update (private API, with the key) may change the items or the customer under an open payment.
    merchant: fc.record({ op: fc.constant('merchant'), s, items: fc.option(fc.integer({ min: 1, max: 30_000 })), to: fc.constantFrom(...PROFILE_NAMES) }),
    coupon: fc.record({ op: fc.constant('coupon'), s, c: fc.oneof({ weight: 6, arbitrary: c }, fc.constantFrom('none' as const, 'EXPIRED' as const, 'USEDUP' as const, 'NOPE' as const)) }),
    'delete-coupon': fc.record({ op: fc.constant('delete-coupon'), c }),
    start: fc.record({ op: fc.constant('start'), s, method: fc.constantFrom('card' as const, 'paypal' as const), back }),
    confirm: fc.record({ op: fc.constant('confirm'), s, pick, card: fc.constantFrom('good' as const, 'good' as const, 'declined' as const, 'challenge' as const) }),
    authenticate: fc.record({ op: fc.constant('authenticate'), s, pick, passed: fc.boolean() }),
    approve: fc.record({ op: fc.constant('approve'), s, pick }),
    'paypal-cancel': fc.record({ op: fc.constant('paypal-cancel'), s, pick }),
    pay: fc.record({ op: fc.constant('pay'), s, method: fc.constantFrom('card' as const, 'paypal' as const), good: fc.boolean(), back }),
    retry: fc.record({ op: fc.constant('retry'), s }),
    cancel: fc.record({ op: fc.constant('cancel'), s }),
    poll: fc.record({ op: fc.constant('poll'), s }),
  };
  const drawn = (Object.keys(steps) as Op[]).filter((op) => (weights[op] ?? 0) > 0);
  return fc.oneof(...drawn.map((op) => ({ weight: weights[op]!, arbitrary: steps[op] as fc.Arbitrary<Step> })));
}

/**
 * Random scenarios: 2 or 3 sessions, 1 or 2 coupons, up to `maxMoves` moves (about one in ten a race of two), drawn
 * from every path, or (`mix: 'coupon contention'`) from what competes for a capped coupon only.
 */
export function scenarioArb(maxMoves: number, mix: 'every path' | 'coupon contention' = 'every path'): fc.Arbitrary<Scenario> {
  const step = stepArb(mix === 'every path' ? EVERY_PATH : COUPON_CONTENTION);
  const move: fc.Arbitrary<Move> = fc.oneof(
    { weight: 9, arbitrary: step },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('race' as const), a: step, b: step }) },
  );
  const contended = mix === 'coupon contention';
  // why: contention needs sessions that can all take the coupon and pay, so percent-off coupons (any currency) with a
  // cap, and customers whose payment nothing else refuses (no missing tax ID, no missing ZIP).
  const sessions = contended ? sessionArb.map((spec) => ({ ...spec, customer: EASY[spec.items.length % EASY.length]! })) : sessionArb;
  const coupons = contended ? fc.record({ percent_off: fc.constantFrom(10, 90), max_redemptions: fc.constantFrom(1, 2) }) : couponArb;
  return fc.record({
    sessions: fc.array(sessions, { minLength: 2, maxLength: 3 }),
    coupons: fc.array(coupons, { minLength: 1, maxLength: 2 }),
    // why size 'max': fast-check's default size keeps arrays near 10 whatever maxLength says; runs need longer stories.
    moves: fc.array(move, { minLength: 1, maxLength: maxMoves, size: 'max' }),
  });
}
