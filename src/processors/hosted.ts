// The hosted processor: for a server that advertises `hosted_payment` and not `pay` (the merchant handler on
// Quaderno's documented API, which has no call to take a payment). The element has saved everything typed before
// `pay()` (the model PUTs the customer first); paying is handing the customer to the session's `hosted_url`. `paysOnHostedPage`
// (factories.ts) decides when it pays.
import { BadResponseError } from '../api/errors.js';
import { isHttpUrl } from '../api/urls.js';
import { navigate } from '../ui/navigation.js';
import type { MountedProcessor, PaymentProcessor, PayInput, PayOutcome, ProcessorChanges, ProcessorContext } from './processor.js';

class MountedHosted implements MountedProcessor {
  readonly ownButton = false;
  private readonly note = document.createElement('p');

  constructor(container: HTMLElement, context: ProcessorContext) {
    const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
    this.note.setAttribute('part', 'hosted-note');
    root.replaceChildren(this.note);
    this.update(context);
  }

  update({ t }: ProcessorChanges): void {
    // why textContent, never markup: the words are the locale's, and nothing of the server's is rendered as HTML.
    if (t) this.note.textContent = t.hostedPaymentNote;
  }

  unmount(): void {
    this.note.remove();
  }

  validate(): null {
    return null;
  }

  /** Hands the customer to the hosted page; the session stays pending here (it is paid, and completed, there). */
  async pay({ session }: PayInput): Promise<PayOutcome> {
    const url = session.hosted_url;
    if (!isHttpUrl(url) || !navigate(url)) {
      throw new BadResponseError('The session offers hosted payment without an http(s) hosted_url', 200, { hosted_url: url });
    }
    return { status: 'confirmed', session };
  }
}

/** The hosted hand-off's code. */
export function createHostedProcessor(): PaymentProcessor {
  return {
    id: 'hosted',
    // why: no simulated money here; whether the hosted page is a test account's is that page's to say.
    testMode: false,
    startsPayments: false,
    mount: async (container, context) => new MountedHosted(container, context),
  };
}
