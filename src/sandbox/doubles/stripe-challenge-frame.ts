// TEST DOUBLE: the simulated 3-D Secure page that the Stripe.js double shows for a `requires_action` card. The
// customer completes or fails the challenge; the simulated Stripe API settles the PaymentIntent either way.
import { callApi, readFragment, wrap, type ChallengeFrameConfig, type FromChallengeFrame } from './messages.ts';

const config = readFragment<ChallengeFrameConfig>();
const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(config.clientSecret)?.[1] ?? 'unknown';

const style = document.createElement('style');
style.textContent = `body { margin: 0; padding: 20px; font: 15px/1.5 system-ui, sans-serif; color: #1a1f36; }
  h1 { font-size: 18px; margin: 0 0 8px; } p { margin: 0 0 16px; }
  button { display: block; width: 100%; margin: 0 0 10px; padding: 12px; font: inherit; border-radius: 6px; border: 1px solid #635bff; cursor: pointer; }
  #complete { background: #635bff; color: #fff; } #fail { background: #fff; color: #1a1f36; }`;
document.head.append(style);

const title = document.createElement('h1');
title.textContent = '3-D Secure test page';
const text = document.createElement('p');
text.textContent = 'Sandbox test double: no bank is involved. Complete or fail this test payment authentication.';
const complete = document.createElement('button');
complete.id = 'complete';
complete.type = 'button';
complete.textContent = 'Complete authentication';
const fail = document.createElement('button');
fail.id = 'fail';
fail.type = 'button';
fail.textContent = 'Fail authentication';
document.body.append(title, text, complete, fail);

async function answer(passed: boolean): Promise<void> {
  complete.disabled = fail.disabled = true;
  const result = await callApi(`/doubles/stripe/v1/payment_intents/${id}/authenticate`, { client_secret: config.clientSecret, passed });
  const out: FromChallengeFrame = { kind: 'challenge-done', answer: result };
  window.parent.postMessage(wrap(out), config.parent);
}
complete.addEventListener('click', () => void answer(true));
fail.addEventListener('click', () => void answer(false));
