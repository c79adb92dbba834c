// Issue 16 in the element: locales other than English load on demand (a module request of their own here, where
// the test server serves each source module), the element shows the one it needs without a flash of another, a
// live switch loads the next one, and under `script-src 'self'` nothing is blocked.
import { expect } from '@open-wc/testing';
import { peekTranslation } from '../../src/locales/index.js';
import { TRANSLATIONS } from '../../src/locales/all.js';
import { createSession, sandboxUrl } from '../helpers/sandbox.js';
import { afterEach, describe, it, waitUntil } from '../helpers/harness.js';
import { mount, sessionBody, useCheckoutSuite } from '../checkout/support.js';

const setLanguages = (languages: string[]) =>
  Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });

/** Every (view, lang) pair the element's base part shows, recorded as it changes. */
function recordViews(root: ShadowRoot): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const note = () => {
    const base = root.querySelector('[part="base"]');
    const entry = `${base?.getAttribute('data-state')}:${base?.getAttribute('lang')}`;
    if (base && seen.at(-1) !== entry) seen.push(entry);
  };
  const observer = new MutationObserver(note);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'lang'] });
  note();
  return { seen, stop: () => observer.disconnect() };
}

describe('locale chunks in the element', () => {
  useCheckoutSuite();
  afterEach(() => {
    setLanguages(['en-US', 'en']);
  });

  it('locale="de" shows the form in German, and never in another language first', async () => {
    const session = await createSession(sessionBody({ locale: 'en' }));
    const { h } = await mount(session.permalink, { locale: 'de' });
    const views = recordViews(h.root);
    await h.waitFor('form');
    views.stop();
    expect(h.text()).to.contain(TRANSLATIONS.de.orderSummary);
    expect(h.$('[part="base"]')!.getAttribute('lang')).to.equal('de');
    expect(views.seen.filter((v) => v.startsWith('form:'))).to.deep.equal(['form:de']);
  });

  it('a live switch loads the chunk and re-renders in place, the form staying up meanwhile', async () => {
    expect(peekTranslation('fi'), 'Finnish is not loaded yet').to.equal(undefined);
    const session = await createSession(sessionBody({ locale: 'de' }));
    const { h, el } = await mount(session.permalink);
    await h.waitFor('form');
    await h.fill('email', 'ada@example.com');
    const views = recordViews(h.root);
    el.locale = 'fi';
    await waitUntil(() => h.text().includes(TRANSLATIONS.fi.orderSummary), () => h.text().slice(0, 200));
    views.stop();
    expect(peekTranslation('fi')).to.equal(TRANSLATIONS.fi);
    expect(views.seen.every((v) => v.startsWith('form:')), views.seen.join()).to.equal(true);
    expect(h.value('email'), 'what was typed stays').to.equal('ada@example.com');
  });

  it('a session naming a locale nothing predicted waits for its chunk instead of showing English first', async () => {
    setLanguages(['en-US']);
    expect(peekTranslation('hu'), 'Hungarian is not loaded yet').to.equal(undefined);
    const session = await createSession(sessionBody({ locale: 'hu' }));
    const { h, events } = await mount(session.permalink);
    const views = recordViews(h.root);
    await h.waitFor('form');
    views.stop();
    expect(views.seen.filter((v) => v.startsWith('form:'))).to.deep.equal(['form:hu']);
    await waitUntil(() => events.some((e) => e.type === 'quaderno-ready'), () => 'quaderno-ready');
    expect(h.text()).to.contain(TRANSLATIONS.hu.orderSummary);
  });

  it("under script-src 'self' the element loads its locale with no violation", async () => {
    const session = await createSession(sessionBody({ locale: 'sv' }));
    const api = await sandboxUrl();
    const frame = document.createElement('iframe');
    // why srcdoc: the frame shares this page's origin, so `'self'` covers the test server's modules. The inline
    // script and the probe's image from another origin are there to prove the policy is on and the probe hears it.
    frame.srcdoc = `<!doctype html><html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${api}">
<script type="module" src="/test/locales/csp-probe.ts"></script>
<script type="module" src="/src/quaderno-checkout.ts"></script>
<script>window.inlineRan = true;</script>
</head><body><quaderno-checkout permalink="${session.permalink}"></quaderno-checkout></body></html>`;
    document.body.append(frame);
    try {
      const win = await waitUntil(() => frame.contentWindow as (Window & { __violations?: string[]; inlineRan?: boolean }) | null, () => 'frame');
      const base = await waitUntil(
        () => {
          const found = win.document.querySelector('quaderno-checkout')?.shadowRoot?.querySelector('[part="base"]');
          return found?.getAttribute('data-state') === 'form' ? found : undefined;
        },
        () => `form in the frame; violations ${win.__violations?.join()}`,
        10_000,
      );
      expect(base.getAttribute('lang')).to.equal('sv');
      expect(base.textContent).to.contain(TRANSLATIONS.sv.orderSummary);
      expect(win.inlineRan, 'the inline script was blocked').to.equal(undefined);
      await waitUntil(() => win.__violations!.length > 0, () => 'the probe hears the blocked image');
      expect(win.__violations).to.deep.equal(['img-src http://blocked.invalid/probe.png']);
    } finally {
      frame.remove();
    }
  });
});
