// Which processor pays for a session. Apart from hosted.ts, so the element can choose without shipping the hosted
// hand-off's code in its critical path (it comes with the flow chunk).
import { capabilitiesOf } from '../protocol/capabilities.ts';
import type { CheckoutSession } from '../session/schema.ts';
import type { PaymentProcessor } from './processor.ts';
import { registeredProcessor } from './registry.ts';

/** Whether a session is paid elsewhere: its server offers the hosted page and no payment of its own. */
export function paysOnHostedPage(session: CheckoutSession | undefined): boolean {
  if (!session) return false;
  const can = capabilitiesOf({ capabilities: session.capabilities });
  return can.has('hosted_payment') && !can.has('pay');
}

const hostedFor = new WeakMap<PaymentProcessor, PaymentProcessor>();

/**
 * The processor that pays for a session: the configured one (or the adapters of script tags, registry.ts), or (one
 * per configured processor, so it mounts once) the hosted hand-off `hosted()` makes, where the session's server only
 * offers that.
 */
export function processorFor(session: CheckoutSession | undefined, configured: PaymentProcessor, hosted: () => PaymentProcessor): PaymentProcessor {
  if (!paysOnHostedPage(session)) return registeredProcessor(configured);
  let chosen = hostedFor.get(configured);
  if (!chosen) hostedFor.set(configured, (chosen = hosted()));
  return chosen;
}
