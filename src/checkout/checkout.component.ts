import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, ConflictError, ValidationError } from '../api/errors.ts';
import { createPublicClient, type PublicClient } from '../api/public.ts';
import { isHttpUrl } from '../api/urls.ts';
import { getTranslation, resolveLocale } from '../locales/index.ts';
import type { BillingField, LocaleCode, Translation } from '../locales/translation.ts';
import type { PaymentProcessor } from '../processors/processor.ts';
import { createSandboxProcessor } from '../processors/sandbox.ts';
import { sessionTotals, formatMoney } from '../session/money.ts';
import { isEditable, type CheckoutSession, type CustomerInput, type PaymentMethod } from '../session/schema.ts';
import { styles } from './checkout.styles.ts';
import { DraftController } from './controllers/draft-controller.ts';
import { PaymentController } from './controllers/payment-controller.ts';
import { SaveController } from './controllers/save-controller.ts';
import { SessionController } from './controllers/session-controller.ts';
import { emit } from './events.ts';
import { navigate } from './navigation.ts';
import { translateError, type FieldError } from './validation.ts';
import { BILLING_FIELDS, emptyValues, validateBilling, type BillingValues } from '../session/fields.ts';
import { ADDRESS_FIELDS, fieldId, renderBilling } from './views/billing.ts';
import { describeCouponRefusal } from './coupon-errors.ts';
import { renderCoupon } from './views/coupon.ts';
import { errorIcon, icon, lockIcon } from './views/icons.ts';
import { renderItems } from './views/items.ts';
import { renderMethods } from './views/methods.ts';
import {
  abandonedWords,
  errorMessage,
  renderAbandoned,
  renderCompleted,
  renderError,
  renderFailed,
  renderLoading,
  renderProcessing,
} from './views/states.ts';

/** What the element shows; `data-state` on the base part carries it. */
export type CheckoutView = 'loading' | 'error' | 'form' | 'processing' | 'completed' | 'failed' | 'abandoned';

/** The colour scheme: follow the system (`auto`), or force one. */
export type CheckoutTheme = 'auto' | 'light' | 'dark';

/** An error shown inside the form (the form and everything typed stay), with what its retry does. */
interface FormAlert {
  code: string;
  retry: 'pay' | 'cancel' | undefined;
}

interface CouponError {
  error: FieldError | 'invalid' | 'other';
  code?: string;
  serverMessage?: string;
}

function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : 'unknown';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A success_url or cancel_url that is set but not http(s): the session must not be shown, let alone followed. */
function hasUnsafeUrl(session: CheckoutSession): boolean {
  return [session.success_url, session.cancel_url].some((url) => url != null && url.trim() !== '' && !isHttpUrl(url));
}

/** Why a session must not be shown or paid, with the `quaderno-error` code and message; undefined when it is sound. */
function brokenSession(session: CheckoutSession): { code: string; message: string } | undefined {
  if (hasUnsafeUrl(session)) return { code: 'unsafe_url', message: 'The session has a success_url or cancel_url that is not http(s)' };
  if (hasImplausibleAmounts(session)) return { code: 'bad_response', message: 'The session has no items or implausible amounts' };
  if (sessionTotals(session).mixedCurrencies) return { code: 'mixed_currencies', message: 'The session mixes currencies' };
  return undefined;
}

/** A session from a PUT or a poll that was refused (and shown as an error); it ends the run that fetched it. */
class RefusedSessionError extends Error {
  override readonly name = 'RefusedSessionError';
}

/**
 * Money the customer could be asked to pay that makes no sense: an empty order, amounts beyond exact integers
 * (Infinity, 1e21) or a negative total. The API never sends these, so they mean a broken response.
 */
function hasImplausibleAmounts(session: CheckoutSession): boolean {
  if (session.status !== 'pending' && session.status !== 'failed') return false;
  if (session.items.length === 0) return true;
  const totals = sessionTotals(session);
  const lines = session.items.map((item) => Math.round(item.amount) * item.quantity);
  return ![...lines, totals.subtotal, totals.discount, totals.total].every(Number.isSafeInteger) || totals.total < 0;
}

/**
 * @summary A checkout for a Quaderno checkout session: order summary, billing details, coupon and payment.
 *
 * @property {string} permalink - The session's permalink URL (attribute `permalink`); the element GETs and PUTs `<permalink>.json`.
 * @property {string | undefined} locale - Display locale (attribute `locale`); overrides the session's. Changes re-render in place.
 * @property {CheckoutSession | undefined} session - Read-only: the session as last received from the server.
 * @property {'auto' | 'light' | 'dark'} theme - Colour scheme (attribute `theme`, reflected); `auto` follows the system.
 * @property {PaymentProcessor} processor - The payment processor; defaults to the sandbox processor.
 * @property {RequestCredentials} credentials - Cookies on requests (attribute `credentials`): `omit` (default), `same-origin` or `include`.
 * @property {number} pollInterval - First wait between status polls in ms (attribute `poll-interval`, default 1000, backs off to 5 s).
 * @property {number} timeout - How long one request may take in ms before it counts as failed and is retried (attribute `timeout`, default 10000).
 *
 * @event {QuadernoReadyEvent} quaderno-ready - The session is loaded and shown. `detail.session`.
 * @event {QuadernoUpdateEvent} quaderno-update - Customer data or a coupon was saved. `detail.session`.
 * @event {QuadernoCompleteEvent} quaderno-complete - The payment completed. Cancelable: `preventDefault()` stops the redirect to success_url. `detail.session`.
 * @event {QuadernoCancelEvent} quaderno-cancel - The customer cancelled. Cancelable: `preventDefault()` stops the redirect to cancel_url. `detail.session`.
 * @event {QuadernoErrorEvent} quaderno-error - Something failed. `detail.code` (`network`, `timeout`, `not_found`, `validation`, `conflict`, `rate_limited`, `server`, `bad_response`, `invalid_permalink`, `unsafe_url`, `mixed_currencies`, `unknown`) and `detail.message`.
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
 * @csspart test-mode - The test-mode note of the sandbox processor.
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
 * @cssproperty --quaderno-color-primary - Buttons, links, the selected method, focus.
 * @cssproperty --quaderno-color-on-primary - Text on primary buttons.
 * @cssproperty --quaderno-color-background - The widget's background.
 * @cssproperty --quaderno-color-surface - The summary card and notices.
 * @cssproperty --quaderno-color-text - Body text.
 * @cssproperty --quaderno-color-text-muted - Secondary text (keep 4.5:1 contrast on the surface).
 * @cssproperty --quaderno-color-border - Borders of inputs and cards.
 * @cssproperty --quaderno-color-input-background - Inputs and method tiles.
 * @cssproperty --quaderno-color-error - Error text and invalid borders.
 * @cssproperty --quaderno-color-success - The discount and the paid confirmation.
 * @cssproperty --quaderno-color-focus - The focus ring (defaults to the primary colour).
 * @cssproperty --quaderno-radius - Corner radius of inputs, buttons and cards.
 * @cssproperty --quaderno-spacing - The base spacing unit.
 * @cssproperty --quaderno-font-family - The font stack.
 * @cssproperty --quaderno-font-size - The base font size.
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

  /** The payment processor (default: the sandbox processor). */
  @property({ attribute: false }) processor: PaymentProcessor = createSandboxProcessor();

  /** Whether requests carry cookies: `omit` (default), `same-origin` or `include`. */
  @property() credentials: RequestCredentials = 'omit';

  /** First wait between status polls while a payment processes, in ms (backs off up to 5 s). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  /** How long one request may take, in ms, before it counts as failed (idempotent ones are retried). */
  @property({ type: Number }) timeout = 10_000;

  /** The session as last received from the server, or undefined before it loads. */
  get session(): CheckoutSession | undefined {
    return this.loader.session;
  }

  private readonly loader = new SessionController(this);
  private readonly saver = new SaveController(this);
  private readonly payment = new PaymentController(this);
  private readonly draft = new DraftController(() => this.permalink);

  @state() private values: BillingValues = emptyValues();
  @state() private submitted = false;
  @state() private method: PaymentMethod | undefined;
  @state() private couponInput = '';
  @state() private couponError: CouponError | undefined;
  @state() private alert: FormAlert | undefined;
  @state() private fatal: { code: string } | undefined;
  @state() private retrying = false;
  @state() private addressOpen = false;
  @state() private redirecting = false;
  /** The customer cancelled in this element: the abandoned view says so instead of "expired". */
  @state() private cancelledHere = false;
  @state() private draftRestored = false;
  @state() private politeMessage = '';
  @state() private assertiveMessage = '';
  private touched = new Set<BillingField>();
  private dirty = new Set<BillingField>();
  private prefilled = new Set<BillingField>();
  @state() private serverErrors: Partial<Record<BillingField, string>> = {};
  /** The permalink the form was filled for; a reload of the same session keeps what was typed. */
  private formFor: string | undefined;
  private readyFor: string | undefined;
  private clientCache: { key: string; client: PublicClient } | undefined;
  private lastView: CheckoutView | undefined;
  /** Set once the customer acts, so focus moves only in answer to them, never on page load. */
  private userActed = false;
  /** The permalink this element sent a payment for, and the one it already reported complete. */
  private paidFor: string | undefined;
  private completedFor: string | undefined;

  // ---- lifecycle ------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // why: a disconnect aborted whatever ran; coming back resumes from the server's current state.
    if (this.hasUpdated && (this.loader.interrupted || this.payment.interrupted || this.saver.interrupted)) {
      void this.startLoad(true);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.payment.pollInterval = Math.max(50, this.pollInterval || 1000);
    if (changed.has('permalink') || changed.has('credentials')) {
      if (changed.has('permalink')) this.resetForPermalink();
      void this.startLoad(false);
    }
  }

  protected override updated(): void {
    const view = this.view;
    if (view === this.lastView) return;
    const previous = this.lastView;
    this.lastView = view;
    if (previous === undefined || view === 'loading') return;
    // why: deferred, so the announcement's own update does not start inside this one.
    const message = this.viewAnnouncement(view);
    if (message) queueMicrotask(() => this.announce(message));
    if (this.userActed) this.renderRoot.querySelector<HTMLElement>('.state-heading')?.focus();
  }

  private viewAnnouncement(view: CheckoutView): string | undefined {
    const t = this.t;
    switch (view) {
      case 'processing':
        return `${t.processing} ${t.processingHint}`;
      case 'completed':
        return this.redirecting ? `${t.completedTitle}. ${t.redirecting}` : t.completedTitle;
      case 'failed':
        return `${t.failedTitle}. ${t.failedBody}`;
      case 'abandoned': {
        const { title, body } = abandonedWords(t, this.cancelledHere);
        return `${title}. ${body}`;
      }
      default:
        return undefined;
    }
  }

  // ---- derived state --------------------------------------------------------------------------------------

  private get localeCode(): LocaleCode {
    return resolveLocale({
      attribute: this.locale,
      session: this.session?.locale,
      languages: typeof navigator === 'undefined' ? [] : navigator.languages,
    });
  }

  private get t(): Translation {
    return getTranslation(this.localeCode);
  }

  private get busy(): boolean {
    return this.payment.busy || this.saver.busy;
  }

  /** Maps the controllers' state to what the element shows. */
  private get view(): CheckoutView {
    if (this.fatal || this.loader.status === 'error') return 'error';
    const session = this.session;
    if (!session) return 'loading';
    const phase = this.payment.phase;
    if (phase === 'polling') return 'processing';
    if (phase === 'saving' || phase === 'paying') return 'form';
    switch (session.status) {
      case 'pending':
        return 'form';
      case 'processing':
        return 'processing';
      case 'failed':
        return this.retrying ? 'form' : 'failed';
      case 'completed':
        return 'completed';
      case 'abandoned':
        return 'abandoned';
    }
  }

  private get errorCodeShown(): string {
    return this.fatal?.code ?? errorCode(this.loader.error);
  }

  // ---- loading --------------------------------------------------------------------------------------------

  private client(): PublicClient {
    const timeoutMs = Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : 10_000;
    const key = `${this.permalink}\n${this.credentials}\n${timeoutMs}`;
    if (this.clientCache?.key !== key) {
      this.clientCache = { key, client: createPublicClient(this.permalink, { credentials: this.credentials, timeoutMs }) };
    }
    return this.clientCache.client;
  }

  private resetForPermalink(): void {
    this.payment.abort();
    this.saver.abort();
    this.loader.reset();
    this.formFor = undefined;
    this.readyFor = undefined;
    this.paidFor = undefined;
    this.completedFor = undefined;
    this.fatal = undefined;
    this.alert = undefined;
    this.retrying = false;
    this.redirecting = false;
    this.cancelledHere = false;
  }

  private async startLoad(keep: boolean): Promise<void> {
    this.fatal = undefined;
    const result = await this.loader.load(() => this.client(), { keep });
    if (result.status === 'aborted') return;
    if (result.status === 'error') {
      this.report(result.error);
      this.assert(errorMessage(this.t, errorCode(result.error)));
      return;
    }
    this.afterLoad(result.value);
  }

  private afterLoad(session: CheckoutSession): void {
    if (this.refuseBroken(session)) return;
    this.initForm(session);
    if (session.status === 'completed') this.draft.clear();
    if (this.readyFor !== this.permalink) {
      this.readyFor = this.permalink;
      void this.updateComplete.then(() => emit(this, 'quaderno-ready', { session }));
    }
    if (session.status === 'processing') void this.follow(session);
    // why: a payment whose answer was lost (a timeout, a dropped connection) may have gone through; the reload finds it
    // completed, and the merchant's page must still hear about it.
    else if (session.status === 'completed' && this.paidFor === this.permalink) this.settled(session);
  }

  /** Shows the error state for a session that must not be shown or paid (see `brokenSession`). */
  private refuseBroken(session: CheckoutSession): boolean {
    const problem = brokenSession(session);
    if (problem) this.failHard(problem.code, problem.message);
    return !!problem;
  }

  private failHard(code: string, message: string): void {
    this.fatal = { code };
    emit(this, 'quaderno-error', { code, message });
    this.assert(errorMessage(this.t, code));
  }

  /** Fills the form once per session: a restored draft first, then the session's customer. */
  private initForm(session: CheckoutSession): void {
    if (this.formFor === this.permalink) return;
    this.formFor = this.permalink;
    const draft = this.draft.restore();
    const values = emptyValues();
    this.touched = new Set();
    this.dirty = new Set();
    this.prefilled = new Set();
    this.serverErrors = {};
    for (const field of BILLING_FIELDS) {
      const value = draft?.customer[field] ?? session.customer[field] ?? '';
      values[field] = field === 'billing_country' ? value.trim().toUpperCase() : value;
      if (value.trim() !== '') this.prefilled.add(field);
    }
    this.values = values;
    this.couponInput = draft?.coupon ?? '';
    const methods = session.payment_methods;
    this.method = draft?.method && methods.includes(draft.method) ? draft.method : methods.length === 1 ? methods[0] : undefined;
    this.addressOpen = ADDRESS_FIELDS.some((field) => values[field].trim() !== '');
    this.submitted = false;
    const restored = !!draft && (Object.values(draft.customer).some((v) => v.trim() !== '') || draft.coupon !== '');
    this.draftRestored = restored && isEditable(session);
    if (this.draftRestored) this.announce(this.t.draftRestored);
  }

  // ---- payment --------------------------------------------------------------------------------------------

  private customerBody(): CustomerInput {
    const body: CustomerInput = {};
    for (const field of BILLING_FIELDS) {
      const value = this.values[field].trim();
      body[field] = value === '' ? null : field === 'billing_country' ? value.toUpperCase() : value;
    }
    return body;
  }

  /**
   * Shows a session a PUT or a poll returned, unless it is broken and could still be paid; the typed values stay in
   * the draft either way. Once paid (processing, completed) the outcome is shown whatever the session says, since
   * the customer must learn it; navigation checks its URL on its own.
   */
  private acceptSession(session: CheckoutSession, saved: boolean): boolean {
    const payable = session.status === 'pending' || session.status === 'failed';
    if (payable && this.refuseBroken(session)) return false;
    this.loader.set(session);
    if (saved) emit(this, 'quaderno-update', { session });
    return true;
  }

  // why: throwing stops a payment run at once; a broken saved session must never be handed to the processor.
  private onSession = (session: CheckoutSession, saved: boolean): void => {
    if (!this.acceptSession(session, saved)) throw new RefusedSessionError();
  };

  /** Polls a processing session until it settles. */
  private async follow(session: CheckoutSession): Promise<void> {
    const result = await this.payment.poll(session, { client: this.client(), onSession: this.onSession });
    if (result.status === 'complete') this.settled(result.value);
    else if (result.status === 'error' && !(result.error instanceof RefusedSessionError)) this.pollFailed(result.error);
  }

  private settled(session: CheckoutSession): void {
    this.retrying = false;
    if (session.status === 'completed' && this.completedFor !== this.permalink) {
      this.completedFor = this.permalink;
      this.draft.clear();
      this.processor.reset?.();
      const proceed = emit(this, 'quaderno-complete', { session }, { cancelable: true });
      if (proceed && isHttpUrl(session.success_url)) {
        this.redirecting = true;
        navigate(session.success_url);
      }
    }
  }

  private pollFailed(error: unknown): void {
    this.report(error);
    this.fatal = { code: errorCode(error) };
    this.assert(errorMessage(this.t, errorCode(error)));
  }

  /** How many problems the form has: billing fields, a missing method, and the processor's own fields. */
  private formErrors(): number {
    const session = this.session;
    if (!session) return 0;
    const billing = Object.keys(validateBilling(this.values, session.billing_details_collection)).length;
    const method = this.method ? Object.keys(this.processor.validate(this.method)).length : 1;
    return billing + method;
  }

  private async focusFirstInvalid(): Promise<void> {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    await this.handlePay();
  }

  private async handlePay(): Promise<void> {
    this.userActed = true;
    const session = this.session;
    if (this.busy || !session) return;
    this.submitted = true;
    const count = this.formErrors();
    if (count > 0) {
      const errors = validateBilling(this.values, session.billing_details_collection);
      if (ADDRESS_FIELDS.some((field) => errors[field])) this.addressOpen = true;
      this.assert(this.t.formHasErrors(count));
      await this.focusFirstInvalid();
      return;
    }
    this.alert = undefined;
    this.couponError = undefined;
    const method = this.method!;
    this.paidFor = this.permalink;
    const result = await this.payment.pay({
      client: this.client(),
      session,
      method,
      processor: this.processor,
      customer: this.customerBody(),
      onSession: this.onSession,
    });
    if (result.status === 'aborted') return;
    if (result.status === 'complete') return this.settled(result.value);
    if (result.error instanceof RefusedSessionError) return;
    await this.payFailed(result.error);
  }

  private async payFailed(error: unknown): Promise<void> {
    const phase = this.payment.lastPhase;
    this.report(error);
    if (error instanceof ConflictError) {
      this.assert(this.t.errorNotPending);
      await this.startLoad(true);
      return;
    }
    if (phase === 'polling') return this.pollFailed(error);
    if (error instanceof ValidationError) {
      let shown = phase === 'paying' && (this.processor.showServerErrors?.(error.fields) ?? false);
      for (const [key, messages] of Object.entries(error.fields)) {
        const field = key.replace(/^customer\./, '') as BillingField;
        if ((BILLING_FIELDS as readonly string[]).includes(field)) {
          this.serverErrors = { ...this.serverErrors, [field]: messages[0] ?? '' };
          shown = true;
        }
        if (key === 'coupon') {
          this.couponError = { error: 'invalid', serverMessage: messages[0] };
          shown = true;
        }
      }
      if (shown) {
        this.assert(this.t.formHasErrors(Object.keys(error.fields).length));
        await this.focusFirstInvalid();
        return;
      }
    }
    this.alert = { code: phase === 'saving' ? 'save' : errorCode(error), retry: 'pay' };
    this.assert(this.alertMessage(this.alert));
  }

  private handleTryAgain(): void {
    this.userActed = true;
    this.retrying = true;
    this.submitted = false;
    this.alert = undefined;
  }

  private handleRetry(): void {
    this.userActed = true;
    if (!this.permalink || !this.session) this.resetForPermalink();
    void this.startLoad(true);
  }

  private handleAlertRetry(): void {
    const retry = this.alert?.retry;
    this.alert = undefined;
    if (retry === 'pay') void this.handlePay();
    else if (retry === 'cancel') void this.handleCancel();
  }

  // ---- form fields ----------------------------------------------------------------------------------------

  private saveDraft(): void {
    this.draft.save({ customer: { ...this.values }, coupon: this.couponInput, method: this.method });
  }

  private handleInput(field: BillingField, value: string): void {
    this.values = { ...this.values, [field]: value };
    this.dirty.add(field);
    if (this.serverErrors[field] !== undefined) {
      const { [field]: _removed, ...rest } = this.serverErrors;
      this.serverErrors = rest;
    }
    this.saveDraft();
  }

  private handleBlur(field: BillingField): void {
    if (this.touched.has(field)) return;
    this.touched.add(field);
    this.requestUpdate();
  }

  private handleMethod(method: PaymentMethod): void {
    this.method = method;
    this.saveDraft();
  }

  private handleOpenAddress(): void {
    this.addressOpen = true;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${fieldId('billing_street_line_1')}`)?.focus(),
    );
  }

  // ---- coupon ---------------------------------------------------------------------------------------------

  private handleCouponInput(value: string): void {
    this.couponInput = value;
    this.couponError = undefined;
    this.saveDraft();
  }

  private async handleCouponApply(): Promise<void> {
    this.userActed = true;
    if (this.busy) return;
    const code = this.couponInput.trim();
    if (code === '') {
      this.couponError = { error: { key: 'required' } };
      this.assert(this.t.validation.required);
      return;
    }
    this.couponError = undefined;
    // why: only the coupon is sent; the customer's fields stay in the form, untouched by the answer.
    const result = await this.saver.update(this.client(), { coupon: code }, 'coupon-apply');
    if (result.status === 'aborted') return;
    if (result.status === 'complete') {
      if (!this.acceptSession(result.value, true)) return;
      if (result.value.coupon) {
        this.couponInput = '';
        this.saveDraft();
        this.announce(this.t.couponApplied(result.value.coupon.code));
      } else {
        this.couponError = { error: 'invalid' };
        this.assert(this.t.couponInvalid);
      }
      return;
    }
    await this.couponFailed(result.error);
  }

  private async handleCouponRemove(): Promise<void> {
    this.userActed = true;
    if (this.busy) return;
    const result = await this.saver.update(this.client(), { coupon: null }, 'coupon-remove');
    if (result.status === 'aborted') return;
    if (result.status === 'complete') {
      if (!this.acceptSession(result.value, true)) return;
      this.announce(this.t.couponRemoved);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#qc-coupon')?.focus();
      return;
    }
    await this.couponFailed(result.error);
  }

  private async couponFailed(error: unknown): Promise<void> {
    if (error instanceof ConflictError) {
      this.report(error);
      this.assert(this.t.errorNotPending);
      await this.startLoad(true);
      return;
    }
    if (error instanceof ValidationError) {
      const serverMessage = error.fields.coupon?.[0] ?? Object.values(error.fields)[0]?.[0];
      this.couponError = { error: 'invalid', serverMessage };
      this.assert(describeCouponRefusal(this.t, serverMessage));
    } else {
      this.report(error);
      this.couponError = { error: 'other', code: errorCode(error), serverMessage: errorText(error) };
      this.assert(errorMessage(this.t, errorCode(error)));
    }
  }

  // ---- cancel ---------------------------------------------------------------------------------------------

  private async handleCancel(): Promise<void> {
    this.userActed = true;
    if (this.busy) return;
    const session = this.session;
    const proceed = emit(this, 'quaderno-cancel', { session }, { cancelable: true });
    this.alert = undefined;
    const result = await this.saver.cancel(this.client());
    if (result.status === 'aborted') return;
    if (result.status === 'complete') {
      this.cancelledHere = result.value.status === 'abandoned';
      this.loader.set(result.value);
      this.draft.clear();
    } else if (!(result.error instanceof ConflictError)) {
      this.report(result.error);
      // why: the customer wants to leave; a failed cancel call must not trap them on the page.
      if (!proceed || !isHttpUrl(session?.cancel_url)) {
        this.alert = { code: errorCode(result.error), retry: 'cancel' };
        this.assert(this.alertMessage(this.alert));
        return;
      }
    }
    const url = this.session?.cancel_url ?? session?.cancel_url;
    if (proceed && isHttpUrl(url)) {
      this.redirecting = true;
      navigate(url);
    }
  }

  // ---- announcements and events ---------------------------------------------------------------------------

  private report(error: unknown): void {
    if (errorCode(error) === 'aborted') return;
    emit(this, 'quaderno-error', { code: errorCode(error), message: errorText(error) });
  }

  /** Polite announcement of a status change (cleared first so a repeat is announced again). */
  private announce(message: string): void {
    this.politeMessage = '';
    void this.updateComplete.then(() => {
      this.politeMessage = message;
    });
  }

  /** Assertive announcement of an error. */
  private assert(message: string): void {
    this.assertiveMessage = '';
    void this.updateComplete.then(() => {
      this.assertiveMessage = message;
    });
  }

  private alertMessage(alert: FormAlert): string {
    return alert.code === 'save' ? this.t.errorSave : errorMessage(this.t, alert.code);
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    const t = this.t;
    const view = this.view;
    return html`<div
      part="base"
      class="base"
      data-state=${view}
      lang=${t.$code}
      dir=${t.$dir}
>
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.politeMessage}</div>
      <div class="sr-only" role="alert" aria-live="assertive" aria-atomic="true">${this.assertiveMessage}</div>
      <div class="frame">${this.renderView(view, t)}</div>
    </div>`;
  }

  private renderView(view: CheckoutView, t: Translation): TemplateResult {
    const session = this.session;
    switch (view) {
      case 'loading':
        return renderLoading(t);
      case 'error':
        return renderError(t, this.errorCodeShown, () => this.handleRetry());
      case 'processing':
        return renderProcessing(t);
      case 'completed':
        return renderCompleted(t, session?.success_url, this.redirecting, session && this.paidAmount(session), this.processor.testMode);
      case 'failed':
        return renderFailed(t, () => this.handleTryAgain());
      case 'abandoned':
        return renderAbandoned(t, session?.cancel_url, this.redirecting, this.cancelledHere);
      case 'form':
        return this.renderForm(t, session!);
    }
  }

  private renderForm(t: Translation, session: CheckoutSession): TemplateResult {
    const locale = this.localeCode;
    const mode = session.billing_details_collection;
    const paying = this.payment.busy;
    const phase = this.payment.phase;
    const all = validateBilling(this.values, mode);
    const errors: Partial<Record<BillingField, string>> = {};
    for (const field of BILLING_FIELDS) {
      const show = this.submitted || this.prefilled.has(field) || (this.touched.has(field) && this.dirty.has(field));
      const error = all[field];
      if (this.serverErrors[field] !== undefined) errors[field] = translateError(t.validation, error ?? serverKey(field));
      else if (show && error) errors[field] = translateError(t.validation, error);
    }
    const totals = sessionTotals(session);
    const coupon =
      session.coupon_collection && isEditable(session)
        ? renderCoupon({
            t,
            applied: session.coupon,
            value: this.couponInput,
            error: this.couponErrorText(t),
            serverMessage: this.couponError?.serverMessage,
            busy: this.saver.busy && this.saver.kind === 'coupon-apply' ? 'apply' : this.saver.busy && this.saver.kind === 'coupon-remove' ? 'remove' : undefined,
            locked: paying,
            onInput: (value) => this.handleCouponInput(value),
            onApply: () => void this.handleCouponApply(),
            onRemove: () => void this.handleCouponRemove(),
          })
        : nothing;
    const payLabel = phase === 'saving' ? t.saving : phase === 'paying' ? t.processing : t.payAmount(formatMoney(totals.total, totals.currency, locale));
    return html`<div class="layout">
      ${renderItems(t, locale, session, coupon)}
      <form part="form" novalidate @submit=${(e: Event) => void this.handleSubmit(e)}>
        ${this.draftRestored
          ? html`<div part="notice" class="notice"><p>${t.draftRestored}</p></div>`
          : nothing}
        ${renderBilling({
          t,
          locale,
          mode,
          values: this.values,
          errors,
          serverMessages: this.serverErrors,
          addressOpen: this.addressOpen,
          disabled: paying,
          onInput: (field, value) => this.handleInput(field, value),
          onBlur: (field) => this.handleBlur(field),
          onOpenAddress: () => this.handleOpenAddress(),
        })}
        ${renderMethods({
          t,
          methods: session.payment_methods,
          selected: this.method,
          error: this.submitted && !this.method ? t.validation.paymentMethod : undefined,
          testMode: this.processor.testMode,
          disabled: paying,
          fields: this.method
            ? this.processor.renderMethodFields(this.method, {
                t,
                locale,
                session,
                submitted: this.submitted,
                disabled: paying,
                requestUpdate: () => this.requestUpdate(),
              })
            : nothing,
          onSelect: (method) => this.handleMethod(method),
        })}
        ${this.alert
          ? html`<div part="alert" class="alert" data-alert=${this.alert.code}>
              ${icon(errorIcon)}
              <p>${this.alertMessage(this.alert)}</p>
              ${this.alert.retry
                ? html`<button type="button" class="secondary" data-action="alert-retry" @click=${() => this.handleAlertRetry()}>
                    ${t.retry}
                  </button>`
                : nothing}
            </div>`
          : nothing}
        <div class="pay-area">
          <button part="pay-button" class="pay" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${paying ? html`<span class="spinner small-spinner" aria-hidden="true"></span>` : icon(lockIcon)}
            <span>${payLabel}</span>
          </button>
          <button
            part="cancel"
            type="button"
            class="link cancel"
            data-action="cancel"
            aria-disabled=${this.busy ? 'true' : 'false'}
            @click=${() => void this.handleCancel()}
          >
            ${this.saver.busy && this.saver.kind === 'cancel' ? t.cancelling : t.cancel}
          </button>
        </div>
      </form>
    </div>`;
  }

  /** The total the customer paid, for the confirmation; undefined when the session's items cannot say. */
  private paidAmount(session: CheckoutSession): string | undefined {
    const totals = sessionTotals(session);
    if (session.items.length === 0 || totals.mixedCurrencies || !Number.isSafeInteger(totals.total)) return undefined;
    return formatMoney(totals.total, totals.currency, this.localeCode);
  }

  private couponErrorText(t: Translation): string | undefined {
    const error = this.couponError;
    if (!error) return undefined;
    if (error.error === 'invalid') return describeCouponRefusal(t, error.serverMessage);
    if (error.error === 'other') return errorMessage(t, error.code ?? 'unknown');
    return translateError(t.validation, error.error);
  }
}

/** The message key for a server-refused field the client's own rules accepted. */
function serverKey(field: BillingField): FieldError {
  switch (field) {
    case 'email':
      return { key: 'email' };
    case 'billing_country':
      return { key: 'country' };
    case 'billing_postal_code':
      return { key: 'postalCode' };
    case 'tax_id':
      return { key: 'taxId', params: { example: '' } };
    default:
      return { key: 'tooLong', params: { max: 255 } };
  }
}
