// The Stripe adapter: Stripe's Payment Element in a light-DOM container. Loaded as its own chunk, only for
// sessions that pay by card through Stripe. `@stripe/stripe-js/pure` injects nothing until `loadStripe` runs.
import { loadStripe as officialLoadStripe } from '@stripe/stripe-js/pure';
import type { LocaleCode } from '../locales/translation.js';
import type { ProtocolSession } from '../protocol/session.js';
import { processorError, ProcessorLoadError, type ProcessorError } from './errors.js';
import type { MountedProcessor, PayInput, PayOutcome, PaymentProcessor, ProcessorChanges, ProcessorContext } from './processor.js';
import type { ElementsSurface, PaymentElementSurface, StripeJs, StripeSurface } from './stripe-surface.js';

export type { ElementsSurface, PaymentElementSurface, StripeFitsSurface, StripeSurface } from './stripe-surface.js';

/** Loads Stripe.js for a publishable key. The default is the official loader; tests and self-hosting inject one. */
export type StripeLoader = (publishableKey: string) => Promise<StripeSurface | null>;

export interface StripeAdapterOptions {
  loadStripe?: StripeLoader;
  /**
   * Where Stripe.js loads from when the page has none yet (default js.stripe.com, by the official loader): a
   * self-hosted copy, or a test double such as the sandbox's `/doubles/stripe.js`. The adapter script takes it as
   * `data-stripe-js-url`. Ignored with `loadStripe`.
   */
  stripeJsUrl?: string;
  /** How long to wait for the Payment Element's `ready`. Default 20 s. */
  readyTimeoutMs?: number;
}

/** A theme token: the element's resolved private custom property, and the public one a merchant sets. */
export interface ThemeToken {
  private: string;
  public: string;
}

/** Reads a theme token's current value ('' when neither property is set). */
export type TokenReader = (token: ThemeToken) => string;

/** The reader for an element's computed style. */
// why: the private `--_x` tokens carry the element's defaults (and its dark scheme); the public ones win inside them.
export function computedTokens(host: Element): TokenReader {
  const style = getComputedStyle(host);
  return (token) => (style.getPropertyValue(`--_${token.private}`) || style.getPropertyValue(`--quaderno-${token.public}`)).trim();
}

// ---- plain mappings, tested in tables ----------------------------------------------------------------------------

/**
 * The element's locales in Stripe Elements. Stripe has no Catalan: `ca` falls back to Spanish, which Catalan
 * speakers in Spain read and which keeps Spain's card wording (documented in docs/processors.md).
 * Norwegian maps to Bokmål (`nb`).
 */
export const STRIPE_LOCALES: Readonly<Record<LocaleCode, StripeJs.StripeElementLocale>> = {
  ca: 'es',
  de: 'de',
  en: 'en',
  es: 'es',
  fi: 'fi',
  fr: 'fr',
  hu: 'hu',
  nl: 'nl',
  sv: 'sv',
  no: 'nb',
};

/** Appearance variables from the element's theme tokens, so the card fields look like the rest of the form. */
const APPEARANCE_TOKENS: ReadonlyArray<[keyof NonNullable<StripeJs.Appearance['variables']>, ThemeToken]> = [
  ['colorPrimary', { private: 'primary', public: 'color-primary' }],
  ['colorBackground', { private: 'input-bg', public: 'color-input-background' }],
  ['colorText', { private: 'text', public: 'color-text' }],
  ['colorTextSecondary', { private: 'muted', public: 'color-text-muted' }],
  ['colorDanger', { private: 'error', public: 'color-error' }],
  ['colorSuccess', { private: 'success', public: 'color-success' }],
  ['borderRadius', { private: 'radius', public: 'radius' }],
  ['fontFamily', { private: 'font', public: 'font-family' }],
];
const SCHEME: ThemeToken = { private: 'scheme', public: 'color-scheme' };

export function stripeAppearance(read: TokenReader): StripeJs.Appearance {
  const variables: Record<string, string> = {};
  for (const [name, token] of APPEARANCE_TOKENS) {
    const value = read(token);
    if (value) variables[name] = value;
  }
  return { theme: read(SCHEME) === 'dark' ? 'night' : 'stripe', variables };
}

const DECLINE_CODES: ReadonlySet<string> = new Set([
  'card_declined',
  'expired_card',
  'insufficient_funds',
  'lost_card',
  'stolen_card',
  'processing_error',
]);
const INCOMPLETE_CODES: ReadonlySet<string> = new Set([
  'incorrect_number',
  'invalid_number',
  'incomplete_number',
  'invalid_expiry_month',
  'invalid_expiry_year',
  'incomplete_expiry',
  'incorrect_cvc',
  'invalid_cvc',
  'incomplete_cvc',
]);

/** One Stripe error as the element's own: a payment error code and a message key. */
export function stripeErrorOf(error: Pick<StripeJs.StripeError, 'type' | 'code'>): ProcessorError {
  const code = error.code ?? error.type;
  if (code === 'payment_intent_authentication_failure') return processorError('payment_authentication_failed', 'paymentAuthenticationFailed', code);
  if (error.type === 'validation_error' || INCOMPLETE_CODES.has(code)) return processorError('payment_incomplete', 'cardIncomplete', code);
  if (error.type === 'card_error' || DECLINE_CODES.has(code)) return processorError('payment_declined', 'cardDeclined', code);
  return processorError('payment_failed', 'paymentFailed', code);
}

/** What Elements is made for in deferred mode: an amount in minor units and a lower-case currency. */
interface DeferredAmount {
  amount: number;
  currency: string;
}

/**
 * The total the session shows for its saved customer (`tax.total`, the protocol's session), when it carries one: what
 * Elements is made for until Pay starts the payment for the confirmed total.
 */
export function sessionAmount(session: ProcessorContext['session']): DeferredAmount | undefined {
  const tax = (session as Partial<Pick<ProtocolSession, 'tax'>>).tax;
  if (!tax || !Number.isSafeInteger(tax.total) || tax.total < 1 || !/^[A-Za-z]{3}$/.test(tax.currency)) return undefined;
  return { amount: tax.total, currency: tax.currency.toLowerCase() };
}

/** Stripe's `billing_details` from the element's customer (every key present: the fields are set to 'never'). */
function billingDetails(billing: PayInput['billing']): NonNullable<StripeJs.ConfirmPaymentData['payment_method_data']>['billing_details'] {
  return {
    name: billing.name,
    email: billing.email,
    phone: null,
    address: { ...billing.address, state: null },
  };
}

// ---- the adapter -----------------------------------------------------------------------------------------------

const unavailable = (sdkCode: string) => processorError('processor_unavailable', 'processorUnavailable', sdkCode);

class MountedStripe implements MountedProcessor {
  readonly ownButton = false;
  private complete = false;
  private empty = true;
  private locale: StripeJs.StripeElementLocale;
  private appearance: string;

  constructor(
    private readonly stripe: StripeSurface,
    private readonly elements: ElementsSurface,
    private readonly element: PaymentElementSurface,
    /** The publishable key Stripe.js was loaded with: a payment start naming another cannot be confirmed here. */
    private readonly publishableKey: string,
    /** What Elements was last made or updated for. */
    private shown: DeferredAmount,
    private ctx: ProcessorContext,
    /** Under the fields: "Complete your card details" once the element's field rule shows the card's error. */
    private readonly message: HTMLElement,
  ) {
    this.locale = STRIPE_LOCALES[ctx.locale];
    this.appearance = JSON.stringify(stripeAppearance(computedTokens(ctx.host)));
    element.on('change', (event) => {
      this.complete = event.complete;
      this.empty = event.empty;
      this.report(true);
    });
    this.showMessage();
  }

  /** Tells the element's field rule about the card fields (never their values), under the key `card`. */
  report(changed: boolean): void {
    this.ctx.report('card', { error: this.complete ? undefined : { key: 'required' }, touched: !this.empty, dirty: !this.empty }, changed);
  }

  async update(changes: ProcessorChanges): Promise<void> {
    const before = this.ctx;
    const ctx = (this.ctx = { ...before, ...changes });
    this.showMessage();
    if (ctx.disabled !== before.disabled) this.element.update({ readOnly: ctx.disabled });
    // why: Elements shows (and wallets charge) its own amount until Pay; it follows the total the session shows.
    const settled = !ctx.disabled && (ctx.session !== before.session || before.disabled);
    const amount = settled ? sessionAmount(ctx.session) : undefined;
    if (amount) await this.show(amount);
    const locale = STRIPE_LOCALES[ctx.locale];
    const appearance = stripeAppearance(computedTokens(ctx.host));
    const appearanceKey = JSON.stringify(appearance);
    // why: Elements change locale and appearance (a theme switch) in place; a remount would lose what was typed.
    if (locale !== this.locale || appearanceKey !== this.appearance) {
      this.locale = locale;
      this.appearance = appearanceKey;
      await this.elements.update({ locale, appearance });
    }
  }

  /** Brings Elements' amount and currency to `amount`, when they differ. */
  private async show(amount: DeferredAmount): Promise<void> {
    if (amount.amount === this.shown.amount && amount.currency === this.shown.currency) return;
    this.shown = amount;
    await this.elements.update(amount);
  }

  focusFirstInvalid(): boolean {
    if (this.message.hidden) return false;
    this.message.parentElement?.querySelector('iframe')?.focus();
    return true;
  }

  private showMessage(): void {
    // why textContent: the words are the locale's; nothing of the server's is rendered as HTML.
    this.message.textContent = this.ctx.errors.card?.error ? this.ctx.t.cardIncomplete : '';
    this.message.hidden = !this.message.textContent;
  }

  /**
   * Asks Elements whether the fields can be confirmed (`elements.submit()`, answered where the fields are) and
   * reports the answer. why: the last `change` event may still be on its way from the card frame when Pay is pressed.
   */
  async validate(): Promise<ProcessorError | null> {
    let error: ProcessorError | null;
    try {
      const result = await this.elements.submit();
      error = result.error ? stripeErrorOf(result.error) : null;
    } catch (thrown) {
      error = processorError('payment_failed', 'paymentFailed', thrown instanceof Error ? thrown.name : 'thrown');
    }
    this.complete = error === null;
    if (this.complete) this.empty = false;
    this.report(false);
    return error;
  }

  async pay(input: PayInput): Promise<PayOutcome> {
    // why: Stripe asks for `elements.submit()` before any other async work of a payment (wallets need the click).
    const invalid = await this.validate();
    if (invalid) return { status: 'failed', error: invalid };
    // why: the payment is started now, for the total the customer confirmed: a PaymentIntent has a fixed amount, and
    // the mount started none (deferred mode: Elements knows only the amount shown, stripe.ts mount).
    const fresh = await this.ctx.start('card');
    if (fresh.processor !== 'stripe' || fresh.publishable_key !== this.publishableKey) {
      return { status: 'failed', error: processorError('payment_failed', 'paymentFailed', 'intent_changed') };
    }
    // why: the PaymentIntent is confirmed for the total the customer confirmed, or not at all; the element then shows
    // the new total and asks again.
    if (fresh.amount !== input.total) return { status: 'failed', error: processorError('payment_failed', 'paymentFailed', 'total_changed') };
    await this.show({ amount: fresh.amount, currency: fresh.currency.toLowerCase() });
    let result: StripeJs.PaymentIntentResult;
    try {
      result = await this.stripe.confirmPayment({
        elements: this.elements,
        clientSecret: fresh.client_secret,
        confirmParams: { return_url: input.returnUrl, payment_method_data: { billing_details: billingDetails(input.billing) } },
        redirect: 'if_required',
      });
    } catch (error) {
      return { status: 'failed', error: processorError('payment_failed', 'paymentFailed', error instanceof Error ? error.name : 'thrown') };
    }
    if (result.error) return { status: 'failed', error: stripeErrorOf(result.error) };
    const { status, id } = result.paymentIntent;
    if (status === 'succeeded' || status === 'processing' || status === 'requires_capture') return { status: 'confirmed', processorId: id };
    if (status === 'requires_payment_method') return { status: 'failed', error: processorError('payment_declined', 'cardDeclined', status) };
    return { status: 'failed', error: processorError('payment_failed', 'paymentFailed', status) };
  }

  unmount(): void {
    this.element.destroy();
    this.message.parentElement?.replaceChildren();
  }
}

/** Loads Stripe.js from `url` unless the page already has it, then lets the official loader take it from there. */
function scriptLoader(url: string): StripeLoader {
  return async (key) => {
    if (!('Stripe' in window)) {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
    }
    return officialLoadStripe(key);
  };
}

/** The Stripe adapter. Its loader defaults to the official `loadStripe`. */
export function createStripeAdapter(options: StripeAdapterOptions = {}): PaymentProcessor {
  const load: StripeLoader = options.loadStripe ?? (options.stripeJsUrl ? scriptLoader(options.stripeJsUrl) : (key) => officialLoadStripe(key));
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  return {
    id: 'stripe',
    testMode: false,
    methods: ['card'],
    async mount(container, ctx) {
      // why no payment start when the session carries the publishable key and its total: Elements runs in deferred
      // mode, so the PaymentIntent is the one Pay starts for the confirmed total. A start here would leave an unused
      // intent at Stripe for every page that shows the card fields, and a server's refusal of it (a domestic customer
      // without a tax ID yet) would keep the fields from loading, when that error belongs at Pay, on its field.
      const known = ctx.publicKeys?.stripe;
      // why now: Stripe.js loads while an older server's start (below) is made.
      const early = known ? load(known) : undefined;
      early?.catch(() => {});
      let key = known;
      let shown = known ? sessionAmount(ctx.session) : undefined;
      if (!key || !shown) {
        // An older server publishes no key (or no total): a start names them; one naming another key loads that one.
        const start = await ctx.start('card');
        if (start.processor !== 'stripe') throw new ProcessorLoadError(unavailable(`processor_${start.processor}`));
        key = start.publishable_key;
        shown = { amount: start.amount, currency: start.currency.toLowerCase() };
      }
      let stripe: StripeSurface | null;
      try {
        stripe = await (early && key === known ? early : load(key));
      } catch (cause) {
        throw new ProcessorLoadError(unavailable('load_failed'), { cause });
      }
      if (!stripe) throw new ProcessorLoadError(unavailable('no_window'));
      const elements = stripe.elements({
        mode: 'payment',
        amount: shown.amount,
        currency: shown.currency,
        appearance: stripeAppearance(computedTokens(ctx.host)),
        locale: STRIPE_LOCALES[ctx.locale],
      });
      const element = elements.create('payment', { fields: { billingDetails: 'never' }, readOnly: ctx.disabled });
      const fields = document.createElement('div');
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      container.replaceChildren(fields, message);
      const mounted = new MountedStripe(stripe, elements, element, key, shown, ctx, message);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new ProcessorLoadError(unavailable('ready_timeout'))), readyTimeoutMs);
        element.on('ready', () => {
          clearTimeout(timer);
          mounted.report(false);
          resolve();
        });
        element.on('loaderror', (event) => {
          clearTimeout(timer);
          reject(new ProcessorLoadError(unavailable(event.error.code ?? event.error.type)));
        });
        try {
          element.mount(fields);
        } catch (cause) {
          clearTimeout(timer);
          reject(new ProcessorLoadError(unavailable('mount_refused'), { cause }));
        }
      }).catch((error: unknown) => {
        element.destroy();
        container.replaceChildren();
        throw error;
      });
      return mounted;
    },
  };
}
