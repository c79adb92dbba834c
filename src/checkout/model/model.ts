// The framework-free checkout: one state (state.ts), the customer's intents as methods, and the effects (GET, PUT,
// coupon, cancel, pay, poll) run through an injected protocol client. The element renders `state` and does what the
// host callbacks ask (events, announcements, focus, navigation). No Lit and no DOM here: the flow runs in Node.
import { ConflictError, ValidationError } from '../../api/errors.ts';
import { isHttpUrl } from '../../api/urls.ts';
import { ADDRESS_FIELDS } from '../../session/fields.ts';
import { needsOf, validateNow } from './billing-rule.ts';
import type { PublicClient } from '../../api/public.ts';
import type { CheckoutSession } from '../../session/schema.ts';
import { describeCouponRefusal, refusalOf } from './coupon.ts';
import { customerBody, formErrorCount, formOf, formTransition, placeSession, serverFieldErrors, sessionOf, type Busy, type CheckoutState, type FormState } from './state.ts';
import type { FocusTarget, ModelHost, ModelOptions, ModelProcessor } from './types.ts';
import { shownTax } from './tax.ts';
import { errorMessage } from './words.ts';
import { CheckoutCore, errorCode, RefusedSessionError } from './core.ts';

export type { FocusTarget, ModelHost, ModelOptions, ModelProcessor };

export class CheckoutModel extends CheckoutCore {
  // ---- coupon ---------------------------------------------------------------------------------------------

  async applyCoupon(): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    const code = state.form.couponInput.trim();
    if (code === '') {
      this.edit({ type: 'coupon-error', error: { kind: 'field', error: { key: 'required' } } });
      this.host.announce('assertive', (t) => t.validation.required);
      return;
    }
    this.edit({ type: 'coupon-error', error: undefined });
    // why: only the coupon is sent; the customer's fields stay in the form, untouched by the answer.
    const session = await this.save('coupon-apply', (signal) => this.options.client().update({ coupon: code }, { signal }));
    if (!session) return;
    const applied = session.coupon;
    if (applied) {
      this.edit({ type: 'coupon-input', value: '' }, true);
      this.host.announce('polite', (t) => t.couponApplied(applied.code));
    } else {
      this.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: { reason: 'invalid' }, serverMessage: undefined } });
      this.host.announce('assertive', (t) => t.couponInvalid);
    }
  }

  async removeCoupon(): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    const session = await this.save('coupon-remove', (signal) => this.options.client().update({ coupon: null }, { signal }));
    if (!session) return;
    this.host.announce('polite', (t) => t.couponRemoved);
    this.host.focus('coupon-input');
  }

  /** Runs a coupon PUT with the form busy; the saved session, or undefined when it failed (and was told). */
  private async save(busy: Busy, work: (signal: AbortSignal) => Promise<CheckoutSession>): Promise<CheckoutSession | undefined> {
    const start = this.state;
    if (start.kind !== 'form') return undefined;
    this.set({ ...start, busy });
    const result = await this.runs.start(async (signal) => {
      const session = await work(signal);
      this.accept(session, true);
      return session;
    });
    if (result.status === 'aborted') return undefined;
    const form = formOf(this.state) ?? start.form;
    if (result.status === 'complete') {
      this.set(placeSession(result.value, this.state, form));
      // why: a coupon changes the taxable base, so previews computed before it are stale; ask again for what was typed.
      this.refreshTax();
      return this.state.kind === 'form' ? result.value : undefined;
    }
    if (result.error instanceof RefusedSessionError || this.refuseUnreadable(result.error)) return undefined;
    this.set({ ...start, form, busy: undefined });
    await this.couponFailed(result.error);
    return undefined;
  }

  private async couponFailed(error: unknown): Promise<void> {
    if (error instanceof ConflictError) {
      this.report(error);
      this.host.announce('assertive', (t) => t.errorNotPending);
      await this.load(true);
      return;
    }
    if (error instanceof ValidationError) {
      const serverMessage = error.fields.coupon?.[0] ?? Object.values(error.fields)[0]?.[0];
      const refusal = refusalOf(error);
      this.edit({ type: 'coupon-error', error: { kind: 'refused', refusal, code: error.fieldCodes.coupon, serverMessage } });
      this.host.announce('assertive', (t) => describeCouponRefusal(t, refusal));
      return;
    }
    this.report(error);
    const code = errorCode(error);
    this.edit({ type: 'coupon-error', error: { kind: 'request', code, serverMessage: error instanceof Error ? error.message : String(error) } });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  // ---- payment --------------------------------------------------------------------------------------------

  /** The pay button: checks the form, PUTs the customer (pending only), hands off to the processor, then polls. */
  async pay(): Promise<void> {
    this.acted = true;
    if (this.state.kind !== 'form' || this.state.busy) return;
    // why: awaited only when the processor checks asynchronously (an SDK), so the sandbox's check stays in this task.
    const validating = this.options.processor().validate?.();
    if (validating) await validating;
    // why: read after any await, so a second click that waited alongside finds the first one busy.
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    let form = formTransition(state.form, { type: 'submit' });
    const count = formErrorCount(form, state.session);
    if (count > 0) {
      const errors = validateNow(needsOf(state.session, form));
      if (ADDRESS_FIELDS.some((field) => errors[field])) form = formTransition(form, { type: 'open-address' });
      this.set({ ...state, form });
      this.host.announce('assertive', (t) => t.formHasErrors(count));
      this.host.focus('first-invalid');
      return;
    }
    // why: the total on the button is the one to charge; a preview still on its way is awaited first, then Pay again.
    if (state.form.tax?.updating) return (await this.taxMoved()) ? undefined : this.pay();
    form = formTransition(form, { type: 'clear-coupon-error' });
    const method = form.method!;
    const client = withShownTotal(this.options.client(), shownTax(state.session, form.tax)?.total);
    this.paid = true;
    const first = state.session.status === 'pending' ? 'saving' : 'paying';
    // why the wide type: the run's closure moves the phase on, which TypeScript's narrowing of a `let` cannot see.
    let phase = first as 'saving' | 'paying' | 'polling';
    this.set({ ...state, form, alert: undefined, busy: first });
    const result = await this.runs.start(async (signal) => {
      let session = state.session;
      if (session.status === 'pending') {
        session = await client.update({ customer: customerBody(form.values) }, { signal });
        this.accept(session, true);
      }
      phase = 'paying';
      this.set({ kind: 'form', session, form, busy: 'paying', alert: undefined });
      session = await this.options.processor().pay({ session, method, client, signal });
      this.accept(session, false);
      phase = 'polling';
      return this.poll(session, form, signal);
    });
    if (result.status === 'aborted') return;
    if (result.status === 'complete') return this.settled(result.value, form);
    if (result.error instanceof RefusedSessionError || (phase !== 'polling' && this.refuseUnreadable(result.error))) return;
    await this.payFailed(result.error, phase, form);
  }

  private async payFailed(error: unknown, phase: 'saving' | 'paying' | 'polling', form: FormState): Promise<void> {
    this.report(error);
    const session = sessionOf(this.state)!;
    if (phase === 'polling') return this.pollFailed(error, session, form);
    const idle: CheckoutState = { kind: 'form', session, form, busy: undefined, alert: undefined };
    this.set(idle);
    if (error instanceof ConflictError) {
      this.host.announce('assertive', (t) => t.errorNotPending);
      await this.load(true);
      return;
    }
    if (error instanceof ValidationError && error.reason === 'payment_total_changed') return this.totalChanged(error);
    if (error instanceof ValidationError && this.showServerErrors(error, phase, form)) return;
    const code = phase === 'saving' ? 'save' : errorCode(error);
    this.set({ ...idle, form: formOf(this.state)!, alert: { code, retry: 'pay' } });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  /**
   * A tax preview still waiting when Pay is pressed runs now; if its total is not the one the button showed, the new
   * one shows and the customer is asked again, without a request to pay. True when it moved.
   */
  private async taxMoved(): Promise<boolean> {
    const before = this.state;
    if (before.kind !== 'form' || before.busy || !before.form.tax?.updating) return false;
    const shown = shownTax(before.session, before.form.tax)?.total;
    await this.taxes.settle();
    const after = this.state;
    if (after.kind !== 'form' || shownTax(after.session, after.form.tax)?.total === shown) return false;
    this.set({ ...after, alert: { code: 'payment_total_changed', retry: undefined } });
    this.host.announce('assertive', (t) => t.errorTotalChanged);
    return true;
  }

  /** Drops every tax preview (the session's own tax shows meanwhile) and previews what was typed again. */
  private refreshTax(): void {
    this.taxes.forget();
    this.edit({ type: 'tax', preview: undefined });
    this.taxes.changed();
  }

  /**
   * The server's total differs from the one shown (a rate changed, the country changed in another tab, a coupon ran
   * out): reload, show the new total, and ask again. Nothing was charged.
   */
  private async totalChanged(error: ValidationError): Promise<void> {
    this.refreshTax();
    await this.load(true);
    const state = this.state;
    if (state.kind !== 'form') return;
    const coupon = error.fields.coupon?.[0];
    const form = coupon === undefined ? state.form : formTransition(state.form, { type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
    this.set({ ...state, form, alert: { code: 'payment_total_changed', retry: undefined } });
    this.host.announce('assertive', (t) => t.errorTotalChanged);
  }

  /** Puts a 422's field errors next to their fields; false when none of them is a field the form shows. */
  private showServerErrors(error: ValidationError, phase: 'saving' | 'paying', form: FormState): boolean {
    const { billing, processor, coupon } = serverFieldErrors(error.fields, phase, form);
    if (Object.keys(billing).length + Object.keys(processor).length === 0 && coupon === undefined) return false;
    this.edit({ type: 'server-errors', billing, processor });
    if (coupon !== undefined) {
      this.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
    }
    const count = Object.keys(error.fields).length;
    this.host.announce('assertive', (t) => t.formHasErrors(count));
    this.host.focus('first-invalid');
    return true;
  }

  /** Follows a session that is already processing (loaded that way, or after a reconnect). */
  // ---- cancel ---------------------------------------------------------------------------------------------

  /** The customer leaves: tell the page (cancelable), abandon the session, then go to cancel_url. */
  async cancel(): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    const session = state.session;
    const proceed = this.host.emit('quaderno-cancel', { session }, true);
    this.set({ ...state, alert: undefined, busy: 'cancel' });
    const result = await this.runs.start((signal) => this.options.client().cancel({ signal }));
    if (result.status === 'aborted') return;
    let url = session.cancel_url;
    if (result.status === 'complete') {
      const after = result.value;
      url = after.cancel_url ?? url;
      this.options.draft.clear();
      this.set(
        after.status === 'abandoned'
          ? { kind: 'abandoned', session: after, cancelledHere: true, redirecting: false }
          : placeSession(after, this.state, state.form),
      );
    } else {
      this.set({ ...state, alert: undefined, busy: undefined });
      if (!(result.error instanceof ConflictError)) {
        this.report(result.error);
        // why: the customer wants to leave; a failed cancel call must not trap them on the page.
        if (!proceed || !isHttpUrl(url)) {
          const code = errorCode(result.error);
          this.set({ ...state, busy: undefined, alert: { code, retry: 'cancel' } });
          this.host.announce('assertive', (t) => errorMessage(t, code));
          return;
        }
      }
    }
    if (proceed && isHttpUrl(url)) {
      const now = this.state;
      if (now.kind === 'abandoned' || now.kind === 'completed') this.set({ ...now, redirecting: true });
      this.host.navigate(url);
    }
  }

}

/** The client the processor pays through, its pay body carrying the total the customer saw (the server refuses another). */
function withShownTotal(client: PublicClient, total: number | undefined): PublicClient {
  if (total === undefined) return client;
  return { ...client, pay: (body, options) => client.pay({ ...(body as object), total }, options) };
}
