/**
 * Issue 9: the score model of the 项目自评表 (P.3) with fewer decimal operations. Each rewritten step must give the very
 * decimal the old expression gave (kept here as the reference): digit for digit and sign for sign.
 */
import fc from "fast-check";
import { Decimal, halfOfDecimals } from "../../src/engine/decimal";
import { CENT, HUNDRED, rateShortfall } from "../../src/engine/narrative/performanceCells";

const TEN = new Decimal(10);
const same = (a: Decimal, b: Decimal) => a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);

const rate = fc
  .tuple(fc.constantFrom("", "", "-"), fc.oneof(fc.constantFrom("100", "99", "0", "101", "1000"), fc.stringMatching(/^[0-9]{1,4}$/), fc.stringMatching(/^[0-9]{1,20}$/)), fc.stringMatching(/^[0-9]{0,12}$/))
  .map(([s, i, f]) => new Decimal(s + i + (f ? "." + f : "")));

test("rateShortfall is 10 × (100 − min(rate, 100)) × 0.01, the same decimal", () => {
  fc.assert(
    fc.property(rate, (r) => {
      const want = TEN.times(HUNDRED.minus(r.gt(HUNDRED) ? HUNDRED : r)).times(CENT);
      expect(same(rateShortfall(r), want)).toBe(true);
    }),
    { seed: 11, numRuns: 5000 },
  );
  expect(rateShortfall(new Decimal("97.5")).toFixed()).toBe("0.25");
  expect(rateShortfall(new Decimal("100.00")).toFixed()).toBe("0");
});

test("the rate's part of the P.3 tolerance: 10 × ½ unit × 0.01 is ½ unit of one decimal more", () => {
  for (let dp = 0; dp <= 15; dp++) expect(same(halfOfDecimals(dp + 1), TEN.times(halfOfDecimals(dp)).times(CENT))).toBe(true);
});
