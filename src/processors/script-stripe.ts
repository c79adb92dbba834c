// Entry of dist/quaderno-checkout-stripe.iife.js: the Stripe adapter as a classic script. Added to a page with the
// core's script tag (before or after it), it makes `<quaderno-checkout>` pay cards through Stripe (registry.ts).
// Stripe.js itself loads from js.stripe.com by the official loader, on the first card session, or, with the tag's
// `data-stripe-js-url`, from that URL (a self-hosted copy, or a test double).
import { registerProcessor, scriptOptions } from './registry.js';
import { createStripeAdapter } from './stripe.js';

const { data } = scriptOptions();
registerProcessor(createStripeAdapter({ stripeJsUrl: data.stripeJsUrl || undefined }));
