// The script-tag example's helper (plain JS: no build step). It picks the session to show:
// `?permalink=URL`, or a fresh copy of seeded session 100 on the sandbox at `?sandbox=ORIGIN` (default: this origin).
// Merchants don't need any of this: their server prints the permalink into the page.
const params = new URLSearchParams(location.search);
const checkout = document.querySelector('quaderno-checkout');
const result = document.getElementById('result');

function say(text, error = false) {
  result.textContent = text;
  result.classList.toggle('error', error);
  result.hidden = false;
}

checkout.addEventListener('quaderno-complete', (event) => {
  // Without this the element would go on to the session's success_url.
  if (!params.has('redirect')) event.preventDefault();
  say(`Paid: session ${event.detail.session.id} is ${event.detail.session.status}.`);
});
checkout.addEventListener('quaderno-error', (event) => say(`${event.detail.code}: ${event.detail.message}`, true));

async function permalink() {
  if (params.get('permalink')) return params.get('permalink');
  const sandbox = params.get('sandbox') ?? location.origin;
  const response = await fetch(`${sandbox}/sandbox/sessions.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: Number(params.get('from') ?? 100) }),
  });
  if (!response.ok) throw new Error(`The sandbox at ${sandbox} answered ${response.status}`);
  return (await response.json()).permalink;
}

permalink().then(
  (url) => checkout.setAttribute('permalink', url),
  (error) => say(`No sandbox session: ${error.message}. Run \`npm start\` and open /demo/html/.`, true),
);
