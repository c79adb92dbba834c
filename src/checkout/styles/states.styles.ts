import { css } from 'lit';

/** Notices and alerts, the whole-widget states and the loading skeleton. */
export const stateStyles = css`
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
