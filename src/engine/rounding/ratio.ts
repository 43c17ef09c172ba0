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
  // Most stated ratios tie (issue 9): proved without a division, the quotient made only if its sentence is written.
  if (roundsTo(num.value, den.value, stated, statedDp)) return new Exact(num.value, den.value, statedDp);
  const n = num.value.abs();
  const d = den.value.abs();
  const ratio = per100(n, d);
  const rounded = ratio.toDecimalPlaces(statedDp);
  if (rounded.equals(stated.abs())) return { state: "exact", ratio, rounded, lo: null, hi: null, tolerance: null };
  const nLo = Decimal.max(n.minus(num.half), ZERO);
  const nHi = n.plus(num.half);
  const dLo = d.minus(den.half);
  const dHi = d.plus(den.half);
  const lo = per100(nLo, dHi);
  const hi = dLo.gt(0) ? per100(nHi, dLo) : null;
  const halfP = halfOfDecimals(statedDp);
  const p = stated.abs();
  const spread = hi ? Decimal.max(hi.minus(ratio), ratio.minus(lo)) : null;
  const tolerance = spread ? spread.plus(halfP).toDecimalPlaces(4, Decimal.ROUND_UP) : null;
  const meets = p.plus(halfP).gte(lo) && (hi === null || p.minus(halfP).lte(hi));
  return { state: meets ? "tail" : "error", ratio, rounded, lo, hi, tolerance };
}

/**
 * An exact ratio whose quotient (40 digits, as below) is only worked out when read: the callers read it for the
 * sentence of a passed check, which a batch audit never writes. A class: V8 gives an object literal with getters a
 * new shape each time (measured slower).
 */
class Exact implements RatioResult {
  readonly state = "exact";
  readonly lo = null;
  readonly hi = null;
  readonly tolerance = null;
  constructor(
    private readonly n: Decimal,
    private readonly d: Decimal,
    private readonly dp: number,
  ) {}

  get ratio(): Decimal {
    return this.n.abs().dividedBy(this.d.abs()).times(HUNDRED);
  }

  get rounded(): Decimal {
    return this.ratio.toDecimalPlaces(this.dp);
  }
}

/** 10^k as Decimals, made on first use. */
const tens: Decimal[] = [];

/**
 * n / d × 100 as n.dividedBy(d).times(100) gives it: when d is a whole D below 10^7 at its k decimals, n / D × 10^(k+2),
 * decimal.js's short division by a one-word divisor instead of its long division (both quotients are the exact one
 * rounded to 40 digits, and × a power of ten is exact: the same decimal).
 */
function per100(n: Decimal, d: Decimal): Decimal {
  const k = d.decimalPlaces();
  const D = k < 7 ? unitsAt(d, k) : -1;
  if (D <= 0 || D >= 1e7) return n.dividedBy(d).times(HUNDRED);
  return n.dividedBy(new Decimal(D)).times(tens[k] || (tens[k] = new Decimal(POW10[k + 2])));
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX = 9007199254740991;

/**
 * True when |n| / |d| × 100, worked out as above, certainly rounds half-up to |p| at dp decimals, by whole numbers
 * and no division: |p| has at most dp decimals and (p − h)·d ≤ 100·n < (p + h)·d with h = ½·10^−dp, all scaled to
 * integers at k decimals, every product checked to stay a safe integer (false otherwise: the division decides).
 * The 40-digit quotient can round onto p ± h only when it lies within 10^−39 of it (relative); with every term
 * below 2^53 a quotient that is not p ± h itself lies at least 2^−53 (relative) away, so both ways agree.
 */
function roundsTo(n: Decimal, d: Decimal, p: Decimal, dp: number): boolean {
  if (!(dp >= 0 && dp <= 6 && dp === Math.floor(dp))) return false;
  const P = unitsAt(p, dp);
  const k = Math.max(dp, n.decimalPlaces(), d.decimalPlaces());
  if (P < 0 || k > 6) return false;
  const N = unitsAt(n, k);
  const D = unitsAt(d, k);
  const u = POW10[k - dp];
  const p2 = 2 * P * u;
  const lo = (p2 - u) * D;
  const hi = (p2 + u) * D;
  const mid = 200 * POW10[k] * N;
  // N, D < 0: not whole at k decimals or too large; a product over MAX may be rounded: the division decides
  if (N < 0 || D < 0 || p2 > MAX || hi > MAX || mid > MAX) return false;
  return lo <= mid && mid < hi;
}

/**
 * |x| × 10^k as a whole number, or −1 when that is not whole or not a safe integer. Decimal's digits (its
 * documented, read-only `d` and `e`) are words of 7 digits: word i stands for d[i] × 10^(7·(⌊e/7⌋ − i)).
 */
function unitsAt(x: Decimal, k: number): number {
  const w = x.d;
  if (!w) return -1;
  const top = 7 * Math.floor(x.e / 7) + k;
  let acc = 0;
  for (let i = 0; i < w.length; i++) {
    const shift = top - 7 * i;
    const v = w[i];
    if (v === 0) continue;
    if (shift < 0) {
      if (shift < -7 || v % POW10[-shift] !== 0) return -1;
      acc += v / POW10[-shift];
    } else {
      if (shift > 15) return -1;
      acc += v * POW10[shift];
    }
    if (acc > MAX) return -1;
  }
  return acc;
}

/**
 * Format a percentage for messages with 4 decimals ("98.3051"). toFixed rounds as toDecimalPlaces does; only a small
 * negative that rounds to 0 is printed "0.0000" through toDecimalPlaces (it keeps no sign), so only then is it used.
 */
export function pct4(d: Decimal | null): string {
  return d ? (d.isNeg() ? d.toDecimalPlaces(4) : d).toFixed(4) : "—";
}
