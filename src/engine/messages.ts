/** Wording of findings: one Chinese sentence that names both sides, the difference, the tolerance and the verdict. */
import { Decimal, fixed, fmt, ZERO } from "./decimal";

/** "0.00" for each number of decimals (0 shown with dp decimals), made once. */
const ZERO_SHOWN: string[] = [];

/**
 * An amount for a message: fixed decimals with thousands separators, "-0.00" shown as "0.00" (as fmt does). Written
 * without fmt's Decimal for the zero and without split: every passed check of the narrative shows its figures.
 */
export function money(d: Decimal, dp: number): string {
  // (d absent or dp no whole number of decimals ≥ 0: as fmt says it, or throws)
  if (d === null || d === undefined || !(dp >= 0 && dp <= 100 && dp === Math.floor(dp))) return group(fmt(d, dp));
  const zero = ZERO_SHOWN[dp] || (ZERO_SHOWN[dp] = ZERO.toFixed(dp));
  const s = fixed(d, dp);
  return group(s.charAt(0) === "-" && s.length === zero.length + 1 && s.slice(1) === zero ? zero : s);
}

/** Thousands separators in a fixed-decimals number, by slicing, not /\B(?=(\d{3})+(?!\d))/g (quadratic in the number of digits). */
function group(s: string): string {
  const neg = s.charAt(0) === "-";
  const dot = s.indexOf(".");
  const i = s.slice(neg ? 1 : 0, dot < 0 ? s.length : dot);
  if (i.length <= 3) return s;
  let grouped = i.slice(0, ((i.length - 1) % 3) + 1);
  for (let k = grouped.length; k < i.length; k += 3) grouped += "," + i.slice(k, k + 3);
  return (neg ? "-" : "") + grouped + (dot < 0 ? "" : s.slice(dot));
}

export function signed(d: Decimal, dp: number): string {
  const s = fmt(d, dp);
  return d.gt(0) ? "+" + s : s;
}

export interface Term {
  label: string;
  value: Decimal;
  dp: number;
  /** Blank or dash read as 0. */
  blank?: boolean;
}

/** "基本支出 518.56 + 项目支出 66.89" — zero terms are left out (and counted) to keep the sentence readable. */
export function termList(terms: Term[], maxShown = 8): string {
  const nonzero = terms.filter((t) => !t.value.isZero());
  // A subtracted term carries the label "减 …" and a negated value: it is written "− label amount".
  let s = "";
  nonzero.slice(0, maxShown).forEach((t, i) => {
    const minus = t.label.indexOf("减 ") === 0;
    const body = (minus ? t.label.slice(2) : t.label) + " " + money(minus ? t.value.negated() : t.value, t.dp);
    s += i === 0 ? (minus ? "− " : "") + body : (minus ? " − " : " + ") + body;
  });
  if (!s) s = "各项均为 0";
  if (nonzero.length > maxShown) s += " 等 " + nonzero.length + " 项";
  const zeros = terms.length - nonzero.length;
  if (zeros > 0 && nonzero.length > 0) s += "（其余 " + zeros + " 项为 0）";
  return s;
}

export function sumSentence(where: string, total: Term, parts: Term[], expected: Decimal, d: Decimal, tol: Decimal, tight: Decimal, verdict: "tail" | "error" | "warning"): string {
  const dp = Math.max(total.dp, 2);
  let s = where + "：" + total.label + " " + money(total.value, total.dp) + "，" + termList(parts) + " = " + money(expected, dp) + "，差 " + signed(d, dp);
  const range = "±" + tol.toFixed() + (tight.lt(tol) && !tight.isZero() ? "（非零项 ±" + tight.toFixed() + "）" : "");
  if (verdict === "tail") s += "，在四舍五入允许范围 " + range + " 内，属尾差";
  else if (tol.isZero()) s += "，该单位的金额未经舍入，应完全相等，" + (verdict === "error" ? "不符" : "请核实");
  else s += "，超出四舍五入允许范围 " + range + "，" + (verdict === "error" ? "不符" : "请核实");
  if (parts.some((p) => p.blank) || total.blank) s += "（空白按 0 计）";
  return s;
}
