// Runs inside the benchmark page (after dist/quaderno-checkout.js): render cost of <quaderno-checkout> against a
// hand-written vanilla DOM form that shows the same items and fields, and keystroke-to-validation latency.
// Sessions are served by a fetch stub, so the clock starts when the session response is handed to the page.

const sessions = new Map(); // url → JSON text
const responseAt = new Map(); // url → performance.now() when the stub answered
const realFetch = window.fetch.bind(window);

// why: isolates rendering from the network; the element's own client reads the body, parses and validates it.
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input.url;
  const text = sessions.get(url);
  if (text === undefined) return realFetch(input, init);
  responseAt.set(url, performance.now());
  return Promise.resolve(new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
};

const stage = document.createElement('div');
stage.style.cssText = 'width: 480px;';
document.body.append(stage);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

// ---- the element --------------------------------------------------------------------------------------------

async function elementRun(permalink, url) {
  sessionStorage.clear();
  const element = document.createElement('quaderno-checkout');
  const ready = new Promise((resolve) => element.addEventListener('quaderno-ready', resolve, { once: true }));
  element.setAttribute('permalink', permalink);
  stage.append(element);
  await ready;
  const root = element.shadowRoot;
  let email = root.querySelector('#qc-email');
  for (let i = 0; !email && i < 50; i++) {
    await element.updateComplete;
    email = root.querySelector('#qc-email') ?? (await new Promise(requestAnimationFrame), root.querySelector('#qc-email'));
  }
  email.focus();
  const focusable = root.activeElement === email;
  root.querySelector('[part="pay-button"]').getBoundingClientRect(); // style and layout are part of "interactive"
  const render = performance.now() - responseAt.get(url);

  // Typing: each keystroke is an input event followed by the element's update (and layout).
  const keystrokes = [];
  let value = '';
  for (const char of 'not-an-email') {
    value += char;
    const start = performance.now();
    email.value = value;
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: char, inputType: 'insertText' }));
    await element.updateComplete;
    email.getBoundingClientRect();
    keystrokes.push(performance.now() - start);
  }
  const errorBefore = root.querySelector('#qc-email-error')?.textContent.trim() ?? '';
  const start = performance.now();
  email.blur();
  let error = root.querySelector('#qc-email-error');
  for (let i = 0; i < 50 && !(error?.textContent.trim()); i++) {
    await element.updateComplete;
    error = root.querySelector('#qc-email-error');
    if (!error?.textContent.trim()) await new Promise(requestAnimationFrame);
  }
  error.getBoundingClientRect();
  const validation = performance.now() - start;
  const ok = focusable && errorBefore === '' && !!error.textContent.trim() && email.getAttribute('aria-invalid') === 'true';
  element.remove();
  return { render, keystroke: median(keystrokes), validation, ok };
}

// ---- the vanilla baseline -----------------------------------------------------------------------------------

const formatters = new Map();
function money(minor, currency) {
  let formatter = formatters.get(currency);
  if (!formatter) formatters.set(currency, (formatter = new Intl.NumberFormat('en', { style: 'currency', currency })));
  return formatter.format(minor / 100);
}

let countries;
function countryList() {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator('en');
  const codes = window.benchCountryCodes;
  countries = codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
  return countries;
}

function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function field(id, label, { type = 'text', autocomplete, required = true, options, onBlur } = {}) {
  const error = h('p', { part: 'error', class: 'error', id: `${id}-error` });
  const control = options
    ? h('select', { part: 'input select', class: 'input', id, name: id, autocomplete, 'aria-describedby': `${id}-error`, 'aria-invalid': 'false' },
        h('option', { value: '' }, 'Select a country'),
        ...options.map((option) => h('option', { value: option.code }, option.name)))
    : h('input', { part: 'input', class: 'input', id, name: id, type, autocomplete, spellcheck: 'false', 'aria-describedby': `${id}-error`, 'aria-invalid': 'false' });
  if (required) control.required = true;
  const wrapper = h('div', { part: 'field', class: 'field', 'data-field': id },
    h('label', { part: 'label', class: 'label', for: id }, label, ...(required ? [] : [' ', h('span', { class: 'optional' }, '(optional)')])),
    control, error);
  if (onBlur) control.addEventListener('blur', () => onBlur(control, error, wrapper));
  return wrapper;
}

function vanillaRender(host, session) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = window.benchSheets;
  root.replaceChildren();
  const currency = session.items[0].currency;
  let subtotal = 0;
  const items = h('ul', { class: 'items', role: 'list' });
  let count = 0;
  for (const item of session.items) {
    const unit = money(item.amount, item.currency);
    const line = item.amount * item.quantity;
    subtotal += line;
    count += item.quantity;
    const main = h('div', { class: 'item-main' }, h('span', { class: 'item-name' }, item.name));
    if (item.description) main.append(h('span', { class: 'item-description' }, item.description));
    main.append(h('span', { class: 'item-quantity' },
      h('span', { 'aria-hidden': 'true' }, `${item.quantity} × ${unit}`),
      h('span', { class: 'sr-only' }, `Quantity: ${item.quantity}. Unit price: ${unit}.`)));
    items.append(h('li', { part: 'item', class: 'item' }, main,
      h('span', { class: 'item-total' }, h('span', { class: 'sr-only' }, 'Amount: '), money(line, item.currency))));
  }
  const total = money(subtotal, currency);
  const summary = h('section', { part: 'summary', class: 'summary' },
    h('h2', { class: 'summary-heading' }, 'Order summary'),
    h('p', { class: 'summary-total', 'aria-hidden': 'true' }, total),
    h('p', { class: 'item-count' }, `${count} items`),
    items,
    h('dl', { class: 'totals' },
      h('div', { class: 'totals-row' }, h('dt', {}, 'Subtotal'), h('dd', { 'data-total': 'subtotal' }, money(subtotal, currency))),
      h('div', { part: 'total', class: 'totals-row total' }, h('dt', {}, 'Total'), h('dd', { 'data-total': 'total' }, total))));
  const validateEmail = (control, error, wrapper) => {
    const invalid = control.value.trim() === '' || !EMAIL.test(control.value.trim());
    control.setAttribute('aria-invalid', String(invalid));
    wrapper.classList.toggle('invalid', invalid);
    error.textContent = invalid ? 'Enter a valid email address.' : '';
  };
  const form = h('form', { part: 'form', novalidate: '' },
    h('fieldset', { class: 'group', part: 'fieldset' }, h('legend', { class: 'legend' }, 'Contact'),
      field('qc-email', 'Email', { type: 'email', autocomplete: 'email', onBlur: validateEmail })),
    h('fieldset', { class: 'group', part: 'fieldset' }, h('legend', { class: 'legend' }, 'Billing details'),
      h('div', { class: 'row' }, field('qc-first_name', 'First name', { autocomplete: 'given-name' }), field('qc-last_name', 'Last name', { autocomplete: 'family-name' })),
      field('qc-billing_country', 'Country', { autocomplete: 'country', options: countryList() }),
      field('qc-billing_street_line_1', 'Address', { autocomplete: 'address-line1' }),
      field('qc-billing_street_line_2', 'Address line 2', { autocomplete: 'address-line2', required: false }),
      h('div', { class: 'row' }, field('qc-billing_city', 'City', { autocomplete: 'address-level2' }), field('qc-billing_postal_code', 'Postal code', { autocomplete: 'postal-code' })),
      field('qc-company', 'Company', { autocomplete: 'organization', required: false }),
      field('qc-tax_id', 'Tax ID', { autocomplete: 'on', required: false })),
    h('fieldset', { part: 'methods', class: 'group methods' }, h('legend', { class: 'legend' }, 'Payment method ', h('span', { class: 'badge' }, 'Test mode')),
      h('div', { class: 'method-list' }, h('label', { part: 'method', class: 'method selected', for: 'qc-method-card' },
        Object.assign(h('input', { type: 'radio', id: 'qc-method-card', name: 'payment-method', value: 'card' }), { checked: true }),
        h('span', { class: 'method-name' }, 'Card'))),
      h('div', { class: 'processor-fields' },
        h('div', { class: 'test-mode', part: 'test-mode' }, h('span', { class: 'badge' }, 'Test mode'), h('p', {}, 'Use 4242 4242 4242 4242.')),
        field('qc-card_number', 'Card number', { autocomplete: 'off' }),
        h('div', { class: 'row' }, field('qc-card_expiry', 'Expiry', { autocomplete: 'off' }), field('qc-card_cvc', 'CVC', { autocomplete: 'off' })))),
    h('div', { class: 'pay-area' },
      h('button', { part: 'pay-button', class: 'pay', type: 'submit' }, h('span', {}, `Pay ${total}`)),
      h('button', { part: 'cancel', type: 'button', class: 'link cancel' }, 'Cancel')));
  root.append(h('div', { part: 'base', class: 'base', 'data-state': 'form' }, h('div', { class: 'layout' }, summary, form)));
  return root;
}

async function vanillaRun(url) {
  const host = document.createElement('div');
  stage.append(host);
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' });
  const session = await response.json();
  const root = vanillaRender(host, session);
  const email = root.querySelector('#qc-email');
  email.focus();
  const focusable = root.activeElement === email;
  root.querySelector('[part="pay-button"]').getBoundingClientRect();
  const render = performance.now() - responseAt.get(url);

  const keystrokes = [];
  let value = '';
  for (const char of 'not-an-email') {
    value += char;
    const start = performance.now();
    email.value = value;
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: char, inputType: 'insertText' }));
    email.getBoundingClientRect();
    keystrokes.push(performance.now() - start);
  }
  const start = performance.now();
  email.blur();
  const error = root.querySelector('#qc-email-error');
  error.getBoundingClientRect();
  const validation = performance.now() - start;
  const ok = focusable && !!error.textContent.trim();
  host.remove();
  return { render, keystroke: median(keystrokes), validation, ok };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Runs `runs` measured pairs (after `warmup` pairs), alternating which of the two goes first.
 * Returns the raw samples for Node to summarize.
 */
window.benchRender = async ({ size, json, runs, warmup }) => {
  window.benchSheets ??= customElements.get('quaderno-checkout').elementStyles.map((style) => style.styleSheet ?? style);
  const samples = { element: [], vanilla: [] };
  for (let i = 0; i < warmup + runs; i++) {
    const order = i % 2 === 0 ? ['element', 'vanilla'] : ['vanilla', 'element'];
    for (const kind of order) {
      const url = `https://bench.invalid/checkout/session/${kind}-${size}-${i}.json`;
      sessions.set(url, json);
      const permalink = url.replace(/\.json$/, '');
      const result = kind === 'element' ? await elementRun(permalink, url) : await vanillaRun(url);
      sessions.delete(url);
      if (i >= warmup) samples[kind].push(result);
      await settle();
    }
  }
  return samples;
};

window.benchReady = true;
