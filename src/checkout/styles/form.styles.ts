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
  .method input {

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
