// The size budget of the built files, in brotli bytes (quality 11, node:zlib's default): one home for the test that
// holds the build to it (test/build/size-budget.test.ts, in `npm test` and so in CI) and the bench's rows. A budget
// stops regressions; it is no goal to chase.
const KB = 1024;

export const SIZE_BUDGET = {
  /** The ES critical path at its worst: the core and the largest locale chunk a page can need beside it. */
  esCoreWithLargestLocale: 42 * KB,
  /**
   * The classic script, every locale inside. why 54 and not 52: its ten locales carry every string, so each feature
   * with words costs ten times; the inactivity warning, the tax announcements, the locked-fields notice and the
   * reviewed tax-ID wording took it from 50.1 to 52.7 KB.
   */
  classicScript: 54 * KB,
  /** Each classic adapter script (Stripe, PayPal), on top of the classic core. */
  adapterScript: 5 * KB,
} as const;
