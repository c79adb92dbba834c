// Quaderno's tax endpoints in the sandbox (private, API key) and the keyless preview the element calls (public,
// keyed by the permalink's token). Mounted by one call in src/sandbox/app.ts, after its auth and CORS middleware.
import type { Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import type { ProtocolErrorBody } from '../../protocol/codes.js';
import { calculateTaxRate, TaxQueryError, type CalculateParams } from '../../tax/calculate.js';
import { LocationError } from '../../tax/rates.js';
import { checkTaxId } from '../../tax/tax-ids.js';
import { readBody } from '../body.js';
import { notFound } from '../errors.js';
import { computeLocationTax, type TaxableSession } from './session-tax.js';
import type { TaxSettingsHolder } from './settings.js';

/** What the routes need from the store: the public lookup by token, and the account's tax settings it keeps. */
interface TaxStore {
  getByToken(token: string): TaxableSession | undefined;
  // why the store's: the sessions' `tax` and the amount a payment charges read the same settings these routes change.
  readonly taxSettings: TaxSettingsHolder;
}

export interface TaxRoutes {
  /** The account's tax settings (options over env over defaults): the store's. */
  settings: TaxSettingsHolder;
}

// why: a settings body is a handful of fields; the app's own limit is for session bodies.
const SETTINGS_MAX_BYTES = 16 * 1024;

/** One query parameter, absent or empty as undefined; a repeated one keeps its first value. */
const param = (c: Context, name: string) => c.req.query(name) || undefined;

// why: the legacy `Quaderno::Tax.calculate` (api/taxes/calculate) sends the older names; both spellings are read.
const LEGACY_NAMES: Readonly<Record<string, keyof CalculateParams>> = {
  country: 'to_country',
  postal_code: 'to_postal_code',
  city: 'to_city',
  vat_number: 'tax_id',
};

function calculateParams(c: Context): CalculateParams {
  const params: CalculateParams = {};
  for (const [name, value] of Object.entries(c.req.query())) {
    const key = (LEGACY_NAMES[name] ?? name) as keyof CalculateParams;
    if (value !== '' && params[key] === undefined) params[key] = value;
  }
  return params;
}

/** A 422 in the protocol's shape for the public endpoints. */
function locationInvalid(c: Context, field: string, message: string) {
  const body: ProtocolErrorBody = {
    code: 'tax_location_invalid',
    error: `${field} ${message}`,
    errors: { [field]: [message] },
    field_codes: { [field]: 'tax_location_invalid' },
  };
  return c.json(body, 422);
}

function fieldInvalid(c: Context, field: string, message: string) {
  const body: ProtocolErrorBody = { code: 'field_invalid', error: `${field} ${message}`, errors: { [field]: [message] }, field_codes: { [field]: 'field_invalid' } };
  return c.json(body, 422);
}

/**
 * Registers the tax routes on the sandbox app and returns the settings. A session's own `tax` is the store's
 * (`SandboxStore.taxOf`): a paid session keeps the summary it charged, which a live computation here would not.
 */
export function mountTaxRoutes(app: Hono, store: TaxStore): TaxRoutes {
  const settings = store.taxSettings;

  // ---- private API (the app's /api/* middleware has checked the key) --------------------------------------

  const calculate = (c: Context) => {
    try {
      return c.json(calculateTaxRate(calculateParams(c), settings.get()));
    } catch (error) {
      if (error instanceof TaxQueryError) return c.json({ errors: error.errors }, 422);
      throw error;
    }
  };
  app.get('/api/tax_rates/calculate', calculate);
  app.get('/api/tax_rates/calculate.json', calculate);
  app.get('/api/taxes/calculate', calculate);
  app.get('/api/taxes/calculate.json', calculate);

  const validate = (c: Context) => {
    const country = param(c, 'country')?.trim().toUpperCase();
    const taxId = (param(c, 'tax_id') ?? param(c, 'vat_number'))?.trim();
    const errors: Record<string, string[]> = {};
    if (!country) errors.country = ["can't be blank"];
    else if (!/^[A-Z]{2}$/.test(country)) errors.country = ['must be an ISO 3166-1 alpha-2 code'];
    if (!taxId) errors.tax_id = ["can't be blank"];
    if (Object.keys(errors).length) return c.json({ errors }, 422);
    return c.json({ valid: checkTaxId(country!, taxId!) });
  };
  for (const path of ['/api/tax_ids/validate', '/api/tax_ids/validate.json', '/api/taxes/validate', '/api/taxes/validate.json']) {
    app.get(path, validate);
  }

  // ---- public preview, keyed by the permalink's token: nothing is saved ----------------------------------------

  const session = (c: Context) => {
    const found = store.getByToken(c.req.param('token') ?? '');
    if (!found) throw notFound('Session');
    return found;
  };

  // why: the answer depends on the session too (a coupon changes it): browsers revalidate every time, and an
  // unchanged answer costs a 304 without a body.
  app.use('/checkout/session/:token/tax.json', etag());
  app.use('/checkout/session/:token/tax_id.json', etag());

  app.get('/checkout/session/:token/tax.json', (c) => {
    const current = session(c);
    try {
      const summary = computeLocationTax(current, { country: param(c, 'country'), postal_code: param(c, 'postal_code'), tax_id: param(c, 'tax_id') }, settings.get());
      c.header('Cache-Control', 'no-cache');
      return c.json(summary);
    } catch (error) {
      if (error instanceof LocationError) return locationInvalid(c, error.field, error.message);
      throw error;
    }
  });

  app.get('/checkout/session/:token/tax_id.json', (c) => {
    session(c);
    const country = param(c, 'country')?.trim().toUpperCase();
    const taxId = param(c, 'tax_id')?.trim();
    if (!country || !/^[A-Z]{2}$/.test(country)) return locationInvalid(c, 'country', 'is not a country');
    if (!taxId) return fieldInvalid(c, 'tax_id', "can't be blank");
    c.header('Cache-Control', 'no-cache');
    return c.json({ valid: checkTaxId(country, taxId) });
  });

  // ---- sandbox-only: the account's tax settings (NOT part of Quaderno's API) -----------------------------------

  for (const path of ['/sandbox/tax-settings', '/sandbox/tax-settings.json']) {
    app.get(path, (c) => c.json(settings.get()));
    app.on(['PUT', 'PATCH', 'POST'], path, async (c) => c.json(settings.update(await readBody(c.req.raw, SETTINGS_MAX_BYTES))));
    app.delete(path, (c) => c.json(settings.reset()));
  }

  return { settings };
}
