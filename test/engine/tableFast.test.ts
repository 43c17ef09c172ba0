/**
 * Issue 9 (fourth round): fast paths of the table side, each against the code it replaced (kept here as the
 * reference) on seeded random inputs: negatives, zero and −0, huge values, many decimals, exponent forms.
 */
import fc from "fast-check";
import { Decimal, fixed, fmt, ZERO } from "../../src/engine/decimal";
import { money } from "../../src/engine/messages";
import { halfUnitFor, settleDp } from "../../src/engine/recognize/common";
import { TCell, TRow } from "../../src/engine/model";
import { linkIfEcho } from "../../src/engine/rules/echoes";
import { bareFinding } from "../../src/engine/rules/context";
import { linkCause } from "../../src/engine/cause";
import { qualified } from "../../src/engine/address";
import { Finding } from "../../src/engine/types";

/** Same decimal, digit for digit and sign for sign (what every printing of it depends on). */
const same = (a: Decimal, b: Decimal) => (a.s === b.s || (Number.isNaN(a.s) && Number.isNaN(b.s))) && a.e === b.e && JSON.stringify(a.d) === JSON.stringify(b.d);

/** A decimal written every way a text may write it: signs, leading zeros, long digit runs, an exponent. */
const decimalText = fc
  .record({
    sign: fc.constantFrom("", "-", "+"),
    int: fc.oneof(fc.constantFrom("0", "00", "1", "999999", "9007199254740993"), fc.stringMatching(/^[0-9]{1,40}$/)),
    frac: fc.oneof(fc.constant(""), fc.constantFrom("0", "00", "5", "005", "995", "4999999"), fc.stringMatching(/^[0-9]{1,30}$/)),
    exp: fc.oneof(fc.constant(""), fc.constant(""), fc.integer({ min: -45, max: 45 }).map((e) => "e" + e)),
  })
  .map(({ sign, int, frac, exp }) => sign + int + (frac ? "." + frac : "") + exp);
const decimal = fc.oneof(decimalText.map((t) => new Decimal(t)), fc.constantFrom(new Decimal(NaN), new Decimal(Infinity), new Decimal(-Infinity), new Decimal("-0"), ZERO));

/** The toFixed(dp) call as it was, or what it threw. */
function toFixedOrThrow(d: Decimal, dp: number): string {
  try {
    return d.toFixed(dp);
  } catch (e) {
    return "throws " + String(e);
  }
}

test("fixed(d, dp) is d.toFixed(dp) on random decimals and decimals shown", () => {
  const dp = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(-1, 1.5, 100, 101, 40));
  fc.assert(
    fc.property(decimal, dp, (d, n) => {
      let got: string;
      try {
        got = fixed(d, n);
      } catch (e) {
        got = "throws " + String(e);
      }
      expect(got).toBe(toFixedOrThrow(d, n));
    }),
    { seed: 20261130, numRuns: 20000 },
  );
});

test("fixed pads a figure with fewer decimals and rounds one with more, half away from zero", () => {
  expect(fixed(new Decimal("585.4"), 2)).toBe("585.40");
  expect(fixed(new Decimal("-3"), 2)).toBe("-3.00");
  expect(fixed(new Decimal("-0"), 2)).toBe("0.00");
  expect(fixed(new Decimal("1e21"), 1)).toBe("1000000000000000000000.0");
  expect(fixed(new Decimal("-1.005"), 2)).toBe("-1.01");
  expect(fixed(new Decimal("12.5"), 0)).toBe("13");
  expect(() => fixed(new Decimal(1), -1)).toThrow();
  // what a message shows: grouped, "-0.00" folded
  expect(money(new Decimal("-1234567.5"), 2)).toBe("-1,234,567.50");
  expect(money(new Decimal("-0.001"), 2)).toBe("0.00");
  expect(fmt(new Decimal("-0.004"), 2)).toBe("0.00");
});

/** halfUnitFor as it was: decimal arithmetic per dp, cached per table. */
function referenceHalfUnit(unit: string): (dp: number) => Decimal {
  const factor = ({ 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 } as { [u: string]: number })[unit] || 10000;
  return (dp: number) => {
    const step = new Decimal(10).pow(-dp);
    return step.times(factor).lte("0.01") ? ZERO : step.div(2);
  };
}

test("halfUnitFor gives the decimal the per-table computation gave, for every unit and dp", () => {
  for (const unit of ["元", "千元", "万元", "亿元", "", "美元"])
    for (const dp of [-3, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20, 21, 22, 23, 30, 1.5, 2.5]) {
      const got = halfUnitFor(unit)(dp);
      const want = referenceHalfUnit(unit)(dp);
      expect([unit, dp, got.toString(), same(got, want)]).toEqual([unit, dp, want.toString(), true]);
    }
  // a 元 table to the 分 rounds nothing; a 万元 table to the 分 has the 0.005 radius
  expect(halfUnitFor("元")(2).isZero()).toBe(true);
  expect(halfUnitFor("万元")(2).toString()).toBe("0.005");
  expect(halfUnitFor("万元")(6).isZero()).toBe(true);
  expect(halfUnitFor("万元")(5).toString()).toBe("0.000005");
  // a unit is document text: a name of Object.prototype is an unknown unit, read as 万元 (the old lookup threw)
  expect(halfUnitFor("toString")(2).toString()).toBe("0.005");
});

/** typicalDp then settleBlanks, as frame() called them. */
function referenceDp(rows: TRow[]): number {
  const counts: { [dp: number]: number } = {};
  let best = 2;
  let bestN = 0;
  for (const r of rows)
    for (const k in r.cells) {
      const c = r.cells[k];
      if (c.state !== "number") continue;
      counts[c.dp] = (counts[c.dp] || 0) + 1;
      if (counts[c.dp] > bestN) {
        bestN = counts[c.dp];
        best = c.dp;
      }
    }
  for (const r of rows)
    for (const k in r.cells) {
      const c = r.cells[k];
      if (c.state !== "number") c.dp = best;
    }
  return best;
}

test("settleDp finds the typical decimals and gives them to the blanks, as the two passes did", () => {
  const cell = fc.record({ state: fc.constantFrom("number", "number", "blank", "dash", "text", "error"), dp: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(12)) });
  const row = fc.dictionary(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c10"), cell, { maxKeys: 6 });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 30 }), (shape) => {
      const build = () => shape.map((cells, i) => ({ key: "r" + i, label: "", row: i, cells: Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, { ...c } as unknown as TCell])) }) as TRow);
      const a = build();
      const b = build();
      expect(settleDp(a)).toBe(referenceDp(b));
      expect(a).toEqual(b);
    }),
    { seed: 20261130, numRuns: 3000 },
  );
});

/** linkIfEcho as it was: Σ over every kid from a fresh 0, one carrier among the non-zero ones. */
function referenceEcho(parent: Finding, d: Decimal, kids: { d?: Decimal; f?: Finding }[]): void {
  let total = new Decimal(0);
  const carrying: Finding[] = [];
  for (const k of kids) {
    if (!k.d) continue;
    total = total.plus(k.d);
    if (!k.d.isZero() && k.f) carrying.push(k.f);
  }
  if (carrying.length === 1 && total.equals(d)) {
    const r = carrying[0];
    linkCause(parent, r);
    parent.message += "；与 " + (r.cell ? qualified(r.sheet, r.cell) : r.sheet) + " 的" + (r.severity === "tail" ? "尾差" : r.severity === "error" ? "不符" : "差异") + "同源（" + r.rule + "），不另计原因";
  }
}

test("linkIfEcho links a parent to its one differing child exactly when the Σ over all children did", () => {
  const finding = (i: number): Finding => bareFinding("T03.1", i % 2 ? "tail" : "error", "公开03", "表3", "B" + i, "m" + i);
  const diff = fc.oneof(fc.constant(undefined), fc.constantFrom("0", "-0", "0.00", "0.01", "-0.01", "0.02", "1e-40", "123456789012345678901234567890.12"), fc.integer({ min: -300, max: 300 }).map((n) => String(n / 100)));
  const kid = fc.record({ d: diff, f: fc.boolean() });
  fc.assert(
    fc.property(fc.array(kid, { maxLength: 8 }), diff, (kids, pd) => {
      const d = new Decimal(pd || "0");
      const build = () => kids.map((k, i) => ({ d: k.d === undefined ? undefined : new Decimal(k.d), f: k.f ? finding(i) : undefined }));
      const a = bareFinding("T03.1", "tail", "公开03", "表3", "A1", "parent");
      const b = bareFinding("T03.1", "tail", "公开03", "表3", "A1", "parent");
      linkIfEcho(a, d, build(), (f) => f);
      referenceEcho(b, d, build());
      expect(a).toEqual(b);
    }),
    { seed: 20261130, numRuns: 5000 },
  );
});
