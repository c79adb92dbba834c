// `quaderno-checkout/server`: the merchant's side of the checkout, for Node. Side-effect free.
export { createCheckoutHandler } from './handler.ts';
export type { CheckoutHandler, CheckoutHandlerOptions } from './handler.ts';
export { HANDLER_CAPABILITIES } from './present.ts';
// why: the merchant's server creates the sessions it then hands out permalinks for.
export { createPrivateClient } from '../api/private.ts';
export type { TaxLine, TaxStatus, TaxSummary } from '../tax/index.ts';
export { toNodeListener } from './node.ts';
export type { NodeListenerOptions } from './node.ts';
