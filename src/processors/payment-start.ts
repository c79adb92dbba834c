// The protocol's payment start through the element's HTTP layer. Apart from the processor contract (processor.ts), so
// the classic adapter scripts carry neither the HTTP client nor zod: the element lends them this one (its processor
// controller's `context.start`), and it is a lazy chunk wherever the build splits, off every core's critical path.
import { BadResponseError } from '../api/errors.js';
import { requestJson, type TransportOptions } from '../api/http.js';
import { permalinkEndpoint } from '../api/urls.js';
import { PAYMENT_STARTS, type PaymentProcessorId, type PaymentStartResponse } from '../protocol/payments.js';
import type { PaymentMethod } from '../session/schema.js';

/**
 * The payment start answer as the protocol defines it (`paymentStartResponse`), or undefined.
 * why a dispatch on `processor` and not the protocol's discriminated union: the union is zod code no core otherwise
 * has (a lazy chunk would still add it to the ES core, where the zod modules live); each processor's own schema is
 * the protocol's, and test/processors/payment-start.test.ts holds the two ways of reading to the same answers.
 */
export function parsePaymentStart(data: unknown): PaymentStartResponse | undefined {
  const processor = (data as { processor?: unknown } | null)?.processor;
  const schema = typeof processor === 'string' && Object.hasOwn(PAYMENT_STARTS, processor) ? PAYMENT_STARTS[processor as PaymentProcessorId] : undefined;
  const parsed = schema?.safeParse(data);
  return parsed?.success ? parsed.data : undefined;
}

/**
 * `POST <permalink>/payment.json` through the element's HTTP layer, for the `total` (minor units) the customer
 * confirmed: a server whose total differs refuses it (`payment_total_changed`). A body outside the schema is a bad
 * response.
 */
export async function startPayment(
  permalink: string,
  method: PaymentMethod,
  total: number,
  options: { signal?: AbortSignal; transport?: TransportOptions } = {},
): Promise<PaymentStartResponse> {
  const url = permalinkEndpoint(permalink, '/payment');
  const response = await requestJson({ method: 'POST', url, body: { method, total }, signal: options.signal }, options.transport);
  const start = parsePaymentStart(response.data);
  if (!start) throw new BadResponseError('The payment start answer is not a processor payment', response.status, response.data);
  return start;
}
