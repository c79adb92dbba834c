import { css } from 'lit';
import { themeStyles } from '../ui/theme.styles.js';
import { fieldStyles } from '../ui/field.styles.js';
import { formStyles } from './styles/form.styles.js';
import { summaryStyles } from './styles/summary.styles.js';
import { stateStyles } from './styles/states.styles.js';

export const styles = css`
  ${themeStyles}
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
  /* why: one container per processor (realProcessors()), only the chosen method's shows. */
  ::slotted([slot='processor'][hidden]) {
    display: none !important;
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

  ${summaryStyles}
  ${fieldStyles}
  ${formStyles}
  ${stateStyles}
`;
