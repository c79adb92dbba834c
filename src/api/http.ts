import {
  AbortedError,
  ApiError,
  BadResponseError,
  ConflictError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Options every client call accepts. */
export interface CallOptions {
  /** Aborts the call, including any wait between retries. */
  signal?: AbortSignal;
  /** Per-attempt timeout. Default 10 000 ms. */
  timeoutMs?: number;
  /** Retries for idempotent calls (GET, PUT, DELETE). Default 3; POST never retries. */
  retries?: number;
  /**
   * The whole call, every attempt and every wait between them, ends within this many ms (a TimeoutError naming it);
   * an attempt gets what is left of it, and a retry that cannot start in time is not made. Default none.
   */
  deadlineMs?: number;
}

/** Settings shared by all calls of one client. */
export interface TransportOptions {
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Default per-attempt timeout. */
  timeoutMs?: number;
  /** Default retry count for idempotent calls. */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter. Default 300 ms. */
  retryBaseMs?: number;
  /** Longest wait before a retry. A Retry-After beyond it is reported instead of waited out. Default 10 s. */
  maxRetryDelayMs?: number;
  /** Whether cookies go with the request. Default 'omit'. */
  credentials?: RequestCredentials;
  /** Headers added to every request (the private client's Authorization). */
  headers?: Record<string, string>;
}

export interface RequestSpec extends CallOptions {
  method: HttpMethod;
  url: string;
  body?: unknown;
}

export interface JsonResponse {
  status: number;
  data: unknown;
  headers: Headers;
}

/** The per-attempt timeout when neither the call nor the transport sets one, in ms. */
export const DEFAULT_TIMEOUT_MS = 10_000;

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);

/** Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function messageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const { error, message } = body as { error?: unknown; message?: unknown };
    if (typeof error === 'string') return error;
    if (typeof message === 'string') return message;
  }
  return fallback;
}

function fieldsOf(body: unknown): Record<string, string[]> {
  const errors = body && typeof body === 'object' ? (body as { errors?: unknown }).errors : undefined;
  const fields: Record<string, string[]> = {};
  if (errors && typeof errors === 'object' && !Array.isArray(errors)) {
    for (const [key, value] of Object.entries(errors)) {
      fields[key] = (Array.isArray(value) ? value : [value]).map(String);
    }
  }
  if (Object.keys(fields).length === 0) fields.base = [messageOf(body, 'Invalid request')];
  return fields;
}

/** Turns a non-2xx response into the matching typed error. */
export function errorForResponse(status: number, body: unknown, retryAfterMs?: number): ApiError {
  const message = messageOf(body, `HTTP ${status}`);
  if (status === 401 || status === 403) return new UnauthorizedError(message, status, body);
  if (status === 404) return new NotFoundError(message, body);
  // why: Quaderno answers a non-pending update with 422 (and so does the sandbox now); the code tells it from a refused field.
  if (status === 409 || (body as { code?: unknown } | undefined)?.code === 'session_not_pending') {
    const sessionStatus = (body as { status?: unknown } | undefined)?.status;
    return new ConflictError(message, typeof sessionStatus === 'string' ? sessionStatus : undefined, status, body);
  }
  if (status === 429) return new RateLimitedError(retryAfterMs, body);
  if (status >= 500) return new ServerError(status, body, message);
  return new ValidationError(fieldsOf(body), status, body, message);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BadResponseError(`Malformed JSON in a ${response.status} response`, response.status, text.slice(0, 200));
  }
}

/**
 * One JSON request with a per-attempt timeout, and, for idempotent methods, retries with
 * exponential backoff on network errors, timeouts, 5xx and 429 (honouring Retry-After).
 */
export async function requestJson(spec: RequestSpec, transport: TransportOptions = {}): Promise<JsonResponse> {
  const doFetch = transport.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = spec.timeoutMs ?? transport.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = IDEMPOTENT.has(spec.method) ? (spec.retries ?? transport.retries ?? 3) : 0;
  const baseMs = transport.retryBaseMs ?? 300;
  const maxDelayMs = transport.maxRetryDelayMs ?? 10_000;
  const headers: Record<string, string> = { Accept: 'application/json', ...transport.headers };
  if (spec.body !== undefined) headers['Content-Type'] = 'application/json';

  const deadline = spec.deadlineMs === undefined ? Infinity : Date.now() + spec.deadlineMs;
  for (let attempt = 0; ; attempt++) {
    let failure: ApiError;
    const left = deadline - Date.now();
    try {
      if (left <= 0) throw new TimeoutError(spec.deadlineMs!);
      const attemptMs = Math.min(timeoutMs, left);
      return await attemptOnce(spec, doFetch, headers, attemptMs, transport.credentials ?? 'omit');
    } catch (error) {
      if (error instanceof TimeoutError && timeoutMs > left) throw new TimeoutError(spec.deadlineMs!);
      if (!(error instanceof ApiError) || !isRetryable(error)) throw error;
      failure = error;
    }
    if (attempt >= retries) throw failure;
    const retryAfterMs = failure instanceof RateLimitedError ? failure.retryAfterMs : undefined;
    const delay = retryAfterMs ?? baseMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
    // why: a server asking for a longer pause than we are willing to hold the customer gets reported, not waited out.
    if (delay > maxDelayMs) throw failure;
    // A retry that could not start before the deadline is not made; timeouts then read as the deadline's.
    if (Date.now() + delay >= deadline) throw failure instanceof TimeoutError ? new TimeoutError(spec.deadlineMs!) : failure;
    await sleep(delay, spec.signal);
  }
}

function isRetryable(error: ApiError): boolean {
  if (error instanceof BadResponseError) return (error.status ?? 0) >= 500;
  return error.code === 'network' || error.code === 'timeout' || error.code === 'server' || error.code === 'rate_limited';
}

async function attemptOnce(
  spec: RequestSpec,
  doFetch: typeof fetch,
  headers: Record<string, string>,
  timeoutMs: number,
  credentials: RequestCredentials,
): Promise<JsonResponse> {
  if (spec.signal?.aborted) throw new AbortedError();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => controller.abort();
  spec.signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const response = await doFetch(spec.url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: controller.signal,
      credentials,
      cache: 'no-store',
    });
    const body = await readBody(response);
    if (response.ok) return { status: response.status, data: body, headers: response.headers };
    throw errorForResponse(response.status, body, parseRetryAfter(response.headers.get('Retry-After')));
  } catch (error) {
    if (spec.signal?.aborted) throw new AbortedError();
    if (timedOut) throw new TimeoutError(timeoutMs);
    if (error instanceof ApiError) throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
    spec.signal?.removeEventListener('abort', forwardAbort);
  }
}
