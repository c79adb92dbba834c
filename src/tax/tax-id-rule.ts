// Quaderno's rule for when a tax ID is mandatory: domestic sales (seller and customer in the same country) in six EU
// states. Browser-safe: the sandbox and a merchant server compute it; the element only reads the summary's flag.

/**
 * Where a domestic sale needs the customer's tax ID (Quaderno's checkout documentation:
 * "A tax ID is mandatory for domestic sales in BG, CY, ES, HR, IT and PT, optional elsewhere in the EU").
 * why no business/consumer split: the rule as Quaderno states it names none; in these states every invoice (a
 * consumer's too: Spain's NIF, Italy's codice fiscale, Portugal's NIF) carries the buyer's tax number.
 */
export const TAX_ID_REQUIRED_COUNTRIES: readonly string[] = ['BG', 'CY', 'ES', 'HR', 'IT', 'PT'];

/** Whether a sale from `seller` to a customer in `customer` needs the customer's tax ID. */
export function taxIdRequired(seller: string | null | undefined, customer: string | null | undefined): boolean {
  const from = seller?.trim().toUpperCase();
  return !!from && from === customer?.trim().toUpperCase() && TAX_ID_REQUIRED_COUNTRIES.includes(from);
}
