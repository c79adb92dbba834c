// The checkout handler of a Next.js App Router app, shared by the route (app/checkout/[...path]/route.ts) and the
// server components that render permalinks: one secret and one prefix, so both make the same permalinks.
// Set QUADERNO_API_URL, QUADERNO_API_KEY and CHECKOUT_SECRET (see ../../node-http.ts) in .env.local.
import { createCheckoutHandler, type CheckoutHandler } from 'quaderno-checkout/server';

let made: CheckoutHandler | undefined;

/**
 * The handler, made on first use: `next build` imports the route to collect its page data, in CI without the
 * secrets, and a handler made at import would fail that build.
 */
export function checkout(): CheckoutHandler {
  return (made ??= createCheckoutHandler({
    apiUrl: process.env.QUADERNO_API_URL!,
    apiKey: process.env.QUADERNO_API_KEY!,
    secret: process.env.CHECKOUT_SECRET!,
    prefix: '/checkout',
    // Next hands the route a request URL on its own listening origin (e.g. http://localhost:3000), which is not
    // always the one the page is on: set the origin your customers use, or permalinks name the wrong one.
    publicOrigin: process.env.CHECKOUT_PUBLIC_ORIGIN || undefined,
    // Optional, public by design: they let Stripe.js and PayPal's buttons load before any payment starts.
    stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY || undefined,
    paypalClientId: process.env.PAYPAL_CLIENT_ID || undefined,
    sellerCountry: process.env.QUADERNO_SELLER_COUNTRY || undefined,
  }));
}
