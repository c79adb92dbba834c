// The PayPal adapter: PayPal's buttons in a light-DOM container. Loaded as its own chunk, only for sessions that
// offer PayPal. The PayPal button is the pay button: its `createOrder` asks the element to validate and save the
// customer (`begin`), then creates the order on the server (`start`); the outcome goes back through `finish`.
// Mounting creates no order: an order exists only once the customer clicked and the form was accepted. The client id
// PayPal's script needs first comes from the page (`clientId`) or the session (`processor_public_keys.paypal`).
import { loadScript as officialLoadScript } from '@paypal/paypal-js';
import type { PayPalButtonsComponent, PayPalNamespace, PayPalScriptOptions } from '@paypal/paypal-js';
import type { LocaleCode } from '../locales/translation.js';
import { processorError, ProcessorLoadError, type ProcessorError } from './errors.js';
import type { MountedProcessor, PaymentProcessor, PayOutcome, ProcessorChanges, ProcessorContext } from './processor.js';

/** Loads the PayPal JS SDK. The default is the official `loadScript`; tests and self-hosting inject one. */
export type PaypalLoader = (options: PayPalScriptOptions) => Promise<PayPalNamespace | null>;

export interface PaypalAdapterOptions {
  /**
   * The PayPal client id (public, like a Stripe publishable key) of the app the server creates orders with. Default:
   * the session's `processor_public_keys.paypal`. With neither (an older server), the adapter learns it from a payment
   * start at mount, which leaves one unused order per mount (it expires at PayPal). A click's order must answer the
   * same id, or the click is refused.
   */
  clientId?: string;
  loadScript?: PaypalLoader;
  /** Where the SDK is loaded from (`loadScript`'s `sdkBaseUrl`); default PayPal's. */
  sdkBaseUrl?: string;
  /** The page's CSP nonce: PayPal sets it on the script and on the styles it injects (`data-csp-nonce`). */
  cspNonce?: string;
}

/**
 * The element's locales as PayPal's `xx_XX` locales. PayPal has no Catalan either: `ca` falls back to `es_ES`,
 * as Stripe's does. Norwegian is `no_NO`.
 */
export const PAYPAL_LOCALES: Readonly<Record<LocaleCode, string>> = {
  ca: 'es_ES',
  de: 'de_DE',
  en: 'en_US',
  es: 'es_ES',
  fi: 'fi_FI',
  fr: 'fr_FR',
  hu: 'hu_HU',
  nl: 'nl_NL',
  sv: 'sv_SE',
  no: 'no_NO',
};

/** The script options for a context: currency and locale are script parameters, so they decide a reload. */
export function paypalScriptOptions(
  clientId: string,
  ctx: Pick<ProcessorContext, 'currency' | 'locale'>,
  options: Pick<PaypalAdapterOptions, 'sdkBaseUrl' | 'cspNonce'>,
): PayPalScriptOptions {
  const script: PayPalScriptOptions = {
    clientId,
    currency: ctx.currency.toUpperCase(),
    locale: PAYPAL_LOCALES[ctx.locale],
    components: 'buttons',
    intent: 'capture',
  };
  if (options.sdkBaseUrl) script.sdkBaseUrl = options.sdkBaseUrl;
  if (options.cspNonce) script.dataCspNonce = options.cspNonce;
  return script;
}

const unavailable = (sdkCode: string) => processorError('processor_unavailable', 'processorUnavailable', sdkCode);
const failed = (error: ProcessorError): PayOutcome => ({ status: 'failed', error });
const notCaptured = processorError('payment_declined', 'paypalFailed', 'capture_declined');

class MountedPaypal implements MountedProcessor {
  readonly ownButton = true;
  private buttons: PayPalButtonsComponent | null = null;
  private toggle: { enable(): Promise<void>; disable(): Promise<void> } | null = null;
  private scriptKey = '';
  /** The last createOrder stopped because the element refused to begin (an invalid form). */
  private refused = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly clientId: string,
    private readonly load: PaypalLoader,
    private readonly options: PaypalAdapterOptions,
    private ctx: ProcessorContext,
  ) {}

  /** Loads the script for the context (again, when currency or locale changed) and renders the button. */
  async render(): Promise<void> {
    const script = paypalScriptOptions(this.clientId, this.ctx, this.options);
    this.scriptKey = `${script.currency}|${script.locale}`;
    let paypal: PayPalNamespace | null;
    try {
      paypal = await this.load(script);
    } catch (cause) {
      throw new ProcessorLoadError(unavailable('load_failed'), { cause });
    }
    if (!paypal?.Buttons) throw new ProcessorLoadError(unavailable('no_buttons'));
    const buttons = paypal.Buttons({
      style: { layout: 'vertical', label: 'pay', shape: 'rect', height: 44 },
      onInit: (_data, actions) => {
        this.toggle = actions;
        void (this.ctx.disabled ? actions.disable() : actions.enable());
      },
      // why: the order is created here and only here, on the click, once the element accepted and saved the form;
      // an invalid form rejects, so PayPal opens nothing and the field errors show instead.
      createOrder: async () => {
        this.refused = false;
        if (!(await this.ctx.begin())) {
          this.refused = true;
          throw new Error('The checkout form is not complete');
        }
        const start = await this.ctx.start('paypal');
        if (start.processor !== 'paypal') throw new Error(`The server started a ${start.processor} payment`);
        if (start.client_id !== this.clientId) throw new Error('The order belongs to another PayPal client id');
        return start.order_id;
      },
      // why `unpaid`: the server captures after the approval; a capture PayPal declines leaves the session pending.
      onApprove: async (data) => this.ctx.finish({ status: 'confirmed', processorId: data.orderID, unpaid: notCaptured }),
      onCancel: () => this.ctx.finish(failed(processorError('payment_cancelled', 'paypalCancelled', 'cancel'))),
      onError: (error) => {
        // why: a refused form is the element's to show (its field errors); the run that asked has already ended.
        if (this.refused) return;
        this.ctx.finish(failed(processorError('payment_failed', 'paypalFailed', typeof error.message === 'string' ? 'sdk_error' : 'unknown')));
      },
    });
    if (!buttons.isEligible()) throw new ProcessorLoadError(unavailable('not_eligible'));
    try {
      await buttons.render(this.container);
    } catch (cause) {
      throw new ProcessorLoadError(unavailable('render_failed'), { cause });
    }
    this.buttons = buttons;
    // why: nothing to fill in: the button is the field, and complete.
    this.ctx.report('paypal', { error: undefined, touched: false, dirty: false }, false);
  }

  async update(changes: ProcessorChanges): Promise<void> {
    const before = this.ctx;
    const ctx = (this.ctx = { ...before, ...changes });
    const script = paypalScriptOptions(this.clientId, ctx, this.options);
    if (`${script.currency}|${script.locale}` !== this.scriptKey) {
      // why: currency and locale are parameters of PayPal's script URL; the SDK has no other way to change them.
      await this.close();
      await this.render();
    } else if (ctx.disabled !== before.disabled) {
      await (ctx.disabled ? this.toggle?.disable() : this.toggle?.enable());
    }
  }

  validate(): ProcessorError | null {
    return null;
  }

  /** The element's own Pay button does not pay with PayPal: the PayPal button does. */
  async pay(): Promise<PayOutcome> {
    return failed(processorError('payment_incomplete', 'paypalUseButton'));
  }

  unmount(): void {
    void this.close();
  }

  private async close(): Promise<void> {
    const buttons = this.buttons;
    this.buttons = null;
    this.toggle = null;
    await buttons?.close().catch(() => {});
    this.container.replaceChildren();
  }
}

/** The PayPal adapter. Its loader defaults to the official `loadScript` from @paypal/paypal-js. */
export function createPaypalAdapter(options: PaypalAdapterOptions = {}): PaymentProcessor {
  const load: PaypalLoader = options.loadScript ?? ((script) => officialLoadScript(script));
  return {
    id: 'paypal',
    testMode: false,
    methods: ['paypal'],
    async mount(container, ctx) {
      let clientId = options.clientId || ctx.publicKeys?.paypal;
      if (!clientId) {
        // why: a server that sends no key (older than `processor_public_keys`) tells it only in a payment start; its
        // order is left unused (each click makes its own, for the total at that moment) and expires at PayPal.
        const start = await ctx.start('paypal');
        if (start.processor !== 'paypal') throw new ProcessorLoadError(unavailable(`processor_${start.processor}`));
        clientId = start.client_id;
      }
      const mounted = new MountedPaypal(container, clientId, load, options, ctx);
      await mounted.render();
      return mounted;
    },
  };
}
