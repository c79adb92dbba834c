// The protocol's payment start through the element's HTTP layer. Apart from mount.ts (the adapters' contract) so the
// classic adapter scripts carry neither the HTTP client nor zod: the core lends them this one (registry.ts), and it
// is a lazy chunk wherever the build splits, so it joins no core's critical path.
import * as z from 'zod/mini';
import { BadResponseError } from '../api/errors.ts';
import { requestJson, type TransportOptions } from '../api/http.ts';
import { permalinkEndpoint } from '../api/urls.ts';
import type { PaymentProcessorId, PaymentStartResponse, PaypalStart, StripeStart } from '../protocol/payments.ts';
import type { PaymentMethod } from '../session/schema.ts';

// why not protocol/payments.ts's `paymentStartResponse`: its discriminated union, literals and integers are zod code
// no core otherwise has (about 1.2 KB brotli, which a lazy chunk would still add to the ES core, where the zod
// modules live), and importing that module at all runs its schemas. This one is built from the zod pieces every core
// already holds; the types below make tsc hold it to the protocol's, and test/processors/payment-start.test.ts holds
// its answers to the protocol schema's.
const nonEmpty = z.string().check(z.minLength(1));
const common = {
  processor_id: nonEmpty,
  amount: z.number().check(z.refine(Number.isSafeInteger), z.gte(0)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
};
const starts = {
  stripe: z.object({ processor: z.enum(['stripe']), ...common, publishable_key: nonEmpty, client_secret: nonEmpty }),
  paypal: z.object({ processor: z.enum(['paypal']), ...common, client_id: nonEmpty, order_id: nonEmpty }),
} satisfies Record<PaymentProcessorId, unknown>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// why: a field added to (or changed in) the protocol's start fails tsc here until this check follows.
const typesMatch: [Same<z.infer<typeof starts.stripe>, StripeStart>, Same<z.infer<typeof starts.paypal>, PaypalStart>] = [true, true];
void typesMatch;

/** The payment start answer as the protocol defines it (`paymentStartResponse`), or undefined. */
export function parsePaymentStart(data: unknown): PaymentStartResponse | undefined {
  const processor = (data as { processor?: unknown } | null)?.processor;
  const schema = typeof processor === 'string' && Object.hasOwn(starts, processor) ? starts[processor as PaymentProcessorId] : undefined;
  const parsed = schema?.safeParse(data);
  return parsed?.success ? parsed.data : undefined;
}

/** `POST <permalink>/payment.json` through the element's HTTP layer; a body outside the schema is a bad response. */
export async function startPayment(
  permalink: string,
  method: PaymentMethod,
  options: { signal?: AbortSignal; transport?: TransportOptions } = {},
): Promise<PaymentStartResponse> {
  const url = permalinkEndpoint(permalink, '/payment');
  const response = await requestJson({ method: 'POST', url, body: { method }, signal: options.signal }, options.transport);
  const start = parsePaymentStart(response.data);
  if (!start) throw new BadResponseError('The payment start answer is not a processor payment', response.status, response.data);
  return start;
}
