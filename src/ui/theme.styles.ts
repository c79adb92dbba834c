import { css } from 'lit';

// why: private `--_x` tokens read the public `--quaderno-*` properties with a default, so a theme switch
// only swaps defaults and a merchant's own values always win.
const darkDefaults = css`
  --_bg: var(--quaderno-color-background, #12141b);
  --_surface: var(--quaderno-color-surface, #1a1d27);
  --_text: var(--quaderno-color-text, #eceef3);
  --_muted: var(--quaderno-color-text-muted, #a9afbf);
  --_border: var(--quaderno-color-border, #363b4a);
  --_field-border: var(--quaderno-color-input-border, #6b7286);
  --_input-bg: var(--quaderno-color-input-background, #12141b);
  --_primary: var(--quaderno-color-primary, #a9a4ff);
  --_error: var(--quaderno-color-error, #ff9b9b);
  --_success: var(--quaderno-color-success, #6fdc9c);
  --_badge-bg: #3d2c0c;
  --_badge-text: #ffd89a;
  --_bone: #262a36;
  --_scheme: dark;
  color-scheme: dark;
`;

/**
 * The theme tokens (`--_x`, read from the public `--quaderno-*` properties), the reset of the first box and the base
 * rules every shadow root of the checkout adopts: the element's own and a processor's fields.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--quaderno-color-background, #ffffff);
    --_surface: var(--quaderno-color-surface, #f6f7f9);
    --_text: var(--quaderno-color-text, #1a1f36);
    --_muted: var(--quaderno-color-text-muted, #596077);
    --_border: var(--quaderno-color-border, #d5d9e2);
    /* why its own token: a field's border is its only boundary, so it keeps 3:1 on the background and the surface;
       the cards' border is decoration and stays light. */
    --_field-border: var(--quaderno-color-input-border, #7c8396);
    --_input-bg: var(--quaderno-color-input-background, #ffffff);
    --_primary: var(--quaderno-color-primary, #4f46e5);
    /* why computed: a merchant's light primary (a sky blue) under white text read at 1.67:1. Each channel is 1
       (white) when the primary's relative luminance is under 0.179, where white and black contrast equally, else
       0 (black): at least 4.58:1 on any primary. A merchant's own --quaderno-color-on-primary still wins. */
    --_on-primary: var(
      --quaderno-color-on-primary,
      color(
        from var(--_primary) srgb-linear clamp(0, (0.1791 - (0.2126 * r + 0.7152 * g + 0.0722 * b)) * 100000, 1)
          clamp(0, (0.1791 - (0.2126 * r + 0.7152 * g + 0.0722 * b)) * 100000, 1)
          clamp(0, (0.1791 - (0.2126 * r + 0.7152 * g + 0.0722 * b)) * 100000, 1)
      )
    );
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
`;
