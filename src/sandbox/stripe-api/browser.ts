// TEST DOUBLE: the publishable-key face of the Stripe API double, the confirm the Stripe.js test double's card frame
// sends. Real Stripe has one API behind both keys: a merchant's server creates a PaymentIntent with its secret key,
// and Stripe.js confirms that same intent in the page with the intent's client secret. The card frame always calls
// `/doubles/stripe/v1/payment_intents/:id/confirm` on its own origin; an intent the merchant's server made through
// the official SDK (double.ts) is confirmed here, any other falls through to the sandbox's own simulated Stripe.
import type * as StripeJs from '@stripe/stripe-js';
import type { Context, Hono, Next } from 'hono';
import { DECLINED_CARDS } from '../store/index.js';
import { cardRefusal } from '../processors/stripe.js';
import { StripeDoubleError, type StripeApiDouble } from './double.js';

/** What Stripe.js gets back from a confirm with a publishable key: no metadata, nothing of the merchant's. */
type BrowserIntent = Pick<StripeJs.PaymentIntent, 'id' | 'object' | 'amount' | 'currency' | 'status' | 'client_secret' | 'next_action'>;

const missing: StripeJs.StripeError = { type: 'invalid_request_error', code: 'resource_missing', message: 'No such payment_intent.' };

/** Stripe's test PaymentMethod for a typed test card: the decline cards decline, any other valid card pays. */
function paymentMethodOf(digits: string): string {
  if (digits === '4000000000009995') return 'pm_card_chargeDeclinedInsufficientFunds';
  return DECLINED_CARDS.has(digits) ? 'pm_card_chargeDeclined' : 'pm_card_visa';
}

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');

/** Mounts the confirm; call before the simulated Stripe's own route at the same path (it falls through to it). */
export function mountStripeBrowserFace(app: Hono, readBody: (c: Context) => Promise<unknown>, double: StripeApiDouble): void {
  app.post('/doubles/stripe/v1/payment_intents/:id/confirm', async (c: Context, next: Next) => {
    const intent = double.intents.get(c.req.param('id') ?? '');
    if (!intent) return next();
    const body = ((await readBody(c)) ?? {}) as { client_secret?: unknown; card?: { number?: unknown; expiry?: unknown; cvc?: unknown } };
    // why: the client secret is the only key the page holds; a wrong one reads as no such intent, as at Stripe.
    if (text(body.client_secret) !== intent.client_secret) return c.json({ error: missing }, 404);
    const card = { number: text(body.card?.number), expiry: text(body.card?.expiry), cvc: text(body.card?.cvc) };
    const refusal = cardRefusal(card);
    if (refusal) return c.json({ error: refusal }, 402);
    try {
      const confirmed = double.confirm(intent.id, paymentMethodOf(card.number.replace(/[\s-]/g, '')));
      const answer: BrowserIntent = {
        id: confirmed.id,
        object: 'payment_intent',
        amount: confirmed.amount,
        currency: confirmed.currency,
        // why the cast: the server SDK's status type admits any string; the double only ever sets Stripe's own.
        status: confirmed.status as StripeJs.PaymentIntent.Status,
        client_secret: confirmed.client_secret,
        next_action: null,
      };
      return c.json(answer);
    } catch (error) {
      if (error instanceof StripeDoubleError) return c.json({ error: error.body }, error.status);
      throw error;
    }
  });
}
