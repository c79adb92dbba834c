// Node side: each event's class fixes its name and options (Node has EventTarget and CustomEvent, so dispatch and
// preventDefault run here as in a browser). Dispatch from the element is covered in Chromium (events.browser.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  QuadernoCancelEvent,
  QuadernoCompleteEvent,
  QuadernoErrorEvent,
  QuadernoReadyEvent,
  QuadernoUpdateEvent,
  QUADERNO_EVENTS,
  emit,
  quadernoEvent,
  type QuadernoEventName,
} from '../../src/checkout/events.js';
import type { CheckoutSession } from '../../src/session/schema.js';

// why a stand-in object: the classes carry the detail as given; nothing here reads a session's fields.
const session = { id: 1 } as unknown as CheckoutSession;

const cases: Array<{ name: QuadernoEventName; make: () => Event; cancelable: boolean; Class: abstract new (...args: never[]) => Event }> = [
  { name: 'quaderno-ready', make: () => new QuadernoReadyEvent({ session }), cancelable: false, Class: QuadernoReadyEvent },
  { name: 'quaderno-update', make: () => new QuadernoUpdateEvent({ session }), cancelable: false, Class: QuadernoUpdateEvent },
  { name: 'quaderno-complete', make: () => new QuadernoCompleteEvent({ session, invoicePermalink: null }), cancelable: true, Class: QuadernoCompleteEvent },
  { name: 'quaderno-cancel', make: () => new QuadernoCancelEvent({ session }), cancelable: true, Class: QuadernoCancelEvent },
  { name: 'quaderno-error', make: () => new QuadernoErrorEvent({ code: 'network', message: 'offline' }), cancelable: false, Class: QuadernoErrorEvent },
];

describe('event classes', () => {
  it('QUADERNO_EVENTS names one class per event, in the table order', () => {
    assert.deepEqual(QUADERNO_EVENTS, cases.map((c) => c.name));
  });

  for (const { name, make, cancelable, Class } of cases) {
    it(`${name}: bubbles, composed, ${cancelable ? '' : 'not '}cancelable, a CustomEvent with its detail`, () => {
      const event = make();
      assert.equal(event.type, name);
      assert.equal(event.bubbles, true);
      assert.equal(event.composed, true);
      assert.equal(event.cancelable, cancelable);
      assert.ok(event instanceof CustomEvent);
      assert.ok(event instanceof Class);
    });

    it(`${name}: emit() dispatches its class, and preventDefault() ${cancelable ? 'is' : 'is not'} reported`, () => {
      const target = new EventTarget();
      const detail = (make() as CustomEvent).detail;
      const seen: Event[] = [];
      target.addEventListener(name, (event) => {
        seen.push(event);
        event.preventDefault();
      });
      const proceed = emit(target, name, detail as never);
      assert.equal(seen.length, 1);
      assert.ok(seen[0] instanceof Class);
      assert.equal((seen[0] as CustomEvent).detail, detail);
      assert.equal(proceed, !cancelable);
    });
  }

  it('quadernoEvent() builds the class of the name', () => {
    const event = quadernoEvent('quaderno-error', { code: 'timeout', message: 'slow' });
    assert.ok(event instanceof QuadernoErrorEvent);
    assert.deepEqual(event.detail, { code: 'timeout', message: 'slow' });
  });
});
