// PayPal's REST API on an origin (the sandbox's PayPal API test double) with the double's app credentials: an
// OAuth2 client-credentials token, then Bearer calls, as a merchant's own tooling makes them.
import assert from 'node:assert/strict';
import { PAYPAL_DOUBLE_CLIENT_ID, PAYPAL_DOUBLE_CLIENT_SECRET } from '../../src/sandbox/paypal-api/double.js';

/** PayPal's REST API on an origin, with the double's app credentials: what a merchant's tooling does with curl. */
export async function paypalRest(origin: string) {
  const tokenReply = await fetch(`${origin}/v1/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${PAYPAL_DOUBLE_CLIENT_ID}:${PAYPAL_DOUBLE_CLIENT_SECRET}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  assert.equal(tokenReply.status, 200);
  const { access_token: token } = (await tokenReply.json()) as { access_token: string };
  const call = async <T = Record<string, any>>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const reply = await fetch(`${origin}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: reply.status, json: (await reply.json()) as T };
  };
  return Object.assign(call, { token });
}
export type PaypalRest = Awaited<ReturnType<typeof paypalRest>>;
