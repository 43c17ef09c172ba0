/**
 * Issue 9: fmt no longer builds two Decimals per call to recognise "-0.00"; it must give what the code before gave
 * (kept here as the reference) on random figures and decimals, negative zero included.
 */
import fc from "fast-check";
import { Decimal, fmt } from "../../src/engine/decimal";

function reference(d: Decimal, dp = 2): string {
  const s = d.toFixed(Math.max(dp, 0));
  return s === "-" + new Decimal(0).toFixed(dp) ? new Decimal(0).toFixed(dp) : s;
}

test("fmt equals the reference on random figures, scales and decimals", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), (n, scale, dp) => {
      const d = new Decimal(n).dividedBy(new Decimal(10).pow(scale));
      return fmt(d, dp) === reference(d, dp);
    }),
    { numRuns: 20000 },
  );
});

test("a small negative rounded to zero is shown without its sign; other figures keep theirs", () => {
  expect(fmt(new Decimal("-0.001"), 2)).toBe("0.00");
  expect(fmt(new Decimal("-0.4"), 0)).toBe("0");
  expect(fmt(new Decimal("-0.005"), 2)).toBe("-0.01");
  expect(fmt(new Decimal("-10.00"), 2)).toBe("-10.00");
  expect(fmt(null)).toBe("—");
  expect(() => fmt(new Decimal(1), -1)).toThrow();
  expect(() => fmt(new Decimal(1), 1.5)).toThrow();
});
