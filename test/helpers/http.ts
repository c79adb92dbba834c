// One HTTP request from a Node test, read whole: the sandbox suites (test/sandbox/harness.ts), the merchant
// handler's suites (test/server/support.ts) and the contract targets send through it.

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON (a test asserts on `text` then). */
  json: any;
}

export interface SendInit {
  method?: string;
  /** An object is sent as JSON (with that Content-Type unless `headers` name one); a string is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  redirect?: RequestRedirect;
  signal?: AbortSignal;
}

/** Sends one request (no retries: a test sees every answer) and reads the reply. */
export async function send(url: string, init: SendInit = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (typeof init.body === 'string') body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: init.redirect, signal: init.signal });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
