// `quaderno-checkout/server`: the merchant's side of the checkout, for Node. Side-effect free.
export { createCheckoutHandler } from './handler.js';
export type { CheckoutHandler, CheckoutHandlerOptions } from './handler.js';
export { HANDLER_CAPABILITIES } from './present.js';
// why: the merchant's server creates the sessions it then hands out permalinks for.
export { createPrivateClient } from '../api/private.js';
export type { TaxLine, TaxStatus, TaxSummary } from '../tax/index.js';
export { toNodeListener } from './node.js';
export type { NodeListenerOptions } from './node.js';
