/**
 * Reading 绩效 cells for the checks of performanceChecks.ts: the qualified address, the number, the half-width of
 * rounding, and the weights of 得分率 columns inferred from the rows.
 */
import { qualified } from "../address";
import { Decimal, halfOfDecimals, ZERO } from "../decimal";
import { HALF } from "../rounding";
import { PCell, ProjectRow } from "./performance";
import { dict } from "../dict";

export { HALF };

export function q(c: PCell): string {
  return qualified(c.sheet, c.addr);
}

export function num(c: PCell | null): Decimal | null {
  return c && c.state === "number" && c.value ? c.value : null;
}

/** Half-width of a 绩效 amount: 2-decimal 万元 precision (RULES.md §0.2), finer when more decimals are shown. */
export function halfOf(c: PCell): Decimal {
  return c.dp > 2 ? halfOfDecimals(c.dp) : HALF;
}

/** Constants of the score model, made once (a Decimal never changes). */
export const HUNDRED = new Decimal(100);
/**
 * × 0.01 instead of ÷ 100 (a long division in decimal.js): the same exact quotient, rounded to the same significant
 * digits (both are correctly rounded). Tested against dividedBy.
 */
export const CENT = new Decimal("0.01");

const TENTH = new Decimal("0.1");

/**
 * 10 × (100 − min(执行率, 100)) / 100: the points 预算执行率 (weighing 10) loses. Written (100 − rate) × 0.1, and 0 at
 * 100 % or more (most rows): × 10 and × 0.01 only shift the digits, so this is the same decimal. Tested against it.
 */
export function rateShortfall(rate: Decimal): Decimal {
  return rate.gte(HUNDRED) ? ZERO : HUNDRED.minus(rate).times(TENTH);
}

/** Weights of the other 得分率 columns, from rows where that column alone falls short (consistent values only). */
export function inferWeights(rows: ProjectRow[]): { [k: string]: Decimal } {
  const H = HUNDRED;
  const seen = dict<Decimal[]>();
  for (const r of rows) {
    const score = num(r.score);
    const rate = num(r.rate);
    if (!score || rate === null || !r.rate || !r.rate.percent) continue;
    const short: string[] = [];
    for (const k in r.rates) {
      const v = r.rates[k];
      if (v.state === "number" && v.value && v.value.lt(100)) short.push(k);
    }
    if (short.length !== 1) continue;
    const v = r.rates[short[0]].value as Decimal;
    const rest = H.minus(rateShortfall(rate)).minus(score);
    const w = rest.times(100).dividedBy(H.minus(v)).toDecimalPlaces(1);
    (seen[short[0]] = seen[short[0]] || []).push(w);
  }
  const out = dict<Decimal>();
  for (const k in seen) {
    const ws = seen[k];
    if (ws.every((w) => w.equals(ws[0])) && ws[0].gt(0)) out[k] = ws[0];
  }
  return out;
}
