// The `npm start` page: pick a seeded sandbox session, a locale and a theme; watch the element's events.
// No inline script (the page works under a strict CSP); everything here talks to the sandbox on this origin.
import '../src/quaderno-checkout.js';
import { LOCALE_CODES, QUADERNO_EVENTS, type CheckoutSession, type QuadernoCheckout } from '../src/index.js';

interface SeedSession {
  id: number;
  label: string;
  status: CheckoutSession['status'];
  permalink: string;
  locale: string;
  currency: string | null;
  payment_methods: string[];
  coupon_collection: boolean;
}

const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
const sessionSelect = $<HTMLSelectElement>('session');
const localeSelect = $<HTMLSelectElement>('locale');
const mount = $<HTMLDivElement>('mount');
const statusBadge = $<HTMLSpanElement>('status');
const permalinkLink = $<HTMLAnchorElement>('permalink');
const events = $<HTMLOListElement>('events');
const eventsEmpty = $<HTMLParagraphElement>('events-empty');
const follow = $<HTMLInputElement>('follow');

const params = new URLSearchParams(location.search);
let seeds: SeedSession[] = [];
let element: QuadernoCheckout | undefined;

function remember(key: string, value: string): void {
  if (value) params.set(key, value);
  else params.delete(key);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}

function theme(): 'auto' | 'light' | 'dark' {
  return (document.querySelector<HTMLInputElement>('input[name="theme"]:checked')?.value ?? 'auto') as 'auto' | 'light' | 'dark';
}

function setStatus(status: string): void {
  statusBadge.textContent = status || '—';
  statusBadge.dataset.status = status;
}

function summarize(name: string, event: Event): string {
  const detail = (event as CustomEvent<Record<string, unknown>>).detail ?? {};
  const session = detail.session as CheckoutSession | undefined;
  if (name === 'quaderno-error') return `${detail.code}: ${detail.message}`;
  if (!session) return '';
  const coupon = session.coupon ? ` · coupon ${session.coupon.code}` : '';
  // why: a merchant's handler does not send the session's number.
  return `${session.id === undefined ? '' : `#${session.id} `}${session.status}${coupon}`;
}

function log(name: string, text: string, prevented = false): void {
  const item = document.createElement('li');
  item.dataset.event = name;
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString(undefined, { hour12: false });
  const label = document.createElement('strong');
  label.textContent = name;
  const body = document.createElement('span');
  body.textContent = text + (prevented ? ' · redirect prevented' : '');
  item.append(time, label, body);
  events.prepend(item);
  eventsEmpty.hidden = true;
  while (events.children.length > 50) events.lastElementChild?.remove();
}

for (const name of QUADERNO_EVENTS) {
  document.addEventListener(name, (event) => {
    const cancelable = name === 'quaderno-complete' || name === 'quaderno-cancel';
    // why: the demo stays on the page unless asked to follow; the seeds' success URLs point at shop.example.
    if (cancelable && !follow.checked) event.preventDefault();
    log(name, summarize(name, event), cancelable && event.defaultPrevented);
    const session = (event as CustomEvent<{ session?: CheckoutSession }>).detail?.session;
    if (session) setStatus(session.status);
  });
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', accept: 'application/json' } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function show(permalink: string): void {
  element?.remove();
  element = document.createElement('quaderno-checkout');
  element.permalink = permalink;
  element.theme = theme();
  if (localeSelect.value) element.locale = localeSelect.value;
  mount.append(element);
  permalinkLink.href = permalink;
  permalinkLink.hidden = false;
  setStatus('loading');
}

/** Pending seeds open as a fresh pending copy (each can be paid); the others show their own state. */
async function open(id: number): Promise<void> {
  const seed = seeds.find((s) => s.id === id);
  if (!seed) return;
  remember('session', String(id));
  if (seed.status !== 'pending') return show(seed.permalink);
  const copy = await api<{ permalink: string }>('/sandbox/sessions.json', { method: 'POST', body: JSON.stringify({ from: id }) });
  show(copy.permalink);
}

function fillSessions(): void {
  sessionSelect.replaceChildren();
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const seed of seeds) {
    const group = seed.status === 'pending' ? 'Pending: pay them' : 'Other states';
    if (!groups.has(group)) {
      const optgroup = document.createElement('optgroup');
      optgroup.label = group;
      groups.set(group, optgroup);
      sessionSelect.append(optgroup);
    }
    const option = document.createElement('option');
    option.value = String(seed.id);
    option.textContent = seed.label;
    groups.get(group)!.append(option);
  }
  sessionSelect.disabled = false;
}

async function loadSeeds(): Promise<void> {
  try {
    seeds = await api<SeedSession[]>('/sandbox/sessions.json');
  } catch (error) {
    sessionSelect.replaceChildren(new Option('The sandbox did not answer'));
    log('demo', `Could not list the sandbox's sessions (${(error as Error).message}). Is this \`npm start\`?`);
    return;
  }
  fillSessions();
  const wanted = Number(params.get('session'));
  const first = seeds.find((s) => s.id === wanted) ?? seeds.find((s) => s.status === 'pending') ?? seeds[0];
  if (first) {
    sessionSelect.value = String(first.id);
    await open(first.id);
  }
}

const localeNames = new Intl.DisplayNames(['en'], { type: 'language' });
for (const code of LOCALE_CODES) localeSelect.append(new Option(`${localeNames.of(code)} (${code})`, code));
localeSelect.value = params.get('locale') ?? '';
localeSelect.addEventListener('change', () => {
  remember('locale', localeSelect.value);
  if (!element) return;
  // why: `locale` overrides the session's; removing the attribute falls back to it again.
  if (localeSelect.value) element.locale = localeSelect.value;
  else element.locale = undefined;
});

const savedTheme = params.get('theme');
if (savedTheme) {
  const radio = document.querySelector<HTMLInputElement>(`input[name="theme"][value="${CSS.escape(savedTheme)}"]`);
  if (radio) radio.checked = true;
}
document.documentElement.dataset.theme = theme();
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="theme"]')) {
  radio.addEventListener('change', () => {
    const value = theme();
    remember('theme', value === 'auto' ? '' : value);
    document.documentElement.dataset.theme = value;
    if (element) element.theme = value;
  });
}

sessionSelect.addEventListener('change', () => void open(Number(sessionSelect.value)));
$('fresh').addEventListener('click', () => void open(Number(sessionSelect.value)));
$('reset').addEventListener('click', async () => {
  await api('/sandbox/reset.json', { method: 'POST' });
  log('demo', 'Sandbox reset to its seed data');
  await loadSeeds();
});
$('clear-log').addEventListener('click', () => {
  events.replaceChildren();
  eventsEmpty.hidden = false;
});

void loadSeeds();
