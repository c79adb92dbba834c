// The checkout model the element drives: CheckoutCore (one state, the load, the form's edits) plus the customer's
// actions (coupon, pay, cancel), following a payment, and the tax preview. Those live in flow.ts, which the element
// ships as a chunk of its own: `options.flow` loads it, the model starts that with the session GET, and every action
// awaits the same promise. The form never waits for it; an action whose code cannot load (offline) shows the network
// error with a retry, and keeps everything typed. No Lit and no DOM here: the flow runs in Node.
import { ApiError, NetworkError } from '../../api/errors.ts';
import type { BillingField } from '../../session/fields.ts';
import type { ProtocolSession } from '../../protocol/session.ts';
import { CheckoutCore, errorCode } from './core.ts';
import type { Busy, FormAlert, FormState } from './state.ts';
import type { FocusTarget, ModelFlow, ModelHost, ModelOptions, ModelProcessor } from './types.ts';
import { errorMessage } from './words.ts';

export type { FocusTarget, ModelFlow, ModelHost, ModelOptions, ModelProcessor };

export class CheckoutModel extends CheckoutCore {
  private flowLoading: Promise<ModelFlow> | undefined;
  private flowLoaded: ModelFlow | undefined;
  private taxMissed = false;

  /** Loads the actions' code once; a load that failed is tried again on the next call. Rejects with a NetworkError. */
  loadFlow(): Promise<ModelFlow> {
    return (this.flowLoading ??= this.options.flow().then(
      (flow) => {
        this.flowLoaded = flow;
        // why: a tax input typed while the code could not load is previewed now, before anything is paid.
        if (this.taxMissed) flow.taxes(this).changed();
        return flow;
      },
      (error: unknown) => {
        this.flowLoading = undefined;
        throw error instanceof ApiError ? error : new NetworkError(error instanceof Error ? error.message : String(error));
      },
    ));
  }

  /** Runs `work` with the actions' code: in this task when it is loaded, else once it is; `failed` when it cannot load. */
  private withFlow(work: (flow: ModelFlow) => Promise<void> | void, failed: (error: unknown) => void = () => {}): Promise<void> | void {
    if (this.flowLoaded) return work(this.flowLoaded);
    return this.loadFlow().then(work, failed);
  }

  protected prefetch(): void {
    this.loadFlow().catch(() => {});
  }

  // ---- the customer's actions ---------------------------------------------------------------------------------

  async applyCoupon(): Promise<void> {
    await this.act('coupon-apply', (flow) => flow.applyCoupon(this), (error) => this.couponRequestFailed(error));
  }

  async removeCoupon(): Promise<void> {
    await this.act('coupon-remove', (flow) => flow.removeCoupon(this), (error) => this.couponRequestFailed(error));
  }

  /** The pay button: checks the form, PUTs the customer (pending only), hands off to the processor, then polls. */
  async pay(): Promise<void> {
    await this.act('saving', (flow) => flow.pay(this), (error) => this.alertFailed(error, 'pay'));
  }

  /** The customer leaves: tell the page (cancelable), abandon the session, then go to cancel_url. */
  async cancel(): Promise<void> {
    await this.act('cancel', (flow) => flow.cancel(this), (error) => this.alertFailed(error, 'cancel'));
  }

  /**
   * An action of the customer: at once when the code is in; else the form shows it busy (so a second click waits,
   * and the button says what it does) until the code arrives, then the action runs as if just pressed.
   */
  private async act(busy: Busy, work: (flow: ModelFlow) => Promise<void>, failed: (error: unknown) => void): Promise<void> {
    this.acted = true;
    const state = this.state;
    if (this.flowLoaded || state.kind !== 'form') return this.withFlow(work, failed);
    if (state.busy) return;
    this.set({ ...state, busy });
    const idle = () => {
      const now = this.state;
      if (now.kind === 'form' && now.busy === busy) this.set({ ...now, busy: undefined });
    };
    await this.loadFlow().then(
      (flow) => {
        idle();
        return work(flow);
      },
      (error: unknown) => {
        idle();
        failed(error);
      },
    );
  }

  override input(field: BillingField, value: string): void {
    super.input(field, value);
    void this.withFlow((flow) => flow.taxInput(this, field), () => (this.taxMissed = true));
  }

  /** Resolves once the tax preview for what was typed has arrived (a waiting one is sent now). */
  async settleTax(): Promise<void> {
    if (!this.flowLoaded) await this.flowLoading?.catch(() => {});
    await this.taxes?.settle();
  }

  protected follow(session: ProtocolSession, form: FormState): void {
    void this.withFlow((flow) => flow.follow(this, session, form), (error) => this.followFailed(error, session, form));
  }

  protected settled(session: ProtocolSession, form: FormState): void {
    void this.withFlow((flow) => flow.settled(this, session, form), (error) => this.followFailed(error, session, form));
  }

  private followFailed(error: unknown, session: ProtocolSession, form: FormState): void {
    this.report(error);
    this.pollFailed(error, session, form);
  }

  // ---- failures shared with flow.ts ---------------------------------------------------------------------------

  /** A coupon request failed on the way (the network, the server): the coupon field says so. */
  couponRequestFailed(error: unknown): void {
    this.report(error);
    const code = errorCode(error);
    this.edit({ type: 'coupon-error', error: { kind: 'request', code, serverMessage: error instanceof Error ? error.message : String(error) } });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  private alertFailed(error: unknown, retry: FormAlert['retry']): void {
    const state = this.state;
    if (state.kind !== 'form' || state.busy) return;
    this.report(error);
    const code = errorCode(error);
    this.set({ ...state, alert: { code, retry } });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }

  pollFailed(error: unknown, session: ProtocolSession, form: FormState): void {
    const code = errorCode(error);
    this.set({ kind: 'error', code, session, form });
    this.host.announce('assertive', (t) => errorMessage(t, code));
  }
}
