// TEST DOUBLE of Stripe.js (https://js.stripe.com), served by the sandbox at /doubles/stripe.js. NOT Stripe's code and
// never shipped in the package. It implements the calls the Stripe adapter makes, typed by @stripe/stripe-js itself
// (test/processors/stripe.test.ts holds it to the part of the SDK the adapter uses), against the sandbox's simulated
// Stripe API:
// - `Stripe(pk)` → `elements({clientSecret, appearance, locale})`, or in deferred mode `elements({mode: 'payment',
//   amount, currency, …})` with the intent's `clientSecret` given to `confirmPayment()` → `create('payment', options)`
//   → `mount(node)`;
// - `mount()` refuses a node inside a ShadowRoot with Stripe's own error, as Stripe.js does since late 2024;
// - the card fields live in a frame on the sandbox's other origin, so the page cannot read them;
// - `elements.submit()` asks that frame whether its fields are complete, and answers once it replied;
// - `confirmPayment()` asks that frame to confirm, shows a challenge frame for `requires_action` cards, and sends the
//   page to the simulated bank for a redirect-based method (iDEAL, Bancontact), which comes back to `return_url`.
import type * as StripeJs from '@stripe/stripe-js';
import {
  fragment,
  modalFrame,
  unwrap,
  wrap,
  type ApiAnswer,
  type CardFrameConfig,
  type ChallengeFrameConfig,
  type FieldsCheck,
  type FromCardFrame,
  type FromChallengeFrame,
  type IntentBody,
  type ToCardFrame,
} from './messages.js';

const FRAME_ORIGIN = __DOUBLE_FRAME_ORIGIN__;
/** Stripe.js's own words, so that code matching on them behaves as with the real SDK. */
export const SHADOW_ROOT_ERROR = 'Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.';

class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
}

type Handler = (event: never) => unknown;

/** A PaymentIntent in the SDK's full shape, from the simulated API's answer. */
function paymentIntent(body: IntentBody): StripeJs.PaymentIntent {
  return {
    id: body.id,
    object: 'payment_intent',
    amount: body.amount,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: body.client_secret,
    confirmation_method: 'automatic',
    created: Math.floor(Date.now() / 1000),
    currency: body.currency,
    description: null,
    last_payment_error: null,
    livemode: false,
    next_action: null,
    payment_method: null,
    payment_method_types: ['card'],
    receipt_email: null,
    setup_future_usage: null,
    shipping: null,
    status: body.status,
  };
}

/** Listens for the double's messages from one frame window, on the frame origin only. */
function listen<T>(source: () => Window | null, handle: (message: T) => void): () => void {
  const listener = (event: MessageEvent) => {
    if (event.origin !== FRAME_ORIGIN || event.source !== source()) return;
    const message = unwrap<T>(event.data);
    if (message) handle(message);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

class PaymentElementDouble {
  private readonly handlers = new Map<string, Set<Handler>>();
  private frame: HTMLIFrameElement | null = null;
  private stopListening: (() => void) | null = null;
  private nextId = 1;
  /** Requests to the frame waiting for its reply (undefined: the element went away first). */
  private readonly pending = new Map<number, (reply: FromCardFrame | undefined) => void>();
  /** `ready` fires once the frame drew its fields and the client secret (if any) proved valid, as with Stripe.js. */
  private waiting: { frame: boolean; intent: boolean };

  constructor(
    readonly group: ElementsDouble,
    private readonly options: StripeJs.StripePaymentElementOptions,
  ) {
    this.waiting = { frame: true, intent: group.clientSecret !== undefined };
  }

  mount(domElement: string | HTMLElement): void {
    const node = typeof domElement === 'string' ? document.querySelector<HTMLElement>(domElement) : domElement;
    if (!node) throw new IntegrationError(`The selector you specified (${String(domElement)}) applies to no DOM elements.`);
    if (node.getRootNode() instanceof ShadowRoot) throw new IntegrationError(SHADOW_ROOT_ERROR);
    if (!node.isConnected) throw new IntegrationError('The container is not attached to the document.');
    const frame = document.createElement('iframe');
    const config: CardFrameConfig = { parent: location.origin, locale: this.group.locale, appearance: this.group.appearance };
    frame.src = `${FRAME_ORIGIN}/doubles/stripe/card${fragment(config)}`;
    frame.title = 'Secure payment input frame';
    frame.setAttribute('allow', 'payment');
    frame.style.cssText = 'display:block;width:100%;height:240px;border:0;background:transparent;color-scheme:normal';
    this.frame = frame;
    this.stopListening = listen<FromCardFrame>(() => frame.contentWindow, (message) => this.receive(message));
    node.append(frame);
    if (this.group.clientSecret !== undefined) void this.checkIntent();
  }

  on(eventType: 'change', handler: (event: StripeJs.StripePaymentElementChangeEvent) => unknown): PaymentElementDouble;
  on(eventType: 'ready', handler: (event: { elementType: 'payment' }) => unknown): PaymentElementDouble;
  on(eventType: 'loaderror', handler: (event: { elementType: 'payment'; error: StripeJs.StripeError }) => unknown): PaymentElementDouble;
  on(eventType: string, handler: Handler): PaymentElementDouble {
    let set = this.handlers.get(eventType);
    if (!set) this.handlers.set(eventType, (set = new Set()));
    set.add(handler);
    return this;
  }

  update(options: Partial<StripeJs.StripePaymentElementUpdateOptions>): PaymentElementDouble {
    if (options.readOnly !== undefined) this.post({ kind: 'update', readOnly: options.readOnly });
    return this;
  }

  destroy(): void {
    this.stopListening?.();
    this.frame?.remove();
    this.frame = null;
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  /** Forwards `elements.update()` to the frame. */
  restyle(locale: string, appearance: StripeJs.Appearance): void {
    this.post({ kind: 'update', locale, appearance });
  }

  /** Asks the card frame to confirm the intent with what was typed there (or chosen: a redirect-based method). */
  async confirm(clientSecret: string, returnUrl: string | undefined): Promise<ApiAnswer> {
    const reply = await this.request((id) => ({ kind: 'confirm', id, clientSecret, returnUrl }));
    if (reply?.kind === 'confirmed') return reply.answer;
    return { ok: false, error: { type: 'invalid_request_error', code: 'element_not_mounted', message: 'The Payment Element is not mounted.' } };
  }

  /** Asks the card frame for its fields' state now (`elements.submit()`); undefined when the frame is gone. */
  async check(): Promise<FieldsCheck | undefined> {
    const reply = await this.request((id) => ({ kind: 'submit', id }));
    return reply?.kind === 'submitted' ? reply.check : undefined;
  }

  /** Posts a request to the frame and resolves with its reply (matched by id). */
  private request(message: (id: number) => ToCardFrame): Promise<FromCardFrame | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (!this.post(message(id))) {
        this.pending.delete(id);
        resolve(undefined);
      }
    });
  }

  private post(message: ToCardFrame): boolean {
    const target = this.frame?.contentWindow;
    if (!target) return false;
    target.postMessage(wrap(message), FRAME_ORIGIN);
    return true;
  }

  private receive(message: FromCardFrame): void {
    if (message.kind === 'ready') {
      this.update({ readOnly: this.options.readOnly ?? false });
      this.arrived('frame');
    } else if (message.kind === 'change') {
      const event: StripeJs.StripePaymentElementChangeEvent = {
        elementType: 'payment',
        empty: message.empty,
        complete: message.complete,
        collapsed: false,
        value: { type: message.method },
      };
      this.emit('change', event);
    } else {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    }
  }

  /** Stripe.js reports an unknown client secret as a `loaderror`. */
  private async checkIntent(): Promise<void> {
    const secret = this.group.clientSecret ?? '';
    const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(secret)?.[1] ?? 'unknown';
    try {
      const response = await fetch(`${FRAME_ORIGIN}/doubles/stripe/v1/payment_intents/${id}?client_secret=${encodeURIComponent(secret)}`);
      if (response.ok) return this.arrived('intent');
      const body = (await response.json()) as { error: StripeJs.StripeError };
      this.emit('loaderror', { elementType: 'payment', error: body.error });
    } catch {
      this.emit('loaderror', { elementType: 'payment', error: { type: 'api_connection_error', message: 'Failed to load.' } });
    }
  }

  private arrived(part: 'frame' | 'intent'): void {
    if (!this.waiting[part]) return;
    this.waiting[part] = false;
    if (!this.waiting.frame && !this.waiting.intent) this.emit('ready', { elementType: 'payment' });
  }

  private emit(type: string, event: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) (handler as (event: unknown) => unknown)(event);
  }
}

class ElementsDouble {
  /** The PaymentIntent's secret; undefined in deferred mode (`mode: 'payment'`), where confirmPayment() brings one. */
  readonly clientSecret: string | undefined;
  locale: StripeJs.StripeElementLocale;
  appearance: StripeJs.Appearance;
  readonly created: PaymentElementDouble[] = [];

  constructor(options: StripeJs.StripeElementsOptionsClientSecret | StripeJs.StripeElementsOptionsMode) {
    const deferred = 'mode' in options && options.mode === 'payment' && Number.isInteger(options.amount) && !!options.currency;
    if (!options.clientSecret && !deferred) throw new IntegrationError('elements() needs a clientSecret, or mode, amount and currency.');
    this.clientSecret = options.clientSecret || undefined;
    this.locale = options.locale ?? 'auto';
    this.appearance = options.appearance ?? {};
  }

  create(elementType: 'payment', options: StripeJs.StripePaymentElementOptions = {}): PaymentElementDouble {
    if (elementType !== 'payment') throw new IntegrationError(`The test double only implements the payment element.`);
    const element = new PaymentElementDouble(this, options);
    this.created.push(element);
    return element;
  }

  async update(options: StripeJs.StripeElementsUpdateOptions): Promise<void> {
    if (options.locale) this.locale = options.locale;
    if (options.appearance) this.appearance = options.appearance;
    for (const element of this.created) element.restyle(this.locale, this.appearance);
  }

  async fetchUpdates(): Promise<{ error?: { message: string; status?: string } }> {
    return {};
  }

  /** As Stripe.js: validates the fields where they are (the frame) and answers `{error}` or the chosen method. */
  async submit(): Promise<Awaited<ReturnType<StripeJs.StripeElements['submit']>>> {
    const element = this.created[0];
    if (!element) throw new IntegrationError('Create and mount a Payment Element before elements.submit().');
    const check = await element.check();
    if (!check) return { error: { type: 'invalid_request_error', code: 'element_not_mounted', message: 'The Payment Element is not mounted.' } };
    return check.error ? { error: check.error } : { selectedPaymentMethod: check.method };
  }
}

/** Shows the simulated 3-D Secure page in a modal frame, as Stripe.js does, and waits for its answer. */
async function challenge(clientSecret: string): Promise<ApiAnswer> {
  const config: ChallengeFrameConfig = { parent: location.origin, clientSecret };
  const done = await modalFrame<FromChallengeFrame>({
    marker: ['data-stripe-double', 'challenge'],
    label: '3-D Secure authentication',
    src: `${FRAME_ORIGIN}/doubles/stripe/challenge${fragment(config)}`,
    width: 400,
    height: 320,
  });
  return done.answer;
}

/**
 * A redirect-based method: the whole page goes to the (simulated) bank, as Stripe.js does even with
 * `redirect: 'if_required'`; the promise never settles, since the page unloads. Only an http(s) address is followed.
 */
function leaveFor(url: string): Promise<StripeJs.PaymentIntentResult> {
  if (!/^https?:$/.test(new URL(url, location.href).protocol)) {
    return Promise.resolve({ error: { type: 'invalid_request_error', code: 'url_invalid', message: 'Not an http(s) redirect.' } });
  }
  location.assign(url);
  return new Promise(() => {});
}

/** `Stripe(pk)`'s answer. */
export class StripeDouble {
  constructor(readonly publishableKey: string) {}

  elements(options: StripeJs.StripeElementsOptionsClientSecret | StripeJs.StripeElementsOptionsMode): ElementsDouble {
    return new ElementsDouble(options);
  }

  async confirmPayment(options: {
    elements: unknown;
    clientSecret?: string;
    confirmParams?: Partial<StripeJs.ConfirmPaymentData>;
    redirect: 'if_required';
  }): Promise<StripeJs.PaymentIntentResult> {
    const group = options.elements;
    if (!(group instanceof ElementsDouble)) throw new IntegrationError('confirmPayment() needs the elements group it created.');
    const element = group.created[0];
    if (!element) throw new IntegrationError('Create and mount a Payment Element before confirmPayment().');
    const billing = options.confirmParams?.payment_method_data?.billing_details;
    // why: with `fields.billingDetails: 'never'`, Stripe.js refuses a confirmation that does not pass them.
    if (!billing || billing.name === undefined || billing.email === undefined || billing.address === undefined) {
      throw new IntegrationError(
        'You specified "never" for fields.billing_details when creating the payment Element, but did not pass ' +
          'confirmParams.payment_method_data.billing_details when calling stripe.confirmPayment().',
      );
    }
    // why: as Stripe.js, a group made with a client secret confirms that intent only; a deferred one needs one here.
    if (group.clientSecret !== undefined && options.clientSecret !== undefined) {
      throw new IntegrationError('Do not pass clientSecret to confirmPayment() for elements created with a clientSecret.');
    }
    const secret = options.clientSecret ?? group.clientSecret;
    if (!secret) throw new IntegrationError('confirmPayment() needs a clientSecret for elements created in deferred mode.');
    let answer = await element.confirm(secret, options.confirmParams?.return_url);
    const next = answer.ok ? answer.intent.next_action : null;
    if (next?.type === 'redirect_to_url') return leaveFor(next.redirect_to_url.url);
    if (answer.ok && answer.intent.status === 'requires_action') answer = await challenge(secret);
    return answer.ok ? { paymentIntent: paymentIntent(answer.intent) } : { error: answer.error };
  }
}

function StripeConstructorDouble(publishableKey: string): StripeDouble {
  if (typeof publishableKey !== 'string' || !/^pk_(test|live)_/.test(publishableKey)) {
    throw new IntegrationError(`Invalid API Key provided: ${String(publishableKey)}`);
  }
  return new StripeDouble(publishableKey);
}
// why: @stripe/stripe-js warns when the loaded Stripe.js is not the release train its types describe.
StripeConstructorDouble.version = 'endive';

// The global a page script finds, as `loadStripe` from @stripe/stripe-js/pure does.
(window as unknown as { Stripe: typeof StripeConstructorDouble }).Stripe = StripeConstructorDouble;
