import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

// Icons are Lit `svg` templates (never strings), drawn on a 24×24 grid with currentColor.

export const cardIcon: SVGTemplateResult = svg`<rect x="2.5" y="5" width="19" height="14" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M2.5 9.5h19" stroke="currentColor" stroke-width="2"/><path d="M6 15h4" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;

export const paypalIcon: SVGTemplateResult = svg`<path d="M8.2 20.5H5.1a.5.5 0 0 1-.5-.6L7.2 3.9A1 1 0 0 1 8.2 3h5.6c3.2 0 5.1 1.6 4.6 4.6-.6 3.6-3 5.2-6.3 5.2h-2a1 1 0 0 0-1 .8l-.9 6.9Z" fill="currentColor" opacity=".55"/><path d="M10.4 21h-2.6a.4.4 0 0 1-.4-.5l.3-2 1-6a1 1 0 0 1 1-.8h1.9c3.6 0 6.1-1.7 6.8-5.3 1.7.9 2.2 2.7 1.8 4.8-.6 3.2-2.8 4.7-5.8 4.7h-.9a1 1 0 0 0-1 .8l-.6 3.6a.6.6 0 0 1-.5.7Z" fill="currentColor"/>`;

export const checkIcon: SVGTemplateResult = svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="m7.5 12.3 3 3 6-6.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

export const errorIcon: SVGTemplateResult = svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 7v6" stroke="currentColor" stroke-width="2" stroke-linecap="round"/><circle cx="12" cy="16.5" r="1.2" fill="currentColor"/>`;

export const clockIcon: SVGTemplateResult = svg`<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M12 7v5l3.5 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`;

export const tagIcon: SVGTemplateResult = svg`<path d="M3 12.6V4.5A1.5 1.5 0 0 1 4.5 3h8.1a1.5 1.5 0 0 1 1 .4l7 7a1.5 1.5 0 0 1 0 2.2l-8 8a1.5 1.5 0 0 1-2.2 0l-7-7a1.5 1.5 0 0 1-.4-1Z" fill="none" stroke="currentColor" stroke-width="1.6"/><circle cx="8" cy="8" r="1.5" fill="currentColor"/>`;

export const lockIcon: SVGTemplateResult = svg`<rect x="5" y="10.5" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" fill="none" stroke="currentColor" stroke-width="1.6"/>`;

/** Wraps an icon in a decorative (aria-hidden) svg element. */
export function icon(content: SVGTemplateResult, className = 'icon'): TemplateResult {
  return html`<svg class=${className} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${content}</svg>`;
}
