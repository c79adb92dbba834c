import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { errorIcon, icon } from './icons.js';

/** One labelled input or select, its hint and its error, linked by aria-describedby. */
export interface FieldOptions {
  /** Element id and name; the error is `${id}-error`, the hint `${id}-hint`. */
  id: string;
  label: string;
  value: string;
  required: boolean;
  /** Shown after the label of an optional field, e.g. "optional". */
  optionalText: string;
  /** The translated error to show, if any. */
  error?: string | undefined;
  /** The server's own wording, kept as data (never as HTML) for hosts that want it. */
  serverMessage?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel';
  autocomplete: string;
  inputmode?: 'text' | 'email' | 'numeric' | 'tel';
  placeholder?: string | undefined;
  maxlength?: number;
  disabled?: boolean;
  /** A select instead of an input: the first entry is the empty choice. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  onInput: (value: string) => void;
  onBlur: () => void;
}

export function renderField(o: FieldOptions): TemplateResult {
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const describedBy = o.hint ? `${hintId} ${errorId}` : errorId;
  const invalid = o.error ? 'true' : 'false';
  // why the space inside the expression: the template minifier trims a template's leading space ("Company(optional)").
  const label = html`<label part="label" class="label" for=${o.id}
    >${o.label}${o.required ? nothing : html`<span class="optional">${` (${o.optionalText})`}</span>`}</label
  >`;
  const control = o.options
    ? html`<select
        part="input select"
        class="input"
        id=${o.id}
        name=${o.id}
        autocomplete=${o.autocomplete}
        ?required=${o.required}
        ?disabled=${o.disabled}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @change=${(e: Event) => {
          o.onInput((e.target as HTMLSelectElement).value);
          o.onBlur();
        }}
        @blur=${o.onBlur}
      >
        ${o.options.map(
          (option) => html`<option value=${option.value} ?selected=${option.value === o.value}>${option.label}</option>`,
        )}
      </select>`
    : html`<input
        part="input"
        class="input"
        id=${o.id}
        name=${o.id}
        type=${o.type ?? 'text'}
        autocomplete=${o.autocomplete}
        inputmode=${ifDefined(o.inputmode)}
        placeholder=${ifDefined(o.placeholder)}
        maxlength=${ifDefined(o.maxlength)}
        spellcheck="false"
        .value=${live(o.value)}
        ?required=${o.required}
        ?disabled=${o.disabled}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
        @blur=${o.onBlur}
      />`;
  return html`<div part="field" class="field ${o.error ? 'invalid' : ''} ${o.hint ? 'has-hint' : ''}" data-field=${o.id}>
    ${label} ${control} ${o.hint ? html`<p class="hint" id=${hintId}>${o.hint}</p>` : nothing}
    <p part="error" class="error" id=${errorId} data-server-message=${ifDefined(o.serverMessage)}>
      ${o.error ? html`${icon(errorIcon)}<span>${o.error}</span>` : nothing}
    </p>
  </div>`;
}
