/**
 * The one rounding core (RULES.md §5), shared by the table rules (rules/context.ts) and the narrative
 * (narrative/checker.ts and the statement interpreter). Every displayed figure is a `Rounded` operand: its value
 * and the half-width of its rounding interval. Here, and only here:
 *   - HALF, the rounding radius of a 2-decimal 万元 figure;
 *   - the tolerance of an identity, Σ half-widths of all its operands (§5.2);
 *   - the verdicts: a sum (exact / 尾差 / beyond), one quantity shown twice and part ≤ whole (exact / one display
 *     unit / beyond, §5.4), shares that make 100 %, and a ratio judged by interval (§5.3, ratio.ts).
 * The callers word the findings; this module only decides.
 */
import { Decimal, ZERO } from "../decimal";
import { Rounded } from "./operand";

export { HALF, printed } from "./operand";
export type { Rounded } from "./operand";

export { judgeRatio, pct4 } from "./ratio";
export type { RatioResult, RatioState } from "./ratio";

/** The largest difference rounding can explain in one identity of these figures: Σ of their half-widths. */
export function tolerance(ops: readonly Rounded[]): Decimal {
  let tol = ZERO;
  for (let i = 0; i < ops.length; i++) tol = tol.plus(ops[i].half);
  return tol;
}

/** Σ of the values. */
export function total(ops: readonly Rounded[]): Decimal {
  let s = ZERO;
  for (let i = 0; i < ops.length; i++) s = s.plus(ops[i].value);
  return s;
}

/** exact: no difference; tail: within the tolerance (尾差); beyond: rounding cannot explain it. */
export type Verdict = "exact" | "tail" | "beyond";

/** A difference judged against a tolerance. */
export function verdictOf(difference: Decimal, tol: Decimal): Verdict {
  if (difference.isZero()) return "exact";
  return difference.abs().lte(tol) ? "tail" : "beyond";
}

export interface SumJudgement {
  /** Σ parts. */
  expected: Decimal;
  /** total − Σ parts. */
  difference: Decimal;
  /** Σ half-widths of the total and every part, zeros included. */
  tolerance: Decimal;
  /** The same over the non-zero figures only (shown beside the tolerance when smaller). */
  tight: Decimal;
  verdict: Verdict;
}

/** total = Σ parts (RULES.md §5.2): equal passes, within Σ half-widths is 尾差, beyond is the rule's verdict. */
export function judgeSum(whole: Rounded, parts: readonly Rounded[]): SumJudgement {
  const expected = unitsTotal(parts) || total(parts);
  const h = whole.half;
  let tol: Decimal | null = null;
  let tight: Decimal | null = null;
  if (!h.isZero() && sameHalf(h, parts)) {
    // every operand has the same half-width h (one table's figures): n·h, the same exact decimal as h + h + … + h
    let nonZero = whole.value.isZero() ? 0 : 1;
    for (let i = 0; i < parts.length; i++) if (!parts[i].value.isZero()) nonZero++;
    tol = h.times(parts.length + 1);
    tight = nonZero === 0 ? ZERO : h.times(nonZero);
  } else {
    tol = whole.half.plus(tolerance(parts));
    tight = whole.value.isZero() ? ZERO : whole.half;
    for (let i = 0; i < parts.length; i++) if (!parts[i].value.isZero()) tight = tight.plus(parts[i].half);
  }
  const difference = whole.value.minus(expected);
  return { expected, difference, tolerance: tol, tight, verdict: verdictOf(difference, tol) };
}

function sameHalf(h: Decimal, ops: readonly Rounded[]): boolean {
  for (let i = 0; i < ops.length; i++) if (ops[i].half !== h) return false;
  return true;
}

const HUNDREDTH = new Decimal("0.01");
const MAX_EXACT = 9007199254740991;

/**
 * Σ of the values from their hundredths, one decimal operation instead of one per operand, when every operand has
 * them (a table's cells); null otherwise, and for a zero sum (whose sign the decimal sum decides: left to total()).
 * Decimal values are held normalised, so the same non-zero value prints the same whichever way it was reached.
 */
function unitsTotal(ops: readonly Rounded[]): Decimal | null {
  let u = 0;
  for (let i = 0; i < ops.length; i++) {
    const x = ops[i].units;
    if (x === null || x === undefined) return null;
    u += x;
    // integers add exactly up to 2^53; beyond (never met in a table) the decimals do it
    if (u > MAX_EXACT || u < -MAX_EXACT) return null;
  }
  return u === 0 ? null : new Decimal(u).times(HUNDREDTH);
}

/** The shares of one breakdown make 100 % (difference = Σ shares − 100, tolerance Σ of their half-widths). */
export function judgeShares(shares: readonly Rounded[]): { sum: Decimal; difference: Decimal; tolerance: Decimal; verdict: Verdict } {
  const sum = total(shares);
  const difference = sum.minus(100);
  const tol = tolerance(shares);
  return { sum, difference, tolerance: tol, verdict: verdictOf(difference, tol) };
}

/** exact: holds; close: off by at most one display unit (舍位方式不一致); beyond. */
export type PairVerdict = "exact" | "close" | "beyond";

/** One display unit of the coarser of two figures: twice the larger half-width. */
export function displayUnit(a: Rounded, b: Rounded): Decimal {
  return Decimal.max(a.half, b.half).times(2);
}

/** One quantity shown twice (RULES.md §5.4): difference a − b, tolerance one display unit. */
export function judgeSame(a: Rounded, b: Rounded): { difference: Decimal; unit: Decimal; verdict: PairVerdict } {
  const difference = a.value.minus(b.value);
  const unit = displayUnit(a, b);
  if (difference.isZero()) return { difference, unit, verdict: "exact" };
  return { difference, unit, verdict: !unit.isZero() && difference.abs().lte(unit) ? "close" : "beyond" };
}

/** part ≤ whole (RULES.md §2): difference part − whole, exceeded by at most one display unit is `close`. */
export function judgeLe(part: Rounded, whole: Rounded): { difference: Decimal; unit: Decimal; verdict: PairVerdict } {
  const difference = part.value.minus(whole.value);
  const unit = displayUnit(part, whole);
  if (difference.lte(0)) return { difference, unit, verdict: "exact" };
  return { difference, unit, verdict: !unit.isZero() && difference.lte(unit) ? "close" : "beyond" };
}
