import { InvalidPermalinkError } from './errors.js';

/** True for absolute http: and https: URLs, the only ones the widget requests or navigates to. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The JSON endpoint of a permalink, with an optional sub-resource:
 * `https://x/checkout/session/abc/?a=1` + `/pay` → `https://x/checkout/session/abc/pay.json?a=1`.
 * A relative permalink resolves against the page, when there is one.
 */
export function permalinkEndpoint(permalink: string | null | undefined, subpath = ''): string {
  if (!permalink || !permalink.trim()) throw new InvalidPermalinkError(permalink);
  let url: URL;
  try {
    const base = typeof location === 'undefined' ? undefined : location.href;
    url = new URL(permalink.trim(), base);
  } catch {
    throw new InvalidPermalinkError(permalink);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidPermalinkError(permalink);
  let path = url.pathname.replace(/\/+$/, '').replace(/\.json$/, '');
  if (!path) throw new InvalidPermalinkError(permalink);
  path += subpath;
  url.pathname = `${path}.json`;
  url.hash = '';
  return url.toString();
}
