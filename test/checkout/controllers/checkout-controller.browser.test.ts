// The checkout controller in Chromium against the real sandbox: a model per permalink, loaded on the update that set
// it; a disconnect with nothing running costs no request when the element comes back; a change of `credentials`
// loads again with the form kept; focus never moves on its own.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../../helpers/harness.js';
import { createSession } from '../../helpers/sandbox.js';
import { eventNames, FULL_CUSTOMER, mount, openForm, requestsTo, sessionBody, useCheckoutSuite } from '../support.js';

describe('<quaderno-checkout> checkout controller', () => {
  useCheckoutSuite();

  it('a new permalink: a new model shows the new session, and quaderno-ready is told for each', async () => {
    const first = await createSession(sessionBody({ customer: { first_name: 'First' } }));
    const second = await createSession(sessionBody({ customer: { first_name: 'Second' } }));
    const { h, el, events } = await mount(first.permalink);
    await h.waitFor('form');
    el.permalink = second.permalink;
    await waitUntil(
      () => el.session?.customer.first_name === 'Second' && h.state() === 'form',
      () => `the second session, got ${el.session?.customer.first_name}`,
    );
    await waitUntil(() => eventNames(events).filter((name) => name === 'quaderno-ready').length === 2, () => eventNames(events).join());
  });

  it('disconnected and connected again with nothing running: no request, the form as it was', async () => {
    const { h, el, session } = await openForm({ customer: { ...FULL_CUSTOMER } });
    const gets = requestsTo(new URL(session.permalink).pathname + '.json').length;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(h.state()).to.equal('form');
    expect(requestsTo(new URL(session.permalink).pathname + '.json').length).to.equal(gets);
  });

  it('credentials changed: the session is loaded again with them, the form kept', async () => {
    const { h, el, session } = await openForm();
    await h.fill('first_name', 'Ada');
    el.credentials = 'include';
    const path = new URL(session.permalink).pathname + '.json';
    await waitUntil(() => requestsTo(path).some((r) => r.credentials === 'include'), () => 'a GET with credentials');
    await h.waitFor('form');
    expect(h.value('first_name')).to.equal('Ada');
  });

  it('focus: nothing takes it on page load, nor when a new permalink shows its form', async () => {
    const { h, el } = await mount('');
    await h.waitFor('error');
    expect(h.focused(), 'nothing focused on load').to.equal(null);
    const session = await createSession(sessionBody());
    el.permalink = session.permalink;
    await h.waitFor('form');
    expect(h.focused(), 'still nothing focused').to.equal(null);
  });
});
