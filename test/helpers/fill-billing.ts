// The customer's typing in headless Chromium (playwright-core), shared by the end-to-end suites: the built bundle's
// (test/build/support.ts) and the merchant handler's (test/server/chromium.test.ts).
import type { Page } from 'playwright-core';
import { FIELD_SPECS, type BillingField } from '../../src/session/fields.js';
import type { PaymentMethod } from '../../src/session/schema.js';

/**
 * Every field `required` billing asks for: a customer in Madrid (IVA 21 %). A domestic sale of the Spanish sandbox
 * seller needs the buyer's tax ID (the domestic tax-ID rule, src/tax/tax-id-rule.ts, in both billing modes), so Ana gives one the sandbox accepts; a
 * domestic tax ID changes no rate.
 */
export const ANA: Readonly<Partial<Record<BillingField, string>>> = {
  email: 'ana@example.com',
  first_name: 'Ana',
  last_name: 'García',
  billing_country: 'ES',
  tax_id: 'ESA58818501',
  billing_street_line_1: 'Calle Mayor 1',
  billing_city: 'Madrid',
  billing_postal_code: '28013',
};

/**
 * Types `customer` into the first element's billing form, field by field in the given order (a select, the country,
 * is chosen), then picks the payment method unless it is already checked. Ids follow src/checkout/views: `qc-<field>`,
 * `qc-method-<method>`; playwright's CSS locators pierce the shadow root.
 */
export async function fillBilling(
  page: Page,
  customer: Readonly<Partial<Record<BillingField, string>>> = ANA,
  method: PaymentMethod = 'card',
): Promise<void> {
  const el = page.locator('quaderno-checkout');
  for (const [field, value] of Object.entries(customer) as Array<[BillingField, string]>) {
    const control = el.locator(`#qc-${field}`);
    if (FIELD_SPECS[field].select) await control.selectOption(value);
    else await control.fill(value);
  }
  const radio = el.locator(`#qc-method-${method}`);
  if (!(await radio.isChecked())) await radio.check();
}
