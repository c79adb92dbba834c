import { isHttpUrl } from '../api/urls.js';

/** How the element leaves the page. Replaceable so tests (and SPA hosts) can observe navigation. */
export type Navigator = (url: string) => void;

const defaultNavigator: Navigator = (url) => location.assign(url);
let current: Navigator = defaultNavigator;

/** Navigates to an absolute http(s) URL; anything else (`javascript:`, `data:`, relative) is refused. */
export function navigate(url: string | null | undefined): boolean {
  if (!isHttpUrl(url)) return false;
  current(url);
  return true;
}

/** Replaces the navigator; pass nothing to restore `location.assign`. */
export function setNavigator(navigator?: Navigator): void {
  current = navigator ?? defaultNavigator;
}
