import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Shows the element's current view on its host as a custom state (`ElementInternals.states`), so a page can style
 * or query it: `quaderno-checkout:state(completed) { … }`, `el.matches(':state(form)')`. One state at a time, the
 * view's name (`loading`, `form`, `processing`, `completed`, `failed`, `abandoned`, `error`), set after each render,
 * so it names what is on screen.
 */
export class ViewStateController<View extends string> implements ReactiveController {
  private readonly states: CustomStateSet | undefined;
  private shownView: View | undefined;
  /** The token in the set: the view's name, or its dashed form where only that is accepted. */
  private token: string | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly view: () => View,
  ) {
    host.addController(this);
    // why guarded: Lit's server rendering and older browsers have no ElementInternals or no custom states; the
    // element then works without them.
    this.states = typeof host.attachInternals === 'function' ? host.attachInternals().states : undefined;
  }

  hostUpdated(): void {
    const view = this.view();
    if (!this.states || view === this.shownView) return;
    if (this.token) this.states.delete(this.token);
    this.shownView = view;
    try {
      this.states.add(view);
      this.token = view;
    } catch {
      // why: Chromium 90–124 accepts only the dashed form (`:--completed`) and throws on a plain name.
      this.token = `--${view}`;
      this.states.add(this.token);
    }
  }
}
