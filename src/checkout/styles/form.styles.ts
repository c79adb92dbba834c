import { css } from 'lit';

/** The billing form, the payment methods and the buttons. */
export const formStyles = css`
  /* form */
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
  }
  .group {
    border: 0;
    padding: 0;
    min-width: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .legend {
    padding: 0;
    font-weight: 600;
    font-size: 1.05em;
    margin-bottom: calc(var(--_space) * 0.75);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }
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

  /* payment methods */
  .method-list {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 140px), 1fr));
    gap: 10px;
  }
  .method {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 12px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_input-bg);
    cursor: pointer;
    font-weight: 500;
    min-height: 48px;
    transition:
      border-color 0.15s,
      box-shadow 0.15s;
  }
  .method.selected {
    border-color: var(--_primary);
    box-shadow: 0 0 0 1px var(--_primary);
  }
  .method input,
  .choice input {
    accent-color: var(--_primary);
    width: 18px;
    height: 18px;
    margin: 0;
  }
  .method-icon {
    width: 24px;
    height: 24px;
    color: var(--_primary);
    flex: none;
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

  /* buttons */
  button {
    font: inherit;
  }
  .button,
  .pay,
  .secondary {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 44px;
    padding: 10px 18px;
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    border: 1px solid transparent;
    transition:
      filter 0.15s,
      transform 0.05s;
  }
  .primary,
  .pay {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .pay {
    width: 100%;
    min-height: 52px;
    font-size: 1.05em;
  }
  .pay .icon {
    width: 18px;
    height: 18px;
  }
  .primary:hover,
  .pay:hover {
    filter: brightness(1.08);
  }
  .pay:active {
    transform: translateY(1px);
  }
  .secondary {
    background: var(--_input-bg);
    color: var(--_text);
    border-color: var(--_border);
  }
  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .link {
    background: none;
    border: 0;
    padding: 4px 2px;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 3px;
    cursor: pointer;
    font-weight: 500;
    justify-self: start;
    text-align: start;
    min-height: 32px;
  }
  .cancel {
    justify-self: center;
    text-align: center;
    color: var(--_muted);
  }
  .add-address {
    text-decoration: none;
  }
  .pay-area {
    display: grid;
    gap: 10px;
  }
  .secure-note {
    color: var(--_muted);
    font-size: 0.8em;
    text-align: center;
  }
`;
