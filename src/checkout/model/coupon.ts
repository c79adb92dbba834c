// The coupon's actions: Apply and Remove, each one PUT of the coupon alone with the form busy; a refusal is worded
// from its protocol code (coupon-refusal.ts). No Lit and no DOM here.
import { ConflictError, ValidationError } from '../../api/errors.js';
import type { ProtocolSession } from '../../protocol/session.js';
import { describeCouponRefusal, refusalOf } from './coupon-refusal.js';
import type { ModelEffects } from './effects.js';
import { errorCode, RefusedSessionError } from './errors.js';
import { formOf, placeSession, type Busy } from './state.js';
import { errorMessage } from './words.js';

export type CouponEffects = Pick<
  ModelEffects,
  'state' | 'set' | 'edit' | 'run' | 'host' | 'client' | 'accept' | 'reopen' | 'refuseUnreadable' | 'report' | 'reload' | 'refreshTax'
>;

export async function applyCoupon(fx: CouponEffects): Promise<void> {
  const state = fx.state();
  if (state.kind !== 'form' || state.busy) return;
  const code = state.form.couponInput.trim();
  if (code === '') {
    fx.edit({ type: 'coupon-error', error: { kind: 'field', error: { key: 'required' } } });
    fx.host.announce('assertive', (t) => t.validation.required);
    return;
  }
  fx.edit({ type: 'coupon-error', error: undefined });
  // why: only the coupon is sent; the customer's fields stay in the form, untouched by the answer.
  const session = await save(fx, 'coupon-apply', (signal) => fx.client().update({ coupon: code }, { signal }));
  if (!session) return;
  const applied = session.coupon;
  if (applied) {
    fx.edit({ type: 'coupon-input', value: '' }, true);
    fx.host.announce('polite', (t) => t.couponApplied(applied.code));
  } else {
    fx.edit({ type: 'coupon-error', error: { kind: 'refused', refusal: { reason: 'invalid' }, serverMessage: undefined } });
    fx.host.announce('assertive', (t) => t.couponInvalid);
  }
}

export async function removeCoupon(fx: CouponEffects): Promise<void> {
  const state = fx.state();
  if (state.kind !== 'form' || state.busy) return;
  const session = await save(fx, 'coupon-remove', (signal) => fx.client().update({ coupon: null }, { signal }));
  if (!session) return;
  fx.host.announce('polite', (t) => t.couponRemoved);
  fx.host.focus('coupon-input');
}

/** Runs a coupon PUT with the form busy; the saved session, or undefined when it failed (and was told). */
async function save(fx: CouponEffects, busy: Busy, work: (signal: AbortSignal) => Promise<ProtocolSession>): Promise<ProtocolSession | undefined> {
  const start = fx.state();
  if (start.kind !== 'form') return undefined;
  fx.set({ ...start, busy });
  const result = await fx.run(async (signal) => {
    await fx.reopen(start.session, signal);
    const session = await work(signal);
    fx.accept(session, true);
    return session;
  });
  if (result.status === 'aborted') return undefined;
  const form = formOf(fx.state()) ?? start.form;
  if (result.status === 'complete') {
    fx.set(placeSession(result.value, fx.state(), form));
    // why: a coupon changes the taxable base, so previews computed before it are stale; ask again for what was typed.
    fx.refreshTax();
    return fx.state().kind === 'form' ? result.value : undefined;
  }
  if (result.error instanceof RefusedSessionError || fx.refuseUnreadable(result.error)) return undefined;
  fx.set({ ...start, form, busy: undefined });
  await couponFailed(fx, result.error);
  return undefined;
}

async function couponFailed(fx: CouponEffects, error: unknown): Promise<void> {
  if (error instanceof ConflictError) {
    fx.report(error);
    fx.host.announce('assertive', (t) => t.errorNotPending);
    await fx.reload();
    return;
  }
  if (error instanceof ValidationError) {
    const serverMessage = error.fields.coupon?.[0] ?? Object.values(error.fields)[0]?.[0];
    const refusal = refusalOf(error);
    fx.edit({ type: 'coupon-error', error: { kind: 'refused', refusal, code: error.fieldCodes.coupon, serverMessage } });
    fx.host.announce('assertive', (t) => describeCouponRefusal(t, refusal));
    return;
  }
  // why at the coupon field: the request failed on the way (the network, the server), not the code.
  fx.report(error);
  const code = errorCode(error);
  fx.edit({ type: 'coupon-error', error: { kind: 'request', code, serverMessage: error instanceof Error ? error.message : String(error) } });
  fx.host.announce('assertive', (t) => errorMessage(t, code));
}
