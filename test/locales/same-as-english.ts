// Translation keys whose value may rightly equal the English one, shared by the key and the rendering tests.

/**
 * Values that may equal the English one, and why:
 * - `$dir`: every shipped language is left-to-right;
 * - `paymentMethods.paypal`: a brand name;
 * - `quantityTimesPrice`: only digits, "×" and the already-localized price.
 */
export const SAME_AS_ENGLISH_EVERYWHERE = new Set(['$dir', 'paymentMethods.paypal', 'quantityTimesPrice']);
/** Per-locale words that happen to be spelled like the English ones. */
export const SAME_AS_ENGLISH: Record<string, Set<string>> = {
  es: new Set(['subtotal']), // "Subtotal" is the Spanish word (RAE), used by Spanish shops
  ca: new Set(['subtotal']), // likewise in Catalan (DIEC)
  de: new Set(['optional']), // "optional" is the German word on German forms (Duden)
};
