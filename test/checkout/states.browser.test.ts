// Sessions that are not pending, faults, events and their cancelling, disconnects, accessibility.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../helpers/harness.js';
import { createSession, getSession, sandboxUrl, setStatus } from '../helpers/sandbox.js';
import type { SessionStatus } from '../../src/session/schema.js';
import {
  CANCEL_URL,
  FULL_CUSTOMER,
  eventNames,
  json,
  mount,
  navigations,
  requests,
  requestsTo,
  sessionBody,
  sleep,
  stubFetch,
  SUCCESS_URL,
  useCheckoutSuite,
  openForm,
} from './support.js';

describe('<quaderno-checkout> states and faults', () => {
  useCheckoutSuite();

  const onLoad: Array<{ status: SessionStatus; view: string; text: string; link?: [string, string] }> = [
    { status: 'failed', view: 'failed', text: 'Payment failed' },
    { status: 'completed', view: 'completed', text: 'Payment received', link: ['continue-link', SUCCESS_URL] },
    { status: 'abandoned', view: 'abandoned', text: 'This checkout has expired', link: ['return-link', CANCEL_URL] },
    { status: 'processing', view: 'processing', text: 'Processing your payment' },
  ];
  for (const { status, view, text, link } of onLoad) {
    it(`shows a ${status} session as ${view}`, async () => {
      const session = await createSession(sessionBody(), status);
      const { h, events } = await mount(session.permalink);
      await h.waitFor(view as never);
      expect(h.text()).to.contain(text);
      if (link) expect(h.$<HTMLAnchorElement>(`[part="${link[0]}"]`)!.href).to.equal(link[1]);
      expect(h.$('form')).to.equal(null);
      expect(navigations).to.deep.equal([]);
      await sleep(0);
      expect(eventNames(events)).to.deep.equal(['quaderno-ready']);
    });
  }

  it('keeps polling a processing session and completes when it does', async () => {
    const session = await createSession(sessionBody(), 'processing');
    const { h, events } = await mount(session.permalink);
    await h.waitFor('processing');
    await sleep(150);
    expect(requestsTo('.json', 'GET').length).to.be.greaterThan(1);
    await setStatus(session.id, 'completed');
    await h.waitFor('completed');
    expect(eventNames(events)).to.include('quaderno-complete');
    expect(navigations).to.deep.equal([SUCCESS_URL]);
  });

  it('lets a failed session be paid again', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['card'] }), 'failed');
    const { h } = await mount(session.permalink);
    await h.waitFor('failed');
    await h.tryAgain();
    expect(h.state()).to.equal('form');
    // why: the sandbox reopens a failed session (capability retry), so what is typed now is saved, and a coupon too.
    expect(h.$('[part="coupon"]')).to.exist;
    await h.fillCheckout(FULL_CUSTOMER);
    await h.submit();
    await h.waitFor('completed');
    // Only pending sessions are updated: the failed one is reopened first, then the customer saved.
    expect(requestsTo('/retry.json', 'POST')).to.have.length(1);
    expect(requestsTo('.json', 'PUT')).to.have.length(1);
    expect((await getSession(session.id))!.customer!.email).to.equal(FULL_CUSTOMER.email);
  });

  const invalidPermalinks = ['', 'http://', 'javascript:alert(1)', 'ftp://example.com/checkout/x', 'data:text/plain,x'];
  for (const permalink of invalidPermalinks) {
    it(`shows an error with a retry for the permalink ${JSON.stringify(permalink)}`, async () => {
      const { h, el, events } = await mount(permalink);
      await h.waitFor('error');
      expect(h.text()).to.contain('This checkout link is missing or invalid.');
      expect(h.$('[data-action="retry"]')).to.exist;
      expect(events.map((e) => e.detail.code)).to.deep.equal(['invalid_permalink']);
      expect(requests).to.have.length(0);
      const session = await createSession(sessionBody());
      el.permalink = session.permalink;
      await h.waitFor('form');
    });
  }

  it('shows not found for an unknown permalink', async () => {
    const { h, events } = await mount(`${await sandboxUrl()}/checkout/session/0000000000000000000000000000000000000000`);
    await h.waitFor('error');
    expect(h.text()).to.contain('doesn’t exist');
    expect(events.at(-1)!.detail.code).to.equal('not_found');
  });

  const unsafe = ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x'];
  for (const url of unsafe) {
    for (const key of ['success_url', 'cancel_url'] as const) {
      it(`refuses a session whose ${key} is ${url.slice(0, 11)}…`, async () => {
        const session = await createSession(sessionBody());
        // why: the sandbox refuses such URLs at creation, so the fault is injected on the wire.
        stubFetch(async (input, init, real) => {
          const response = await real(input, init);
          return json({ ...(await response.json()), [key]: url }, response.status);
        });
        const { h, events } = await mount(session.permalink);
        await h.waitFor('error');
        expect(h.text()).to.contain('unsafe return address');
        expect(events.map((e) => e.type)).to.deep.equal(['quaderno-error']);
        expect(events[0]!.detail.code).to.equal('unsafe_url');
        expect(h.$('a[href^="javascript"], a[href^="data"]')).to.equal(null);
        expect(navigations).to.deep.equal([]);
      });
    }
  }

  // A broken session can come back from a PUT as well as from the first GET; the sandbox never sends one, so the
  // answer is altered on the wire. Nothing may be paid or navigated to, and the typed values stay in the draft.
  const brokenAnswers: Array<[string, string, (session: Record<string, any>) => Record<string, any>]> = [
    ['an unsafe success_url', 'unsafe_url', (s) => ({ ...s, success_url: 'javascript:alert(1)' })],
    ['an impossible amount', 'bad_response', (s) => ({ ...s, items: s.items.map((item: object) => ({ ...item, amount: 1e300 })) })],
    ['mixed currencies', 'mixed_currencies', (s) => ({ ...s, items: s.items.map((item: object, i: number) => ({ ...item, currency: i ? 'USD' : 'EUR' })) })],
  ];
  for (const [name, code, corrupt] of brokenAnswers) {
    for (const via of ['pay', 'coupon'] as const) {
      it(`refuses ${name} in the answer to the ${via === 'pay' ? 'save before paying' : 'coupon'} PUT`, async () => {
        const session = await createSession(sessionBody({ payment_methods: ['card'] }));
        stubFetch(async (input, init, real) => {
          const response = await real(input, init);
          if (init?.method !== 'PUT') return response;
          return json(corrupt(await response.json()), response.status);
        });
        const { h, events } = await mount(session.permalink);
        await h.waitFor('form');
        await h.fillAll(FULL_CUSTOMER);
        if (via === 'pay') {
          await h.fillCard('4242424242424242');
          await h.submit();
        } else {
          await h.applyCoupon('WELCOME10');
        }
        await h.waitFor('error');
        expect(events.filter((e) => e.type === 'quaderno-error').map((e) => e.detail.code)).to.deep.equal([code]);
        expect(eventNames(events)).not.to.include('quaderno-update');
        expect(requestsTo('/pay.json', 'POST')).to.have.length(0);
        expect((await getSession(session.id))!.status).to.equal('pending');
        expect(navigations).to.deep.equal([]);
        expect(JSON.stringify(Object.values(sessionStorage))).to.contain(FULL_CUSTOMER.email!);
      });
    }
  }

  it('turns a failed load into an error with retry, then recovers', async () => {
    const session = await createSession(sessionBody());
    let fail = true;
    stubFetch((input, init, real) => (fail ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init)));
    const { h, events } = await mount(session.permalink);
    await h.waitFor('error', 8000);
    expect(h.text()).to.contain('couldn’t reach the server');
    expect(events.at(-1)!.detail.code).to.equal('network');
    fail = false;
    await h.retry();
    await h.waitFor('form');
    expect(h.focused()?.classList.contains('state-heading')).to.equal(true);
  });

  it('keeps the form when saving fails, and a retry pays', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['card'] }));
    let failPut = false;
    stubFetch((input, init, real) => {
      if (failPut && init?.method === 'PUT') return Promise.reject(new TypeError('Failed to fetch'));
      return real(input, init);
    });
    const { h, events } = await mount(session.permalink);
    await h.waitFor('form');
    await h.fillCheckout(FULL_CUSTOMER);
    failPut = true;
    await h.submit();
    await waitUntil(() => h.alert(), () => 'an alert');
    expect(h.state()).to.equal('form');
    expect(h.alert()).to.contain('We couldn’t save your details. Nothing you typed has been lost.');
    expect(h.value('email')).to.equal(FULL_CUSTOMER.email);
    expect(h.value('card_number')).to.equal('4242424242424242');
    expect(events.at(-1)!.type).to.equal('quaderno-error');
    expect((await getSession(session.id))!.status).to.equal('pending');
    failPut = false;
    await h.retry();
    await h.waitFor('completed');
    expect((await getSession(session.id))!.customer!.email).to.equal(FULL_CUSTOMER.email);
  });

  it('shows progress on a slow network, locks the form, and sends no cookies', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['card'] }));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    stubFetch(async (input, init, real) => {
      if (init?.method === 'PUT') await gate;
      return real(input, init);
    });
    const { h } = await mount(session.permalink);
    await h.waitFor('form');
    await h.fillCheckout(FULL_CUSTOMER);
    await h.submit();
    expect(h.payButton()!.textContent).to.contain('Saving your details…');
    expect(h.payButton()!.getAttribute('aria-disabled')).to.equal('true');
    expect((h.control('email') as HTMLInputElement).disabled).to.equal(true);
    await h.submit();
    release();
    await h.waitFor('completed');
    expect(requestsTo('.json', 'PUT')).to.have.length(1);
    expect(requests.length).to.be.greaterThan(2);
    for (const request of requests) {
      expect(request.credentials).to.equal('omit');
      expect(new URL(request.url).origin).to.equal(new URL(session.permalink).origin);
    }
  });

  it('shows the server’s field errors from a refused save next to the fields', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['card'] }));
    stubFetch((input, init, real) => {
      if (init?.method === 'PUT') return Promise.resolve(json({ errors: { 'customer.email': ['is blocked'] } }, 422));
      return real(input, init);
    });
    const { h } = await mount(session.permalink);
    await h.waitFor('form');
    await h.fillCheckout(FULL_CUSTOMER);
    await h.submit();
    await waitUntil(() => h.errorFor('email'), () => 'an email error');
    expect(h.errorFor('email')).to.equal('Enter a valid email address.');
    expect(h.$('#qc-email-error')!.dataset.serverMessage).to.equal('is blocked');
    expect(h.focused()?.id).to.equal('qc-email');
  });

  it('reloads and shows the new state when the session stops being pending mid-edit, keeping the draft', async () => {
    const { h, events, session } = await openForm({ payment_methods: ['card'] });
    await h.fillCheckout(FULL_CUSTOMER);
    await setStatus(session.id, 'abandoned');
    await h.submit();
    await h.waitFor('abandoned');
    // abandoned elsewhere, not by this customer: it reads as expired, never as "you cancelled"
    expect(h.text()).to.contain('This checkout has expired');
    expect(h.text()).not.to.contain('You cancelled');
    expect(events.map((e) => e.detail?.code).filter(Boolean)).to.include('conflict');
    expect(JSON.stringify(Object.values(sessionStorage))).to.contain(FULL_CUSTOMER.email!);
  });

  it('cancelling quaderno-complete stops the redirect and shows the confirmation', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['paypal'] }));
    const { h, el } = await mount(session.permalink);
    el.addEventListener('quaderno-complete', (e) => e.preventDefault());
    await h.waitFor('form');
    await h.fillAll(FULL_CUSTOMER);
    await h.submit();
    await h.waitFor('completed');
    expect(navigations).to.deep.equal([]);
    expect(h.$<HTMLAnchorElement>('[part="continue-link"]')!.href).to.equal(SUCCESS_URL);
  });

  for (const prevent of [false, true]) {
    it(`cancel ${prevent ? 'prevented: stays on the page' : 'goes to cancel_url'} and abandons the session`, async () => {
      const session = await createSession(sessionBody());
      const { h, el, events } = await mount(session.permalink);
      if (prevent) el.addEventListener('quaderno-cancel', (e) => e.preventDefault());
      await h.waitFor('form');
      await h.fill('email', 'ada@example.com');
      await h.cancel();
      await waitUntil(() => h.state() === 'abandoned', () => `abandoned, is ${h.state()}`);
      expect(eventNames(events)).to.deep.equal(['quaderno-ready', 'quaderno-cancel']);
      expect(events[1]!.cancelable).to.equal(true);
      expect((await getSession(session.id))!.status).to.equal('abandoned');
      expect(navigations).to.deep.equal(prevent ? [] : [CANCEL_URL]);
    });
  }

  it('dispatches events that bubble and cross the shadow boundary', async () => {
    const session = await createSession(sessionBody());
    const seen: Event[] = [];
    const listener = (e: Event) => seen.push(e);
    document.addEventListener('quaderno-ready', listener);
    try {
      const { h } = await mount(session.permalink);
      await h.waitFor('form');
      await waitUntil(() => seen.length, () => 'a ready event on document');
      expect(seen[0]!.bubbles).to.equal(true);
      expect(seen[0]!.composed).to.equal(true);
    } finally {
      document.removeEventListener('quaderno-ready', listener);
    }
  });

  it('aborts its requests when disconnected, and resumes when reconnected', async () => {
    const session = await createSession(sessionBody());
    const { h, el } = await mount(session.permalink);
    const parent = el.parentElement!;
    const load = requests[0]!;
    el.remove();
    expect(load.signal!.aborted).to.equal(true);
    parent.append(el);
    await h.waitFor('form');
  });

  it('stops polling when disconnected mid-payment', async () => {
    const session = await createSession(sessionBody(), 'processing');
    const { h, el } = await mount(session.permalink);
    await h.waitFor('processing');
    await sleep(100);
    el.remove();
    const count = requests.length;
    await sleep(300);
    expect(requests.length).to.equal(count);
  });

  const a11yStates: Array<{ name: string; arrange: () => ReturnType<typeof mount> }> = [
    {
      name: 'loading',
      arrange: async () => mount((await createSession(sessionBody())).permalink),
    },
    {
      name: 'form',
      arrange: async () => {
        const m = await mount((await createSession(sessionBody())).permalink);
        await m.h.waitFor('form');
        await m.h.chooseMethod('card');
        return m;
      },
    },
    {
      name: 'form with errors and a coupon error',
      arrange: async () => {
        const m = await mount((await createSession(sessionBody())).permalink);
        await m.h.waitFor('form');
        await m.h.applyCoupon('EXPIRED');
        await m.h.submit();
        return m;
      },
    },
    ...(['processing', 'completed', 'failed', 'abandoned'] as const).map((status) => ({
      name: status,
      arrange: async () => {
        const m = await mount((await createSession(sessionBody(), status)).permalink);
        await m.h.waitFor(status);
        return m;
      },
    })),
    {
      name: 'error',
      arrange: async () => {
        const m = await mount('javascript:void 0');
        await m.h.waitFor('error');
        return m;
      },
    },
  ];
  for (const { name, arrange } of a11yStates) {
    it(`is accessible: ${name}`, async () => {
      const { el } = await arrange();
      await expect(el).to.be.accessible();
    });
  }
});

describe('<quaderno-checkout> confirmation', () => {
  useCheckoutSuite();
  const normalize = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('the confirmation shows the amount paid, in the display locale, marked as test mode', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['paypal'] }), 'completed');
    const { h } = await mount(session.permalink, { locale: 'fi' });
    await h.waitFor('completed');
    expect(normalize(h.$('[data-amount]')!.textContent!.trim())).to.equal('26,00 €');
    expect(h.$('[part="status"] [part="test-badge"]')!.textContent!.trim()).to.equal('Testitila');
  });
});
