// quaderno-checkout in a Next.js App Router app: copy to app/checkout/[...path]/route.ts and set QUADERNO_API_URL,
// QUADERNO_API_KEY and CHECKOUT_SECRET (see ../../../../node-http.ts) in .env.local. A server component renders
//   <quaderno-checkout permalink={handler.permalinkFor(session.id)} />
// with a handler created the same way (same secret, same prefix: the same permalinks), e.g. from a shared lib/ file.
import { createCheckoutHandler } from 'quaderno-checkout/server';

const handler = createCheckoutHandler({
  apiUrl: process.env.QUADERNO_API_URL!,
  apiKey: process.env.QUADERNO_API_KEY!,
  secret: process.env.CHECKOUT_SECRET!,
  prefix: '/checkout',
  // Optional, public by design: they let Stripe.js and PayPal's buttons load before any payment starts.
  stripePublishableKey: process.env.STRIPE_PUBLISHABLE_KEY || undefined,
  paypalClientId: process.env.PAYPAL_CLIENT_ID || undefined,
  sellerCountry: process.env.QUADERNO_SELLER_COUNTRY || undefined,
});

// Next passes (request, context); the handler needs only the request. OPTIONS answers a cross-origin page's preflight.
export { handler as GET, handler as PUT, handler as POST, handler as OPTIONS };
// The handler signs with node:crypto: the Node.js runtime, not the Edge one.
export const runtime = 'nodejs';
// Never cached by Next: every answer depends on the session's current state in Quaderno.
export const dynamic = 'force-dynamic';
