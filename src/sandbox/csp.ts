// The origins a merchant's page must allow in a strict Content-Security-Policy to embed the element against a running
// sandbox, with the processors pointed at its SDK test doubles. One home for `npm run sandbox`'s printout and for the
// processor suites' page policy (test/processors/pages/server.ts), so what is printed is what Chromium is shown to need.

/** A running sandbox's two origins: its API (and the doubles' scripts), and the doubles' frames. */
export interface SandboxOrigins {
  /** Where permalinks point: the checkout API, the hosted page and the doubles' SDK scripts. */
  api: string;
  /** The second port: the doubles' card, 3-D Secure and PayPal frames and the simulated Stripe API they call. */
  frame?: string | undefined;
}

export type CspDirective = 'script-src' | 'connect-src' | 'frame-src';

/** Each directive's origins beyond the page's own `'self'`; a directive with none is left out. */
export function sandboxCspOrigins({ api, frame }: SandboxOrigins): Partial<Record<CspDirective, string[]>> {
  const origins: Partial<Record<CspDirective, string[]>> = {
    // why the API origin: the doubles of Stripe.js and PayPal's SDK are scripts the page loads from the sandbox.
    'script-src': [api],
    // why the frame origin too: the Stripe double reads its payment intents from the simulated API beside its frames.
    'connect-src': frame ? [api, frame] : [api],
  };
  if (frame) origins['frame-src'] = [frame];
  return origins;
}

/** The directives as policy lines, `script-src 'self' http://…`, for a page on its own origin. */
export function cspLines(origins: Partial<Record<CspDirective, string[]>>): string[] {
  return Object.entries(origins).map(([directive, list]) => `${directive} 'self' ${list.join(' ')}`);
}
