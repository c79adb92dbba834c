import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocaleCode, Translation } from '../locales/translation.js';
import { sandboxProcessor } from '../processors/factories.js';
import type { PaymentProcessor } from '../processors/processor.js';
import type { ProtocolSession } from '../protocol/session.js';
import { styles } from './checkout.styles.js';
import { CheckoutController } from './controllers/checkout-controller.js';
import { ExpiryController } from './controllers/expiry-controller.js';
import { LocaleController } from './controllers/locale-controller.js';
import { PROCESSOR_SLOT, ProcessorController } from './controllers/processor-controller.js';
import { ViewStateController } from './controllers/view-state-controller.js';
import { emit } from './events.js';
import type { CheckoutModel, FocusTarget } from './model/model.js';
import { sessionOf, visibleProcessorError, type CheckoutState, type CheckoutView } from './model/state.js';
import type { Words } from './model/words.js';
import { navigate } from '../ui/navigation.js';
import { fieldId } from './views/billing.js';
import { renderForm, type FormActions } from './views/form.js';
import { renderExpiryWarning } from './views/expiry.js';
import { renderOutcome } from './views/outcome.js';
import { renderError, renderLoading } from './views/states.js';
import { TaxAnnouncer } from './tax-announcer.js';

export type { CheckoutView };

/** The colour scheme: follow the system (`auto`), or force one. */
export type CheckoutTheme = 'auto' | 'light' | 'dark';

/**
 * @summary A checkout for a Quaderno checkout session: order summary, billing details, coupon and payment.
 *
 * @property {string} permalink - The session's permalink URL (attribute `permalink`); the element GETs and PUTs `<permalink>.json`.
 * @property {string | undefined} locale - Display locale (attribute `locale`); overrides the session's. Changes re-render in place.
 * @property {ProtocolSession | undefined} session - Read-only: the session as last received from the server.
 * @property {'auto' | 'light' | 'dark'} theme - Colour scheme (attribute `theme`, reflected); `auto` follows the system.
 * @property {PaymentProcessor | PaymentProcessor[]} processor - The payment processor, or one per method (`realProcessors()`); defaults to the sandbox processor.
 * @property {RequestCredentials} credentials - Cookies on requests (attribute `credentials`): `omit` (default), `same-origin` or `include`.
 * @property {number} pollInterval - First wait between status polls in ms (attribute `poll-interval`, default 1000, backs off to 5 s).
 * @property {number} timeout - How long one request may take in ms before it counts as failed and is retried (attribute `timeout`, default 10000).
 *
 * @event {QuadernoReadyEvent} quaderno-ready - The session is loaded and shown. `detail.session`.
 * @event {QuadernoUpdateEvent} quaderno-update - Customer data or a coupon was saved. `detail.session`.
 * @event {QuadernoCompleteEvent} quaderno-complete - The payment completed. Cancelable: `preventDefault()` stops the redirect to success_url. `detail.session`, `detail.invoicePermalink` (the paid invoice's page, or null).
 * @event {QuadernoCancelEvent} quaderno-cancel - The customer cancelled. Cancelable: `preventDefault()` stops the redirect to cancel_url. `detail.session`.
 * @event {QuadernoErrorEvent} quaderno-error - Something failed. `detail.code` (`network`, `timeout`, `not_found`, `validation`, `conflict`, `rate_limited`, `server`, `bad_response`, `invalid_permalink`, `unsafe_url`, `mixed_currencies`, `unknown`) and `detail.message`.
 *
 * @cssstate loading - The session is loading (also while a locale chunk or the outcome views load).
 * @cssstate form - The billing and payment form shows.
 * @cssstate processing - A payment is being confirmed.
 * @cssstate completed - The payment completed.
 * @cssstate failed - The payment failed; the customer can try again.
 * @cssstate abandoned - The session was cancelled or expired.
 * @cssstate error - The session could not be loaded or shown; a retry button shows.
 *
 * @csspart base - The outer box; `data-state` tells the current view.
 * @csspart summary - The order summary card.
 * @csspart item - One line of the order.
 * @csspart total - The total row.
 * @csspart coupon - The discount-code area.
 * @csspart form - The billing and payment form.
 * @csspart fieldset - A group of fields (contact, billing).
 * @csspart field - One field: label, control, error.
 * @csspart label - A field's label.
 * @csspart input - A text input or select.
 * @csspart select - The country select (also `input`).
 * @csspart error - A field's error message.
 * @csspart methods - The payment-method radio group.
 * @csspart method - One payment-method choice.
 * @csspart test-mode - The test-mode note of the sandbox processor (inside its own container: `quaderno-checkout > [slot]::part(test-mode)`).
 * @csspart test-badge - The "Test mode" badge, next to the payment methods and on the confirmation.
 * @csspart alert - An error shown inside the form, with its retry button.
 * @csspart notice - An informational note (a restored draft).
 * @csspart pay-button - The pay button.
 * @csspart cancel - The cancel link.
 * @csspart status - A whole-widget state: loading skeleton, processing, completed, failed, abandoned, error.
 * @csspart retry-button - The retry / try-again button of a state.
 * @csspart continue-link - The link on to success_url after a payment.
 * @csspart return-link - The link back to cancel_url of an expired session.
 *
 * @cssproperty --quaderno-color-primary - Buttons, links, the selected method, focus (must keep: 4.5:1 on the background and the surface; 3:1 as the focus ring unless `--quaderno-color-focus` is set).
 * @cssproperty --quaderno-color-on-primary - Text on primary buttons (must keep: leave it unset for black or white by the primary's luminance, at least 4.58:1; if set, 4.5:1 on the primary).
 * @cssproperty --quaderno-color-background - The widget's background.
 * @cssproperty --quaderno-color-surface - The summary card and notices.
 * @cssproperty --quaderno-color-text - Body text (must keep: 4.5:1 on the background, the surface and the input background).
 * @cssproperty --quaderno-color-text-muted - Secondary text: hints, placeholders, item details (must keep: 4.5:1 on the background, the surface and the input background).
 * @cssproperty --quaderno-color-border - Borders of cards and dividers (decorative: no contrast to keep).
 * @cssproperty --quaderno-color-input-border - Borders of text fields and selects, an empty field's only boundary (must keep: 3:1 on the input background, the background and the surface).
 * @cssproperty --quaderno-color-input-background - Inputs and method tiles.
 * @cssproperty --quaderno-color-error - Error text and invalid borders (must keep: 4.5:1 on the background; 3:1 as a field border).
 * @cssproperty --quaderno-color-success - The discount and the paid confirmation (must keep: 4.5:1 on the surface).
 * @cssproperty --quaderno-color-focus - The focus ring, the primary colour by default (must keep: 3:1 on the background and the surface).
 * @cssproperty --quaderno-radius - Corner radius of inputs, buttons and cards.
 * @cssproperty --quaderno-spacing - The base spacing unit.
 * @cssproperty --quaderno-font-family - The font stack.
 * @cssproperty --quaderno-font-size - The base font size (must keep: `em` or `rem`, or at least 14px).
 * @cssproperty --quaderno-max-width - The widest the widget grows.
 */
export class QuadernoCheckout extends LitElement {
  static override styles = styles;

  /** The session's permalink URL; the element GETs and PUTs `<permalink>.json`. */
  @property() permalink = '';

  /** Display locale (`ca`, `de`, `en`, `es`, `fi`, `fr`, `hu`, `nl`, `sv`, `no` or `auto`); overrides the session's. Changing it re-renders in place. */
  @property() locale: string | undefined;

  /** Colour scheme: `auto` follows `prefers-color-scheme`, `light` or `dark` forces one. */
  @property({ reflect: true }) theme: CheckoutTheme = 'auto';

  /** The payment processor, or one per method (default: the sandbox processor). */
  @property({ attribute: false }) processor: PaymentProcessor | readonly PaymentProcessor[] = sandboxProcessor();

  /** Whether requests carry cookies: `omit` (default), `same-origin` or `include`. */
  @property() credentials: RequestCredentials = 'omit';

  /** First wait between status polls while a payment processes, in ms (backs off up to 5 s). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  /** How long one request may take, in ms, before it counts as failed (idempotent ones are retried). */
  @property({ type: Number }) timeout = 10_000;

  /** The session as last received from the server, or undefined before it loads. */
  get session(): ProtocolSession | undefined {
    return sessionOf(this.model.state);
  }

  @state() private politeMessage = '';
  @state() private assertiveMessage = '';
  private readonly taxAnnouncer = new TaxAnnouncer();
  private readonly checkout = new CheckoutController(this, {
    inputs: () => ({ permalink: this.permalink, credentials: this.credentials, timeout: this.timeout, pollInterval: this.pollInterval }),
    host: {
      emit: (name, detail) => {
        // why: quaderno-ready means "shown", so it waits for the session's locale chunk and the render with it.
        if (name !== 'quaderno-ready') return emit(this, name, detail);
        void this.locales.settled().then(() => emit(this, name, detail));
        return true;
      },
      announce: (politeness, words) => this.announce(politeness, words),
      focus: (target) => void this.focusTarget(target),
      navigate: (url) => navigate(url),
    },
    processor: () => this.processors.model,
    shownView: () => this.shown.kind,
    focusView: () => this.focusView(),
  });
  private readonly locales = new LocaleController(this, () => ({ attribute: this.locale, session: this.session?.locale, hasSession: !!this.session }));
  private readonly expiry = new ExpiryController(this, {
    // why not while busy: the save or payment in flight is itself a write, and a reload then would abort it.
    formSession: () => (this.model.state.kind === 'form' && !this.model.state.busy ? this.model.state.session : undefined),
    client: () => this.checkout.client(),
    warned: (minutes) => this.announce('assertive', (t) => t.expiryWarning(minutes)),
    extended: () => {
      this.announce('polite', (t) => t.expiryExtended);
      // why: the button that had focus is gone with the warning; focus goes back to the form, not to the page.
      void this.updateComplete.then(() => {
        if (!this.renderRoot.querySelector(':focus')) this.renderRoot.querySelector<HTMLElement>('form [name], form button')?.focus();
      });
    },
    // why load and not retry: the limit passed by itself; focus follows the new view only if the customer had acted.
    expired: () => void this.model.load(true),
  });
  private readonly processors = new ProcessorController(this, {
    model: {
      form: () => {
        const state = this.model.state;
        if (state.kind !== 'form') return undefined;
        const errors = Object.fromEntries(
          Object.entries(state.form.processor).map(([key, field]) => [key, { error: visibleProcessorError(state.form, key), message: field.server?.message }]),
        );
        return { session: state.session, method: state.form.method, disabled: state.busy === 'saving' || state.busy === 'paying', errors };
      },
      report: (key, field, changed) => this.model.processorField(key, field, changed),
      reset: () => this.model.resetProcessorFields(),
      pay: () => this.model.pay(),
    },
    configured: () => this.processor,
    t: () => this.t,
    theme: () => this.theme,
    permalink: () => this.permalink,
    activity: () => this.expiry.activity(),
    failed: (words) => this.announce('assertive', words),
  });

  private readonly actions: FormActions = {
    input: (field, value) => {
      this.expiry.activity();
      this.model.input(field, value);
    },
    // why deferred: a render that removes a focused field blurs it mid-render, where a state change would nest an update.
    blur: (field) => queueMicrotask(() => this.model.blur(field)),
    selectMethod: (method) => {
      this.expiry.activity();
      this.model.selectMethod(method);
    },
    couponInput: (value) => {
      this.expiry.activity();
      this.model.couponInput(value);
    },
    applyCoupon: () => void this.model.applyCoupon(),
    removeCoupon: () => void this.model.removeCoupon(),
    openAddress: () => this.model.openAddress(),
    pay: () => void this.model.pay(),
    cancel: () => void this.model.cancel(),
    retryAlert: () => this.model.retryAlert(),
  };

  /** The checkout's model (model/model.ts), one per permalink (controllers/checkout-controller.ts). */
  private get model(): CheckoutModel {
    return this.checkout.model;
  }

  constructor() {
    super();
    // why a host state and not only `data-state` inside: a page's own CSS sees the host, not the shadow tree.
    new ViewStateController(this, () => this.shown.kind);
  }

  // ---- lifecycle ------------------------------------------------------------------------------------------

  protected override updated(): void {
    this.announceTax();
  }

  // ---- focus and live regions -----------------------------------------------------------------------------

  private async focusTarget(target: FocusTarget): Promise<void> {
    await this.updateComplete;
    const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
    if (target === 'coupon-input') find('#qc-coupon')?.focus();
    else if (target === 'address') find(`#${fieldId('billing_street_line_1')}`)?.focus();
    else {
      // why: billing fields and the method come before the processor's fields in the form.
      const invalid = find('form [aria-invalid="true"]');
      if (invalid) invalid.focus();
      else this.processors.focusFirstInvalid();
    }
  }

  /** A tax preview changed the tax rows and total shown: the polite region says them once (tax-announcer.ts). */
  private announceTax(): void {
    const words = this.taxAnnouncer.next(this.model.state, this.model.view, this.t, this.localeCode);
    if (words) queueMicrotask(() => this.announce('polite', () => words));
  }

  /** Focus for a new view the customer asked for: its heading, or the summary's fold button where that heading is hidden. */
  private focusView(): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('.state-heading');
    const toggle = this.renderRoot.querySelector<HTMLElement>('.summary-toggle');
    if (heading?.classList.contains('summary-heading') && toggle && toggle.getClientRects().length > 0) toggle.focus();
    else heading?.focus();
  }

  /** Says something in a live region (cleared first, so a repeat is announced again). */
  private announce(politeness: 'polite' | 'assertive', words: Words): void {
    const key = politeness === 'polite' ? 'politeMessage' : 'assertiveMessage';
    this[key] = '';
    void this.updateComplete.then(() => {
      this[key] = words(this.t);
    });
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  private get localeCode(): LocaleCode {
    return this.t.$code;
  }

  private get t(): Translation {
    return this.locales.t;
  }

  /** The state to render: a session in a locale nobody predicted waits for its chunk instead of flashing another language. */
  private get shown(): CheckoutState {
    return this.locales.waiting && this.model.state.kind !== 'error' ? { kind: 'loading' } : this.model.state;
  }

  override render(): TemplateResult {
    const t = this.t;
    const state = this.shown;
    return html`<div part="base" class="base" data-state=${state.kind} lang=${t.$code} dir=${t.$dir}>
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.politeMessage}</div>
      <div class="sr-only" role="alert" aria-live="assertive" aria-atomic="true">${this.assertiveMessage}</div>
      <div class="frame">
        ${state.kind === 'form' && this.expiry.warning ? renderExpiryWarning(t, this.expiry.expiry.minutesLeft, () => this.expiry.extend()) : nothing}
        ${this.renderState(state, t)}
      </div>
    </div>`;
  }

  private renderState(state: CheckoutState, t: Translation): TemplateResult {
    switch (state.kind) {
      case 'loading':
        return renderLoading(t);
      case 'error':
        return renderError(t, state.code, () => this.model.retry());
      case 'form':
        return renderForm({
          t,
          locale: this.localeCode,
          state,
          view: this.model.view!,
          testMode: this.processors.testMode(state.session, state.form.method),
          processorSlot: PROCESSOR_SLOT,
          // processor contract: the processor's own button (PayPal's) replaces the form's Pay button.
          ownButton: this.processors.ownButton,
          actions: this.actions,
        });
      default:
        return renderOutcome(state, t, this.localeCode, this.processors.testMode(state.session, 'form' in state ? state.form.method : undefined), () => this.model.tryAgain());
    }
  }
}
