// TEST DOUBLE: the card fields of the Stripe.js double, in a frame on the sandbox's other origin. The card number,
// expiry and CVC exist only here: this frame sends them to the simulated Stripe API on its own origin and tells the
// merchant page nothing but the outcome.
import type { Appearance } from '@stripe/stripe-js';
import type { StripeError } from '@stripe/stripe-js';
import {
  callApi,
  readFragment,
  REDIRECT_METHODS,
  unwrap,
  wrap,
  type CardFrameConfig,
  type DoubleMethod,
  type FieldsCheck,
  type FromCardFrame,
  type ToCardFrame,
} from './messages.js';
import { luhn } from '../../session/card.js';

const config = readFragment<CardFrameConfig>();

const LABELS: Record<string, { number: string; expiry: string; cvc: string }> = {
  en: { number: 'Card number', expiry: 'Expiration date', cvc: 'Security code' },
  de: { number: 'Kartennummer', expiry: 'Ablaufdatum', cvc: 'Sicherheitscode' },
  es: { number: 'Número de tarjeta', expiry: 'Fecha de caducidad', cvc: 'Código de seguridad' },
  fr: { number: 'Numéro de carte', expiry: "Date d'expiration", cvc: 'Code de sécurité' },
};

const style = document.createElement('style');
document.head.append(style);
// why: Stripe's Payment Element shows a tab per payment method; a redirect-based one has no fields to fill here.
const tabs = document.createElement('div');
tabs.setAttribute('role', 'radiogroup');
tabs.setAttribute('aria-label', 'Payment method');
const BRANDS: Record<DoubleMethod, string> = { card: 'Card', ideal: 'iDEAL', bancontact: 'Bancontact' };
let method: DoubleMethod = 'card';
for (const type of ['card', ...REDIRECT_METHODS] as const) {
  const label = document.createElement('label');
  const radio = document.createElement('input');
  radio.type = 'radio';
  radio.name = 'method';
  radio.value = type;
  radio.id = `method-${type}`;
  radio.checked = type === method;
  radio.addEventListener('change', () => {
    method = type;
    form.hidden = type !== 'card';
    redirectNote.hidden = type === 'card';
    changed();
  });
  label.append(radio, ` ${BRANDS[type]}`);
  tabs.append(label);
}
const redirectNote = document.createElement('p');
redirectNote.className = 'note';
redirectNote.hidden = true;
redirectNote.textContent = 'After you pay, you will be redirected to your bank to authorize the payment.';
const form = document.createElement('form');
form.noValidate = true;
document.body.append(tabs, form, redirectNote);

function field(name: 'number' | 'expiry' | 'cvc', autocomplete: string, placeholder: string): HTMLInputElement {
  const label = document.createElement('label');
  const text = document.createElement('span');
  const input = document.createElement('input');
  input.name = name;
  input.id = name;
  input.setAttribute('autocomplete', autocomplete);
  input.inputMode = 'numeric';
  input.placeholder = placeholder;
  label.htmlFor = name;
  label.dataset.field = name;
  label.append(text, input);
  form.append(label);
  return input;
}

const number = field('number', 'cc-number', '1234 1234 1234 1234');
const expiry = field('expiry', 'cc-exp', 'MM / YY');
const cvc = field('cvc', 'cc-csc', 'CVC');
const message = document.createElement('p');
message.setAttribute('role', 'alert');
form.append(message);

function applyLocale(locale: string): void {
  const labels = LABELS[locale.slice(0, 2)] ?? LABELS.en!;
  document.documentElement.lang = locale === 'auto' ? 'en' : locale;
  for (const input of [number, expiry, cvc]) {
    (input.previousElementSibling as HTMLElement).textContent = labels[input.name as 'number' | 'expiry' | 'cvc'];
  }
}

function applyAppearance(appearance: Appearance): void {
  const v = appearance.variables ?? {};
  const night = appearance.theme === 'night';
  style.textContent = `
    :root { color-scheme: ${night ? 'dark' : 'light'}; }
    body { margin: 0; padding: 2px; font-family: ${v.fontFamily ?? 'system-ui, sans-serif'}; color: ${v.colorText ?? (night ? '#eee' : '#1a1f36')}; background: transparent; }
    form { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 12px; }
    form label { display: grid; gap: 4px; font-size: 14px; }
    label[data-field="number"] { grid-column: 1 / -1; }
    input { font: inherit; font-size: 16px; padding: 9px 10px; border: 1px solid ${v.colorTextSecondary ?? '#8a90a0'};
      border-radius: ${v.borderRadius ?? '6px'}; background: ${v.colorBackground ?? (night ? '#12141b' : '#fff')}; color: inherit; }
    input:focus { outline: 2px solid ${v.colorPrimary ?? '#635bff'}; outline-offset: 1px; }
    input[aria-invalid="true"] { border-color: ${v.colorDanger ?? '#df1b41'}; }
    p { grid-column: 1 / -1; margin: 0; min-height: 1.2em; font-size: 13px; color: ${v.colorDanger ?? '#df1b41'}; }
    [hidden] { display: none; }
    [role="radiogroup"] { display: flex; gap: 16px; margin: 0 0 10px; font-size: 14px; }
    [role="radiogroup"] label { display: inline-flex; align-items: center; gap: 4px; }
    p.note { margin: 0; font-size: 14px; color: inherit; }`;
}

const digits = (value: string) => value.replace(/[\s-]/g, '');
function numberOk(): boolean {
  const d = digits(number.value);
  return /^\d{12,19}$/.test(d) && luhn(d);
}
const expiryOk = () => /^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/.test(expiry.value.trim());
const cvcOk = () => /^\d{3,4}$/.test(cvc.value.trim());

function post(out: FromCardFrame): void {
  window.parent.postMessage(wrap(out), config.parent);
}

/** Stripe's client-side validation error for a field, as `elements.submit()` reports it. */
const invalid = (code: string, message: string): StripeError => ({ type: 'validation_error', code, message });

/** The fields' state now; for `elements.submit()` also the first field's error, as Stripe.js reports it. */
function check(): FieldsCheck {
  if (method !== 'card') return { empty: false, complete: true, method };
  const empty = number.value === '' && expiry.value === '' && cvc.value === '';
  let error: StripeError | undefined;
  if (digits(number.value).length < 12) error = invalid('incomplete_number', 'Your card number is incomplete.');
  else if (!numberOk()) error = invalid('invalid_number', 'Your card number is invalid.');
  else if (!expiryOk()) error = invalid('incomplete_expiry', "Your card's expiration date is incomplete.");
  else if (!cvcOk()) error = invalid('incomplete_cvc', "Your card's security code is incomplete.");
  return error ? { empty, complete: false, method, error } : { empty, complete: true, method };
}

function changed(): void {
  number.setAttribute('aria-invalid', String(number.value !== '' && digits(number.value).length >= 12 && !numberOk()));
  const { empty, complete } = check();
  post({ kind: 'change', empty, complete, method });
}

expiry.addEventListener('input', () => {
  // why: typing "1230" should read as "12 / 30", as Stripe's field does.
  const d = expiry.value.replace(/\D/g, '').slice(0, 4);
  expiry.value = d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2)}` : d;
});
for (const input of [number, expiry, cvc]) input.addEventListener('input', changed);

window.addEventListener('message', async (event) => {
  if (event.source !== window.parent || event.origin !== config.parent) return;
  const incoming = unwrap<ToCardFrame>(event.data);
  if (!incoming) return;
  if (incoming.kind === 'update') {
    if (incoming.readOnly !== undefined) {
      for (const input of [number, expiry, cvc]) input.readOnly = incoming.readOnly;
      for (const radio of tabs.querySelectorAll('input')) radio.disabled = incoming.readOnly;
    }
    if (incoming.locale) applyLocale(incoming.locale);
    if (incoming.appearance) applyAppearance(incoming.appearance);
    return;
  }
  if (incoming.kind === 'submit') {
    // why: answered from the fields as they are now, so a Pay right after the last keystroke sees it.
    const state = check();
    message.textContent = state.error?.message ?? '';
    post({ kind: 'submitted', id: incoming.id, check: state });
    return;
  }
  const id = /^(pi_[A-Za-z0-9_]+?)_secret_/.exec(incoming.clientSecret)?.[1] ?? 'unknown';
  const answer = await callApi(
    `/doubles/stripe/v1/payment_intents/${id}/confirm`,
    method === 'card'
      ? { client_secret: incoming.clientSecret, card: { number: number.value, expiry: expiry.value.replace(/\s/g, ''), cvc: cvc.value } }
      : { client_secret: incoming.clientSecret, payment_method_type: method, return_url: incoming.returnUrl },
  );
  message.textContent = answer.ok ? '' : (answer.error.message ?? '');
  post({ kind: 'confirmed', id: incoming.id, answer });
});

applyLocale(config.locale);
applyAppearance(config.appearance);
post({ kind: 'ready' });
