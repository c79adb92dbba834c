import { css } from 'lit';

/** The order summary: its phone fold, the items, the totals and tax rows, and the coupon. */
export const summaryStyles = css`
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
  /* the phone layout's fold (views/items.ts): below the two-column breakpoint, measured on the element's own width
     since it sits in any page, the summary is one line, "Show order summary" and the total; the rest opens under it.
     why wide is the default: a browser without container queries shows the whole summary, never a fold it can't open. */
  .summary-body {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .summary-toggle {
    display: none;
    flex-direction: column;
    gap: 2px;
    width: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .toggle-row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .toggle-label {
    min-width: 0;
    color: var(--_primary);
    font-weight: 600;
  }
  /* why inline: the chevron follows the last word when a long label wraps */
  .toggle-label .chevron {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-inline-start: 4px;
    vertical-align: -0.15em;
  }
  .toggle-total {
    flex: none;
    font-weight: 650;
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .toggle-tax {
    align-self: flex-end;
    text-align: end;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .summary-toggle[aria-expanded='true'] .when-collapsed,
  .summary-toggle[aria-expanded='false'] .when-expanded {
    display: none;
  }
  .summary-toggle[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  @container (width < 720px) {
    .summary-toggle {
      display: flex;
    }
    .summary-toggle[aria-expanded='false'] + .summary-body {
      display: none;
    }
    /* why hidden by clipping, not display: the heading stays the summary's name and a focus target */
    .summary-heading {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
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
  .totals-row.tax-note dt {
    font-size: 0.9em;
  }
  /* why: a preview in flight keeps the old figures in place (no layout shift), marked by a dotted underline, not
     dimmed: dimmed figures fell under 4.5:1. Assistive technology reads aria-busy on the same elements. */
  .totals.updating dd,
  .summary-total.updating,
  .toggle-total.updating,
  .toggle-tax.updating {
    text-decoration: underline dotted;
    text-decoration-thickness: 2px;
    text-underline-offset: 0.25em;
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
`;
