// A customer back from a processor's redirect. A redirect-based method (Stripe's iDEAL, Bancontact…) sends the whole
// page to the bank, and the bank sends it back to `return_url` (the same page) with the processor's parameters. The
// model reads them once, for the session whose payment they name, and follows that payment to its outcome; they are
// then taken out of the address bar, so a reload or a shared link does not claim the return again.

/** Stripe's return parameters: one home for what the page reads and strips. */
export const RETURN_PARAMS = ['payment_intent', 'payment_intent_client_secret', 'redirect_status'] as const;

/** The return a URL carries: the processor's payment id, and the URL without the return parameters. */
export interface ProcessorReturn {
  paymentId: string;
  /** The same address without RETURN_PARAMS (everything else, the fragment included, kept). */
  cleaned: string;
}

/** Reads a URL's return parameters; undefined when it names no payment. Plain, tested in a table. */
export function parseReturn(href: string): ProcessorReturn | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const paymentId = url.searchParams.get(RETURN_PARAMS[0]);
  if (!paymentId) return undefined;
  for (const name of RETURN_PARAMS) url.searchParams.delete(name);
  return { paymentId, cleaned: url.href };
}

/** True when the page came back from the redirect of payment `paymentId` (reading it takes the parameters away). */
export type ReturnReader = (paymentId: string) => boolean;

/** The page's own address. why: guarded like the draft's storage, since the model also runs in Node. */
export const pageReturn: ReturnReader = (paymentId) => {
  if (typeof location === 'undefined' || typeof history === 'undefined') return false;
  const found = parseReturn(location.href);
  if (!found || found.paymentId !== paymentId) return false;
  try {
    history.replaceState(history.state, '', found.cleaned);
  } catch {
    // why: an address that cannot be rewritten (a sandboxed frame) only keeps the parameters visible.
  }
  return true;
};
