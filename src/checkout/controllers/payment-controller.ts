import { TimeoutError } from '../../api/errors.ts';
import type { PublicClient } from '../../api/public.ts';
import type { CheckoutSession, CustomerInput, PaymentMethod } from '../../session/schema.ts';
import type { PaymentProcessor } from '../../processors/processor.ts';
import { TaskController, delay, type RunResult } from './task.ts';

/** Where a payment run is: saving the customer, handing off to the processor, or waiting for the outcome. */
export type PaymentPhase = 'idle' | 'saving' | 'paying' | 'polling';

export interface PollOptions {
  client: PublicClient;
  /** Called with every session the server sends; `saved` is true for the customer PUT. */
  onSession: (session: CheckoutSession, saved: boolean) => void;
}

export interface PayOptions extends PollOptions {
  session: CheckoutSession;
  method: PaymentMethod;
  processor: PaymentProcessor;
  /** Customer fields to PUT first; sent only while the session is pending. */
  customer?: CustomerInput;
}

/**
 * The payment run: PUT the customer (pending sessions only), `processor.pay()`, then poll
 * `retrieve()` with backoff until the session leaves `processing`.
 */
export class PaymentController extends TaskController<CheckoutSession> {
  /** First wait between polls, in ms. */
  pollInterval = 1000;
  /** Longest wait between polls, in ms. */
  maxPollInterval = 5000;
  /** How long to wait for a payment to settle before reporting a timeout. */
  maxPollTime = 120_000;
  private currentPhase: PaymentPhase = 'idle';

  /** The phase of the run in flight, or `idle`. */
  get phase(): PaymentPhase {
    return this.busy ? this.currentPhase : 'idle';
  }

  /** The phase the last run ended in (where it failed, for an error). */
  get lastPhase(): PaymentPhase {
    return this.currentPhase;
  }

  pay(options: PayOptions): Promise<RunResult<CheckoutSession>> {
    return this.run(async (signal) => {
      const { client, processor, method, onSession } = options;
      let session = options.session;
      if (options.customer && session.status === 'pending') {
        this.setPhase('saving');
        session = await client.update({ customer: options.customer }, { signal });
        onSession(session, true);
      }
      this.setPhase('paying');
      session = await processor.pay({ session, method, client, signal });
      onSession(session, false);
      return this.settle(client, session, signal, onSession);
    });
  }

  /** Follows a session that is already processing (loaded that way, or after a reconnect). */
  poll(session: CheckoutSession, options: PollOptions): Promise<RunResult<CheckoutSession>> {
    return this.run((signal) => this.settle(options.client, session, signal, options.onSession));
  }

  private async settle(
    client: PublicClient,
    start: CheckoutSession,
    signal: AbortSignal,
    onSession: PollOptions['onSession'],
  ): Promise<CheckoutSession> {
    this.setPhase('polling');
    let session = start;
    let wait = this.pollInterval;
    const deadline = Date.now() + this.maxPollTime;
    while (session.status === 'processing') {
      if (Date.now() > deadline) throw new TimeoutError(this.maxPollTime);
      await delay(wait, signal);
      session = await client.retrieve({ signal });
      onSession(session, false);
      wait = Math.min(Math.round(wait * 1.5), this.maxPollInterval);
    }
    return session;
  }

  private setPhase(phase: PaymentPhase): void {
    this.currentPhase = phase;
    this.host.requestUpdate();
  }
}
