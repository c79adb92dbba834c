// Entry of dist/quaderno-checkout-stripe.iife.js: the Stripe adapter as a classic script. Added to a page with the
// core's script tag (before or after it), it makes `<quaderno-checkout>` pay cards through Stripe (registry.ts).
// Stripe.js itself loads from js.stripe.com by the official loader, on the first card session.
import { registerAdapter } from './register.ts';
import { createStripeAdapter } from './stripe.ts';

registerAdapter('card', async () => createStripeAdapter());
