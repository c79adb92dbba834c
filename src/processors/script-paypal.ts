// Entry of dist/quaderno-checkout-paypal.iife.js: the PayPal adapter as a classic script. Added to a page with the
// core's script tag (before or after it), it makes `<quaderno-checkout>` pay through PayPal (registry.ts). Its options
// are the script tag's: `data-client-id`, `data-sdk-base-url`, and the tag's own `nonce` (or `data-csp-nonce`),
// which PayPal's script and styles then carry.
import { createPaypalAdapter } from './paypal.js';
import { registerProcessor, scriptOptions } from './registry.js';

const { data, nonce } = scriptOptions();
registerProcessor(
  createPaypalAdapter({ clientId: data.clientId || undefined, sdkBaseUrl: data.sdkBaseUrl || undefined, cspNonce: data.cspNonce || nonce }),
);
