// What the checkout tells the page, as data: each outcome's name and detail. The model reports these through its host;
// the element dispatches them as DOM events (../events.ts), so the model needs no DOM to say what happened.
import type { ProtocolSession } from '../../protocol/session.js';

/** `quaderno-ready`: the session is loaded and shown. */
export interface QuadernoReadyDetail {
  session: ProtocolSession;
}
/** `quaderno-update`: customer data or a coupon was saved. */
export interface QuadernoUpdateDetail {
  session: ProtocolSession;
}
/** `quaderno-complete`: the payment completed. Cancelable: preventDefault() stops the redirect to success_url. */
export interface QuadernoCompleteDetail {
  session: ProtocolSession;
  /** The paid invoice's public page, when the server recorded the sale itself (a merchant handler paying in the page); else null. */
  invoicePermalink: string | null;
}
/** `quaderno-cancel`: the customer cancelled. Cancelable: preventDefault() stops the redirect to cancel_url. */
export interface QuadernoCancelDetail {
  session: ProtocolSession | undefined;
}
/** `quaderno-error`: something failed; `code` is machine-readable (an ApiErrorCode, `unsafe_url`, …). */
export interface QuadernoErrorDetail {
  code: string;
  message: string;
}

/** Every outcome's detail, by event name. */
export interface QuadernoEventDetails {
  'quaderno-ready': QuadernoReadyDetail;
  'quaderno-update': QuadernoUpdateDetail;
  'quaderno-complete': QuadernoCompleteDetail;
  'quaderno-cancel': QuadernoCancelDetail;
  'quaderno-error': QuadernoErrorDetail;
}

export type QuadernoEventName = keyof QuadernoEventDetails;
export type DetailOf<K extends QuadernoEventName> = QuadernoEventDetails[K];
