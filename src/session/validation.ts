// Plain validators (Lion style): each returns nothing or an error key with parameters that a locale words.
// No Lit and no DOM here, so the rules are tested in a table. Which field runs which rule is src/session/fields.ts.
import * as z from 'zod/mini';

/**
 * What a validator can find wrong; each locale words every key (`Translation['validation']`, held to this list by
 * tsc in src/locales/translation.ts).
 */
export type ErrorKey =
  | 'required'
  | 'invalid'
  | 'paymentMethod'
  | 'email'
  | 'tooLong'
  | 'taxId'
  | 'postalCode'
  | 'taxIdRequired'
  | 'country'
  | 'cardNumber'
  | 'cardExpiry'
  | 'cardCvc';

/** A validation failure: a message key and its parameters, e.g. `{ key: 'tooLong', params: { max: 100 } }`. */
export interface FieldError {
  key: ErrorKey;
  params?: { max?: number; example?: string };
}

/** What a validator may need beyond the value. */
export interface ValidationContext {
  /** ISO 3166 alpha-2 billing country, for VAT numbers and postal codes. */
  country?: string;
  /** "Now", for card expiry; injectable for tests. */
  now?: Date;
}

export type Validator = (value: string, context: ValidationContext) => FieldError | undefined;

// ---- generic validators ----------------------------------------------------------------------------------

export const required: Validator = (value) => (value.trim() === '' ? { key: 'required' } : undefined);

/** At most `max` characters (checked by zod). */
export function maxLength(max: number): Validator {
  const schema = z.string().check(z.maxLength(max));
  return (value) => (schema.safeParse(value).success ? undefined : { key: 'tooLong', params: { max } });
}

const emailSchema = z.email();
export const email: Validator = (value) =>
  value.trim() === '' || emailSchema.safeParse(value.trim()).success ? undefined : { key: 'email' };

const countrySchema = z.string().check(z.regex(/^[A-Z]{2}$/));
export const country: Validator = (value) =>
  value === '' || countrySchema.safeParse(value).success ? undefined : { key: 'country' };

// why: only formats we are sure of; elsewhere anything plausible passes, since a wrong rejection costs a sale.
const POSTAL_CODES: Record<string, RegExp> = {
  AT: /^\d{4}$/,
  BE: /^\d{4}$/,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/,
  CH: /^\d{4}$/,
  DE: /^\d{5}$/,
  DK: /^\d{4}$/,
  ES: /^\d{5}$/,
  FI: /^\d{5}$/,
  FR: /^\d{5}$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/,
  HU: /^\d{4}$/,
  IT: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  NO: /^\d{4}$/,
  PL: /^\d{2}-\d{3}$/,
  PT: /^\d{4}-\d{3}$/,
  SE: /^\d{3} ?\d{2}$/,
  US: /^\d{5}(-\d{4})?$/,
};
const GENERIC_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,10}[A-Z0-9]$|^[A-Z0-9]{2}$/;

export const postalCode: Validator = (value, { country: code }) => {
  const text = value.trim().toUpperCase();
  if (text === '') return undefined;
  const pattern = (code && POSTAL_CODES[code]) || GENERIC_POSTAL_CODE;
  return pattern.test(text) ? undefined : { key: 'postalCode' };
};

// ---- EU VAT numbers --------------------------------------------------------------------------------------

/** VAT prefix per ISO country: the same, except Greece, whose VAT numbers start with EL. */
export function vatPrefix(countryCode: string): string {
  return countryCode === 'GR' ? 'EL' : countryCode;
}

/** The body of an EU VAT number (after the prefix) per VAT prefix, with an example for the message. */
export const EU_VAT_FORMATS: Readonly<Record<string, { pattern: RegExp; example: string }>> = {
  AT: { pattern: /^U\d{8}$/, example: 'ATU12345678' },
  BE: { pattern: /^[01]\d{9}$/, example: 'BE0123456789' },
  BG: { pattern: /^\d{9,10}$/, example: 'BG123456789' },
  CY: { pattern: /^\d{8}[A-Z]$/, example: 'CY12345678L' },
  CZ: { pattern: /^\d{8,10}$/, example: 'CZ12345678' },
  DE: { pattern: /^\d{9}$/, example: 'DE123456789' },
  DK: { pattern: /^\d{8}$/, example: 'DK12345678' },
  EE: { pattern: /^\d{9}$/, example: 'EE123456789' },
  EL: { pattern: /^\d{9}$/, example: 'EL123456789' },
  ES: { pattern: /^[A-Z0-9]\d{7}[A-Z0-9]$/, example: 'ESX1234567X' },
  FI: { pattern: /^\d{8}$/, example: 'FI12345678' },
  FR: { pattern: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, example: 'FR12345678901' },
  HR: { pattern: /^\d{11}$/, example: 'HR12345678901' },
  HU: { pattern: /^\d{8}$/, example: 'HU12345678' },
  IE: { pattern: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567WA' },
  IT: { pattern: /^\d{11}$/, example: 'IT12345678901' },
  LT: { pattern: /^(\d{9}|\d{12})$/, example: 'LT123456789' },
  LU: { pattern: /^\d{8}$/, example: 'LU12345678' },
  LV: { pattern: /^\d{11}$/, example: 'LV12345678901' },
  MT: { pattern: /^\d{8}$/, example: 'MT12345678' },
  NL: { pattern: /^\d{9}B\d{2}$/, example: 'NL123456789B01' },
  PL: { pattern: /^\d{10}$/, example: 'PL1234567890' },
  PT: { pattern: /^\d{9}$/, example: 'PT123456789' },
  RO: { pattern: /^[1-9]\d{1,9}$/, example: 'RO1234567890' },
  SE: { pattern: /^\d{10}01$/, example: 'SE123456789001' },
  SI: { pattern: /^\d{8}$/, example: 'SI12345678' },
  SK: { pattern: /^\d{10}$/, example: 'SK1234567890' },
};

/** Uppercases and drops the separators people type: spaces, dots, dashes. */
export function normalizeVat(value: string): string {
  return value.toUpperCase().replace(/[\s.\-]/g, '');
}

/**
 * An EU VAT number's format for the billing country, with or without its prefix (Greece: EL).
 * Outside the EU (or without a country) any tax ID passes: formats there vary too much to check.
 */
export const vatNumber: Validator = (value, { country: code }) => {
  if (value.trim() === '' || !code) return undefined;
  const prefix = vatPrefix(code);
  const format = EU_VAT_FORMATS[prefix];
  if (!format) return undefined;
  let body = normalizeVat(value);
  if (body.startsWith(prefix)) body = body.slice(prefix.length);
  return format.pattern.test(body) ? undefined : { key: 'taxId', params: { example: format.example } };
};
