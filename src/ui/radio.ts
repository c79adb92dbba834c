import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** A group of radio buttons, each inside its own label (the payment methods; the sandbox's PayPal outcomes). */
export interface RadiosOptions<V extends string> {
  /** The inputs' shared name. */
  name: string;
  /** Each input's id is `${idPrefix}-${value}`. */
  idPrefix: string;
  values: readonly V[];
  selected: V | undefined;
  disabled: boolean;
  /** The label's class; the selected one also gets `selected`. */
  className: string;
  /** The label's part, for groups a host may style. */
  part?: string;
  /** Each input's aria-invalid; leave it out where the group cannot be in error. */
  invalid?: boolean;
  /** What the label shows after the input. */
  content(value: V): TemplateResult;
  onSelect(value: V): void;
}

/** The labelled radio inputs of a group, in order; the caller wraps them (fieldset, legend, error). */
export function renderRadios<V extends string>(o: RadiosOptions<V>): TemplateResult[] {
  return o.values.map((value) => {
    const id = `${o.idPrefix}-${value}`;
    return html`<label part=${ifDefined(o.part)} class="${o.className} ${o.selected === value ? 'selected' : ''}" for=${id}>
      <input
        type="radio"
        id=${id}
        name=${o.name}
        value=${value}
        .checked=${live(o.selected === value)}
        ?disabled=${o.disabled}
        aria-invalid=${ifDefined(o.invalid === undefined ? undefined : String(o.invalid))}
        @change=${() => o.onSelect(value)}
      />
      ${o.content(value)}
    </label>`;
  });
}
