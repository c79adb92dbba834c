// The hosted processor: for a server that advertises `hosted_payment` and not `pay` (the merchant handler on
// Quaderno's documented API, which has no call to take a payment). The element has saved everything typed before
// `pay()` (the model PUTs the customer first); paying is handing the customer to the session's `hosted_url`. The element
// loads this with its flow chunk; choice.ts decides when it pays.
import { BadResponseError } from '../api/errors.ts';
import { isHttpUrl } from '../api/urls.ts';
import { navigate } from '../ui/navigation.ts';
import type { CheckoutSession } from '../session/schema.ts';
import type { PaymentProcessor, PayRequest, ProcessorContext } from './processor.ts';

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
