// JSX typings for React 19: `import type {} from 'quaderno-checkout/react'` once, and
// `<quaderno-checkout permalink="…" onquaderno-complete={…}>` type-checks in TSX.
// Types only; the module is empty at run time. Import `quaderno-checkout` as well to register the tag.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { QuadernoCheckout } from './checkout/checkout.component.js';
import type { QuadernoEventMap } from './checkout/events.js';

/** The element's public properties, settable as props (`permalink`, `theme`, `processor`…). */
export type QuadernoCheckoutProperty = 'permalink' | 'locale' | 'theme' | 'credentials' | 'pollInterval' | 'timeout' | 'processor';

/** An `on<event-name>` listener prop for every event in the element's event map (`onquaderno-complete`…). */
export type QuadernoCheckoutReactListeners = {
  [K in keyof QuadernoEventMap as `on${K}`]?: (event: QuadernoEventMap[K]) => void;
};

/**
 * The props of `<quaderno-checkout>` in React 19. React sets a prop as a property when the element has one
 * (`permalink`, `processor`…) and as an attribute otherwise; `on<event-name>` props add event listeners.
 */
export interface QuadernoCheckoutReactProps
  extends DetailedHTMLProps<HTMLAttributes<QuadernoCheckout>, QuadernoCheckout>,
    Partial<Pick<QuadernoCheckout, QuadernoCheckoutProperty>>,
    QuadernoCheckoutReactListeners {
  'poll-interval'?: number | string;
  /** `class` is passed through to custom elements as is in React 19. */
  class?: string;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'quaderno-checkout': QuadernoCheckoutReactProps;
    }
  }
}
