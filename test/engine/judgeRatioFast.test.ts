/**
 * Issue 9: judgeRatio proves the usual exact ratio with whole numbers and makes the 40-digit quotient only when it is
 * read. Every result (state, ratio, rounded, lo, hi, tolerance) must be the very decimals the division gave before
 * (kept here as the reference): negative values, zero, huge values, many decimals, exact ties at p ± h and values
 * just inside and outside them.
 */
import fc from "fast-check";
import { Decimal, ZERO, halfOfDecimals } from "../../src/engine/decimal";
import { judgeRatio, pct4, RatioResult, Rounded } from "../../src/engine/rounding";

const HUNDRED = new Decimal(100);

function reference(num: Rounded, den: Rounded, stated: Decimal, statedDp: number): RatioResult {
  if (den.value.isZero()) return { state: "undefined", ratio: null, rounded: null, lo: null, hi: null, tolerance: null };
  const n = num.value.abs();
  const d = den.value.abs();
  const ratio = n.dividedBy(d).times(HUNDRED);
  const rounded = ratio.toDecimalPlaces(statedDp);
  if (rounded.equals(stated.abs())) return { state: "exact", ratio, rounded, lo: null, hi: null, tolerance: null };
  const nLo = Decimal.max(n.minus(num.half), ZERO);
  const nHi = n.plus(num.half);
  const dLo = d.minus(den.half);
  const dHi = d.plus(den.half);
  const lo = nLo.dividedBy(dHi).times(HUNDRED);
  const hi = dLo.gt(0) ? nHi.dividedBy(dLo).times(HUNDRED) : null;
  const halfP = halfOfDecimals(statedDp);
  const p = stated.abs();
  const spread = hi ? Decimal.max(hi.minus(ratio), ratio.minus(lo)) : null;
  const tolerance = spread ? spread.plus(halfP).toDecimalPlaces(4, Decimal.ROUND_UP) : null;
  if (rounded.equals(p)) return { state: "exact", ratio, rounded, lo, hi, tolerance };
  const meets = p.plus(halfP).gte(lo) && (hi === null || p.minus(halfP).lte(hi));
  return { state: meets ? "tail" : "error", ratio, rounded, lo, hi, tolerance };
}

/** Same decimal, digit for digit and sign for sign (what every printing of it depends on), or both null. */
const same = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? a === b : a.s === b.s && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d));

function expectSame(num: Rounded, den: Rounded, stated: Decimal, dp: number): RatioResult | null {
  let want: RatioResult | null = null;
  let threw = false;
  try {
    want = reference(num, den, stated, dp);
  } catch {
    threw = true;
  }
  if (threw) {
    expect(() => judgeRatio(num, den, stated, dp)).toThrow();
    return null;
  }
  const got = judgeRatio(num, den, stated, dp);
  const w = want as RatioResult;
  expect(got.state).toBe(w.state);
  for (const k of ["ratio", "rounded", "lo", "hi", "tolerance"] as const) {
    if (!same(got[k], w[k])) throw new Error(k + ": " + String(got[k]) + " ≠ " + String(w[k]) + " for " + [num.value, den.value, stated, dp].join(" "));
  }
  return got;
}

/** The quotient of a result proved without the division is a getter (no value held by the result itself). */
const lazy = (r: RatioResult) => {
  const own = Object.getOwnPropertyDescriptor(r, "ratio");
  return !own || !!own.get;
};

const digits = (min: number, max: number) => fc.stringMatching(new RegExp("^[0-9]{" + min + "," + max + "}$"));
/** A decimal of up to 20 whole digits and 12 decimals, either sign, zeros and -0 among them. */
const decimal = fc.oneof(
  fc.tuple(fc.constantFrom("", "-"), digits(1, 6), digits(0, 2)),
  fc.tuple(fc.constantFrom("", "-"), digits(1, 20), digits(0, 12)),
  fc.tuple(fc.constantFrom("", "-"), fc.constantFrom("0", "1", "100", "99999999999999999"), fc.constantFrom("", "0", "00", "5", "005", "0000001")),
).map(([s, i, f]) => new Decimal(s + i + (f ? "." + f : "")));
const half = fc.constantFrom("0", "0.005", "0.005", "0.01", "0.5", "0.00005", "5000").map((h) => new Decimal(h));
const dp = fc.oneof(fc.constantFrom(0, 1, 2, 2, 2), fc.integer({ min: 0, max: 9 }));

test("random operands, the stated figure the ratio rounded (and its neighbours), as the division judged them", () => {
  // how many exact results the whole numbers proved (the rest went by the division)
  let fast = 0;
  fc.assert(
    fc.property(decimal, decimal, half, half, dp, fc.constantFrom(0, 0, 0, 1, -1, 2, 7), fc.constantFrom(0, 0, 0, 1, 5, -3), fc.boolean(), (n, d, hn, hd, k, off, finer, neg) => {
      if (d.isZero()) return;
      const r = n.abs().dividedBy(d.abs()).times(100).toDecimalPlaces(k);
      // `finer`: a digit past the stated decimals (such a figure is never what the ratio rounds to)
      const p = r.plus(new Decimal(10).pow(-k).times(off)).plus(new Decimal(10).pow(-k - 1).times(finer));
      const got = expectSame({ value: n, half: hn }, { value: d, half: hd }, neg ? p.negated() : p, k);
      if (got && got.state === "exact" && lazy(got)) fast++;
    }),
    { seed: 20261130, numRuns: 6000 },
  );
  expect(fast).toBeGreaterThan(300);
});

test("ties: the ratio exactly p − h, p + h and one last digit either side of them", () => {
  fc.assert(
    fc.property(digits(1, 9), digits(0, 3), fc.integer({ min: 0, max: 4 }), digits(1, 5), fc.constantFrom(-1, 1), fc.constantFrom(-1, 0, 1), fc.constantFrom(0, 1, 3, 9), (di, df, k, pi, side, nudge, extra) => {
      const d = new Decimal(di + (df ? "." + df : ""));
      if (d.isZero()) return;
      const unit = new Decimal(10).pow(-k);
      const p = new Decimal(pi).times(unit);
      // n = (p ± h)·d / 100 is an exact decimal: the ratio is p ± h itself; a nudge moves n by one digit past its last
      const n0 = p.plus(unit.dividedBy(2).times(side)).times(d).dividedBy(100);
      const n = n0.plus(new Decimal(10).pow(-(n0.decimalPlaces() + extra)).times(nudge));
      expectSame({ value: n, half: halfOfDecimals(2) }, { value: d, half: halfOfDecimals(2) }, p, k);
      expectSame({ value: n.negated(), half: ZERO }, { value: d.negated(), half: halfOfDecimals(2) }, p, k);
    }),
    { seed: 9, numRuns: 4000 },
  );
});

test("odd stated figures: more decimals than stated, negative or fractional decimals, zero and huge", () => {
  const h = halfOfDecimals(2);
  const op = (v: string) => ({ value: new Decimal(v), half: h });
  for (const [n, d, p, k] of [
    ["1", "3", "33.333", 2],
    ["1", "3", "33.33", 2],
    ["1", "3", "33.3", 1],
    ["1", "3", "33", -1],
    ["1", "3", "33.3", 1.5],
    ["0", "5", "0", 0],
    ["0", "5", "-0", 2],
    ["0.004", "5", "0.08", 2],
    ["1e30", "3e29", "333.33", 2],
    ["123456789012345", "0.0000001", "1", 0],
    ["2", "3", "66.666666666666666666666666666666666666666667", 42],
    ["2", "3", "66.6667", 4],
    ["1399.91", "3881.84", "36.06", 2],
    ["-1399.91", "3881.84", "-36.06", 2],
  ] as [string, string, string, number][]) {
    expectSame(op(n), op(d), new Decimal(p), k);
  }
});

test("a zero denominator is undefined, an exact ratio is read as the division gives it", () => {
  const h = halfOfDecimals(2);
  const op = (v: string) => ({ value: new Decimal(v), half: h });
  expect(judgeRatio(op("5"), op("-0"), new Decimal(100), 2).state).toBe("undefined");
  const r = judgeRatio(op("630.5"), op("2481.93"), new Decimal("25.4"), 2);
  expect(r.state).toBe("exact");
  // proved without the division: the quotient is no field of the result until read
  expect(lazy(r)).toBe(true);
  expect(r.ratio!.toFixed()).toBe("25.40361734617817585508052201311076460658");
  expect(r.rounded!.toFixed(2)).toBe("25.40");
  expect(judgeRatio(op("630.5"), op("2481.93"), new Decimal("25.41"), 2).state).toBe("error");
  expect(judgeRatio(op("1.56"), op("3.38"), new Decimal("46.11"), 2).state).toBe("tail");
  expect(judgeRatio(op("630.5"), op("2481.93"), new Decimal("26.4"), 2).state).toBe("error");
});

test("pct4 prints every decimal as toDecimalPlaces(4).toFixed(4) did", () => {
  fc.assert(
    fc.property(decimal, fc.integer({ min: 0, max: 8 }), (x, shift) => {
      const v = x.dividedBy(new Decimal(10).pow(shift));
      expect(pct4(v)).toBe(v.toDecimalPlaces(4).toFixed(4));
    }),
    { seed: 4, numRuns: 4000 },
  );
  expect(pct4(new Decimal("-0.00004"))).toBe("0.0000");
  expect(pct4(new Decimal("-0.00005"))).toBe("-0.0001");
  expect(pct4(null)).toBe("—");
});
