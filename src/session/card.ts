/** Card-number arithmetic shared by the element's validator and the sandbox's payment simulation (no Lit, no zod). */

/** Digits only: spaces and dashes that people type are dropped. */
export function cardDigits(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** The Luhn checksum of a string of digits; anything that is not all digits fails. */
export function luhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card number as people type it (spaces and dashes allowed): 12 to 19 digits (ISO/IEC 7812) passing Luhn. */
export function isCardNumber(value: string): boolean {
  const digits = cardDigits(value);
  return /^\d{12,19}$/.test(digits) && luhn(digits);
}
