import { css } from 'lit';

/** The field and radio-group widgets (field.ts, radio.ts), and a processor's own fields and test-mode note. */
export const fieldStyles = css`
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 140px), 1fr));
    gap: calc(var(--_space) * 0.75);
  }
  .field {
    display: grid;
    gap: 4px;
    min-width: 0;
    align-content: start;
  }
  /* why: side-by-side fields share their label, control and error tracks, so a label that wraps to two lines
     ("Date d’expiration (MM/AA)") does not push its input below its neighbour's. */
  .row > .field {
    grid-row: span 3;
    grid-template-rows: subgrid;
    row-gap: 4px;
  }
  .row > .field.has-hint {
    grid-row: span 4;
  }
  .row > .field > .label {
    align-self: end;
  }
  .label {
    font-size: 0.9em;
    font-weight: 500;
  }
  .optional {
    color: var(--_muted);
    font-weight: 400;
  }
  .input {
    font: inherit;
    color: var(--_text);
    background: var(--_input-bg);
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    padding: 10px 12px;
    min-height: 44px;
    width: 100%;
    min-width: 0;
    transition:
      border-color 0.15s,
      box-shadow 0.15s;
  }
  select.input {
    appearance: none;
    padding-right: 36px;
    background-image:
      linear-gradient(45deg, transparent 50%, var(--_muted) 50%), linear-gradient(135deg, var(--_muted) 50%, transparent 50%);
    background-position:
      calc(100% - 18px) 50%,
      calc(100% - 13px) 50%;
    background-size:
      5px 5px,
      5px 5px;
    background-repeat: no-repeat;
  }
  /* why no opacity: the muted colour already has 4.5:1 on the input's background; a dimmed placeholder had not. */
  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  /* why a solid ring outside the border: the focus must change pixels at 3:1 whatever the border says, and a field
     in error keeps its red border, so a change of border colour alone would not show. */
  .input:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-color: var(--_focus);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .input:disabled {
    opacity: 0.7;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .error {
    color: var(--_error);
    font-size: 0.875em;
    display: flex;
    gap: 6px;
    align-items: flex-start;
  }
  .error:empty {
    display: none;
  }
  .error .icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
    margin-top: 0.15em;
  }

  /* choices: a radio group inside a processor's fields */
  .choice input {
    accent-color: var(--_primary);
    width: 18px;
    height: 18px;
    margin: 0;
  }
  .processor-fields {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin-top: calc(var(--_space) * 0.5);
  }
  .test-mode {
    display: grid;
    gap: 6px;
    padding: 10px 12px;
    border: 1px dashed var(--_badge-text);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  .badge {
    justify-self: start;
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_badge-bg);
    color: var(--_badge-text);
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    white-space: nowrap;
  }
  .choices {
    border: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  .choice {
    display: flex;
    gap: 10px;
    align-items: center;
    min-height: 32px;
    cursor: pointer;
  }
`;
