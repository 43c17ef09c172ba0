/**
 * Issue 9: judgeSum adds a table's figures by their hundredths and multiplies a shared half-width instead of adding
 * it operand by operand. The result must be the very decimals the operand-by-operand sums give (kept here as the
 * reference), zero sums and mixed half-widths included.
 */
import fc from "fast-check";
import { Decimal, ZERO } from "../../src/engine/decimal";
import { judgeSum, Rounded } from "../../src/engine/rounding";

function reference(whole: Rounded, parts: Rounded[]) {
  let expected = ZERO;
  for (const p of parts) expected = expected.plus(p.value);
  let tol = whole.half;
  for (const p of parts) tol = tol.plus(p.half);
  let tight = whole.value.isZero() ? ZERO : whole.half;
  for (const p of parts) if (!p.value.isZero()) tight = tight.plus(p.half);
  return { expected, difference: whole.value.minus(expected), tolerance: tol, tight };
}

/** Same decimal, digit for digit and sign for sign (what every printing of it depends on). */
const same = (a: Decimal, b: Decimal) => a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);

const HALF = new Decimal("0.005");
const OTHER = new Decimal("0.05");
/** A table figure: value and hundredths agree, as a cell's do (Amount.units); sometimes without hundredths. */
const operand = (half: fc.Arbitrary<Decimal>) =>
  fc.record({ u: fc.oneof(fc.integer({ min: -99999999, max: 99999999 }), fc.constantFrom(0, 1, -1)), half, negZero: fc.boolean(), noUnits: fc.boolean() }).map(({ u, half: h, negZero, noUnits }) => {
    const value = u === 0 && negZero ? new Decimal("-0.00") : new Decimal(u).dividedBy(100);
    const o: Rounded = { value, half: h, units: noUnits && u % 7 === 0 ? null : u };
    return o;
  });

test("judgeSum gives the operand-by-operand decimals", () => {
  const half = fc.oneof(fc.constant(HALF), fc.constant(HALF), fc.constant(OTHER), fc.constant(ZERO));
  fc.assert(
    fc.property(operand(half), fc.array(operand(half), { maxLength: 40 }), fc.boolean(), (whole, mixed, shared) => {
      // one table's figures share one half-width (the fast path); figures of several tables may not
      const parts = shared ? mixed.map((p) => ({ ...p, half: whole.half })) : mixed;
      const got = judgeSum(whole, parts);
      const want = reference(whole, parts);
      expect(same(got.expected, want.expected)).toBe(true);
      expect(same(got.difference, want.difference)).toBe(true);
      expect(same(got.tolerance, want.tolerance)).toBe(true);
      expect(same(got.tight, want.tight)).toBe(true);
    }),
    { seed: 20261130, numRuns: 3000 },
  );
});

test("a 尾差 of one table's figures: tolerance and tight as the sums give them", () => {
  const op = (u: number): Rounded => ({ value: new Decimal(u).dividedBy(100), half: HALF, units: u });
  const r = judgeSum(op(1001), [op(500), op(500), op(0)]);
  expect(r.expected.toFixed()).toBe("10");
  expect(r.difference.toFixed()).toBe("0.01");
  expect(r.tolerance.toFixed()).toBe("0.02");
  expect(r.tight.toFixed()).toBe("0.015");
  expect(r.verdict).toBe("tail");
});
