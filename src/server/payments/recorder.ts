// Records a paid payment in Quaderno exactly once, whoever asks first: the signed webhook, the customer's return,
// a retried delivery, another instance. Quaderno has no idempotency key, so under a per-payment lock in the shared
// store the recorder (1) re-reads the record, (2) asks the processor whether the money is really there, (3) looks
// the sale up by its processor id (a crash between create and save left one), and only then (4) creates it.
// For PayPal, step 2 captures an approved order (paypal-payments.ts): the money is taken under the same lock.
import { randomUUID } from 'node:crypto';
import type { PaymentStore } from './store.js';
import { chargeId, cardCountry, type StripeAccount } from './stripe.js';
import { TransactionRefused, transactionBody, type PaymentRecord, type TransactionsApi } from './transaction.js';

/**
 * How long a recorder may hold a payment's lock: longer than a lookup plus a create at their timeouts. A create whose
 * outcome is unknown (a timeout, a dropped connection, a 5xx) keeps the lock until it expires: Quaderno may still be
 * issuing that invoice, and a lookup before it lands would post a second one.
 */
export const RECORD_LOCK_MS = 60_000;

/** Thrown through when the create's outcome is unknown: the lock stays held until it expires. */
class AmbiguousCreate extends Error {}

export type SettleOutcome =
  | { kind: 'recorded'; record: PaymentRecord }
  | { kind: 'unknown' } // no record of this payment here: not one this handler started
  | { kind: 'unpaid'; status: string } // the processor holds no money for it (yet, or ever)
  | { kind: 'busy' }; // another caller is recording it right now

/** What another processor found of a record's money: paid (under its own id there), or not, or not now. */
export type Collected = { kind: 'paid'; processorId: string; cardCountry?: string } | { kind: 'unpaid'; status: string } | { kind: 'busy' };

export interface RecorderOptions {
  store: PaymentStore;
  stripe?: StripeAccount;
  /** PayPal's part: captures an approved order (once) and says what it holds; see paypal-payments.ts. */
  paypal?: (record: PaymentRecord) => Promise<Collected>;
  transactions: TransactionsApi;
  /** The account's Stripe integration already invoices every payment: then record nothing here. */
  quadernoInvoicesStripe: boolean;
  onError: (error: unknown) => void;
  /** After a sale is recorded: the session left behind, and the session's other open intents. */
  afterRecorded: (record: PaymentRecord) => Promise<void>;
}

export const paymentKey = (processorId: string) => `payment:${processorId}`;

export async function readRecord(store: PaymentStore, processorId: string): Promise<PaymentRecord | undefined> {
  const raw = await store.get(paymentKey(processorId));
  return raw ? (JSON.parse(raw) as PaymentRecord) : undefined;
}

export const writeRecord = (store: PaymentStore, record: PaymentRecord) => store.set(paymentKey(record.processor_id), JSON.stringify(record));

export function createRecorder(options: RecorderOptions) {
  const { store, stripe, transactions } = options;
  const owner = randomUUID();
  /** One settle per payment at a time in this process: concurrent callers share it. */
  const inFlight = new Map<string, Promise<SettleOutcome>>();

  async function settleLocked(processorId: string): Promise<SettleOutcome> {
    const record = await readRecord(store, processorId);
    if (!record) return { kind: 'unknown' };
    if (record.state === 'recorded' || record.state === 'paid_elsewhere') return { kind: 'recorded', record };
    if (record.state === 'refunded') return { kind: 'unpaid', status: 'refunded' };
    if (record.processor === 'paypal') {
      const collected = options.paypal ? await options.paypal(record) : ({ kind: 'unpaid', status: 'not_configured' } as const);
      return collected.kind === 'paid' ? issue(record, collected) : collected;
    }
    if (!stripe) return { kind: 'unknown' };
    const intent = await stripe.retrieve(processorId);
    if (intent.status !== 'succeeded') return { kind: 'unpaid', status: intent.status };
    const captured = `${intent.amount} ${intent.currency}`;
    const differs = intent.amount !== record.total || intent.currency !== record.currency.toLowerCase();
    if (differs || !record.rate) {
      // why: the record is what the customer confirmed; money that differs from it (or was confirmed before there was
      // any tax to charge) is not this sale, and invoicing it would put a figure in the tax reports that nobody agreed
      // to. Nor may the customer keep paying for nothing: the capture goes back (one refund per intent, whoever
      // asks), and the merchant is told.
      await stripe.refund(processorId, differs ? 'amount_mismatch' : 'no_tax_location');
      await writeRecord(store, { ...record, state: 'refunded' });
      const why = differs ? `not the confirmed ${record.total} ${record.currency}` : 'before the customer gave a country';
      options.onError(new Error(`Payment ${processorId} captured ${captured}, ${why}: refunded, nothing recorded`));
      return { kind: 'unpaid', status: 'refunded' };
    }
    return issue(record, { processorId: chargeId(intent), cardCountry: cardCountry(intent) });
  }

  /** Steps 3 and 4 for a payment whose money is there: find the sale by its processor id, else create it. */
  async function issue(record: PaymentRecord, paid: { processorId: string; cardCountry?: string }): Promise<SettleOutcome> {
    // why Stripe only: Quaderno's Stripe integration invoices Stripe payments, never PayPal ones.
    const elsewhere = options.quadernoInvoicesStripe && record.processor === 'stripe';
    const rate = record.rate;
    // why: a payment confirmed before any tax location has no tax to record (the card path refunds it above).
    if (!rate) return { kind: 'unpaid', status: 'no_tax_location' };
    let invoice: PaymentRecord['invoice'];
    if (elsewhere) {
      invoice = null;
    } else {
      invoice = await transactions.find(record.processor, paid.processorId);
      if (!invoice) {
        try {
          invoice = await transactions.create(transactionBody({ ...record, rate }, paid));
        } catch (error) {
          throw error instanceof TransactionRefused ? error : new AmbiguousCreate('The transaction may have been created', { cause: error });
        }
      }
    }
    const settled: PaymentRecord = { ...record, state: elsewhere ? 'paid_elsewhere' : 'recorded', invoice };
    await writeRecord(store, settled);
    await options.afterRecorded(settled).catch(options.onError);
    return { kind: 'recorded', record: settled };
  }

  async function settleOnce(processorId: string): Promise<SettleOutcome> {
    const lock = `lock:${paymentKey(processorId)}`;
    if (!(await store.acquire(lock, owner, RECORD_LOCK_MS))) {
      const record = await readRecord(store, processorId);
      return record?.state === 'recorded' || record?.state === 'paid_elsewhere' ? { kind: 'recorded', record } : { kind: 'busy' };
    }
    let release = true;
    try {
      return await settleLocked(processorId);
    } catch (error) {
      if (error instanceof AmbiguousCreate) release = false;
      throw error;
    } finally {
      if (release) await store.release(lock, owner);
    }
  }

  return {
    /** Records the payment if it is paid and not yet recorded; safe to call any number of times, from anywhere. */
    settle(processorId: string): Promise<SettleOutcome> {
      let running = inFlight.get(processorId);
      if (!running) {
        running = settleOnce(processorId).finally(() => inFlight.delete(processorId));
        inFlight.set(processorId, running);
      }
      return running;
    },
  };
}
export type Recorder = ReturnType<typeof createRecorder>;
