// fast-check generators for session payloads, valid and broken, shared by the Node and the browser suites.
import fc from 'fast-check';
import { PAYMENT_METHODS, STATUSES } from '../../src/session/schema.js';

const CURRENCIES = ['EUR', 'USD', 'JPY', 'KWD', 'HUF', 'SEK', 'CLF', 'XXX', 'zzz', 'eur', 'XTS'];
const weirdStrings = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '١٢٣',
  '\u0000',
  '\u202Eevil',
  '<b>x</b>',
  '${1+1}',
  '{{7*7}}',
  'x'.repeat(5000),
);
const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), weirdStrings);
const hugeNumbers = fc.constantFrom(
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1,
  -2100,
  0.5,
  2100.0,
  -0,
  Number.MIN_VALUE,
);
const weird = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(),
  hugeNumbers,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.constantFrom('NaN', '1.5', '-3', '99999999999999999999', '2100.0'),
);

/** A well-formed item (amount in minor units). */
export const validItem = fc.record({
  product: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  name: fc.string({ minLength: 1, maxLength: 30 }),
  description: fc.option(fc.string({ maxLength: 60 }), { nil: null }),
  amount: fc.integer({ min: 0, max: 10_000_000 }),
  currency: fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'SEK'),
  quantity: fc.integer({ min: 1, max: 50 }),
});

/** A session the element should show as a form or a status. */
export const validSession = fc
  .record({
    id: fc.integer({ min: 1, max: 1e6 }),
    status: fc.oneof({ weight: 3, arbitrary: fc.constant('pending' as const) }, { weight: 2, arbitrary: fc.constantFrom(...STATUSES) }),
    billing_details_collection: fc.constantFrom('auto', 'required'),
    cancel_url: fc.option(fc.constant('https://shop.example/cart'), { nil: null }),
    success_url: fc.option(fc.constant('https://shop.example/thanks'), { nil: null }),
    coupon_collection: fc.boolean(),
    locale: fc.constantFrom('auto', 'en', 'de', 'fi', 'hu', 'es'),
    payment_methods: fc.subarray([...PAYMENT_METHODS], { minLength: 1 }),
    custom: fc.constant({}),
    metadata: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    items: fc.array(validItem, { minLength: 1, maxLength: 4 }),
    customer: fc.record({ email: fc.option(fc.emailAddress(), { nil: null }), first_name: fc.option(fc.string(), { nil: null }) }),
    permalink: fc.constant('https://sandbox.example/checkout/session/abc'),
  })
  .map((s) => {
    // one currency per session, as the API guarantees
    const currency = s.items[0]!.currency;
    return { ...s, items: s.items.map((item) => ({ ...item, currency })) };
  });

type Json = Record<string, unknown>;

/** Sets a (possibly nested) path in a deep copy. */
function setPath(value: Json, path: ReadonlyArray<string | number>, next: unknown): Json {
  const copy = structuredClone(value);
  let target: any = copy;
  for (const key of path.slice(0, -1)) {
    if (target[key] === null || typeof target[key] !== 'object') target[key] = {};
    target = target[key];
  }
  const last = path.at(-1)!;
  if (next === undefined) delete target[last];
  else target[last] = next;
  return copy;
}

const PATHS: ReadonlyArray<ReadonlyArray<string | number>> = [
  ['status'],
  ['items'],
  ['items', 0],
  ['items', 0, 'amount'],
  ['items', 0, 'quantity'],
  ['items', 0, 'currency'],
  ['items', 0, 'name'],
  ['items', 0, 'description'],
  ['items', 1],
  ['customer'],
  ['customer', 'email'],
  ['customer', 'billing_country'],
  ['payment_methods'],
  ['payment_methods', 0],
  ['billing_details_collection'],
  ['coupon_collection'],
  ['locale'],
  ['success_url'],
  ['cancel_url'],
  ['metadata'],
  ['coupon'],
  ['coupon', 'percent_off'],
  ['coupon', 'amount_off'],
  ['coupon', 'code'],
  ['coupon', 'currency'],
];

const mutation = fc.record({
  path: fc.constantFrom(...PATHS),
  value: fc.oneof(
    weird,
    fc.constantFrom(...CURRENCIES),
    fc.constantFrom('unknown', 'PENDING', 'paid', 'draft'),
    fc.constant({ code: 'X', percent_off: 150 }),
    fc.constant({ code: 'Y', amount_off: 1e12, currency: 'EUR' }),
    fc.constant([null]),
    fc.constant([{}]),
    fc.constant([{ name: null, amount: null, currency: null }]),
  ),
});

/** A valid session with one to four fields broken: wrong types, missing, huge, NaN-like, unknown values. */
export const mutatedSession = fc
  .tuple(validSession, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([session, mutations]) => mutations.reduce((s, m) => setPath(s, m.path, m.value), session as Json));

/** Anything JSON can say, including deeply nested and huge values. */
export const arbitraryJson = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.anything({ maxDepth: 4 }));

/** The mix the suites run: a third valid, a half mutated, the rest arbitrary. */
export const anySession = fc.oneof(
  { weight: 3, arbitrary: validSession as fc.Arbitrary<unknown> },
  { weight: 5, arbitrary: mutatedSession as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: arbitraryJson as fc.Arbitrary<unknown> },
);
