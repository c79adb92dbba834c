// The browser-safe part of the tax engine: the TaxSummary vocabulary, the one rounding rule and the summary.
// The rate data, the tax ID checks and the calculate endpoint (rates.ts, tax-ids.ts, calculate.ts, data/) are
// Node-only and are imported by path from the sandbox or a server, never from here.
export * from './types.js';
export { allocate, divideRounded, exclusiveTax, inclusiveNet, roundHalfAwayFromZero, taxableBase } from './rounding.js';
export { computeTaxSummary, type SummaryInput, type TaxableItem } from './summary.js';
export { TAX_ID_REQUIRED_COUNTRIES, taxIdRequired } from './tax-id-rule.js';
export { POSTAL_CODE_RATE_COUNTRIES, rateDependsOnPostalCode } from './postal-code-rule.js';
