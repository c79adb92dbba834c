import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createPublicClient, type PublicClient } from '../../api/public.js';
import { sessionDraft } from '../model/draft.js';
import { CheckoutModel, type ModelHost, type ModelProcessor } from '../model/model.js';
import type { CheckoutView } from '../model/state.js';
import { outcomeWords } from '../views/outcome.js';

/** What the model depends on, read on every update: a new permalink makes a new model. */
export interface CheckoutInputs {
  permalink: string;
  credentials: RequestCredentials;
  /** One request's limit in ms (the element's `timeout`); anything but a positive number means 10 s. */
  timeout: number;
  pollInterval: number;
}

export interface CheckoutControllerOptions {
  inputs: () => CheckoutInputs;
  /** What the model asks of the element; the controller itself answers `changed` with an update. */
  host: Omit<ModelHost, 'changed'>;
  processor: () => ModelProcessor;
  /** The view the element rendered (its loading view while a locale chunk is on its way). */
  shownView: () => CheckoutView;
  /** Moves focus to a new view the customer asked for. */
  focusView: () => void;
}

/**
 * Adapts the checkout model (model/model.ts) to Lit: makes a model per permalink and loads it, reloads when the
 * credentials change, stops it while the element is disconnected and resumes it after, renders on every change, and
 * when a new view shows, moves focus to it in answer to the customer, or else says it in the polite region.
 */
export class CheckoutController implements ReactiveController {
  model: CheckoutModel;
  private seen: CheckoutInputs | undefined;
  /** The view shown after the last update: a new one is announced (never the first). */
  private lastView: CheckoutView | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CheckoutControllerOptions,
  ) {
    this.model = this.create();
    host.addController(this);
  }

  /** A client for the inputs now: the model's factory, so an invalid permalink fails inside the load, as an error state. */
  client(): PublicClient {
    const { permalink, credentials, timeout } = this.options.inputs();
    const timeoutMs = Number.isFinite(timeout) && timeout > 0 ? timeout : 10_000;
    return createPublicClient(permalink, { credentials, timeoutMs });
  }

  private create(): CheckoutModel {
    const inputs = this.options.inputs();
    return new CheckoutModel({
      client: () => this.client(),
      processor: this.options.processor,
      draft: sessionDraft(inputs.permalink ?? ''),
      host: { ...this.options.host, changed: () => this.host.requestUpdate() },
      pollInterval: pollInterval(inputs),
    });
  }

  hostConnected(): void {
    // why: a disconnect aborted whatever ran; coming back resumes from the server's current state.
    if (this.seen) this.model.resume();
  }

  hostDisconnected(): void {
    this.model.stop();
  }

  hostUpdate(): void {
    const inputs = this.options.inputs();
    const seen = this.seen;
    this.seen = { ...inputs };
    if (!seen || seen.permalink !== inputs.permalink) {
      this.model.dispose();
      this.model = this.create();
      void this.model.load();
      return;
    }
    if (seen.credentials !== inputs.credentials) void this.model.load(true);
    if (seen.pollInterval !== inputs.pollInterval) this.model.pollInterval = pollInterval(inputs);
  }

  hostUpdated(): void {
    const view = this.options.shownView();
    const previous = this.lastView;
    if (view === previous) return;
    this.lastView = view;
    if (previous === undefined || view === 'loading') return;
    const state = this.model.state;
    // why one or the other: focus on the new view's heading has it read (its body is the heading's description), and
    // the polite region saying the same after would have every outcome heard twice.
    if (state.acted) return this.options.focusView();
    const words = outcomeWords(state);
    // why deferred: the announcement's own update must not start inside this one.
    if (words) queueMicrotask(() => this.options.host.announce('polite', words));
  }
}

const pollInterval = (inputs: CheckoutInputs) => Math.max(50, inputs.pollInterval || 1000);
