// Consumers of the six states where a domestic sale needs the buyer's tax ID (src/tax/tax-id-rule.ts), each with the
// personal number they would give and a postal code of their capital: shared by the element's Chromium suite and the
// handler's in-page payment suite, which each have one pay with it.
export const DOMESTIC_CONSUMERS: ReadonlyArray<[country: string, kind: string, taxId: string, postalCode: string]> = [
  ['IT', 'codice fiscale', 'RCCMNL83S18D969H', '00184'],
  ['ES', 'NIE', 'X1111111G', '28013'],
  ['PT', 'NIF of a person', '123456789', '1100-148'],
  ['HR', 'OIB', '33392005961', '10000'],
  ['BG', 'EGN', '7523169263', '1000'],
  ['CY', 'TIC of a person', '00632993F', '1010'],
];
