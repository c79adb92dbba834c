// The computed checks of the accessibility suite (accessibility.browser.test.ts): what axe does not test, measured on
// the rendered element. Each returns a list of failures, empty when the criterion holds.
import type { Mounted } from '../helpers/harness.js';

type RGBA = [number, number, number, number];

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;

/** Any CSS colour (rgb(), color(srgb-linear …), oklch…) as sRGB bytes and alpha, through a canvas. */
export function rgba(color: string): RGBA {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#000';
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

function luminance([r, g, b]: RGBA): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG's contrast ratio of two opaque colours. */
export function contrast(a: RGBA, b: RGBA): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

function blend([r, g, b, a]: RGBA, [br, bg, bb]: RGBA): RGBA {
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
}

/** The parent in the rendered tree: a slotted element's slot, a shadow root's host. */
function visualParent(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/** The opaque colour behind an element: its ancestors' backgrounds, blended, over the page's white. */
export function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let at: Element | null = el; at; at = visualParent(at)) {
    const color = rgba(getComputedStyle(at).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  return layers.reduceRight<RGBA>((under, layer) => blend(layer, under), [255, 255, 255, 1]);
}

/** A text colour as seen: its alpha and every ancestor's opacity, over what is behind it. */
export function seenColor(el: Element, color: string): RGBA {
  let opacity = 1;
  for (let at: Element | null = el; at; at = visualParent(at)) opacity *= Number(getComputedStyle(at).opacity);
  const [r, g, b, a] = rgba(color);
  return blend([r, g, b, a * opacity], backgroundOf(visualParent(el) ?? el));
}

const label = (el: Element) =>
  `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-action') ? `[${el.getAttribute('data-action')}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;

/**
 * The roots of what the element renders: its shadow root, and each processor's light-DOM container (the element's
 * direct children, shown in its slot) with the container's own shadow root, if it has one (the sandbox processor's).
 */
function roots(m: Mounted): Array<ParentNode & Node> {
  const containers = [...m.el.querySelectorAll<HTMLElement>(':scope > [slot]')];
  return [m.h.root, ...containers.flatMap((container) => [container, ...(container.shadowRoot ? [container.shadowRoot] : [])])];
}

/**
 * What a processor's SDK renders itself: the vendors' frames, and the PayPal double's button, which stands in for
 * PayPal's framed one. The report leaves them to their vendors' conformance; their container and everything around
 * them is checked.
 */
const VENDOR = 'iframe, [data-paypal-double]';

/** Every element the element renders, in order: its shadow tree, then each processor container and what is in it. */
export function allElements(m: Mounted): Element[] {
  return roots(m)
    .flatMap((root) => [...(root instanceof Element ? [root] : []), ...root.querySelectorAll('*')])
    .filter((el) => !el.closest(VENDOR));
}

/** Leaves nothing focused: in the shadow tree, or in a processor's container in the light DOM. */
function blurAll(m: Mounted): void {
  (m.h.root.activeElement as HTMLElement | null)?.blur();
  if (m.el.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
}

const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** The controls a keyboard reaches (tabindex -1 headings are focus targets, not controls). */
export function controls(m: Mounted): HTMLElement[] {
  return allElements(m).filter(
    (el): el is HTMLElement =>
      el.matches('button, a[href], input:not([type="hidden"]), select, textarea, [tabindex="0"]') &&
      !(el as HTMLInputElement).disabled &&
      shown(el),
  );
}

/** 1.4.11: a text field's border against its own background and what surrounds it; 1.4.3 for its placeholder. */
export function fieldContrast(m: Mounted): string[] {
  const failures: string[] = [];
  for (const input of allElements(m).filter((el) => el.matches('input.input, select.input') && shown(el)) as HTMLInputElement[]) {
    if (input.disabled) continue;
    const style = getComputedStyle(input);
    const border = seenColor(input, style.borderTopColor);
    const inside = backgroundOf(input);
    const outside = backgroundOf(visualParent(input)!);
    const ratio = Math.min(contrast(border, inside), contrast(border, outside));
    if (!input.matches(':focus') && ratio < 3) failures.push(`${label(input)} border ${style.borderTopColor}: ${ratio.toFixed(2)}:1`);
    if (input.placeholder) {
      const placeholder = seenColor(input, getComputedStyle(input, '::placeholder').color);
      const opacity = Number(getComputedStyle(input, '::placeholder').opacity);
      const seen = blend([...placeholder.slice(0, 3), opacity] as RGBA, inside);
      const p = contrast(seen, inside);
      if (p < 4.5) failures.push(`${label(input)} placeholder: ${p.toFixed(2)}:1`);
    }
  }
  return failures;
}

/** 1.4.3 for figures that change while a preview loads (aria-busy), and for the text on every primary button. */
export function textContrast(m: Mounted): string[] {
  const failures: string[] = [];
  const targets = allElements(m).filter((el) => el.matches('[aria-busy="true"] dd, [aria-busy="true"].toggle-total, .summary-total, .pay, .button.primary') && shown(el));
  for (const el of targets) {
    const ratio = contrast(seenColor(el, getComputedStyle(el).color), backgroundOf(el));
    if (ratio < 4.5) failures.push(`${label(el)} "${el.textContent?.trim().slice(0, 20)}": ${ratio.toFixed(2)}:1`);
  }
  return failures;
}

/**
 * 2.4.7 / 2.4.13-style focus: each control, focused, shows an outline of at least 2 px with 3:1 against what is around
 * it (a field in error included); 2.4.11: the focused control is not hidden under anything.
 */
export function focusChecks(m: Mounted): string[] {
  const failures: string[] = [];
  for (const control of controls(m)) {
    control.focus();
    const style = getComputedStyle(control);
    const width = parseFloat(style.outlineWidth);
    if (style.outlineStyle === 'none' || width < 2) {
      failures.push(`${label(control)}: no focus outline (${style.outlineStyle} ${style.outlineWidth})`);
      continue;
    }
    const ring = seenColor(control, style.outlineColor);
    const ratio = contrast(ring, backgroundOf(visualParent(control)!));
    if (ratio < 3) failures.push(`${label(control)}: focus outline ${ratio.toFixed(2)}:1`);
    control.scrollIntoView({ block: 'nearest' });
    const box = control.getBoundingClientRect();
    const root = control.getRootNode() as ShadowRoot;
    const hit = root.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 10));
    if (hit && hit !== control && !control.contains(hit) && !hit.contains(control) && hit.closest('label') !== control.closest('label')) {
      failures.push(`${label(control)}: obscured by ${label(hit)}`);
    }
  }
  blurAll(m);
  return failures;
}

/** 2.5.8: each target at least 24×24 CSS px (a radio or checkbox counts with its label, which also takes the click). */
export function targetSizes(m: Mounted): string[] {
  const failures: string[] = [];
  for (const control of controls(m)) {
    const target = control.matches('input[type="radio"], input[type="checkbox"]') ? (control.closest('label') ?? control) : control;
    const box = target.getBoundingClientRect();
    if (box.width < 24 || box.height < 24) failures.push(`${label(control)}: ${box.width.toFixed(0)}×${box.height.toFixed(0)}`);
  }
  return failures;
}

/** 1.4.10: no horizontal scrolling of the page or the element. */
export function reflow(m: Mounted): string[] {
  const page = document.documentElement.scrollWidth;
  const failures = page > window.innerWidth ? [`the page scrolls sideways: ${page} > ${window.innerWidth}`] : [];
  if (m.el.scrollWidth > m.el.clientWidth + 1) failures.push(`the element overflows: ${m.el.scrollWidth} > ${m.el.clientWidth}`);
  return failures;
}

const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** 1.4.12: with the criterion's text spacing, nothing clips or overflows sideways. */
export function textSpacing(m: Mounted): string[] {
  // why the document too: a processor container's own children are in the page's light DOM.
  const styled = [document, ...roots(m).filter((root): root is ShadowRoot => root instanceof ShadowRoot)];
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(SPACING);
  for (const root of styled) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  try {
    const failures = reflow(m);
    for (const el of allElements(m)) {
      if (!shown(el) || el.closest('.sr-only, svg') || el.matches('input, select, textarea, .sr-only')) continue;
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      // why: a heading hidden by clipping (the summary's, below 720 px) is meant for screen readers only.
      if (style.position === 'absolute' && style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) failures.push(`${label(el)} clips its text`);
    }
    return failures;
  } finally {
    for (const root of styled) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}

/** Forced colours: every field keeps a border and every control a focus outline (box shadows are dropped there). */
export function forcedColors(m: Mounted): string[] {
  const failures: string[] = [];
  for (const input of allElements(m).filter((el) => el.matches('input.input, select.input') && shown(el))) {
    const style = getComputedStyle(input);
    if (style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) < 1) failures.push(`${label(input)}: no border`);
  }
  for (const control of controls(m)) {
    control.focus();
    if (getComputedStyle(control).outlineStyle === 'none') failures.push(`${label(control)}: no focus outline in forced colours`);
  }
  blurAll(m);
  return failures;
}

/** 3.1.1 / 3.1.2: the language every text of the element is in, as the page's tree says it. */
export function languages(m: Mounted): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const el of allElements(m)) {
    const own = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    if (!own) continue;
    let lang = '';
    // why the DOM tree, not the rendered one: HTML takes a node's language from its ancestors and a shadow tree's
    // host, never from the slot an element is shown in.
    for (let at: Element | null = el; at && !lang; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null)) {
      lang = at.getAttribute('lang') ?? '';
    }
    lang ||= document.documentElement.lang;
    found.set(lang, [...(found.get(lang) ?? []), el.textContent!.trim().slice(0, 30)]);
  }
  return found;
}
