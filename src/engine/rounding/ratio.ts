/**
 * Ratios by interval (RULES.md §5.3). A stated p % is EXACT when x / y × 100 rounds half-up to p at p's
 * decimals; otherwise every displayed operand stands for [v − h, v + h] and the stated p for p ± ½ unit of
 * its last digit: when the two intervals meet, rounding explains the gap (TAIL); when not, it is an error.
 * A ratio over a zero denominator is UNDEFINED (an error: it must not be printed at all).
 */
import { Decimal, ZERO, halfOfDecimals } from "../decimal";

import { Rounded } from "./operand";

/** A ratio's operand: any rounded figure (0.005 for a 2-decimal 万元 figure, 0.01 for a derived prior year). */
export type Op = Rounded;

export type RatioState = "exact" | "tail" | "error" | "undefined";

export interface RatioResult {
  state: RatioState;
  /** Recomputed x / y × 100 (exact decimal), null when undefined. */
  ratio: Decimal | null;
  /** ratio rounded half-up to the stated decimals. */
  rounded: Decimal | null;
  lo: Decimal | null;
  hi: Decimal | null;
  /** Largest |p − ratio| that rounding can explain (for the report's tolerance field). */
  tolerance: Decimal | null;
}

const HUNDRED = new Decimal(100);

export function judgeRatio(num: Op, den: Op, stated: Decimal, statedDp: number): RatioResult {
  if (den.value.isZero()) return { state: "undefined", ratio: null, rounded: null, lo: null, hi: null, tolerance: null };
  const n = num.value.abs();
  const d = den.value.abs();
  const ratio = n.dividedBy(d).times(HUNDRED);
  const rounded = ratio.toDecimalPlaces(statedDp);
  // Most stated ratios tie: the interval is only worked out when they do not.
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

/** Format a percentage for messages with 4 decimals ("98.3051"). */
export function pct4(d: Decimal | null): string {
  return d ? d.toDecimalPlaces(4).toFixed(4) : "—";
}
