// The tax preview effect: when the country, postal code or tax ID change, one debounced GET <permalink>/tax.json per
// settled input, the stale one aborted, every answer cached per input. The old figures stay, marked as updating,
// until the new ones arrive; a failed preview falls back to the session's tax. No Lit and no DOM here.
import type { ProtocolSession } from '../../protocol/session.js';
import { savesEdits } from './session-checks.js';
import type { FormState } from './state.js';
import { canPreviewTax, taxKey, taxQuery, type TaxPreview, type TaxQuery, type TaxSummary } from './tax.js';

/** What the preview needs from the model. */
export interface TaxPreviewHost {
  /** The session and form now, or undefined when no form shows. */
  current(): { session: ProtocolSession; form: FormState } | undefined;
  /** Keeps a preview in the form (undefined: show the session's tax). */
  apply(preview: TaxPreview | undefined): void;
  fetch(query: TaxQuery, signal: AbortSignal): Promise<TaxSummary>;
}

/** Billing fields the tax depends on. */
export const TAX_FIELDS = ['billing_country', 'billing_postal_code', 'tax_id'] as const;

export class TaxPreviews {
  /** Answers by input: a preview is a pure function of its query while the session's items stay the same. */
  private readonly cache = new Map<string, TaxSummary>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  private pending: { query: TaxQuery; key: string } | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly host: TaxPreviewHost,
    private readonly delayMs = 300,
  ) {}

  /** A tax input changed: preview it once the customer pauses (at once from the cache). */
  changed(): void {
    const now = this.host.current();
    if (!now || !savesEdits(now.session) || !canPreviewTax(now.session)) return;
    clearTimeout(this.timer);
    const query = taxQuery(now.form.values);
    if (!query) {
      this.abort();
      if (now.form.tax) this.host.apply(undefined);
      return;
    }
    const key = taxKey(query);
    const shown = now.form.tax;
    this.pending = undefined;
    if (shown?.key === key && !shown.updating) return this.abort();
    const cached = this.cache.get(key);
    if (cached) {
      this.abort();
      return this.host.apply({ key, summary: cached, country: query.country, updating: false });
    }
    // why: the old figures stay in place (no layout shift), marked as updating, until the new ones arrive.
    this.host.apply({ key, summary: shown?.summary, country: shown?.country, updating: true });
    this.pending = { query, key };
    this.timer = setTimeout(() => void this.fire(), this.delayMs);
  }

  /** Sends the waiting preview now (the pay button), and resolves once the one in flight settled. */
  async settle(): Promise<void> {
    clearTimeout(this.timer);
    if (this.pending) this.fire();
    await this.running;
  }

  private fire(): void {
    const next = this.pending;
    this.pending = undefined;
    if (next) this.running = this.run(next.query, next.key);
  }

  private async run(query: TaxQuery, key: string): Promise<void> {
    this.abort();
    const controller = new AbortController();
    this.controller = controller;
    try {
      const summary = await this.host.fetch(query, controller.signal);
      this.cache.set(key, summary);
      if (!controller.signal.aborted) this.host.apply({ key, summary, country: query.country, updating: false });
    } catch {
      // why: a preview is a courtesy; without it the session's own tax shows and the pay still checks the total.
      if (!controller.signal.aborted) this.host.apply(undefined);
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  }

  private abort(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Stops whatever is pending (a disconnect, a new permalink). */
  stop(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.abort();
  }

  /** Forgets every cached answer (the server said the total changed: a rate may have). */
  forget(): void {
    this.stop();
    this.cache.clear();
  }
}
