/**
 * Number tokens of the narrative (RULES.md §3.2), written for ES5 (no named groups, no `u` flag, no
 * lookbehind). Amounts are converted to 万元 (元 × 0.0001, 亿元 × 10000); percentages are numbers of percent.
 * Years ("2024年", "比2023年"), 科目编码 and counts ("15个") are never amounts: the patterns only take a
 * number as an amount when a unit (万元/元/亿元) or "%" follows it, or where the sentence fixes the unit
 * ("年初预算为0，").
 */
import { Decimal } from "../decimal";
import { HALF } from "../rounding/operand";

/**
 * A number as printed: 2481.93, 2,481.93, -3.5. One capture group.
 *
 * Every quantifier is bounded (decision, issue 13): at most 15 digits before the point (Excel keeps 15
 * significant digits, so a longer run of digits is no figure of a table) and at most 10 after it. Unbounded, a
 * pattern that starts with a number rescans a run of digits from each of its positions: quadratic, minutes on a
 * few hundred KB. Bounded, each position costs at most a few dozen steps.
 */
export const NUM = "(-?(?:\\d{1,3}(?:,\\d{3}){1,5}|\\d{1,15})(?:\\.\\d{1,10})?)";
/** Amount with its unit: two capture groups (number, unit). */
export const AMT = NUM + "(万元|亿元|元)";
/** Amount whose unit may be left out (万元 implied): two capture groups. */
export const AMT_OPT = NUM + "(万元|亿元|元)?";
/** Percentage: one capture group (number), the % sign required. */
export const PCT = "(-?\\d{1,15}(?:\\.\\d{1,10})?)%";
/** 增加/减少 and 增长/下降. */
export const DIR = "(增加|减少|持平)";
export const DIR2 = "(增长|下降|提高|降低|减少|增加)";

export interface Figure {
  /** Value in 万元 (amounts) or in percent (percentages). */
  value: Decimal;
  /** The number as printed in its own unit. */
  printed: Decimal;
  /** Decimals printed. */
  dp: number;
  /** Printed unit: 万元, 元, 亿元, % (or "" for a bare number). */
  unit: string;
  /** Normalised text of the figure (number + unit) and its position in the paragraph's normalised text. */
  text: string;
  start: number;
  end: number;
}

/**
 * Numbers parsed during the running analysis, by the string as printed (analyseNarrative opens the memo and drops it
 * at its end; outside it every call parses afresh). The section checks, then the checks inside the text, locate the
 * same figures of one text again and again: a Decimal from a string is made once per analysis instead. Nothing
 * outlives the analysis of one document (issue 9: no cache across files).
 */
let parsed: Map<string, { readonly value: Decimal; readonly dp: number }> | null = null;

/** Run `fn` with a memo of parsed numbers that ends with it. */
export function withParsedNumbers<T>(fn: () => T): T {
  const outer = parsed;
  parsed = new Map();
  try {
    return fn();
  } finally {
    parsed = outer;
  }
}

/** A printed number and its count of decimals (read only: the same object may be given again in one analysis). */
export function parseNumber(s: string): { readonly value: Decimal; readonly dp: number } {
  const memo = parsed;
  const hit = memo ? memo.get(s) : undefined;
  if (hit) return hit;
  // most figures have no thousands separator: no replace (a new string) for them
  const t = s.indexOf(",") < 0 ? s : s.replace(/,/g, "");
  const dot = t.indexOf(".");
  // a whole number of up to 7 digits (885, 100, 0) from its number: decimal.js's path for small integers, without
  // the string parse and its pattern test; the same decimal (tested against the string)
  const small = dot < 0 && t.length <= 7 && /^\d+$/.test(t);
  const r = { value: new Decimal(small ? +t : t), dp: dot < 0 ? 0 : t.length - dot - 1 };
  if (memo) memo.set(s, r);
  return r;
}

/** Unit factors, made once (a Decimal never changes). */
const ONE = new Decimal(1);
const YUAN = new Decimal("0.0001");
const YI = new Decimal(10000);

/** Factor that converts the printed unit to 万元. */
export function unitFactor(unit: string): Decimal {
  if (unit === "元") return YUAN;
  if (unit === "亿元") return YI;
  return ONE;
}

/** "0"–"9" (charCodeAt gives NaN past the end: no digit). */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A printed number (`chars` long as written) in 万元, percent as it is. In 万元 or bare it is the number itself: × 1
 * only made a new Decimal of the same value, as long as its digits fit the precision (40; a figure of the text has
 * at most some 28 digits, a longer string is multiplied as before). Tested against × 1 on random figures.
 */
export function inWan(printed: Decimal, unit: string, chars: number): Decimal {
  if (unit === "%") return printed;
  const f = unitFactor(unit);
  return f === ONE && chars <= 40 ? printed : printed.times(f);
}

/**
 * Find the figure `num` + `unit` inside `text` at or after `from` (a whole number: not preceded or followed
 * by another digit or a decimal point).
 */
export function locate(text: string, num: string, unit: string, from: number): Figure | null {
  const needle = num + (unit || "");
  let i = text.indexOf(needle, from);
  while (i >= 0) {
    // the neighbours by character code (a regex test per character cost more than the search)
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    const okBefore = !isDigit(before) && before !== 46 && !(before === 44 && isDigit(text.charCodeAt(i - 2)) && /^\d{3}(?:\D|$)/.test(num));
    const after = text.charCodeAt(i + needle.length);
    const okAfter = unit ? true : !isDigit(after) && !(after === 46 && isDigit(text.charCodeAt(i + needle.length + 1)));
    if (okBefore && okAfter) {
      const p = parseNumber(num);
      const u = unit || "";
      return { value: inWan(p.value, u, num.length), printed: p.value, dp: p.dp, unit: u, text: needle, start: i, end: i + needle.length };
    }
    i = text.indexOf(needle, i + 1);
  }
  return null;
}

/**
 * Does a printed amount equal a table value? The table value is first expressed in the printed unit and
 * rounded half-up to the printed decimals when the text shows fewer decimals (RULES.md §5.4: “5.4 万元” vs 5.40).
 */
export function sameAsTable(f: Figure, table: Decimal, tableDp: number): { equal: boolean; shown: Decimal } {
  const factor = f.unit === "%" ? ONE : unitFactor(f.unit);
  // table ÷ factor without a long division (issue 9: every amount check made one): × the inverse is the same exact
  // quotient rounded to the same significant digits (both correctly rounded); ÷ 1 is the value itself while its
  // digits fit the precision. Tested against dividedBy.
  const t = factor === ONE ? (table.sd() <= Decimal.precision ? table : table.times(ONE)) : table.times(factor === YUAN ? YI : YUAN);
  const tDp = Math.max(0, tableDp + (f.unit === "元" ? 4 : f.unit === "亿元" ? -4 : 0));
  const shown = f.dp < tDp ? t.toDecimalPlaces(f.dp) : t;
  return { equal: shown.equals(f.printed), shown };
}

/** halfUnit at most HALF (0.005 万元) for amounts, by unit and decimals like `halves` (Checker.textRef). */
const cappedHalves: { [unit: string]: Decimal[] } = { "元": [], "亿元": [], "": [] };

/**
 * A text amount's half-width as an operand: its halfUnit, at most HALF (「885 万元」 stands for 885.00 at 2-decimal
 * precision, RULES.md §0.2); a percentage's own. Equal to Decimal.min(halfUnit, HALF), made once per unit and decimals.
 */
export function operandHalf(f: Figure): Decimal {
  const h = halfUnit(f);
  if (f.unit === "%") return h;
  const by = f.dp >= 0 && f.dp <= 10 && f.dp === Math.floor(f.dp) ? cappedHalves[f.unit === "元" || f.unit === "亿元" ? f.unit : ""] : undefined;
  const hit = by ? by[f.dp] : undefined;
  if (hit) return hit;
  const capped = Decimal.min(h, HALF);
  if (by) by[f.dp] = capped;
  return capped;
}

/** halfUnit by unit and decimals, made on first use (a Decimal never changes; NUM and PCT print at most 10 decimals). */
const halves: { [unit: string]: Decimal[] } = { "%": [], "元": [], "亿元": [], "": [] };

/** Half a unit of the last printed decimal, in 万元 (or percent). */
export function halfUnit(f: Figure): Decimal {
  const known = f.dp >= 0 && f.dp <= 10 && f.dp === Math.floor(f.dp);
  const by = known ? halves[f.unit === "%" ? "%" : f.unit === "元" || f.unit === "亿元" ? f.unit : ""] : undefined;
  const hit = by ? by[f.dp] : undefined;
  if (hit) return hit;
  const unit = new Decimal(10).pow(-f.dp).times(f.unit === "%" ? 1 : unitFactor(f.unit));
  const h = unit.dividedBy(2);
  if (by) by[f.dp] = h;
  return h;
}
