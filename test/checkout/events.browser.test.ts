// The element dispatches each outcome as its own Event class (src/checkout/events.ts), in Chromium against the real
// sandbox: a listener can test `instanceof` and read `cancelable` from the class, not from a call site.
import { expect } from '@open-wc/testing';
import { describe, it, waitUntil } from '../helpers/harness.js';
import { createSession } from '../helpers/sandbox.js';
import {
  QUADERNO_EVENT_CLASSES,
  QuadernoCompleteEvent,
  QuadernoErrorEvent,
  QuadernoReadyEvent,
  QuadernoUpdateEvent,
  type QuadernoEventName,
} from '../../src/checkout/events.js';
import { FULL_CUSTOMER, mount, sessionBody, useCheckoutSuite } from './support.js';

describe('<quaderno-checkout> event classes', () => {
  useCheckoutSuite();

  it('a payment dispatches ready, update and complete, each an instance of its class', async () => {
    const session = await createSession(sessionBody({ payment_methods: ['paypal'] }));
    const { h, events } = await mount(session.permalink);
    await h.waitFor('form');
    await h.fillAll(FULL_CUSTOMER);
    await h.submit();
    await h.waitFor('completed');
    await waitUntil(() => events.some((e) => e.type === 'quaderno-complete'), () => 'quaderno-complete');
    for (const event of events) expect(event, event.type).to.be.instanceOf(QUADERNO_EVENT_CLASSES[event.type as QuadernoEventName]);
    const first = (Class: Function) => events.find((e) => e instanceof Class);
    expect(first(QuadernoReadyEvent)?.cancelable).to.equal(false);
    expect(first(QuadernoUpdateEvent)?.cancelable).to.equal(false);
    const complete = first(QuadernoCompleteEvent) as QuadernoCompleteEvent;
    expect(complete.cancelable).to.equal(true);
    expect(complete.detail.session.status).to.equal('completed');
  });

  it('a load failure dispatches a QuadernoErrorEvent', async () => {
    const { h, events } = await mount('javascript:alert(1)');
    await h.waitFor('error');
    const error = events.find((e) => e.type === 'quaderno-error');
    expect(error).to.be.instanceOf(QuadernoErrorEvent);
    expect((error as QuadernoErrorEvent).detail.code).to.equal('invalid_permalink');
  });
});
