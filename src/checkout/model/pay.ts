// The Pay button: check the form (derive.ts says how many problems stop it), save the customer (a pending session
// only), hand the payment to the processor with the total the customer saw, then follow it to its outcome
// (polling.ts). Every failure keeps what was typed. No Lit and no DOM here.
import { ConflictError, ValidationError } from '../../api/errors.js';
import type { PublicClient } from '../../api/public.js';
import { processorErrorOf } from '../../processors/errors.js';
import { ADDRESS_FIELDS } from '../../session/fields.js';
import type { ProtocolSession } from '../../protocol/session.js';
import { refusalOf } from './coupon-refusal.js';
import type { ModelEffects } from './effects.js';
import { errorCode, RefusedSessionError } from './errors.js';
import { poll, pollFailed, settled, type PollEffects } from './polling.js';
import { savesEdits } from './session-checks.js';
import { customerBody, formOf, formTransition, serverFieldErrors, sessionOf, type CheckoutState, type FormAlert, type FormState } from './state.js';
import { alertMessage } from './words.js';

export type PayEffects = PollEffects &
  Pick<ModelEffects, 'edit' | 'view' | 'reopen' | 'refuseUnreadable' | 'reload' | 'settleTax' | 'refreshTax'>;

type Phase = 'saving' | 'paying' | 'polling';

export async function pay(fx: PayEffects): Promise<void> {
  const before = fx.state();
  if (before.kind !== 'form' || before.busy) return;
  // why: awaited only when the processor checks asynchronously (an SDK), so the sandbox's check stays in this task.
  const validating = fx.processor().validate?.();
  if (validating) await validating;
  // why: read after any await, so a second click that waited alongside finds the first one busy.
  const state = fx.state();
  const view = fx.view();
  if (state.kind !== 'form' || state.busy || !view) return;
  let form = formTransition(state.form, { type: 'submit' });
  if (view.errorCount > 0) {
    if (ADDRESS_FIELDS.some((field) => view.invalid[field])) form = formTransition(form, { type: 'open-address' });
    fx.set({ ...state, form });
    fx.host.announce('assertive', (t) => t.formHasErrors(view.errorCount));
    fx.host.focus('first-invalid');
    return;
  }
  // why: the total on the button is the one to charge; a preview still on its way is awaited first, then Pay again.
  if (view.taxUpdating) return (await taxMoved(fx)) ? undefined : pay(fx);
  form = formTransition(form, { type: 'clear-coupon-error' });
  const method = form.method!;
  // why: the total on the button is what the customer confirms; every request that pays carries it.
  const total = view.total.total;
  const client = withShownTotal(fx.client(), total);
  const first = savesEdits(state.session) ? 'saving' : 'paying';
  // why the wide type: the run's closure moves the phase on, which TypeScript's narrowing of a `let` cannot see.
  let phase = first as Phase;
  fx.set({ ...state, form, alert: undefined, busy: first, paid: true });
  const result = await fx.run(async (signal) => {
    let session = state.session;
    if (savesEdits(session)) {
      session = await fx.reopen(session, signal);
      session = await client.update({ customer: customerBody(form.values) }, { signal });
      fx.accept(session, true);
    }
    phase = 'paying';
    fx.set({ kind: 'form', session, form, busy: 'paying', alert: undefined });
    const follow = async (from: ProtocolSession) => {
      phase = 'polling';
      const after = await poll(fx, from, form, signal);
      const refused = after.status === 'pending' ? fx.processor().unpaid?.(after) : undefined;
      if (!refused) return after;
      // why: followed back to pending, the payment took no money (a capture refused while another server instance
      // answered); the form says why, as when the first read tells it.
      phase = 'paying';
      fx.set({ kind: 'form', session: after, form, busy: 'paying', alert: undefined });
      throw refused;
    };
    try {
      session = await fx.processor().pay({ session, method, client, signal, total });
    } catch (error) {
      const moved = await reread(fx, error, form, signal);
      if (!moved) throw error;
      return follow(moved);
    }
    fx.accept(session, false);
    return follow(session);
  });
  if (result.status === 'aborted') return;
  if (result.status === 'complete') return settled(fx, result.value, form);
  if (result.error instanceof RefusedSessionError || (phase !== 'polling' && fx.refuseUnreadable(result.error))) return;
  await payFailed(fx, result.error, phase, form);
}

async function payFailed(fx: PayEffects, error: unknown, phase: Phase, form: FormState): Promise<void> {
  fx.report(error);
  const session = sessionOf(fx.state())!;
  if (phase === 'polling') return pollFailed(fx, error, session, form);
  const idle: CheckoutState = { kind: 'form', session, form, busy: undefined, alert: undefined };
  fx.set(idle);
  if (error instanceof ConflictError) {
    fx.host.announce('assertive', (t) => t.errorNotPending);
    await fx.reload();
    return;
  }
  if (error instanceof ValidationError && error.reason === 'payment_total_changed') return totalChanged(fx, error);
  if (processorErrorOf(error)?.sdkCode === TOTAL_CHANGED) return totalChanged(fx);
  if (error instanceof ValidationError && showServerErrors(fx, error, phase, form)) return;
  const code = phase === 'saving' ? 'save' : errorCode(error);
  // why: a processor's failure keeps its own words (PayPal's), carried by the error whichever bundle threw it.
  const alert: FormAlert = { code, retry: 'pay', messageKey: phase === 'saving' ? undefined : processorErrorOf(error)?.messageKey };
  fx.set({ ...idle, form: formOf(fx.state())!, alert });
  fx.host.announce('assertive', (t) => alertMessage(t, alert));
}

/**
 * A tax preview still waiting when Pay is pressed runs now; if its total is not the one the button showed, the new
 * one shows and the customer is asked again, without a request to pay. True when it moved.
 */
async function taxMoved(fx: PayEffects): Promise<boolean> {
  const shown = fx.view()?.total.total;
  await fx.settleTax();
  const after = fx.state();
  if (after.kind !== 'form' || fx.view()?.total.total === shown) return false;
  fx.set({ ...after, alert: { code: 'payment_total_changed', retry: undefined } });
  fx.host.announce('assertive', (t) => t.errorTotalChanged);
  return true;
}

/**
 * The server's total differs from the one shown (a rate changed, the country changed in another tab, a coupon ran
 * out): reload, show the new total, and ask again. Nothing was charged.
 */
async function totalChanged(fx: PayEffects, error?: ValidationError): Promise<void> {
  fx.refreshTax();
  await fx.reload();
  const state = fx.state();
  if (state.kind !== 'form') return;
  const coupon = error?.fields.coupon?.[0];
  const form =
    !error || coupon === undefined
      ? state.form
      : formTransition(state.form, { type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
  fx.set({ ...state, form, alert: { code: 'payment_total_changed', retry: undefined } });
  fx.host.announce('assertive', (t) => t.errorTotalChanged);
}

/** Puts a 422's field errors next to their fields; false when none of them is a field the form shows. */
function showServerErrors(fx: PayEffects, error: ValidationError, phase: 'saving' | 'paying', form: FormState): boolean {
  const { billing, processor, coupon } = serverFieldErrors(error.fields, phase, form);
  if (Object.keys(billing).length + Object.keys(processor).length === 0 && coupon === undefined) return false;
  fx.edit({ type: 'server-errors', billing, processor });
  if (coupon !== undefined) {
    fx.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: refusalOf(error), code: error.fieldCodes.coupon, serverMessage: coupon } });
  }
  const count = Object.keys(error.fields).length;
  fx.host.announce('assertive', (t) => t.formHasErrors(count));
  fx.host.focus('first-invalid');
  return true;
}

/** The client the processor pays through, its pay body carrying the total the customer saw (the server refuses another). */
function withShownTotal(client: PublicClient, total: number): PublicClient {
  return { ...client, pay: (body, options) => client.pay({ ...(body as object), total }, options) };
}

/** A processor's code for a start whose amount is not the confirmed total (stripe.ts): asked again, as the server's. */
const TOTAL_CHANGED = 'total_changed';

/**
 * A payment the processor refused (a declined card, a closed PayPal window, a lost answer) may have failed the session
 * on the server: it is read again, so the form holds what the server holds and the next Pay reopens it instead of
 * saving into a session that is no longer pending. The session when it went on (processing, completed) for the run to
 * follow; undefined when the form stays (with the session read, if it could be).
 */
async function reread(fx: PayEffects, error: unknown, form: FormState, signal: AbortSignal): Promise<ProtocolSession | undefined> {
  // why not these: the server answered them itself (a conflict, a refused total or field), and payFailed reloads.
  if (error instanceof ValidationError || error instanceof ConflictError || signal.aborted) return undefined;
  // why: fields the processor found incomplete were never sent; nothing changed on the server.
  if (processorErrorOf(error)?.code === 'payment_incomplete') return undefined;
  const session = await fx
    .client()
    .retrieve({ signal })
    .catch(() => undefined);
  if (!session) return undefined;
  fx.accept(session, false);
  if (session.status !== 'pending' && session.status !== 'failed') return session;
  fx.set({ kind: 'form', session, form, busy: 'paying', alert: undefined });
  return undefined;
}
