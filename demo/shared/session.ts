// Shared by the React and Vue examples: which checkout session to show.
// `?permalink=URL` shows that session; otherwise a fresh pending copy of a seeded session is created on the
// sandbox at `?sandbox=ORIGIN` (default: this page's origin, as with `npm run start:react` / `start:vue`).
// In a real shop, your server creates the session with the private API and hands the permalink to the page.

/** The seeded session copied by default (EUR, card, `required` billing, coupons on). */
const DEFAULT_SEED = 100;

export async function demoPermalink(search = location.search): Promise<string> {
  const params = new URLSearchParams(search);
  const given = params.get('permalink');
  if (given) return given;
  const sandbox = params.get('sandbox') ?? location.origin;
  const response = await fetch(`${sandbox}/sandbox/sessions.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: Number(params.get('from') ?? DEFAULT_SEED) }),
  });
  if (!response.ok) throw new Error(`The sandbox at ${sandbox} answered ${response.status}`);
  return ((await response.json()) as { permalink: string }).permalink;
}
