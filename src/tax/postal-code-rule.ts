// Where the tax rate depends on the postal code: the US (a state's sales tax) and Canada (a province's). Without a
// postal code there the figure is not exact, so a preview `needs` it, Quaderno's calculate refuses the query, and
// the form asks for it in `auto` mode. Browser-safe: the element reads it as well as the sandbox and a merchant server.

/** Countries whose rate depends on the postal code (a state or province). */
export const POSTAL_CODE_RATE_COUNTRIES: readonly string[] = ['US', 'CA'];

/** Whether the rate in `country` (any case, blanks ignored) depends on the postal code. */
export function rateDependsOnPostalCode(country: string | null | undefined): boolean {
  return POSTAL_CODE_RATE_COUNTRIES.includes(country?.trim().toUpperCase() ?? '');
}
