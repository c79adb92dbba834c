// The public client in Chromium against the real sandbox on another origin: CORS, errors and retries as a
// merchant's page sees them. Faults come from the sandbox's test-only fault schedule, not from a stubbed fetch.
import { expect } from '@open-wc/testing';
import { ApiError, createPublicClient } from '../../src/api/index.js';
import { createSession, setStatus } from '../helpers/sandbox.js';
import { clearFaults, injectFault, tokenOf } from '../helpers/faults.js';

const body = {
  items: [{ name: 'Plan', amount: 999, currency: 'EUR' }],
  success_url: 'https://shop.example/ok',
  cancel_url: 'https://shop.example/cart',
  coupon_collection: true,
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a failure');
}

describe('public client in the browser, cross-origin to the sandbox', () => {
  afterEach(() => clearFaults());

  it('retrieves and updates a session with no key and no cookies', async () => {
    const session = await createSession(body);
    expect(new URL(session.permalink).origin).to.not.equal(location.origin);
    const client = createPublicClient(session.permalink);
    expect((await client.retrieve()).status).to.equal('pending');
    const updated = await client.update({ customer: { email: 'ana@example.com' }, coupon: 'WELCOME10' });
    expect(updated.customer.email).to.equal('ana@example.com');
    expect(updated.coupon?.code).to.equal('WELCOME10');
  });

  const errors: Array<[string, () => Promise<[ReturnType<typeof createPublicClient>, () => Promise<unknown>]>, string, (e: ApiError) => void]> = [
    ['an unknown token', async () => {
      const session = await createSession(body);
      const client = createPublicClient(session.permalink.replace(/[0-9a-f]{8}$/, '00000000'));
      return [client, () => client.retrieve()];
    }, 'not_found', () => {}],
    ['an unknown coupon', async () => {
      const client = createPublicClient((await createSession(body)).permalink);
      return [client, () => client.update({ coupon: 'NOPE' })];
    }, 'validation', (e) => expect(Object.keys((e as ApiError & { fields: object }).fields)).to.include('coupon')],
    ['an update of a completed session', async () => {
      const session = await createSession(body);
      await setStatus(session.id, 'completed');
      const client = createPublicClient(session.permalink);
      return [client, () => client.update({ customer: { first_name: 'Late' } })];
    }, 'conflict', (e) => expect((e as ApiError & { sessionStatus?: string }).sessionStatus).to.equal('completed')],
  ];
  for (const [name, setup, code, check] of errors) {
    it(`maps ${name} to ${code}`, async () => {
      const [, call] = await setup();
      const error = await failure(call());
      expect(error.code).to.equal(code);
      check(error);
    });
  }

  it('reads Retry-After across origins and retries a 429 after it', async () => {
    const session = await createSession(body);
    await injectFault({ kind: 'status', status: 429, retryAfter: 1, token: tokenOf(session.permalink), method: 'GET' });
    const started = performance.now();
    const result = await createPublicClient(session.permalink, { retryBaseMs: 10 }).retrieve();
    expect(result.status).to.equal('pending');
    expect(performance.now() - started).to.be.greaterThan(900);
  });

  it('retries a 500 and a dropped connection on GET, then succeeds', async () => {
    const session = await createSession(body);
    const token = tokenOf(session.permalink);
    await injectFault({ kind: 'status', status: 500, token, method: 'GET' });
    await injectFault({ kind: 'drop', token, method: 'GET' });
    const result = await createPublicClient(session.permalink, { retryBaseMs: 10 }).retrieve();
    expect(result.id).to.equal(session.id);
  });

  it('reports malformed JSON as a bad response', async () => {
    const session = await createSession(body);
    await injectFault({ kind: 'malformed', token: tokenOf(session.permalink), method: 'GET' });
    const error = await failure(createPublicClient(session.permalink, { retries: 0 }).retrieve());
    expect(error.code).to.equal('bad_response');
  });

  it('times out a slow answer and aborts on request', async () => {
    const session = await createSession(body);
    await injectFault({ kind: 'delay', delayMs: 800, token: tokenOf(session.permalink), method: 'GET' });
    const timedOut = await failure(createPublicClient(session.permalink, { timeoutMs: 200, retries: 0 }).retrieve());
    expect(timedOut.code).to.equal('timeout');
    const controller = new AbortController();
    const pending = createPublicClient(session.permalink).retrieve({ signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
  });
});
