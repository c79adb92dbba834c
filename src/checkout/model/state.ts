// The checkout's one state, as a discriminated union, and the pure transitions of the form. No Lit, no DOM, no I/O:
// the model (model.ts) runs the effects and feeds their results through these functions; derive.ts reads a form.
import { taxIdExample, type FieldError } from '../../session/validation.js';
import { ADDRESS_FIELDS, BILLING_FIELDS, emptyValues, isBillingField, type BillingField, type BillingValues } from '../../session/fields.js';
import type { ProtocolSession } from '../../protocol/session.js';
import { type CustomerInput, type PaymentMethod } from '../../session/schema.js';
import type { ProcessorMessageKey } from '../../processors/errors.js';
import type { CouponRefusal } from './coupon-refusal.js';
import type { Draft } from './draft.js';
import { savesEdits } from './session-checks.js';
import type { TaxPreview } from './tax.js';

/** What is in flight inside the form (the pay button, the coupon buttons and cancel show it). */
export type Busy = 'saving' | 'paying' | 'coupon-apply' | 'coupon-remove' | 'cancel';

/** An error shown inside the form (the form and everything typed stay), with what its retry does. */
export interface FormAlert {
  /** An ApiErrorCode, or `save` for a failed customer save. */
  code: string;
  retry: 'pay' | 'cancel' | undefined;
  /** A processor's own words for its failure (PayPal's `paypalFailed`…), which win over the code's. */
  messageKey?: ProcessorMessageKey | undefined;
}

/** Why the coupon field shows an error. */
export type CouponError =
  | { kind: 'field'; error: FieldError }
  | { kind: 'refused'; refusal: CouponRefusal; code?: string | undefined; serverMessage: string | undefined }
  | { kind: 'request'; code: string; serverMessage: string };

/** The model's record of one processor field: what the processor reported, and a server refusal; the model decides when its error shows. */
export interface ProcessorFieldRecord {
  /** The field's own error now (undefined when valid). */
  error: FieldError | undefined;
  touched: boolean;
  dirty: boolean;
  /** The error to show when the server refuses the field's value (e.g. a card number the sandbox declines as invalid). */
  refused?: FieldError | undefined;
  /** A server refusal of this field (from `pay()`), shown whatever the interaction. */
  server?: { error: FieldError; message: string } | undefined;
}

/** What the customer typed and did in the form. */
export interface FormState {
  values: BillingValues;
  touched: ReadonlySet<BillingField>;
  dirty: ReadonlySet<BillingField>;
  /** Fields that arrived filled (from the session or a draft): they count as touched. */
  prefilled: ReadonlySet<BillingField>;
  /** Set by a pay attempt: every error shows. */
  submitted: boolean;
  /** The server's refusals of billing fields, worded by the server (kept as data). */
  serverErrors: Partial<Record<BillingField, string>>;
  method: PaymentMethod | undefined;
  /** The processor's fields, by the processor's own key. */
  processor: Readonly<Record<string, ProcessorFieldRecord>>;
  couponInput: string;
  couponError: CouponError | undefined;
  /** `auto` mode: the optional address fields are shown. */
  addressOpen: boolean;
  draftRestored: boolean;
  /** The tax preview for what was typed (tax-preview.ts); undefined shows the session's tax. */
  tax: TaxPreview | undefined;
}

/**
 * What this page did, carried from each state to the next (the model's `set()`): the customer acted, so focus may
 * move to a new view in answer; this page sent a payment, so a reload that finds the session completed reports it.
 */
export interface PageFacts {
  acted?: true | undefined;
  paid?: true | undefined;
}

/** Everything the element can show, with what this page did. */
export type CheckoutState = PageFacts &
  (
    | { kind: 'loading' }
    | { kind: 'error'; code: string; session?: ProtocolSession | undefined; form?: FormState | undefined }
    | { kind: 'form'; session: ProtocolSession; form: FormState; busy: Busy | undefined; alert: FormAlert | undefined }
    | { kind: 'processing'; session: ProtocolSession; form: FormState }
    | { kind: 'completed'; session: ProtocolSession; redirecting: boolean }
    | { kind: 'failed'; session: ProtocolSession; form: FormState }
    | { kind: 'abandoned'; session: ProtocolSession; cancelledHere: boolean; redirecting: boolean }
  );

/** The state while the form shows. */
export type FormKind = Extract<CheckoutState, { kind: 'form' }>;

export type CheckoutView = CheckoutState['kind'];

/** The session a state holds, if any. */
export function sessionOf(state: CheckoutState): ProtocolSession | undefined {
  return 'session' in state ? state.session : undefined;
}

/** The form a state keeps (so a retry or a reload keeps what was typed), if any. */
export function formOf(state: CheckoutState): FormState | undefined {
  return 'form' in state ? state.form : undefined;
}

/** The one rule for when a field error shows: touched and dirty, or submitted; prefilled counts as touched. */
export function showsError(interaction: { touched: boolean; dirty: boolean; prefilled?: boolean }, submitted: boolean): boolean {
  return submitted || !!interaction.prefilled || (interaction.touched && interaction.dirty);
}

/** A billing field's error to show now, or undefined. */
export function visibleFieldError(form: FormState, field: BillingField, errors: Partial<Record<BillingField, FieldError>>): FieldError | undefined {
  if (form.serverErrors[field] !== undefined) return errors[field] ?? serverKey(field, form.values);
  const shown = showsError({ touched: form.touched.has(field), dirty: form.dirty.has(field), prefilled: form.prefilled.has(field) }, form.submitted);
  return shown ? errors[field] : undefined;
}

/** A processor field's error to show now, or undefined (the same rule as the billing fields). */
export function visibleProcessorError(form: FormState, key: string): FieldError | undefined {
  const field = form.processor[key];
  if (!field) return undefined;
  if (field.server) return field.server.error;
  return showsError(field, form.submitted) ? field.error : undefined;
}

/** The message key for a server-refused field the client's own rules accepted. */
function serverKey(field: BillingField, values: BillingValues): FieldError {
  switch (field) {
    case 'email':
      return { key: 'email' };
    case 'billing_country':
      return { key: 'country' };
    case 'billing_postal_code':
      return { key: 'postalCode' };
    case 'tax_id': {
      // why: an empty tax ID the server refuses is one the sale needs (`tax_id_required`, a domestic sale the form had
      // not been told about); a given one is a format, shown with the billing country's example (Germany's outside the EU).
      if (values.tax_id.trim() === '') return { key: 'taxIdRequired' };
      return { key: 'taxId', params: { example: taxIdExample(values.billing_country) } };
    }
    default:
      // why neutral: the form's own rules accepted the value, so its length or format is not what the server refused.
      return { key: 'invalid' };
  }
}

/** A fresh form for a session: a restored draft first, then the session's customer. */
export function initialForm(session: ProtocolSession, draft: Draft | undefined): FormState {
  const values = emptyValues();
  const prefilled = new Set<BillingField>();
  // why: a session whose details are locked is paid with its saved customer; a draft's values would show unsaved.
  const typed = savesEdits(session) ? draft?.customer : undefined;
  for (const field of BILLING_FIELDS) {
    const value = typed?.[field] ?? session.customer[field] ?? '';
    values[field] = field === 'billing_country' ? value.trim().toUpperCase() : value;
    if (value.trim() !== '') prefilled.add(field);
  }
  const methods = session.payment_methods;
  const restored = !!draft && (Object.values(draft.customer).some((v) => v.trim() !== '') || draft.coupon !== '');
  return {
    values,
    touched: new Set(),
    dirty: new Set(),
    prefilled,
    submitted: false,
    serverErrors: {},
    method: draft?.method && methods.includes(draft.method) ? draft.method : methods.length === 1 ? methods[0] : undefined,
    processor: {},
    couponInput: draft?.coupon ?? '',
    couponError: undefined,
    addressOpen: ADDRESS_FIELDS.some((field) => values[field].trim() !== ''),
    draftRestored: restored && savesEdits(session),
    tax: undefined,
  };
}

/** Events that change only the form. */
export type FormEvent =
  | { type: 'input'; field: BillingField; value: string }
  | { type: 'blur'; field: BillingField }
  | { type: 'method'; method: PaymentMethod }
  | { type: 'coupon-input'; value: string }
  | { type: 'coupon-error'; error: CouponError | undefined }
  | { type: 'open-address' }
  | { type: 'processor-field'; key: string; state: Omit<ProcessorFieldRecord, 'server'>; changed: boolean }
  | { type: 'submit' }
  | { type: 'server-errors'; billing: Partial<Record<BillingField, string>>; processor: Record<string, { error: FieldError; message: string }> }
  | { type: 'clear-coupon-error' }
  | { type: 'reset-processor' }
  | { type: 'tax'; preview: TaxPreview | undefined };

/** The form after an event. */
export function formTransition(form: FormState, event: FormEvent): FormState {
  switch (event.type) {
    case 'input': {
      const { [event.field]: _dropped, ...serverErrors } = form.serverErrors;
      return { ...form, values: { ...form.values, [event.field]: event.value }, dirty: add(form.dirty, event.field), serverErrors };
    }
    case 'blur':
      return form.touched.has(event.field) ? form : { ...form, touched: add(form.touched, event.field) };
    case 'method':
      return { ...form, method: event.method };
    case 'coupon-input':
      return { ...form, couponInput: event.value, couponError: undefined };
    case 'coupon-error':
      return { ...form, couponError: event.error };
    case 'open-address':
      return { ...form, addressOpen: true };
    case 'processor-field': {
      // why: a new value clears the server's refusal of the old one, as typing does for billing fields.
      const server = event.changed ? undefined : form.processor[event.key]?.server;
      return { ...form, processor: { ...form.processor, [event.key]: { ...event.state, server } } };
    }
    case 'submit':
      return { ...form, submitted: true };
    case 'server-errors': {
      const processor = { ...form.processor };
      for (const [key, server] of Object.entries(event.processor)) {
        processor[key] = { ...(processor[key] ?? { error: undefined, touched: false, dirty: false }), server };
      }
      return { ...form, serverErrors: { ...form.serverErrors, ...event.billing }, processor };
    }
    case 'clear-coupon-error':
      return { ...form, couponError: undefined };
    case 'reset-processor':
      return { ...form, processor: {} };
    case 'tax':
      return { ...form, tax: event.preview };
  }
}

function add<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  return set.has(value) ? set : new Set([...set, value]);
}

/** The customer as the PUT sends it: trimmed, empty as null, the country upper-cased. */
export function customerBody(values: BillingValues): CustomerInput {
  const body: CustomerInput = {};
  for (const field of BILLING_FIELDS) {
    const value = values[field].trim();
    body[field] = value === '' ? null : field === 'billing_country' ? value.toUpperCase() : value;
  }
  return body;
}

/** What to show for a session that arrived outside a payment run (a load, a save); the form is kept when there is one. */
export function placeSession(session: ProtocolSession, current: CheckoutState, form: FormState): CheckoutState {
  switch (session.status) {
    case 'pending':
      return { kind: 'form', session, form, busy: undefined, alert: undefined };
    case 'failed':
      // why: "Try again" on a failed payment shows the form over the still-failed session; a reload keeps it there.
      return current.kind === 'form' && current.session.status === 'failed'
        ? { ...current, session, busy: undefined }
        : { kind: 'failed', session, form };
    case 'processing':
      return { kind: 'processing', session, form };
    case 'completed':
      return { kind: 'completed', session, redirecting: false };
    case 'abandoned':
      return { kind: 'abandoned', session, cancelledHere: false, redirecting: false };
  }
}

/**
 * The form's alert for a pending session whose last payment attempt took no money (a PayPal capture refused after
 * the customer approved): the server keeps that attempt's error until a new payment starts, so a reload says it too.
 */
export function lastAttemptAlert(session: ProtocolSession): FormAlert | undefined {
  const failed = session.status === 'pending' ? session.last_payment_error : undefined;
  if (!failed) return undefined;
  return { code: failed.code, retry: undefined, messageKey: failed.processor === 'paypal' ? 'paypalFailed' : undefined };
}

/** A 422's field errors sorted for the form: billing fields, the processor's reported fields (after `pay()`), the coupon. */
export function serverFieldErrors(fields: Record<string, string[]>, phase: 'saving' | 'paying', form: FormState) {
  const billing: Partial<Record<BillingField, string>> = {};
  const processor: Record<string, { error: FieldError; message: string }> = {};
  let coupon: string | undefined;
  for (const [key, messages] of Object.entries(fields)) {
    const field = key.replace(/^customer\./, '');
    const message = messages[0] ?? '';
    if (isBillingField(field)) billing[field] = message;
    const reported = form.processor[key];
    if (phase === 'paying' && reported) processor[key] = { error: reported.refused ?? reported.error ?? { key: 'required' }, message };
    if (key === 'coupon') coupon = message;
  }
  return { billing, processor, coupon };
}
