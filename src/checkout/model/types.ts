// What the checkout model needs from its surroundings: the host element, the processor and the protocol client.
// No Lit and no DOM here.
import type { PublicClient } from '../../api/public.js';
import type { PayRequest } from '../../processors/processor.js';
import type { ProtocolSession } from '../../protocol/session.js';
import type { DetailOf, QuadernoEventName } from './events.js';
import type { DraftStore } from './draft.js';
import type { ReturnReader } from './resume.js';
import type { CheckoutState } from './state.js';
import type { Words } from './words.js';

/** Where the element should move focus (only ever in answer to the customer). */
export type FocusTarget = 'first-invalid' | 'coupon-input' | 'address';

/** What the model asks of the element that hosts it. */
export interface ModelHost {
  /** The state changed: render it. */
  changed(state: CheckoutState): void;
  /** Dispatches an event (its class decides whether it is cancelable); false when a listener prevented it. */
  emit<K extends QuadernoEventName>(name: K, detail: DetailOf<K>): boolean;
  /** Says something in a live region: polite for progress, assertive for errors. */
  announce(politeness: 'polite' | 'assertive', words: Words): void;
  focus(target: FocusTarget): void;
  /** Leaves the page for an http(s) URL (the model checks the scheme first). */
  navigate(url: string): void;
}

/** The part of a payment processor the model drives. */
export interface ModelProcessor {
  /** Starts the payment; resolves with the session the server returned. Throws ApiError. */
  pay(request: PayRequest): Promise<ProtocolSession>;
  /** Reports every field's current state before a payment; a promise when an SDK checks asynchronously. */
  validate?(): Promise<void> | void;
  /** Forgets everything typed (after a completed payment). */
  reset?(): void;
  /**
   * A payment this page confirmed was followed back to a `pending` session (through `processing`: another server
   * instance answered while the capture ran): the error that tells the customer it took no money, or undefined.
   */
  unpaid?(session: ProtocolSession): unknown;
}

export interface ModelOptions {
  /** A factory, so an invalid permalink fails inside the load, as an error state. */
  client: () => PublicClient;
  processor: () => ModelProcessor;
  draft: DraftStore;
  host: ModelHost;
  /** First wait between status polls, in ms (backs off ×1.5 up to `maxPollInterval`). */
  pollInterval?: number;
  maxPollInterval?: number;
  /** How long to wait for a payment to settle before reporting a timeout. */
  maxPollTime?: number;
  /** How long the customer pauses before a tax preview is asked, in ms (default 300). */
  taxDebounceMs?: number;
  /** Whether the page came back from a processor's redirect for a payment (default: the page's address, resume.ts). */
  returned?: ReturnReader;
}
