// TEST DOUBLE: the simulated 3-D Secure page that the Stripe.js double shows for a `requires_action` card. The
// customer completes or fails the challenge; the simulated Stripe API settles the PaymentIntent either way.
import { decisionPage } from './decision-page.js';
import { callApi, readFragment, wrap, type ChallengeFrameConfig, type FromChallengeFrame } from './messages.js';

const config = readFragment<ChallengeFrameConfig>();
const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(config.clientSecret)?.[1] ?? 'unknown';

const {
  buttons: [complete, fail],
} = decisionPage('3-D Secure test page', 'Sandbox test double: no bank is involved. Complete or fail this test payment authentication.', [
  { id: 'complete', label: 'Complete authentication' },
  { id: 'fail', label: 'Fail authentication' },
]);

async function answer(passed: boolean): Promise<void> {
  complete.disabled = fail.disabled = true;
  const result = await callApi(`/doubles/stripe/v1/payment_intents/${id}/authenticate`, { client_secret: config.clientSecret, passed });
  const out: FromChallengeFrame = { kind: 'challenge-done', answer: result };
  window.parent.postMessage(wrap(out), config.parent);
}
complete.addEventListener('click', () => void answer(true));
fail.addEventListener('click', () => void answer(false));
