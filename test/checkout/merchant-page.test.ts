// The element on a merchant's page in real Chromium: a strict CSP, the keyboard alone, focus, reduced motion, small
// screens and zoom, dark scheme, ::part(), hostile page CSS, and what its requests carry and where they go.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server.js';
import type { CreateSessionBody, SessionStatus } from '../../src/session/schema.js';
import { AGGRESSIVE_CSS, launchBrowser, startMerchant, strictCsp, waitForView, watch, type MerchantSite, type PageSpec } from '../hardening/support.js';

const SUCCESS_URL = 'https://shop.example/thanks';
const CANCEL_URL = 'https://shop.example/cart';

let sandbox: RunningSandbox;
let merchant: MerchantSite;
let browser: Browser;
let violations = 0;
let checkouts = 0;

before(async () => {
  sandbox = await startSandbox({ port: 0, log: false, faults: true, processingDelayMs: 150, abandonAfterMs: 60_000 });
  [merchant, browser] = await Promise.all([startMerchant(), launchBrowser()]);
});

after(async () => {
  console.log(`hardening: ${checkouts} page-level checkouts completed, ${sandbox.faults?.injected ?? 0} faults injected, ${violations} CSP violations`);
  await browser?.close();
  await merchant?.close();
  await sandbox?.close();
});

function permalink(body: Partial<CreateSessionBody> = {}, status?: SessionStatus): string {
  const session = sandbox.store.createSession(
    {
      items: [
        { name: 'Pro plan', description: 'Monthly subscription', amount: 2100, currency: 'EUR', quantity: 1 },
        { name: 'Sticker', amount: 250, currency: 'EUR', quantity: 2 },
      ],
      payment_methods: ['card', 'paypal'],
      billing_details_collection: 'required',
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      locale: 'en',
      ...body,
    },
    { status },
  );
  return sandbox.store.toJSON(session, sandbox.url).permalink as string;
}

/** A fresh context and page; the success and cancel URLs are answered locally so a redirect can be observed. */
async function open(spec: PageSpec, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.route('https://shop.example/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Shop</title>ok' }));
  const watched = watch(page);
  await page.goto(merchant.page(spec));
  return { page, ...watched };
}

const el = (page: Page) => page.locator('quaderno-checkout');

async function fillRequired(page: Page): Promise<void> {
  await waitForView(page, 'form');
  await el(page).locator('#qc-email').fill('ada@example.com');
  await el(page).locator('#qc-first_name').fill('Ada');
  await el(page).locator('#qc-last_name').fill('Lovelace');
  await el(page).locator('#qc-billing_country').selectOption('DE');
  await el(page).locator('#qc-billing_street_line_1').fill('Unter den Linden 1');
  await el(page).locator('#qc-billing_city').fill('Berlin');
  await el(page).locator('#qc-billing_postal_code').fill('10117');
  await el(page).locator('#qc-method-card').check();
  await el(page).locator('#qc-card_number').fill('4242 4242 4242 4242');
  await el(page).locator('#qc-card_expiry').fill('12/39');
  await el(page).locator('#qc-card_cvc').fill('123');
}

async function payAndLand(page: Page): Promise<void> {
  // why: the customer pays the total they see; Pay pressed while a tax preview runs only shows the new total.
  await el(page).locator('.totals[aria-busy="false"]').waitFor();
  await Promise.all([page.waitForURL(SUCCESS_URL, { timeout: 10_000 }), el(page).locator('[part="pay-button"]').click()]);
  checkouts++;
}

/** The focused element, through shadow roots. */
function activeName(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    return active.id || active.getAttribute('data-action') || active.getAttribute('part') || active.tagName.toLowerCase();
  });
}

/** Presses Tab (Shift+Tab backwards) until `name` has focus; the keyboard is the only way there. */
async function tabTo(page: Page, name: string, backwards = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await activeName(page)) === name) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`Tab never reached ${name}`);
}

describe('strict Content-Security-Policy', () => {
  test(`completes a checkout under "${'trusted-types lit-html'}" with no violation and no console error`, async () => {
    const { page, errors, violations: seen } = await open({ permalink: permalink(), csp: strictCsp(sandbox.url) });
    await fillRequired(page);
    // the coupon round-trip and the server's field errors are rendered under the same policy
    await payAndLand(page);
    const found = [...(await seen().catch(() => [])), ...errors];
    violations += found.length;
    assert.deepEqual(found, []);
    await page.context().close();
  });

  test("trusted-types 'none' is too strict: Lit's 'lit-html' policy is the one the page must allow", async () => {
    const { page, errors, violations: seen } = await open({ permalink: permalink(), csp: strictCsp(sandbox.url, "'none'") });
    await page.waitForTimeout(300);
    const found = [...(await seen()), ...errors].join('\n');
    assert.match(found, /lit-html/);
    await page.context().close();
  });
});

describe('keyboard, focus and motion', () => {
  test('the whole purchase with the keyboard alone: Tab, Shift+Tab, typing, Space and Enter', async () => {
    const link = permalink();
    // why: a loaded machine answers the tax preview late; held here on purpose, so the test waits for what the
    // customer waits for (the new total on the Pay button), never for a guessed time.
    sandbox.faults!.add({ kind: 'delay', token: link.split('/').pop()!, method: 'GET', path: '/tax.json', delayMs: 2500 });
    const { page, errors } = await open({ permalink: link });
    await waitForView(page, 'form', 30_000);
    const type = async (field: string, text: string) => {
      await tabTo(page, field);
      await page.keyboard.type(text);
    };
    await type('qc-email', 'ada@example.com');
    await type('qc-first_name', 'Ada');
    await type('qc-last_name', 'Lovelace');
    await type('qc-billing_street_line_1', 'Unter den Linden 1');
    await type('qc-billing_city', 'Berlin');
    await type('qc-billing_postal_code', '10117');
    // back up to the country select with Shift+Tab and pick by typing its localized name
    await tabTo(page, 'qc-billing_country', true);
    await page.keyboard.type('Germany');
    assert.equal(await el(page).locator('#qc-billing_country').inputValue(), 'DE');
    await tabTo(page, 'qc-method-card');
    await page.keyboard.press('Space');
    assert.equal(await el(page).locator('#qc-method-card').isChecked(), true);
    await type('qc-card_number', '4242424242424242');
    await type('qc-card_expiry', '12/39');
    await type('qc-card_cvc', '123');
    // why: Pay pressed while the preview runs only shows the new total and asks again; the customer reads it first.
    await el(page).locator('.totals[aria-busy="false"]').waitFor({ timeout: 30_000 });
    const total = (await el(page).locator('[data-total="total"]').textContent())?.trim() ?? '';
    const pay = (await el(page).locator('[part="pay-button"]').textContent()) ?? '';
    assert.ok(total !== '' && pay.includes(total), `the Pay button (${pay.trim()}) shows the total (${total})`);
    await tabTo(page, 'pay-button');
    await Promise.all([page.waitForURL(SUCCESS_URL, { timeout: 30_000 }), page.keyboard.press('Enter')]);
    checkouts++;
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('focus is always visible: inputs, radios, buttons and links show a ring when reached by keyboard', async () => {
    const { page } = await open({ permalink: permalink({ coupon_collection: true }) });
    await waitForView(page, 'form');
    const ring = async (name: string) => {
      await tabTo(page, name);
      return page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        const style = getComputedStyle(active!);
        return { outline: `${style.outlineStyle} ${style.outlineWidth}`, shadow: style.boxShadow, matches: active!.matches(':focus-visible') };
      });
    };
    for (const name of ['qc-coupon', 'coupon-apply', 'qc-email', 'qc-billing_country', 'qc-method-card', 'pay-button', 'cancel']) {
      const { outline, shadow, matches } = await ring(name);
      const visible = (/^(solid|auto|dashed|dotted|double)/.test(outline) && !outline.endsWith(' 0px')) || shadow !== 'none';
      assert.ok(matches && visible, `${name} has no visible focus: outline ${outline}, box-shadow ${shadow}`);
    }
    await page.context().close();
  });

  const motionCases: Array<{ reduced: boolean }> = [{ reduced: true }, { reduced: false }];
  for (const { reduced } of motionCases) {
    test(`prefers-reduced-motion: ${reduced ? 'reduce → nothing animates' : 'no-preference → the skeleton animates'}`, async () => {
      const link = permalink();
      const token = link.split('/').pop()!;
      // hold the load so the skeleton stays up, then check the processing spinner too
      sandbox.faults!.add({ kind: 'delay', token, method: 'GET', path: '.json', delayMs: 1500 });
      const context = await browser.newContext({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
      const page = await context.newPage();
      await page.goto(merchant.page({ permalink: link }));
      await waitForView(page, 'loading');
      const longest = () =>
        page.evaluate(() => {
          const root = document.querySelector('quaderno-checkout')!.shadowRoot!;
          let max = 0;
          for (const node of root.querySelectorAll('*')) {
            const style = getComputedStyle(node);
            for (const value of [...style.animationDuration.split(','), ...style.transitionDuration.split(',')]) {
              max = Math.max(max, parseFloat(value) || 0);
            }
          }
          return max;
        });
      const skeleton = await longest();
      if (reduced) assert.ok(skeleton <= 0.001, `longest animation/transition ${skeleton}s`);
      else assert.ok(skeleton >= 1, `the skeleton should animate without the preference (${skeleton}s)`);
      await context.close();
      if (!reduced) return;
      const processing = await browser.newContext({ reducedMotion: 'reduce' });
      const p2 = await processing.newPage();
      await p2.goto(merchant.page({ permalink: permalink({}, 'processing') }));
      await waitForView(p2, 'processing');
      const spinner = await p2.evaluate(() => {
        const spin = document.querySelector('quaderno-checkout')!.shadowRoot!.querySelector('.spinner')!;
        return { name: getComputedStyle(spin).animationName, running: spin.getAnimations().length };
      });
      assert.deepEqual(spinner, { name: 'none', running: 0 });
      await processing.close();
    });
  }
});

describe('small screens, zoom and theming', () => {
  const layouts: Array<{ name: string; options: BrowserContextOptions }> = [
    { name: '320 px wide', options: { viewport: { width: 320, height: 640 } } },
    { name: '200% zoom of a 1280 px window', options: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
    { name: '400% zoom of a 1280 px window', options: { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 } },
  ];
  for (const { name, options } of layouts) {
    test(`${name}: no horizontal scrolling, errors wrap, and the pay button is reachable`, async () => {
      const long = 'Übermäßig-lange-Produktbezeichnung-ohne-Leerzeichen-die-umbrechen-muss'.repeat(2);
      const { page } = await open({ permalink: permalink({ coupon_collection: true, items: [{ name: long, description: long, amount: 123456789, currency: 'EUR', quantity: 3 }] }) }, options);
      await waitForView(page, 'form');
      await el(page).locator('[part="pay-button"]').click();
      await el(page).locator('#qc-email-error').filter({ hasText: /./ }).waitFor();
      const overflow = await page.evaluate(() => {
        const base = document.querySelector('quaderno-checkout')!.shadowRoot!.querySelector('[part="base"]')!;
        const wide = [...base.querySelectorAll('*')].filter((node) => node.getBoundingClientRect().right > document.documentElement.clientWidth + 1);
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          base: base.scrollWidth - base.clientWidth,
          wide: wide.map((node) => `${node.tagName}.${node.className}`).slice(0, 5),
        };
      });
      assert.deepEqual(overflow, { page: 0, base: 0, wide: [] });
      const pay = el(page).locator('[part="pay-button"]');
      await pay.scrollIntoViewIfNeeded();
      const hit = await pay.evaluate((button) => {
        const box = button.getBoundingClientRect();
        let target: Element | null = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        while (target?.shadowRoot) {
          const inner = target.shadowRoot.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          if (!inner || inner === target) break;
          target = inner;
        }
        return !!target && button.contains(target);
      });
      assert.equal(hit, true, 'the pay button is on screen and not covered');
      await page.context().close();
    });
  }

  test('dark scheme follows prefers-color-scheme, and the theme attribute overrides it', async () => {
    const background = (page: Page) => el(page).locator('[part="base"]').evaluate((node) => getComputedStyle(node).backgroundColor);
    const link = permalink();
    const cases: Array<{ scheme: 'dark' | 'light'; theme?: string; expected: string }> = [
      { scheme: 'light', expected: 'rgb(255, 255, 255)' },
      { scheme: 'dark', expected: 'rgb(18, 20, 27)' },
      { scheme: 'dark', theme: 'light', expected: 'rgb(255, 255, 255)' },
      { scheme: 'light', theme: 'dark', expected: 'rgb(18, 20, 27)' },
    ];
    const { page } = await open({ permalink: link });
    await waitForView(page, 'form');
    for (const { scheme, theme, expected } of cases) {
      await page.emulateMedia({ colorScheme: scheme });
      await el(page).evaluate((host, value) => (value ? host.setAttribute('theme', value) : host.removeAttribute('theme')), theme ?? null);
      assert.equal(await background(page), expected, `${scheme} system, theme=${theme ?? 'auto'}`);
      const inputScheme = await el(page).locator('#qc-email').evaluate((node) => getComputedStyle(node).colorScheme);
      assert.equal(inputScheme, theme ?? scheme);
    }
    await page.context().close();
  });

  test('custom properties and ::part() style the widget from the page stylesheet', async () => {
    const css = `
      quaderno-checkout { --quaderno-color-primary: rgb(1, 2, 3); --quaderno-radius: 0px; --quaderno-font-family: Georgia, serif; }
      quaderno-checkout::part(pay-button) { text-transform: uppercase; }
      quaderno-checkout::part(summary) { border-width: 3px; }
      quaderno-checkout::part(input) { border-color: rgb(4, 5, 6); }`;
    const { page } = await open({ permalink: permalink(), css, csp: strictCsp(sandbox.url) });
    await waitForView(page, 'form');
    const styles = await el(page).evaluate((host) => {
      const root = host.shadowRoot!;
      const pay = getComputedStyle(root.querySelector('[part="pay-button"]')!);
      return {
        pay: pay.backgroundColor,
        radius: pay.borderTopLeftRadius,
        transform: pay.textTransform,
        font: getComputedStyle(root.querySelector('[part="base"]')!).fontFamily,
        summary: getComputedStyle(root.querySelector('[part="summary"]')!).borderTopWidth,
        input: getComputedStyle(root.querySelector('#qc-email')!).borderTopColor,
      };
    });
    assert.deepEqual(styles, { pay: 'rgb(1, 2, 3)', radius: '0px', transform: 'uppercase', font: 'Georgia, serif', summary: '3px', input: 'rgb(4, 5, 6)' });
    await page.context().close();
  });

  test('hostile page CSS cannot break it: the form renders, nothing inherited leaks in, and a checkout completes', async () => {
    const { page } = await open({ permalink: permalink(), css: AGGRESSIVE_CSS });
    await waitForView(page, 'form');
    const styles = await el(page).evaluate((host) => {
      const root = host.shadowRoot!;
      const item = getComputedStyle(root.querySelector('.item-name')!);
      const input = root.querySelector<HTMLElement>('#qc-email')!;
      return {
        fontStyle: item.fontStyle,
        letterSpacing: item.letterSpacing,
        textTransform: item.textTransform,
        wordSpacing: item.wordSpacing,
        lineHeight: getComputedStyle(root.querySelector('[part="base"]')!).lineHeight,
        color: getComputedStyle(root.querySelector('[part="base"]')!).color,
        inputShown: input.offsetWidth > 0 && getComputedStyle(input).display !== 'none',
        payVisible: getComputedStyle(root.querySelector('[part="pay-button"]')!).visibility,
      };
    });
    assert.deepEqual(styles, {
      fontStyle: 'normal',
      letterSpacing: 'normal',
      textTransform: 'none',
      wordSpacing: '0px',
      lineHeight: '22.5px',
      color: 'rgb(26, 31, 54)',
      inputShown: true,
      payVisible: 'visible',
    });
    await fillRequired(page);
    await payAndLand(page);
    await page.context().close();
  });
});

describe('requests', () => {
  test('go only to the permalink’s origin, with no Authorization and no cookies, even with a cookie set there', async () => {
    const link = permalink({ coupon_collection: true });
    const token = link.split('/').pop()!;
    const context = await browser.newContext();
    await context.addCookies([{ name: 'session', value: 'secret-cookie', url: sandbox.url }]);
    const page = await context.newPage();
    await page.route('https://shop.example/**', (route) => route.fulfill({ status: 200, body: 'ok' }));
    const seen: Array<{ url: string; headers: Record<string, string> }> = [];
    page.on('request', (request) => {
      const type = request.resourceType();
      if (type === 'fetch' || type === 'xhr') seen.push({ url: request.url(), headers: request.headers() });
    });
    sandbox.faults!.clear();
    await page.goto(merchant.page({ permalink: link }));
    await fillRequired(page);
    await el(page).locator('#qc-coupon').fill('WELCOME10');
    await el(page).locator('[data-action="coupon-apply"]').click();
    await el(page).locator('[data-total="discount"]').waitFor();
    await payAndLand(page);
    const origin = new URL(link).origin;
    assert.ok(seen.length >= 4, `requests seen: ${seen.length}`);
    for (const request of seen) {
      assert.equal(new URL(request.url).origin, origin, request.url);
      assert.equal(request.headers.authorization, undefined);
      assert.equal(request.headers.cookie, undefined);
    }
    // what the server actually received
    const received = sandbox.faults!.seen.filter((r) => r.path.startsWith(`/checkout/session/${token}`));
    assert.ok(received.some((r) => r.method === 'PUT') && received.some((r) => r.path.endsWith('/pay.json')));
    for (const request of received) {
      assert.equal(request.headers.authorization, undefined, `${request.method} ${request.path}`);
      assert.equal(request.headers.cookie, undefined, `${request.method} ${request.path}`);
    }
    await context.close();
  });
});

describe("the sandbox's hosted checkout page", () => {
  test('loads without a failed request or console error, and is wide enough for the two-column layout', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { errors } = watch(page);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
    await page.goto(permalink());
    await waitForView(page, 'form');
    const summary = await el(page).locator('[part="summary"]').boundingBox();
    const form = await el(page).locator('[part="form"]').boundingBox();
    assert.ok(summary && form);
    // side by side: the form starts to the right of the summary, on the same band
    assert.ok(form.x >= summary.x + summary.width - 1, `summary ${JSON.stringify(summary)} form ${JSON.stringify(form)}`);
    assert.deepEqual([...failed, ...errors], []);
    await context.close();
  });
});
