// JSX typings for React 19: `import type {} from 'quaderno-checkout/react'` once, and
// `<quaderno-checkout permalink="…" onquaderno-complete={…}>` type-checks in TSX.
// Types only; the module is empty at run time. Import `quaderno-checkout` as well to register the tag.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CheckoutTheme, QuadernoCheckout } from './checkout/checkout.component.ts';
import type {
  QuadernoCancelEvent,
  QuadernoCompleteEvent,
  QuadernoErrorEvent,
  QuadernoReadyEvent,
  QuadernoUpdateEvent,
} from './checkout/events.ts';
import type { PaymentProcessor } from './processors/processor.ts';

/**
 * The props of `<quaderno-checkout>` in React 19. React sets a prop as a property when the element has one
 * (`permalink`, `processor`…) and as an attribute otherwise; `on<event-name>` props add event listeners.
 */
export interface QuadernoCheckoutReactProps
  extends DetailedHTMLProps<HTMLAttributes<QuadernoCheckout>, QuadernoCheckout> {
  /** The session's permalink URL. */
  permalink?: string;
  /** Display locale; overrides the session's. */
  locale?: string;
  /** Colour scheme: `auto` (default), `light` or `dark`. */
  theme?: CheckoutTheme;
  /** Cookies on requests: `omit` (default), `same-origin` or `include`. */
  credentials?: RequestCredentials;
  /** First wait between status polls, in ms. */
  pollInterval?: number;
  'poll-interval'?: number | string;
  /** The payment processor (a property; the sandbox processor by default). */
  processor?: PaymentProcessor;
  /** `class` is passed through to custom elements as is in React 19. */
  class?: string;
  'onquaderno-ready'?: (event: QuadernoReadyEvent) => void;
  'onquaderno-update'?: (event: QuadernoUpdateEvent) => void;
  'onquaderno-complete'?: (event: QuadernoCompleteEvent) => void;
  'onquaderno-cancel'?: (event: QuadernoCancelEvent) => void;
  'onquaderno-error'?: (event: QuadernoErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'quaderno-checkout': QuadernoCheckoutReactProps;
    }
  }
}
