// TEST DOUBLE of the PayPal JS SDK (https://www.paypal.com/sdk/js), served by the sandbox at /doubles/paypal-sdk.js.
// NOT PayPal's code and never shipped in the package. `loadScript` from @paypal/paypal-js loads it through its
// `sdkBaseUrl` option, with the same query (client-id, currency, locale) and attributes (data-csp-nonce) as the real
// one. Like PayPal's, it injects a style element carrying that nonce. It sets `window.paypal`, typed as the SDK's own
// `PayPalNamespace`, with `Buttons()`:
// - the button is a plain button in the container (the real one is a frame); clicking it runs onClick and
//   createOrder, then opens the "PayPal window" as a modal frame on the sandbox's other origin (the real one is a
//   popup), where the buyer approves, cancels, or triggers an error.
import type {
  OnApproveActions,
  OnApproveData,
  OnClickActions,
  PayPalButtonsComponent,
  PayPalButtonsComponentOptions,
  PayPalNamespace,
} from '@paypal/paypal-js';
import { fragment, modalFrame, type FromPaypalWindow, type PaypalWindowConfig } from './messages.js';

const FRAME_ORIGIN = __DOUBLE_FRAME_ORIGIN__;
const script = document.currentScript as HTMLScriptElement | null;
const query = new URL(script?.src ?? location.href).searchParams;
const clientId = query.get('client-id');
const currency = query.get('currency') ?? 'USD';
const locale = query.get('locale') ?? 'en_US';

const LABELS: Record<string, string> = { en: 'Pay with PayPal', de: 'Mit PayPal zahlen', es: 'Pagar con PayPal', fr: 'Payer avec PayPal' };

/** Opens the simulated PayPal window for an order and resolves with the buyer's choice. */
function paypalWindow(orderId: string): Promise<FromPaypalWindow> {
  const config: PaypalWindowConfig = { parent: location.origin, orderId, currency, locale };
  return modalFrame<FromPaypalWindow>({
    marker: ['data-paypal-double', 'window'],
    label: 'PayPal',
    src: `${FRAME_ORIGIN}/doubles/paypal/window${fragment(config)}`,
    width: 420,
    height: 360,
  });
}

class ButtonsDouble implements PayPalButtonsComponent {
  private button: HTMLButtonElement | null = null;

  constructor(private options: PayPalButtonsComponentOptions) {}

  isEligible = (): boolean => true;

  render = async (container: HTMLElement | string): Promise<void> => {
    const node = typeof container === 'string' ? document.querySelector<HTMLElement>(container) : container;
    if (!node || !node.isConnected) throw new Error(`Document is ready and element ${String(container)} does not exist`);
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.paypalDouble = 'button';
    button.textContent = LABELS[locale.slice(0, 2)] ?? LABELS.en!;
    button.style.cssText =
      'display:block;width:100%;min-height:44px;border:0;border-radius:4px;background:#ffc439;color:#111;font:600 16px system-ui,sans-serif;cursor:pointer';
    button.addEventListener('click', () => void this.click());
    this.button = button;
    node.append(button);
    this.options.onInit?.(
      {},
      {
        enable: async () => void (button.disabled = false),
        disable: async () => void (button.disabled = true),
      },
    );
  };

  updateProps = async (props: PayPalButtonsComponentOptions): Promise<void> => {
    this.options = { ...this.options, ...props };
  };

  close = async (): Promise<void> => {
    this.button?.remove();
    this.button = null;
  };

  resume = (): void => {};

  hasReturned = (): boolean => false;

  private async click(): Promise<void> {
    const { onClick, createOrder, onApprove, onCancel, onError } = this.options;
    let allowed = true;
    const actions: OnClickActions = { resolve: async () => void (allowed = true), reject: async () => void (allowed = false) };
    try {
      await onClick?.({ fundingSource: 'paypal' }, actions);
      if (!allowed) return;
      if (!createOrder) throw new Error('Expected createOrder to be passed');
      const orderId = await createOrder(
        { paymentSource: 'paypal' },
        { order: { create: async () => Promise.reject(new Error('The test double creates no orders: use your server.')) } },
      );
      const outcome = await paypalWindow(orderId);
      if (outcome.kind === 'approve') {
        const data: OnApproveData = { orderID: orderId, payerID: outcome.payerId, paymentID: null, facilitatorAccessToken: 'A21_double' };
        const approveActions: OnApproveActions = { redirect: () => {}, restart: () => {} };
        await onApprove?.(data, approveActions);
      } else if (outcome.kind === 'cancel') {
        onCancel?.({ orderID: orderId }, { redirect: () => {} });
      } else {
        onError?.({ message: outcome.message });
      }
    } catch (error) {
      onError?.({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

const namespace: PayPalNamespace = {
  version: '5.0.0-double',
  Buttons: (options?: PayPalButtonsComponentOptions) => new ButtonsDouble(options ?? {}),
};

// why a style element in the page: PayPal's SDK injects its styles into the merchant's document, carrying the nonce
// of its script's `data-csp-nonce`; a policy whose `style-src` lacks that nonce (or 'unsafe-inline') refuses them,
// and the double asks the same of the page, so a strict-CSP test without the nonce reports the violation.
const style = document.createElement('style');
style.dataset.paypalDouble = 'style';
const nonce = script?.getAttribute('data-csp-nonce');
if (nonce) style.nonce = nonce;
style.textContent = '[data-paypal-double="button"]:focus-visible { outline: 2px solid #0070ba; outline-offset: 2px; }';
document.head.append(style);

// why: the real SDK answers a missing client-id with an error script, so loadScript finds no namespace.
if (clientId) (window as unknown as { paypal: PayPalNamespace }).paypal = namespace;
else console.error('PayPal SDK test double: the client-id query parameter is required');
