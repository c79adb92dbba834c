import { createHash } from 'node:crypto';
import { majorToMinor } from '../session/money.js';
import type { TaxCode } from '../tax/types.js';
import type { CustomerField } from '../session/schema.js';
import type { StoredSession } from './store/types.js';

/** A catalog product: what `{"product": "CODE"}` in a create body expands to. */
export interface Product {
  code: string;
  name: string;
  description: string | null;
  /** Unit price in the currency's minor unit. */
  amount: number;
  currency: string;
  /** Quaderno's tax code (default: the account's default tax code). */
  tax_code?: TaxCode;
  /** Whether the price includes the tax (Quaderno's `tax_type`; default `excluded`). */
  tax_type?: 'included' | 'excluded';
}

type TaxFields = Pick<Product, 'tax_code' | 'tax_type'>;

function product(code: string, name: string, description: string | null, price: string, currency: string, tax: TaxFields = {}): Product {
  // why: prices are written in major units for readability and converted without float drift.
  return { code, name, description, amount: majorToMinor(price, currency), currency, ...tax };
}

const AUDITORIA =
  'Auditoría y consultoría de diseño web estratégico para fotógrafos + 1h de Consultoría + Grabación de la sesión + Checklist de próximos pasos + Soporte durante 1 mes';

/** The sandbox's product catalog: the codes seen in the seed document and the recorded traffic, plus demo products. */
export const PRODUCTS: readonly Product[] = [
  product('000000', 'Test_Skynet', null, '21.00', 'EUR'),
  product('prod_61ffa845b4a0b8', 'A test item', 'This a test item.', '9.99', 'EUR'),
  product('awesome', 'Awesome', '', '9.99', 'EUR'),
  product('auditoria_02_profesional', 'Auditoría web', AUDITORIA, '197.00', 'EUR'),
  product('plan_Ef1KlbLjGSnypB', 'Hack your brain', null, '25.00', 'USD'),
  product('course_gbp', 'Typography course', 'Twelve video lessons with exercises', '49.00', 'GBP', { tax_code: 'eservice', tax_type: 'included' }),
  product('workbook_gbp', 'Printed workbook', 'A4, 120 pages', '12.50', 'GBP'),
  product('sticker_gbp', 'Sticker', 'One die-cut sticker', '0.10', 'GBP'),
  product('membership_sek', 'Årsmedlemskap', 'Ett års medlemskap i föreningen', '499.00', 'SEK'),
  product('workshop_huf', 'Workshop-Ticket', 'Ganztägiger Workshop in Budapest', '14990', 'HUF'),
  product('ebook_jpy', '電子書籍', 'PDF + EPUB', '1999', 'JPY', { tax_code: 'ebook' }),
  product('coffee_eur', 'Kahvipaketti', null, '12.90', 'EUR'),
  product('consulting_fr', 'Heure de conseil', 'Une heure de conseil en visioconférence', '90.00', 'EUR', { tax_code: 'consulting' }),
  product('support_fr', 'Support prioritaire', 'Réponse sous quatre heures ouvrées', '29.00', 'EUR', { tax_code: 'eservice' }),
  product('saas_de', 'Jahresabo Pro', 'Pro-Tarif, jährliche Abrechnung', '240.00', 'EUR', { tax_code: 'saas' }),
  product('ebook_en', 'The Checkout Handbook', 'An e-book on building checkouts that convert', '19.00', 'EUR', { tax_code: 'ebook', tax_type: 'included' }),
];

/** A coupon as seeded (its redemption count included). */
export interface SeedCoupon {
  code: string;
  name: string;
  percent_off?: number;
  amount_off?: number;
  currency?: string;
  redeem_by?: string;
  max_redemptions?: number;
  times_redeemed?: number;
}

/** Seed coupons, one per case the checkout must handle. */
export const SEED_COUPONS: readonly SeedCoupon[] = [
  { code: 'WELCOME10', name: 'Welcome: 10% off', percent_off: 10 },
  { code: 'HALF', name: 'Half price', percent_off: 50 },
  { code: 'FIVEOFF', name: '€5 off', amount_off: 500, currency: 'EUR' },
  { code: 'EXPIRED', name: 'Last year’s sale', percent_off: 20, redeem_by: '2020-01-01T00:00:00Z' },
  { code: 'USEDUP', name: 'First customer only', percent_off: 15, max_redemptions: 1, times_redeemed: 1 },
];

type SeedCustomer = Partial<Record<CustomerField, string | null>>;

/** A seeded session, before it is stored: the stored session's settings, a label, catalog items. */
export interface SeedSession
  extends Pick<
    StoredSession,
    'id' | 'token' | 'status' | 'billing_details_collection' | 'cancel_url' | 'success_url' | 'coupon_collection' | 'locale' | 'payment_methods'
  > {
  label: string;
  custom?: Record<string, unknown>;
  /** Catalog codes with quantities, or full items (the seed document's own names and descriptions). */
  items: Array<{ product: string; quantity?: number; name?: string; description?: string | null }>;
  customer?: SeedCustomer;
}

/** Stable tokens, so the demo and docs can link a seeded session across restarts. */
function seedToken(id: number): string {
  return createHash('sha1').update(`quaderno-sandbox-seed-${id}`).digest('hex');
}

const SUCCESS = 'https://example.com/thanks';
const CANCEL = 'https://example.com/cart';

/** The seed document's three sessions (ids, tokens and statuses as documented) and the pending demo sessions (ids 100+). */
export const SEED_SESSIONS: readonly SeedSession[] = [
  {
    id: 1,
    token: '8ccf3fdc42b85800188b113b81d3e4212ef094b3',
    status: 'completed',
    label: 'Seed #1: completed',
    billing_details_collection: 'required',
    cancel_url: 'http://go.back.com',
    success_url: 'http://success.com?prod=1',
    coupon_collection: true,
    locale: 'auto',
    payment_methods: ['card', 'paypal'],
    items: [{ product: 'prod_61ffa845b4a0b8', name: 'A test item', description: 'This a test item.' }],
    customer: {
      billing_city: 'John',
      billing_country: 'GB',
      billing_postal_code: 'asd',
      billing_street_line_1: 'asd',
      billing_street_line_2: 'asd',
      company: '',
      email: 'john@doe.com',
      first_name: 'John',
      last_name: 'Doe',
    },
  },
  {
    id: 2,
    token: '5c24890be57274275358e7d25ea5200384fc7293',
    status: 'failed',
    label: 'Seed #2: failed (PayPal, es)',
    billing_details_collection: 'auto',
    cancel_url: 'http://go.back.com',
    success_url: 'http://success.com?prod=2',
    coupon_collection: true,
    locale: 'es',
    payment_methods: ['paypal'],
    items: [{ product: 'awesome', name: 'Awesome', description: '' }],
    customer: {
      billing_postal_code: 'asd',
      billing_street_line_1: 'asdas',
      billing_street_line_2: 'asd',
      company: '',
      first_name: 'James',
    },
  },
  {
    id: 3,
    token: '0092e2afbc457a2e3acf1a2c75928743d06c1fe5',
    status: 'abandoned',
    label: 'Seed #3: abandoned',
    billing_details_collection: 'required',
    cancel_url: null,
    // why: the seed document gives success_url twice; a JSON parser keeps the last one.
    success_url: 'http://success.com',
    coupon_collection: false,
    locale: 'auto',
    payment_methods: ['card', 'paypal'],
    items: [{ product: 'prod_61ffa845b4a0b8', name: 'Something', description: null }],
    customer: {
      billing_city: 'York',
      billing_country: 'GB',
      billing_postal_code: 'Y01 6FA',
      billing_street_line_1: 'Fake Street 1',
      billing_street_line_2: 'Apt. 1',
      company: '',
      email: 'giles@gorales.co.uk',
      first_name: 'Giles',
    },
  },
  pending(100, 'EUR · card · required · en', {
    locale: 'en',
    billing_details_collection: 'required',
    payment_methods: ['card'],
    coupon_collection: true,
    items: [{ product: 'ebook_en' }],
  }),
  pending(101, 'EUR · card + PayPal · auto · es · long description', {
    locale: 'es',
    billing_details_collection: 'auto',
    payment_methods: ['card', 'paypal'],
    coupon_collection: true,
    items: [{ product: 'auditoria_02_profesional' }],
  }),
  pending(102, 'USD · PayPal only · auto · en · no coupons', {
    locale: 'en',
    billing_details_collection: 'auto',
    payment_methods: ['paypal'],
    coupon_collection: false,
    custom: { custom_id: '1234' },
    items: [{ product: 'plan_Ef1KlbLjGSnypB' }],
  }),
  pending(103, 'GBP · several items and quantities · required · en', {
    locale: 'en',
    billing_details_collection: 'required',
    payment_methods: ['card', 'paypal'],
    coupon_collection: true,
    items: [{ product: 'course_gbp' }, { product: 'workbook_gbp', quantity: 2 }, { product: 'sticker_gbp', quantity: 3 }],
  }),
  pending(104, 'SEK · sv · prefilled customer · required', {
    locale: 'sv',
    billing_details_collection: 'required',
    payment_methods: ['card'],
    coupon_collection: true,
    items: [{ product: 'membership_sek' }],
    customer: {
      first_name: 'Astrid',
      last_name: 'Lindqvist',
      email: 'astrid@example.se',
      billing_street_line_1: 'Drottninggatan 12',
      billing_city: 'Stockholm',
      billing_postal_code: '111 51',
      billing_country: 'SE',
    },
  }),
  pending(105, 'HUF · de · PayPal only · auto · no coupons', {
    locale: 'de',
    billing_details_collection: 'auto',
    payment_methods: ['paypal'],
    coupon_collection: false,
    items: [{ product: 'workshop_huf' }],
  }),
  pending(106, 'JPY ¥1999 · auto locale · card · auto', {
    locale: 'auto',
    billing_details_collection: 'auto',
    payment_methods: ['card'],
    coupon_collection: false,
    items: [{ product: 'ebook_jpy' }],
  }),
  pending(107, 'EUR · fi · description null · card · auto', {
    locale: 'fi',
    billing_details_collection: 'auto',
    payment_methods: ['card'],
    coupon_collection: true,
    items: [{ product: 'coffee_eur', quantity: 2 }],
  }),
  pending(108, 'EUR · fr · two items · card + PayPal · required', {
    locale: 'fr',
    billing_details_collection: 'required',
    payment_methods: ['card', 'paypal'],
    coupon_collection: true,
    items: [{ product: 'consulting_fr', quantity: 2 }, { product: 'support_fr' }],
  }),
  pending(109, 'EUR · de · prefilled business (VAT) · auto', {
    locale: 'de',
    billing_details_collection: 'auto',
    payment_methods: ['card', 'paypal'],
    coupon_collection: true,
    items: [{ product: 'saas_de' }],
    customer: {
      first_name: 'Jonas',
      last_name: 'Becker',
      email: 'jonas@example.de',
      company: 'Becker Design GmbH',
      tax_id: 'DE123456789',
      billing_street_line_1: 'Torstraße 5',
      billing_city: 'Berlin',
      billing_postal_code: '10119',
      billing_country: 'DE',
    },
  }),
  pending(110, 'EUR · recorded Test_Skynet · auto locale · no coupons · required', {
    locale: 'auto',
    billing_details_collection: 'required',
    payment_methods: ['card', 'paypal'],
    coupon_collection: false,
    items: [{ product: '000000' }],
  }),
];

function pending(
  id: number,
  label: string,
  rest: Omit<SeedSession, 'id' | 'token' | 'status' | 'label' | 'cancel_url' | 'success_url'>,
): SeedSession {
  return { id, token: seedToken(id), status: 'pending', label, cancel_url: CANCEL, success_url: SUCCESS, ...rest };
}
