import { css } from 'lit';

// why: private `--_x` tokens read the public `--quaderno-*` properties with a default, so a theme switch
// only swaps defaults and a merchant's own values always win.
const darkDefaults = css`
  --_bg: var(--quaderno-color-background, #12141b);
  --_surface: var(--quaderno-color-surface, #1a1d27);
  --_text: var(--quaderno-color-text, #eceef3);
  --_muted: var(--quaderno-color-text-muted, #a9afbf);
  --_border: var(--quaderno-color-border, #363b4a);
  --_input-bg: var(--quaderno-color-input-background, #12141b);
  --_primary: var(--quaderno-color-primary, #a9a4ff);
  --_on-primary: var(--quaderno-color-on-primary, #14122e);
  --_error: var(--quaderno-color-error, #ff9b9b);
  --_success: var(--quaderno-color-success, #6fdc9c);
  --_badge-bg: #3d2c0c;
  --_badge-text: #ffd89a;
  --_bone: #262a36;
  --_scheme: dark;
  color-scheme: dark;
`;

export const styles = css`
  :host {
    --_bg: var(--quaderno-color-background, #ffffff);
    --_surface: var(--quaderno-color-surface, #f6f7f9);
    --_text: var(--quaderno-color-text, #1a1f36);
    --_muted: var(--quaderno-color-text-muted, #596077);
    --_border: var(--quaderno-color-border, #d5d9e2);
    --_input-bg: var(--quaderno-color-input-background, #ffffff);
    --_primary: var(--quaderno-color-primary, #4f46e5);
    --_on-primary: var(--quaderno-color-on-primary, #ffffff);
    --_error: var(--quaderno-color-error, #c02631);
    --_success: var(--quaderno-color-success, #18794e);
    --_badge-bg: #fff1d6;
    --_badge-text: #7a4100;
    --_bone: #e8ebf0;
    --_radius: var(--quaderno-radius, 8px);
    --_space: var(--quaderno-spacing, 16px);
    --_font: var(
      --quaderno-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif
    );
    --_focus: var(--quaderno-color-focus, var(--_primary));
    --_scheme: light;
    color-scheme: light;
    display: block;
    box-sizing: border-box;
    min-width: 0;
    max-width: var(--quaderno-max-width, 980px);
    font-family: var(--_font);
    font-size: var(--quaderno-font-size, 15px);
    line-height: 1.5;
    color: var(--_text);
    -webkit-font-smoothing: antialiased;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkDefaults}
    }
  }
  :host([theme='dark']) {
    ${darkDefaults}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* why: the merchant's page styles reach the host and everything it inherits (font, colour, letter-spacing,
     text-transform, line-height…), and a reset like "* { all: revert !important }" hits the host too. The shadow
     root's first box starts from initial values and takes only the --quaderno-* properties (which "all" leaves alone). */
  .base,
  .processor-fields {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--quaderno-font-size, 15px);
    line-height: 1.5;
    text-align: start;
    color-scheme: var(--_scheme);
    -webkit-font-smoothing: antialiased;
    color: var(--_text);
  }
  .base {
    container-type: inline-size;
    background: var(--_bg);
    border-radius: calc(var(--_radius) * 1.5);
  }
  /* why: the processor's container is a light-DOM child of the host (card SDKs refuse shadow roots), so page CSS
     reaches it; an !important declaration in a shadow tree beats the page's own !important. Its shadow root (the
     processor's) adopts these styles, and its .processor-fields start afresh like .base. */
  ::slotted([slot='processor']) {
    all: initial !important;
    display: block !important;
  }
  /* why: the padding sits on a child of the container, so a narrow widget (a phone, a sidebar) can tighten it;
     at 320 px every nested padding costs the fields their width. */
  .frame {
    padding: calc(var(--_space) * 1.25);
  }
  @container (max-width: 400px) {
    .frame {
      padding: calc(var(--_space) * 0.75);
    }
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  h2,
  p,
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .state-heading:focus {
    outline: none;
  }
  .state-heading:focus-visible {
    outline: 2px solid var(--_focus);
  }

  /* layout: one column; summary beside the form when there is room */
  .layout {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr);
      gap: calc(var(--_space) * 2.5);
      align-items: start;
    }
    .summary {
      position: sticky;
      top: var(--_space);
    }
  }

  /* order summary */
  .summary {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  @container (max-width: 400px) {
    .summary {
      padding: calc(var(--_space) * 0.875);
    }
  }
  .summary-heading {
    font-size: 0.95em;
    font-weight: 600;
    color: var(--_muted);
  }
  /* the big amounts: the summary's total and the confirmation's amount */
  .summary-total,
  .status-amount {
    font-size: 2em;
    font-weight: 650;
    letter-spacing: -0.02em;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }
  .item-count {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .items {
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) * 0.75);
  }
  /* why: the line total sits beside the name only; a long description below it takes the full width, so a
     narrow summary does not squeeze it into a column one word wide. */
  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: var(--_space);
    align-items: baseline;
  }
  .item-main {
    display: contents;
  }
  .item-name {
    grid-column: 1;
    grid-row: 1;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .item-total {
    grid-column: 2;
    grid-row: 1;
  }
  .item-description,
  .item-quantity {
    grid-column: 1 / -1;
  }
  .item-description,
  .item-quantity {
    color: var(--_muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .item-total,
  .totals dd {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    font-weight: 500;
  }
  .totals {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) * 0.75);
  }
  .totals-row {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
  }
  .totals-row dt {
    color: var(--_muted);
  }
  .totals-row.discount dd {
    color: var(--_success);
  }
  .totals-row.total {
    font-weight: 650;
    font-size: 1.1em;
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) * 0.5);
  }
  .totals-row.total dt {
    color: var(--_text);
  }

  /* coupon */
  .coupon {
    display: grid;
    gap: 6px;
  }
  .coupon-row {
    display: flex;
    gap: 8px;
  }
  .coupon-row .input {
    flex: 1;
    min-width: 0;
    text-transform: uppercase;
  }
  .coupon-row .input::placeholder {
    text-transform: none;
  }
  .input {
    text-overflow: ellipsis;
  }
  .coupon-applied {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .coupon-tag {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    font-weight: 600;
    font-size: 0.9em;
  }
  .coupon-applied .error {
    flex-basis: 100%;
  }
  .coupon-name {
    color: var(--_muted);
    font-size: 0.9em;
  }

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
    border: 1px solid var(--_border);
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
  .input::placeholder {
    color: var(--_muted);
    opacity: 0.8;
  }
  .input:focus {
    outline: none;
    border-color: var(--_focus);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_focus) 30%, transparent);
  }
  .input:focus-visible {
    outline: 2px solid transparent;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .input[aria-invalid='true']:focus {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_error) 25%, transparent);
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

  /* notices */
  .alert,
  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
    padding: 12px 14px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .alert {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    border-color: var(--_error);
    color: var(--_text);
  }
  .alert .icon {
    color: var(--_error);
    width: 20px;
    height: 20px;
    margin-top: 0.1em;
  }
  .alert button {
    grid-column: 2;
    justify-self: start;
  }

  /* whole-widget states */
  .status {
    display: grid;
    justify-items: center;
    text-align: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 2.5) var(--_space);
    max-width: 520px;
    margin: 0 auto;
  }
  .status h2 {
    font-size: 1.35em;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  .status-body {
    color: var(--_muted);
  }
  .status .badge {
    justify-self: center;
  }
  .status .status-amount {
    font-size: 1.6em;
    line-height: 1.2;
  }
  .status-icon {
    width: 48px;
    height: 48px;
  }
  .status-completed .status-icon {
    color: var(--_success);
  }
  .status-failed .status-icon,
  .status-error .status-icon {
    color: var(--_error);
  }
  .status-abandoned .status-icon {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    justify-content: center;
    margin-top: 4px;
  }
  .spinner {
    width: 44px;
    height: 44px;
    border-radius: 50%;
    border: 4px solid var(--_border);
    border-top-color: var(--_primary);
    animation: spin 0.9s linear infinite;
  }
  .small-spinner {
    width: 18px;
    height: 18px;
    border-width: 2px;
    border-color: color-mix(in srgb, var(--_on-primary) 35%, transparent);
    border-top-color: var(--_on-primary);
  }
  .icon.small {
    width: 14px;
    height: 14px;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  /* skeleton */
  .skeleton-card,
  .skeleton-form {
    display: grid;
    gap: 12px;
    align-content: start;
  }
  .bone {
    display: block;
    height: 14px;
    border-radius: 6px;
    background: linear-gradient(90deg, var(--_bone) 25%, color-mix(in srgb, var(--_bone) 50%, var(--_bg)) 50%, var(--_bone) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  .bone.w40 {
    width: 40%;
  }
  .bone.w60 {
    width: 60%;
  }
  .bone.w80 {
    width: 80%;
  }
  .bone.h32 {
    height: 32px;
  }
  .bone.h40 {
    height: 44px;
  }
  .bone.h48 {
    height: 52px;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.001ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.001ms !important;
    }
    .spinner {
      animation: none;
      border-top-color: var(--_primary);
    }
  }
  @media (forced-colors: active) {
    .method.selected {
      outline: 2px solid Highlight;
    }
    .pay,
    .primary {
      border: 1px solid ButtonText;
    }
  }
`;
