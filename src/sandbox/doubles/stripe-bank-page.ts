// TEST DOUBLE: the simulated bank page of a redirect-based method (iDEAL, Bancontact). Stripe.js sends the whole
// merchant page here; the customer authorizes or fails the payment, the simulated Stripe API settles the
// PaymentIntent, and the page goes back to the merchant's `return_url` with Stripe's return parameters.
import { callApi, readFragment, type BankPageConfig } from './messages.ts';

const config = readFragment<BankPageConfig>();
const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(config.clientSecret)?.[1] ?? 'unknown';
const BANKS: Record<BankPageConfig['method'], string> = { ideal: 'iDEAL', bancontact: 'Bancontact' };

const style = document.createElement('style');
style.textContent = `body { margin: 0 auto; max-width: 420px; padding: 32px 20px; font: 15px/1.5 system-ui, sans-serif; color: #1a1f36; }
  h1 { font-size: 20px; margin: 0 0 8px; } p { margin: 0 0 16px; }
  button { display: block; width: 100%; margin: 0 0 10px; padding: 12px; font: inherit; border-radius: 6px; border: 1px solid #635bff; cursor: pointer; }
  #authorize { background: #635bff; color: #fff; } #fail { background: #fff; color: #1a1f36; }`;
document.head.append(style);

const main = document.createElement('main');
const title = document.createElement('h1');
title.textContent = `${BANKS[config.method] ?? 'Bank'} test payment page`;
const text = document.createElement('p');
text.textContent = 'Sandbox test double: no bank is involved. Authorize or fail this test payment.';
const status = document.createElement('p');
status.setAttribute('role', 'status');
const authorize = document.createElement('button');
authorize.id = 'authorize';
authorize.type = 'button';
authorize.textContent = 'Authorize test payment';
const fail = document.createElement('button');
fail.id = 'fail';
fail.type = 'button';
fail.textContent = 'Fail test payment';
main.append(title, text, authorize, fail, status);
document.body.append(main);

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
