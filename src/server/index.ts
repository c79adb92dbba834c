// `quaderno-checkout/server`: the merchant's side of the checkout, for Node. Side-effect free.
export { createCheckoutHandler } from './handler.ts';
export type { CheckoutHandler, CheckoutHandlerOptions } from './handler.ts';
export { HANDLER_CAPABILITIES } from './present.ts';
export { summarize } from './summarize.ts';
// why: the merchant's server creates the sessions it then hands out permalinks for.
export { createPrivateClient } from '../api/private.ts';
export type { RateResult, SummaryItem, TaxLine, TaxStatus, TaxSummary, TaxTotals } from './summarize.ts';
export { toNodeListener } from './node.ts';
export type { NodeListenerOptions } from './node.ts';
