// The sessions and customers the checkout suites start from, in one home for the browser suites (support.ts) and the
// Node flow suite (model/support.ts). Plain data: no DOM, no Node.
import type { CreateSessionBody } from '../../src/session/schema.js';

export const SUCCESS_URL = 'https://shop.example/thanks?order=1';
export const CANCEL_URL = 'https://shop.example/cart';

/** Two lines: €21.00 × 1 and €2.50 × 2 (one with a null description): subtotal €26.00. */
export function sessionBody(overrides: Partial<CreateSessionBody> = {}): CreateSessionBody {
  return {
    billing_details_collection: 'required',
    payment_methods: ['card', 'paypal'],
    success_url: SUCCESS_URL,
    cancel_url: CANCEL_URL,
    coupon_collection: true,
    locale: 'en',
    items: [
      { name: 'Pro plan', description: 'Monthly subscription', amount: 2100, currency: 'EUR', quantity: 1 },
      { name: 'Sticker', description: null, amount: 250, currency: 'EUR', quantity: 2 },
    ],
    ...overrides,
  };
}

/** A complete customer for `required` mode. */
export const FULL_CUSTOMER = {
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  billing_country: 'DE',
  billing_street_line_1: 'Unter den Linden 1',
  billing_city: 'Berlin',
  billing_postal_code: '10117',
} as const;
