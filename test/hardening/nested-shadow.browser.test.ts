// A merchant's own web component (or a design system) often renders the checkout inside its shadow root:
// the element must load, take input and pay there, and its events must still reach the document.
import { expect } from '@open-wc/testing';
import '../../src/quaderno-checkout.ts';
import { setNavigator } from '../../src/checkout/navigation.ts';
import { CheckoutHarness } from '../helpers/harness.ts';
import { createSession, getSession } from '../helpers/sandbox.ts';
import { FULL_CUSTOMER, sessionBody } from '../checkout/support.ts';

describe('inside other shadow roots', () => {
  const navigations: string[] = [];
  let outer: HTMLElement;
  beforeEach(() => setNavigator((url) => navigations.push(url)));
  afterEach(() => {
    setNavigator();
    outer?.remove();
    sessionStorage.clear();
  });

  it('pays from two shadow roots deep, and quaderno-complete reaches the document', async () => {
    const session = await createSession(sessionBody());
    outer = document.createElement('div');
    document.body.append(outer);
    const middle = document.createElement('section');
    outer.attachShadow({ mode: 'open' }).append(middle);
    const checkout = document.createElement('quaderno-checkout');
    checkout.setAttribute('poll-interval', '40');
    checkout.permalink = session.permalink;
    // why: a closed root is the harshest host; nothing the element does may depend on being reachable from the document.
    middle.attachShadow({ mode: 'closed' }).append(checkout);

    const completed = new Promise<Event>((resolve) => document.addEventListener('quaderno-complete', resolve, { once: true }));
    const h = new CheckoutHarness(checkout);
    await h.waitFor('form');
    await h.fillAll(FULL_CUSTOMER);
    await h.chooseMethod('card');
    await h.fillCard('4242 4242 4242 4242');
    await h.submit();
    await h.waitFor('completed');
    const event = await completed;
    expect(event.composed).to.equal(true);
    expect((await getSession(session.id))?.status).to.equal('completed');
    expect(navigations).to.deep.equal([session.success_url]);
  });
});
