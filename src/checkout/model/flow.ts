// The model's lazily loaded half: what happens after the customer acts (a coupon applied or removed, Pay, cancel),
// following a payment to its end, and the tax preview. The element ships it as its own chunk (checkout/flow.ts),
// fetched while the session GET runs, so the form never waits for it; model.ts awaits it before any of these.
// No Lit and no DOM here.
import { ConflictError, ValidationError } from '../../api/errors.ts';
import { isHttpUrl } from '../../api/urls.ts';
import type { PublicClient } from '../../api/public.ts';
import { processorErrorOf } from '../../processors/errors.ts';
import { ADDRESS_FIELDS, type BillingField } from '../../session/fields.ts';
import type { ProtocolSession } from '../../protocol/session.ts';
import { needsOf, validateNow } from './billing-rule.ts';
import { describeCouponRefusal, refusalOf } from './coupon.ts';
import { errorCode, RefusedSessionError } from './core.ts';
import type { CheckoutModel } from './model.ts';
import { pollSession } from './run.ts';
import { canReopen, savesEdits } from './session-checks.ts';
import { customerBody, formErrorCount, formOf, formTransition, placeSession, serverFieldErrors, sessionOf, type Busy, type CheckoutState, type FormAlert, type FormState } from './state.ts';
import { shownTotal } from './tax.ts';
import { TAX_FIELDS, TaxPreviews } from './tax-preview.ts';
import { alertMessage, errorMessage } from './words.ts';

// ---- tax preview ----------------------------------------------------------------------------------------------

/** The model's tax previews, made on first use. */
export function taxes(m: CheckoutModel): TaxPreviews {
  return (m.taxes ??= new TaxPreviews(
    {
      current: () => (m.state.kind === 'form' ? { session: m.state.session, form: m.state.form } : undefined),
      apply: (preview) => m.edit({ type: 'tax', preview }),
      fetch: (query, signal) => m.options.client().previewTax(query, { signal }),
    },
    m.options.taxDebounceMs ?? 300,
  ));
}

/** A billing field changed: preview the tax again when it is one the tax depends on. */
export function taxInput(m: CheckoutModel, field: BillingField): void {
  if ((TAX_FIELDS as readonly string[]).includes(field)) taxes(m).changed();
}

/** Drops every tax preview (the session's own tax shows meanwhile) and previews what was typed again. */
function refreshTax(m: CheckoutModel): void {
  const previews = taxes(m);
  previews.forget();
  m.edit({ type: 'tax', preview: undefined });
  previews.changed();
}

// ---- coupon -----------------------------------------------------------------------------------------------------

export async function applyCoupon(m: CheckoutModel): Promise<void> {
  const state = m.state;
  if (state.kind !== 'form' || state.busy) return;
  const code = state.form.couponInput.trim();
  if (code === '') {
    m.edit({ type: 'coupon-error', error: { kind: 'field', error: { key: 'required' } } });
    m.host.announce('assertive', (t) => t.validation.required);
    return;
  }
  m.edit({ type: 'coupon-error', error: undefined });
  // why: only the coupon is sent; the customer's fields stay in the form, untouched by the answer.
  const session = await save(m, 'coupon-apply', (signal) => m.options.client().update({ coupon: code }, { signal }));
  if (!session) return;
  const applied = session.coupon;
  if (applied) {
    m.edit({ type: 'coupon-input', value: '' }, true);
    m.host.announce('polite', (t) => t.couponApplied(applied.code));
  } else {
    m.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: { reason: 'invalid' }, serverMessage: undefined } });
    m.host.announce('assertive', (t) => t.couponInvalid);
  }
}

export async function removeCoupon(m: CheckoutModel): Promise<void> {
  const state = m.state;
  if (state.kind !== 'form' || state.busy) return;
  const session = await save(m, 'coupon-remove', (signal) => m.options.client().update({ coupon: null }, { signal }));
  if (!session) return;
  m.host.announce('polite', (t) => t.couponRemoved);
  m.host.focus('coupon-input');
}

/** Runs a coupon PUT with the form busy; the saved session, or undefined when it failed (and was told). */
async function save(m: CheckoutModel, busy: Busy, work: (signal: AbortSignal) => Promise<ProtocolSession>): Promise<ProtocolSession | undefined> {
  const start = m.state;
  if (start.kind !== 'form') return undefined;
  m.set({ ...start, busy });
  const result = await m.runs.start(async (signal) => {
    await reopen(m, start.session, signal);
    const session = await work(signal);
    m.accept(session, true);
    return session;
  });
  if (result.status === 'aborted') return undefined;
  const form = formOf(m.state) ?? start.form;
  if (result.status === 'complete') {
    m.set(placeSession(result.value, m.state, form));
    // why: a coupon changes the taxable base, so previews computed before it are stale; ask again for what was typed.
    refreshTax(m);
    return m.state.kind === 'form' ? result.value : undefined;
  }
  if (result.error instanceof RefusedSessionError || m.refuseUnreadable(result.error)) return undefined;
  m.set({ ...start, form, busy: undefined });
  await couponFailed(m, result.error);
  return undefined;
}

async function couponFailed(m: CheckoutModel, error: unknown): Promise<void> {
  if (error instanceof ConflictError) {
    m.report(error);
    m.host.announce('assertive', (t) => t.errorNotPending);
    await m.load(true);
    return;
  }
  if (error instanceof ValidationError) {
    const serverMessage = error.fields.coupon?.[0] ?? Object.values(error.fields)[0]?.[0];
    const refusal = refusalOf(error);
    m.edit({ type: 'coupon-error', error: { kind: 'refused', refusal, code: error.fieldCodes.coupon, serverMessage } });
    m.host.announce('assertive', (t) => describeCouponRefusal(t, refusal));
    return;
  }
  m.couponRequestFailed(error);
}

// ---- payment ----------------------------------------------------------------------------------------------------

/** The pay button: checks the form, PUTs the customer (pending only), hands off to the processor, then polls. */
export async function pay(m: CheckoutModel): Promise<void> {
  if (m.state.kind !== 'form' || m.state.busy) return;
  // why: awaited only when the processor checks asynchronously (an SDK), so the sandbox's check stays in this task.
  const validating = m.options.processor().validate?.();
  if (validating) await validating;
  // why: read after any await, so a second click that waited alongside finds the first one busy.
  const state = m.state;
  if (state.kind !== 'form' || state.busy) return;
  let form = formTransition(state.form, { type: 'submit' });
  const count = formErrorCount(form, state.session);
  if (count > 0) {
    const errors = validateNow(needsOf(state.session, form));
    if (ADDRESS_FIELDS.some((field) => errors[field])) form = formTransition(form, { type: 'open-address' });
    m.set({ ...state, form });
    m.host.announce('assertive', (t) => t.formHasErrors(count));
    m.host.focus('first-invalid');
    return;
  }
  // why: the total on the button is the one to charge; a preview still on its way is awaited first, then Pay again.
  if (state.form.tax?.updating) return (await taxMoved(m)) ? undefined : pay(m);
  form = formTransition(form, { type: 'clear-coupon-error' });
  const method = form.method!;
  // why: the total on the button is what the customer confirms; every request that pays carries it.
  const total = shownTotal(state.session, form.tax).total;
  const client = withShownTotal(m.options.client(), total);
  m.paid = true;
  const first = savesEdits(state.session) ? 'saving' : 'paying';
  // why the wide type: the run's closure moves the phase on, which TypeScript's narrowing of a `let` cannot see.
  let phase = first as 'saving' | 'paying' | 'polling';
  m.set({ ...state, form, alert: undefined, busy: first });
  const result = await m.runs.start(async (signal) => {
    let session = state.session;
    if (savesEdits(session)) {
      session = await reopen(m, session, signal);
      session = await client.update({ customer: customerBody(form.values) }, { signal });
      m.accept(session, true);
    }
    phase = 'paying';
    m.set({ kind: 'form', session, form, busy: 'paying', alert: undefined });
    try {
      session = await m.options.processor().pay({ session, method, client, signal, total });
    } catch (error) {
      const moved = await reread(m, error, form, signal);
      if (!moved) throw error;
      phase = 'polling';
      return poll(m, moved, form, signal);
    }
    m.accept(session, false);
    phase = 'polling';
    return poll(m, session, form, signal);
  });
  if (result.status === 'aborted') return;
  if (result.status === 'complete') return settled(m, result.value, form);
  if (result.error instanceof RefusedSessionError || (phase !== 'polling' && m.refuseUnreadable(result.error))) return;
  await payFailed(m, result.error, phase, form);
}

async function payFailed(m: CheckoutModel, error: unknown, phase: 'saving' | 'paying' | 'polling', form: FormState): Promise<void> {
  m.report(error);
  const session = sessionOf(m.state)!;
  if (phase === 'polling') return m.pollFailed(error, session, form);
  const idle: CheckoutState = { kind: 'form', session, form, busy: undefined, alert: undefined };
  m.set(idle);
  if (error instanceof ConflictError) {
    m.host.announce('assertive', (t) => t.errorNotPending);
    await m.load(true);
    return;
  }
  if (error instanceof ValidationError && error.reason === 'payment_total_changed') return totalChanged(m, error);
  if (processorErrorOf(error)?.sdkCode === TOTAL_CHANGED) return totalChanged(m);
  if (error instanceof ValidationError && showServerErrors(m, error, phase, form)) return;
  const code = phase === 'saving' ? 'save' : errorCode(error);
  // why: a processor's failure keeps its own words (PayPal's), carried by the error whichever bundle threw it.
  const alert: FormAlert = { code, retry: 'pay', messageKey: phase === 'saving' ? undefined : processorErrorOf(error)?.messageKey };
  m.set({ ...idle, form: formOf(m.state)!, alert });
  m.host.announce('assertive', (t) => alertMessage(t, alert));
}

/**
 * A tax preview still waiting when Pay is pressed runs now; if its total is not the one the button showed, the new
 * one shows and the customer is asked again, without a request to pay. True when it moved.
 */
async function taxMoved(m: CheckoutModel): Promise<boolean> {
  const before = m.state;
  if (before.kind !== 'form' || before.busy || !before.form.tax?.updating) return false;
  const shown = shownTotal(before.session, before.form.tax).total;
  await taxes(m).settle();
  const after = m.state;
  if (after.kind !== 'form' || shownTotal(after.session, after.form.tax).total === shown) return false;
  m.set({ ...after, alert: { code: 'payment_total_changed', retry: undefined } });
  m.host.announce('assertive', (t) => t.errorTotalChanged);
  return true;
}

/**
 * The server's total differs from the one shown (a rate changed, the country changed in another tab, a coupon ran
 * out): reload, show the new total, and ask again. Nothing was charged.
 */
async function totalChanged(m: CheckoutModel, error?: ValidationError): Promise<void> {
  refreshTax(m);
  await m.load(true);
  const state = m.state;
  if (state.kind !== 'form') return;
  const coupon = error?.fields.coupon?.[0];
  const form = !error || coupon === undefined ? state.form : formTransition(state.form, { type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
  m.set({ ...state, form, alert: { code: 'payment_total_changed', retry: undefined } });
  m.host.announce('assertive', (t) => t.errorTotalChanged);
}

/** Puts a 422's field errors next to their fields; false when none of them is a field the form shows. */
function showServerErrors(m: CheckoutModel, error: ValidationError, phase: 'saving' | 'paying', form: FormState): boolean {
  const { billing, processor, coupon } = serverFieldErrors(error.fields, phase, form);
  if (Object.keys(billing).length + Object.keys(processor).length === 0 && coupon === undefined) return false;
  m.edit({ type: 'server-errors', billing, processor });
  if (coupon !== undefined) {
    m.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
  }
  const count = Object.keys(error.fields).length;
  m.host.announce('assertive', (t) => t.formHasErrors(count));
  m.host.focus('first-invalid');
  return true;
}

/** The client the processor pays through, its pay body carrying the total the customer saw (the server refuses another). */
function withShownTotal(client: PublicClient, total: number): PublicClient {
  return { ...client, pay: (body, options) => client.pay({ ...(body as object), total }, options) };
}

/** A processor's code for a start whose amount is not the confirmed total (stripe.ts): asked again, as the server's. */
const TOTAL_CHANGED = 'total_changed';

/** Before an edit is saved to a failed session the server reopens (`retry`), it is made pending again; else as it is. */
async function reopen(m: CheckoutModel, session: ProtocolSession, signal: AbortSignal): Promise<ProtocolSession> {
  if (!canReopen(session)) return session;
  const reopened = await m.options.client().retry({ signal });
  m.accept(reopened, false);
  return reopened;
}

/**
 * A payment the processor refused (a declined card, a closed PayPal window, a lost answer) may have failed the session
 * on the server: it is read again, so the form holds what the server holds and the next Pay reopens it instead of
 * saving into a session that is no longer pending. The session when it went on (processing, completed) for the run to
 * follow; undefined when the form stays (with the session read, if it could be).
 */
async function reread(m: CheckoutModel, error: unknown, form: FormState, signal: AbortSignal): Promise<ProtocolSession | undefined> {
  // why not these: the server answered them itself (a conflict, a refused total or field), and payFailed reloads.
  if (error instanceof ValidationError || error instanceof ConflictError || signal.aborted) return undefined;
  // why: fields the processor found incomplete were never sent; nothing changed on the server.
  if (processorErrorOf(error)?.code === 'payment_incomplete') return undefined;
  const session = await m.options
    .client()
    .retrieve({ signal })
    .catch(() => undefined);
  if (!session) return undefined;
  m.accept(session, false);
  if (session.status !== 'pending' && session.status !== 'failed') return session;
  m.set({ kind: 'form', session, form, busy: 'paying', alert: undefined });
  return undefined;
}

// ---- following a payment --------------------------------------------------------------------------------------

/** Follows a session that is already processing (loaded that way, or after a reconnect). */
export async function follow(m: CheckoutModel, session: ProtocolSession, form: FormState): Promise<void> {
  const result = await m.runs.start((signal) => poll(m, session, form, signal));
  if (result.status === 'complete') settled(m, result.value, form);
  else if (result.status === 'error' && !(result.error instanceof RefusedSessionError)) {
    m.report(result.error);
    m.pollFailed(result.error, sessionOf(m.state) ?? session, form);
  }
}

/** Polls `retrieve()` with backoff until the session leaves `processing`. */
function poll(m: CheckoutModel, start: ProtocolSession, form: FormState, signal: AbortSignal): Promise<ProtocolSession> {
  m.set({ kind: 'processing', session: start, form });
  return pollSession(start, { first: m.pollInterval, max: m.maxPollInterval, total: m.maxPollTime }, signal, async () => {
    const session = await m.options.client().retrieve({ signal });
    m.accept(session, false);
    if (session.status === 'processing') m.set({ kind: 'processing', session, form });
    return session;
  });
}

export function settled(m: CheckoutModel, session: ProtocolSession, form: FormState): void {
  if (session.status === 'failed') return m.set({ kind: 'failed', session, form });
  if (session.status !== 'completed') return m.set(placeSession(session, { kind: 'loading' }, form));
  m.set({ kind: 'completed', session, redirecting: false });
  if (m.completeSent) return;
  m.completeSent = true;
  m.options.draft.clear();
  m.options.processor().reset?.();
  const invoice = (session as { invoice_permalink?: unknown }).invoice_permalink;
  const proceed = m.host.emit('quaderno-complete', { session, invoicePermalink: isHttpUrl(invoice) ? invoice : null }, true);
  if (proceed && isHttpUrl(session.success_url)) {
    m.set({ kind: 'completed', session, redirecting: true });
    m.host.navigate(session.success_url);
  }
}

// ---- cancel -----------------------------------------------------------------------------------------------------

/** The customer leaves: tell the page (cancelable), abandon the session, then go to cancel_url. */
export async function cancel(m: CheckoutModel): Promise<void> {
  const state = m.state;
  if (state.kind !== 'form' || state.busy) return;
  const session = state.session;
  const proceed = m.host.emit('quaderno-cancel', { session }, true);
  m.set({ ...state, alert: undefined, busy: 'cancel' });
  const result = await m.runs.start((signal) => m.options.client().cancel({ signal }));
  if (result.status === 'aborted') return;
  let url = session.cancel_url;
  if (result.status === 'complete') {
    const after = result.value;
    url = after.cancel_url ?? url;
    m.options.draft.clear();
    m.set(
      after.status === 'abandoned'
        ? { kind: 'abandoned', session: after, cancelledHere: true, redirecting: false }
        : placeSession(after, m.state, state.form),
    );
  } else {
    m.set({ ...state, alert: undefined, busy: undefined });
    if (result.error instanceof ConflictError) {
      // why: the session stopped being pending elsewhere (paid in another tab): the customer sees what it is now, and
      // leaves for cancel_url only when it did end abandoned.
      m.report(result.error);
      m.host.announce('assertive', (t) => t.errorNotPending);
      await m.load(true);
      if (m.state.kind !== 'abandoned') return;
    } else {
      m.report(result.error);
      // why: the customer wants to leave; a failed cancel call must not trap them on the page.
      if (!proceed || !isHttpUrl(url)) {
        const code = errorCode(result.error);
        m.set({ ...state, busy: undefined, alert: { code, retry: 'cancel' } });
        m.host.announce('assertive', (t) => errorMessage(t, code));
        return;
      }
    }
  }
  if (proceed && isHttpUrl(url)) {
    const now = m.state;
    if (now.kind === 'abandoned' || now.kind === 'completed') m.set({ ...now, redirecting: true });
    m.host.navigate(url);
  }
}
