// The sandbox account's tax settings: from options, then env, then the defaults; changed at run time through
// `PUT /sandbox/tax-settings`.
import * as z from 'zod/mini';
import { COUNTRY_CODES } from '../../locales/countries.js';
import { DEFAULT_SELLER, type SellerSettings } from '../../tax/rates.js';
import { TAX_CODES } from '../../tax/types.js';
import { parseOptions, SandboxError, validationErrors } from '../errors.js';

export type { SellerSettings as TaxSettings } from '../../tax/rates.js';

const country = z.string().check(
  z.regex(/^[A-Z]{2}$/, 'must be an upper-case ISO 3166-1 alpha-2 code'),
  z.refine((code) => COUNTRY_CODES.includes(code), 'is not a country'),
);
const jurisdiction = z.string().check(
  z.regex(/^[A-Z]{2}(-[A-Z]{2})?$/, 'must be a country (FR) or a US state (US-TX)'),
  z.refine((code) => COUNTRY_CODES.includes(code.slice(0, 2)), 'is not a country'),
);

/** What a caller may set; every key optional, none unknown. */
export const taxSettingsPatch = z.strictObject({
  home_country: z.optional(country),
  registered: z.optional(z.array(jurisdiction)),
  default_tax_code: z.optional(z.enum(TAX_CODES)),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'))),
});
export type TaxSettingsPatch = z.infer<typeof taxSettingsPatch>;

/** Validates a patch; a bad one is a 422 with Quaderno's `errors` shape. */
export function parseTaxSettings(input: unknown): TaxSettingsPatch {
  const parsed = taxSettingsPatch.safeParse(input, parseOptions);
  if (!parsed.success) throw new SandboxError(422, { errors: validationErrors(parsed.error) });
  return parsed.data;
}

/**
 * The settings from the environment: `SANDBOX_TAX_HOME_COUNTRY` (ES), `SANDBOX_TAX_REGISTERED` (a comma list:
 * `FR,DE,US-TX`), `SANDBOX_TAX_DEFAULT_CODE` (standard), `SANDBOX_TAX_CURRENCY` (EUR). Invalid values throw at start.
 */
export function taxSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TaxSettingsPatch {
  const list = env.SANDBOX_TAX_REGISTERED;
  return parseTaxSettings({
    home_country: env.SANDBOX_TAX_HOME_COUNTRY || undefined,
    registered: list === undefined ? undefined : list.split(',').map((s) => s.trim()).filter(Boolean),
    default_tax_code: env.SANDBOX_TAX_DEFAULT_CODE || undefined,
    currency: env.SANDBOX_TAX_CURRENCY || undefined,
  });
}

/** The account's settings as one mutable cell: options over env over defaults; `reset()` returns to the start. */
export class TaxSettingsHolder {
  readonly #initial: SellerSettings;
  #current: SellerSettings;

  constructor(options: TaxSettingsPatch = {}, env: NodeJS.ProcessEnv = process.env) {
    this.#initial = { ...DEFAULT_SELLER, ...defined(taxSettingsFromEnv(env)), ...defined(parseTaxSettings(options)) };
    this.#current = this.#initial;
  }

  get(): SellerSettings {
    return this.#current;
  }

  /** Applies a validated patch and returns the new settings. */
  update(input: unknown): SellerSettings {
    this.#current = { ...this.#current, ...defined(parseTaxSettings(input)) };
    return this.#current;
  }

  reset(): SellerSettings {
    this.#current = this.#initial;
    return this.#current;
  }
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
