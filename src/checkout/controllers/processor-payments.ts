// The payment side of the element's processor glue (processor-controller.ts mounts; this pays): the mounted
// processor's pay for the total the customer confirmed, the payment start it is lent (`context.start`), and the
// hand-off for a processor whose own button pays (PayPal's `begin` / `finish`).
import { ProcessorPaymentError, type ProcessorError } from '../../processors/errors.js';
import type { BillingDetails, MountedProcessor, PayOutcome, PayRequest } from '../../processors/processor.js';
import type { ProtocolSession } from '../../protocol/session.js';
import { sessionTotals } from '../../session/money.js';
import type { CheckoutSession, PaymentMethod } from '../../session/schema.js';

export interface PaymentInputs {
  /** The session the form shows, if it does. */
  session(): CheckoutSession | undefined;
  /** The element's permalink (the one its client talks to). */
  permalink(): string;
  /** The checkout's Pay: validates, saves the customer, then pays through `pay()` below. */
  pay(): Promise<void>;
}

export class ProcessorPayments {
  /** PayPal's own button asked to pay: resolves its `begin()` once the model hands the payment over. */
  private begun: ((go: boolean) => void) | undefined;
  private finishing: ((outcome: PayOutcome) => void) | undefined;
  /** While a payment runs: the total the customer confirmed, and a refusal of its start (PayPal's click hides it). */
  private paying: { total: number; refused?: unknown } | undefined;
  private paymentStart: Promise<typeof import('../../processors/payment-start.js')> | undefined;
  /** The last confirmation whose money the server takes after it (PayPal's capture), until its session settles. */
  private confirmed: { processorId?: string; unpaid: ProcessorError } | undefined;

  constructor(private readonly inputs: PaymentInputs) {}

  /**
   * Fetches the payment start's chunk (the HTTP layer's start and the protocol's start schemas, off the critical
   * path) beside a processor's, not after it (or on PayPal's click).
   */
  prefetch(): void {
    this.loadPaymentStart().catch(() => {});
  }

  /** The outcome of a payment the processor's own button started. */
  finish(outcome: PayOutcome): void {
    const finishing = this.finishing;
    this.finishing = undefined;
    finishing?.(outcome);
  }

  /** A completed payment: a click still waiting to begin never will. */
  reset(): void {
    this.confirmed = undefined;
    this.begun?.(false);
    this.begun = undefined;
  }

  /** Pays through the mounted processor: its own pay, or its own button's (PayPal's), for the confirmed total. */
  async pay(mounted: MountedProcessor, { session, method, client, signal, total }: PayRequest): Promise<CheckoutSession> {
    const paying: { total: number; refused?: unknown } = { total };
    this.paying = paying;
    this.confirmed = undefined;
    let outcome: PayOutcome;
    try {
      if (mounted.ownButton) {
        // why: only the processor's own button pays (PayPal opens its window from the click); the Pay button cannot.
        const begun = this.begun;
        if (!begun) throw new ProcessorPaymentError('payment_incomplete', 'use_own_button', 'paypalUseButton');
        this.begun = undefined;
        outcome = await new Promise<PayOutcome>((resolve) => {
          this.finishing = resolve;
          begun(true);
        });
      } else {
        outcome = await mounted.pay({ method, session, billing: billingOf(session), total, returnUrl: location.href, client, signal });
      }
    } finally {
      if (this.paying === paying) this.paying = undefined;
    }
    // why: a start the server refused (a changed total) says more than the SDK's failure that followed it.
    if (outcome.status === 'failed' && paying.refused) throw paying.refused;
    if (outcome.status === 'failed') throw new ProcessorPaymentError(outcome.error.code, outcome.error.sdkCode, outcome.error.messageKey);
    if (outcome.unpaid) this.confirmed = { processorId: outcome.processorId, unpaid: outcome.unpaid };
    const after = outcome.session ?? (await client.retrieve({ signal }));
    const refused = this.unpaid(after);
    if (refused) throw refused;
    return after;
  }

  /**
   * A session still pending after a confirmation took no money (a capture refused after PayPal's approval), whether
   * read at once or followed through `processing`: the processor's error for it, with the server's `decline_code`
   * when its `last_payment_error` names this payment. Followed as it is, the customer would see the form again
   * without a word. Undefined while the session is processing (asked again when it settles) and for any other outcome.
   */
  unpaid(session: CheckoutSession): ProcessorPaymentError | undefined {
    const confirmed = this.confirmed;
    if (!confirmed || session.status === 'processing') return undefined;
    this.confirmed = undefined;
    if (session.status !== 'pending') return undefined;
    const { unpaid, processorId } = confirmed;
    const failed = (session as ProtocolSession).last_payment_error;
    const sdkCode = (failed && failed.processor_id === processorId && failed.decline_code) || unpaid.sdkCode;
    return new ProcessorPaymentError(unpaid.code, sdkCode, unpaid.messageKey);
  }

  /** The payment start a processor asks for, for the total the customer confirmed while a payment runs. */
  async start(method: PaymentMethod, signal?: AbortSignal) {
    const session = this.inputs.session();
    const paying = this.paying;
    // why: outside a payment (a mount's start, for the SDK's fields) the session's own total is what the server has.
    const total = paying?.total ?? (session ? savedTotal(session) : 0);
    try {
      const { startPayment } = await this.loadPaymentStart();
      const answer = await startPayment(this.inputs.permalink() || session?.permalink || '', method, total, { signal });
      if (paying && answer.amount !== total) throw new ProcessorPaymentError('payment_failed', 'total_changed');
      return answer;
    } catch (error) {
      if (paying) paying.refused = error;
      throw error;
    }
  }

  private loadPaymentStart() {
    return (this.paymentStart ??= import('../../processors/payment-start.js').catch((error: unknown) => {
      this.paymentStart = undefined;
      throw error;
    }));
  }

  /** PayPal's click: the model validates and saves the customer, then its pay() says go (see `pay`). */
  begin(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      this.begun = resolve;
      // why: when the model stops before (an invalid form), its run ends with begin still waiting, and the PayPal
      // window must not open.
      void this.inputs.pay().finally(() => {
        if (this.begun === resolve) this.begun = undefined;
        resolve(false);
      });
    });
  }
}

/** The session's `processor_public_keys`, only the non-empty strings. */
export function processorPublicKeys(session: CheckoutSession): Partial<Record<string, string>> {
  const keys = (session as { processor_public_keys?: unknown }).processor_public_keys;
  if (!keys || typeof keys !== 'object') return {};
  return Object.fromEntries(Object.entries(keys).filter(([, key]) => typeof key === 'string' && key !== ''));
}

/** The session's own total: its `tax.total` (for the saved customer), or the items less the coupon without one. */
function savedTotal(session: CheckoutSession): number {
  const total = (session as { tax?: { total?: unknown } | null }).tax?.total;
  return typeof total === 'number' && Number.isSafeInteger(total) ? total : sessionTotals(session).total;
}

/** The customer's billing details from the saved session (Stripe's fields are set never to ask again). */
function billingOf(session: CheckoutSession): BillingDetails {
  const c = session.customer;
  return {
    name: [c.first_name, c.last_name].filter(Boolean).join(' ') || null,
    email: c.email || null,
    address: {
      line1: c.billing_street_line_1 || null,
      line2: c.billing_street_line_2 || null,
      city: c.billing_city || null,
      postal_code: c.billing_postal_code || null,
      country: c.billing_country || null,
    },
  };
}
