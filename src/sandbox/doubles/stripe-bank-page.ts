// TEST DOUBLE: the simulated bank page of a redirect-based method (iDEAL, Bancontact). Stripe.js sends the whole
// merchant page here; the customer authorizes or fails the payment, the simulated Stripe API settles the
// PaymentIntent, and the page goes back to the merchant's `return_url` with Stripe's return parameters.
import { decisionPage } from './decision-page.js';
import { callApi, readFragment, type BankPageConfig } from './messages.js';

const config = readFragment<BankPageConfig>();
const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(config.clientSecret)?.[1] ?? 'unknown';
const BANKS: Record<BankPageConfig['method'], string> = { ideal: 'iDEAL', bancontact: 'Bancontact' };

const {
  buttons: [authorize, fail],
  status,
} = decisionPage(`${BANKS[config.method] ?? 'Bank'} test payment page`, 'Sandbox test double: no bank is involved. Authorize or fail this test payment.', [
  { id: 'authorize', label: 'Authorize test payment' },
  { id: 'fail', label: 'Fail test payment' },
]);

/** Stripe's return: the merchant's own URL plus `payment_intent`, `payment_intent_client_secret`, `redirect_status`. */
function returnAddress(redirectStatus: 'succeeded' | 'failed'): URL | null {
  let url: URL;
  try {
    url = new URL(config.returnUrl);
  } catch {
    return null;
  }
  // why: only http(s) navigation, whatever the fragment says.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('payment_intent', id);
  url.searchParams.set('payment_intent_client_secret', config.clientSecret);
  url.searchParams.set('redirect_status', redirectStatus);
  return url;
}

async function answer(passed: boolean): Promise<void> {
  authorize.disabled = fail.disabled = true;
  const result = await callApi(`/doubles/stripe/v1/payment_intents/${id}/authenticate`, { client_secret: config.clientSecret, passed });
  const back = returnAddress(result.ok && result.intent.status === 'succeeded' ? 'succeeded' : 'failed');
  if (!back) {
    status.textContent = 'The shop gave no address to return to.';
    return;
  }
  location.assign(back.href);
}
authorize.addEventListener('click', () => void answer(true));
fail.addEventListener('click', () => void answer(false));
