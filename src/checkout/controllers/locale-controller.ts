import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  defaultTranslation,
  loadTranslation,
  peekTranslation,
  predictLocales,
  resolveLocale,
  type LocaleCode,
  type Translation,
} from '../../locales/index.js';

/** What the display locale depends on, read on every update. `session` is undefined until the session arrives. */
export interface LocaleInputs {
  attribute: string | null | undefined;
  session: string | null | undefined;
  hasSession: boolean;
}

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages ?? []);

/**
 * Gives the element its translation and loads locale chunks as they are needed.
 *
 * - Before the session arrives it starts loading the predicted locales (`predictLocales`: the `locale` attribute, the
 *   page's `lang`, the browser's languages), so their chunks download in parallel with the session GET.
 * - When the session names a locale that was not predicted, the element keeps its loading view until that chunk
 *   arrives (`waiting`): one more round trip, but never a form that changes language under the customer's eyes and
 *   screen reader. A chunk that fails to load falls back to English (always in the core).
 * - A live switch (the attribute changes) keeps showing the current language until the new chunk arrives.
 */
export class LocaleController implements ReactiveController {
  /** The translation shown since the session arrived; kept through a switch until the next chunk is in. */
  private shown: Translation | undefined;
  private readonly failed = new Set<LocaleCode>();
  private readonly requested = new Set<LocaleCode>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly inputs: () => LocaleInputs,
  ) {
    host.addController(this);
  }

  /** The locale the element should display: attribute, then session, then the browser's languages. */
  get code(): LocaleCode {
    const { attribute, session } = this.inputs();
    return resolveLocale({ attribute, session, languages: browserLanguages() });
  }

  /** The translation to render now. */
  get t(): Translation {
    const code = this.code;
    return peekTranslation(code) ?? (this.failed.has(code) ? defaultTranslation : (this.shown ?? defaultTranslation));
  }

  /** True while the session's locale is still loading and nothing was shown in another: keep the loading view. */
  get waiting(): boolean {
    return this.shown === undefined && !this.settledFor(this.code);
  }

  /** Resolves once the current locale's chunk has arrived (or failed) and the host has rendered with it. */
  async settled(): Promise<void> {
    const code = this.code;
    if (!this.settledFor(code)) {
      await loadTranslation(code).catch(() => this.failed.add(code));
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
  }

  hostUpdate(): void {
    const { attribute, hasSession } = this.inputs();
    if (!hasSession) {
      // A new permalink (or none yet): predict, and load in parallel with the session GET.
      this.shown = undefined;
      const documentLang = this.host.closest?.('[lang]')?.getAttribute('lang');
      for (const code of predictLocales({ attribute, documentLang, languages: browserLanguages() })) this.request(code);
      return;
    }
    const code = this.code;
    if (this.settledFor(code)) this.shown = this.t;
    else this.request(code);
  }

  private settledFor(code: LocaleCode): boolean {
    return peekTranslation(code) !== undefined || this.failed.has(code);
  }

  private request(code: LocaleCode): void {
    if (this.settledFor(code) || this.requested.has(code)) return;
    this.requested.add(code);
    void loadTranslation(code)
      .catch(() => this.failed.add(code))
      .finally(() => {
        this.requested.delete(code);
        this.host.requestUpdate();
      });
  }
}
