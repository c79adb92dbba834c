// The hosted processor: for a server that advertises `hosted_payment` and not `pay` (the merchant handler on
// Quaderno's documented API, which has no call to take a payment). The element has saved everything typed before
// `pay()` (the model PUTs the customer first); paying is handing the customer to the session's `hosted_url`.
import { BadResponseError } from '../api/errors.ts';
import { isHttpUrl } from '../api/urls.ts';
import { navigate } from '../checkout/navigation.ts';
import { capabilitiesOf } from '../protocol/capabilities.ts';
import type { CheckoutSession } from '../session/schema.ts';
import type { PaymentProcessor, PayRequest, ProcessorContext } from './processor.ts';
import { registeredProcessor } from './registry.ts';

/** Whether a session is paid elsewhere: its server offers the hosted page and no payment of its own. */
export function paysOnHostedPage(session: CheckoutSession | undefined): boolean {
  if (!session) return false;
  const can = capabilitiesOf({ capabilities: session.capabilities });
  return can.has('hosted_payment') && !can.has('pay');
}

export class HostedProcessor implements PaymentProcessor {
  readonly id = 'hosted';
  // why: no simulated money here; whether the hosted page is a test account's is that page's to say.
  readonly testMode = false;
  private note: HTMLParagraphElement | undefined;

  async mount(container: HTMLElement, context: ProcessorContext): Promise<void> {
    const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
    this.note = document.createElement('p');
    this.note.setAttribute('part', 'hosted-note');
    root.replaceChildren(this.note);
    this.update(context);
  }

  update(context: ProcessorContext): void {
    // why: textContent, never markup: the words are the locale's, and nothing of the server's is rendered as HTML.
    if (this.note) this.note.textContent = context.t.hostedPaymentNote;
  }

  unmount(): void {
    this.note?.remove();
    this.note = undefined;
  }

  validate(): void {}

  focusFirstInvalid(): boolean {
    return false;
  }

  /** Hands the customer to the hosted page; the session stays pending here (it is paid, and completed, there). */
  async pay({ session }: PayRequest): Promise<CheckoutSession> {
    const url = session.hosted_url;
    if (!isHttpUrl(url) || !navigate(url)) {
      throw new BadResponseError('The session offers hosted payment without an http(s) hosted_url', 200, { hosted_url: url });
    }
    return session;
  }
}

const hostedFor = new WeakMap<PaymentProcessor, HostedProcessor>();

/**
 * The processor that pays for a session: the configured one (or the adapters of script tags, registry.ts), or (one
 * per configured processor, so it mounts once) the hosted hand-off where the session's server only offers that.
 */
export function processorFor(session: CheckoutSession | undefined, configured: PaymentProcessor): PaymentProcessor {
  if (!paysOnHostedPage(session)) return registeredProcessor(configured);
  let hosted = hostedFor.get(configured);
  if (!hosted) hostedFor.set(configured, (hosted = new HostedProcessor()));
  return hosted;
}
