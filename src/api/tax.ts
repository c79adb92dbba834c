// The protocol's calls that the public client (public.ts) does not make yet: the tax preview. A simple GET (no
// body, no custom header), so a browser sends it without a preflight.
import { BadResponseError } from './errors.ts';
import { requestJson, type CallOptions, type TransportOptions } from './http.ts';
import { permalinkEndpoint } from './urls.ts';
import {
  taxSummarySchema,
  type TaxPreviewQuery,
  type TaxSummary,
} from '../protocol/tax.ts';

/** `<permalink>/<subpath>.json?…` with the given query; empty and missing values are left out. */
export function protocolUrl(permalink: string, subpath: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(permalinkEndpoint(permalink, subpath));
  // why: sorted, so the same input is the same URL and an HTTP cache keyed by URL hits.
  for (const key of Object.keys(query).sort()) {
    const value = query[key]?.trim();
    if (value) url.searchParams.set(key, value);
  }
  return url.toString();
}

async function getParsed<T>(
  url: string,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { message: string } } },
  options: CallOptions,
  transport: TransportOptions,
): Promise<T> {
  const response = await requestJson({ ...options, method: 'GET', url }, transport);
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) throw new BadResponseError(`Unexpected answer from ${new URL(url).pathname}`, response.status, response.data);
  return parsed.data;
}

/** `GET <permalink>/tax.json`: the tax for a location and tax ID as typed. Nothing is saved. */
export function previewTax(
  permalink: string,
  query: TaxPreviewQuery,
  options: CallOptions = {},
  transport: TransportOptions = {},
): Promise<TaxSummary> {
  return getParsed(protocolUrl(permalink, '/tax', { ...query }), taxSummarySchema, options, transport);
}
