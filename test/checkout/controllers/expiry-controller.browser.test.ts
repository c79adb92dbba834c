// The session's inactivity limit in Chromium, on the short-limit sandbox (sessions abandoned after 10 s without a
// write): the warning, its one action, and typing as activity. The timing rules are in test/checkout/model/expiry.test.ts.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getTranslation } from '../../../src/locales/all.js';
import { describe, it, waitUntil } from '../../helpers/harness.js';
import { createShortLimitSession, getShortLimitSession, SHORT_LIMIT_MS } from '../../helpers/sandbox.js';
import { sessionBody, useCheckoutSuite } from '../support.js';
import { mountFast } from '../../helpers/faults.js';

const t = getTranslation('en');

describe('<quaderno-checkout> session time limit', () => {
  useCheckoutSuite();

  it('warns before the limit (assertively, with a focusable button), and one action keeps the session open', async function () {
    this.timeout(20_000);
    const session = await createShortLimitSession(sessionBody());
    const m = await mountFast(session.permalink, 5000);
    await m.h.waitFor('form');
    const first = String(m.el.session?.expires_at);
    expect(m.h.$('[data-expiry]'), 'no warning at first').to.equal(null);
    const button = await waitUntil(() => m.h.$<HTMLButtonElement>('[data-expiry] [data-action="extend"]'), () => 'the warning', SHORT_LIMIT_MS);
    expect(m.h.announcement('assertive')).to.equal(t.expiryWarning(1));
    expect(button.textContent!.trim()).to.equal(t.expiryExtend);
    button.focus();
    expect(m.h.focused()).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !m.h.$('[data-expiry]'), () => 'the warning gone');
    await waitUntil(() => m.h.announcement('polite') === t.expiryExtended, () => `extended, got ${m.h.announcement('polite')}`);
    expect(m.h.focused(), 'focus back in the form, not lost').to.not.equal(null);
    const stored = await getShortLimitSession(session.id);
    expect(stored?.status).to.equal('pending');
    const now = await (await fetch(`${session.permalink}.json`)).json();
    expect(Date.parse(now.expires_at)).to.be.greaterThan(Date.parse(first));
  });

  it('unanswered, the limit passes: the element reads the session again and shows it expired (never a form that cannot save)', async function () {
    this.timeout(25_000);
    const session = await createShortLimitSession(sessionBody());
    const m = await mountFast(session.permalink, 5000);
    await m.h.waitFor('form');
    await waitUntil(() => m.h.$('[data-expiry]'), () => 'the warning', SHORT_LIMIT_MS);
    await m.h.waitFor('abandoned', SHORT_LIMIT_MS);
    expect((await getShortLimitSession(session.id))?.status).to.equal('abandoned');
    await waitUntil(() => m.h.announcement('polite').startsWith(t.abandonedTitle), () => `announced, got ${m.h.announcement('polite')}`);
  });

  it('typing counts as activity: a customer typing past the warning time is never warned', async function () {
    this.timeout(20_000);
    const session = await createShortLimitSession(sessionBody());
    const m = await mountFast(session.permalink, 5000);
    await m.h.waitFor('form');
    const first = Date.parse(String(m.el.session?.expires_at));
    const email = m.h.control('email') as HTMLInputElement;
    email.focus();
    // why 7 s: past half the limit, where an idle customer is warned
    for (const key of 'grace.hopper') {
      await sendKeys({ type: key });
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(m.h.$('[data-expiry]'), `no warning while typing (${key})`).to.equal(null);
    }
    const now = await (await fetch(`${session.permalink}.json`)).json();
    expect(now.status).to.equal('pending');
    expect(Date.parse(now.expires_at) - first, 'keep-alives moved the limit').to.be.greaterThan(3000);
  });
});
