// TEST DOUBLE: the "PayPal window" of the PayPal SDK double, in a frame on the sandbox's other origin. The buyer
// approves (the simulated PayPal API captures the order), cancels, or triggers an SDK error.
import { readFragment, wrap, type FromPaypalWindow, type PaypalWindowConfig } from './messages.js';

const config = readFragment<PaypalWindowConfig>();

const style = document.createElement('style');
style.textContent = `body { margin: 0; padding: 20px; font: 15px/1.5 system-ui, sans-serif; color: #111; }
  h1 { font-size: 18px; margin: 0 0 8px; color: #003087; } p { margin: 0 0 16px; }
  button { display: block; width: 100%; margin: 0 0 10px; padding: 12px; font: inherit; border-radius: 20px; border: 1px solid #0070ba; cursor: pointer; background: #fff; }
  #approve { background: #0070ba; color: #fff; }`;
document.head.append(style);

const title = document.createElement('h1');
title.textContent = 'PayPal (sandbox test double)';
const text = document.createElement('p');
text.textContent = `Order ${config.orderId} in ${config.currency}. No PayPal account is involved.`;
document.body.append(title, text);

function button(id: string, label: string, run: () => Promise<FromPaypalWindow>): void {
  const element = document.createElement('button');
  element.id = id;
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', async () => {
    for (const b of document.querySelectorAll('button')) b.disabled = true;
    window.parent.postMessage(wrap(await run()), config.parent);
  });
  document.body.append(element);
}

async function orderCall(action: 'approve' | 'cancel'): Promise<{ ok: boolean; payerId: string; message: string }> {
  try {
    const response = await fetch(`/doubles/paypal/v2/checkout/orders/${encodeURIComponent(config.orderId)}/${action}`, { method: 'POST' });
    const body = (await response.json()) as { payer?: { payer_id?: string }; message?: string };
    return { ok: response.ok, payerId: body.payer?.payer_id ?? '', message: body.message ?? `HTTP ${response.status}` };
  } catch {
    return { ok: false, payerId: '', message: 'The network request failed.' };
  }
}

button('approve', 'Approve payment', async () => {
  const result = await orderCall('approve');
  return result.ok ? { kind: 'approve', payerId: result.payerId } : { kind: 'error', message: result.message };
});
button('cancel', 'Cancel and return', async () => {
  await orderCall('cancel');
  return { kind: 'cancel' };
});
button('error', 'Simulate an error', async () => ({ kind: 'error', message: 'INTERNAL_SERVER_ERROR (simulated by the test double)' }));
