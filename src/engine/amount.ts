/**
 * Reading one amount cell the way a reader of the published table reads it: from its displayed text.
 * Every cell is in one state (RULES.md §0.1): a number, blank, a dash (—, -, / meaning "none"), text that is
 * not an amount, or an Excel error. Only numbers carry a value; blank and dash may stand for 0 where the
 * rules allow it, text and errors never do.
 */
import { Decimal, fromFloat } from "./decimal";
import { toHalfWidth } from "./text";
import { CellValue } from "./types";

export type AmountState = "number" | "blank" | "dash" | "text" | "error";

export interface Amount {
  state: AmountState;
  /** Exact displayed value (null unless state is number). A percentage is held as its number of percent. */
  value: Decimal | null;
  /** Decimals shown (0 for "885", 2 for "585.44"). */
  dp: number;
  /** The displayed text as found. */
  text: string;
  percent: boolean;
  /** The stored number when it carries more decimals than are shown (hidden decimals), else null. */
  hidden: Decimal | null;
  /** Why a text/error cell is not an amount, in Chinese, for the finding. */
  problem?: string;
}

const DASHES = /^(?:-+|—+|–+|－+|―+|\/|／|…+|無|无)$/;
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/;

/** Decimals the number format shows: "#,##0.00" → 2, "0%" → 0, "General" → null (the text decides). */
export function formatDecimals(format: string): number | null {
  if (!format || /^general$/i.test(format)) return null;
  const section = format.split(";")[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : /[0#?]/.test(section) ? 0 : null;
}

/** A number format that shows a date or time (y, m, d, h, s outside quotes and brackets). */
export function isDateFormat(format: string): boolean {
  if (!format || /^general$/i.test(format)) return false;
  return /[ymdhs]/i.test(format.split(";")[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ""));
}

/**
 * Parse a displayed amount. `fallbackDp` is used for blanks (a blank stands for a zero at the table's precision,
 * so that "0.00" and an empty cell give the same tolerance).
 */
export function readAmount(value: CellValue, text: string, format: string, fallbackDp = 2, formula: string | null = null): Amount {
  const shown = text !== undefined && text !== null && text !== "" ? String(text) : value === null || value === undefined ? "" : String(value);
  const base: Amount = { state: "blank", value: null, dp: fallbackDp, text: shown, percent: false, hidden: null };
  if (typeof value === "boolean") return { ...base, state: "text", problem: "单元格是逻辑值 " + (value ? "TRUE" : "FALSE") + "，不是金额" };
  const t = toHalfWidth(shown).replace(/[\s,，¥￥$]/g, "");
  if (t === "") {
    if (formula) return { ...base, state: "error", problem: "单元格有公式 " + formula + " 但没有计算结果，请在 Excel 中重新计算并保存" };
    return base;
  }
  if (EXCEL_ERROR.test(t)) return { ...base, state: "error", problem: "单元格显示错误值 " + t };
  if (typeof value === "number" && isDateFormat(format)) return { ...base, state: "text", problem: "单元格是日期 " + shown + "，不是金额" };
  if (DASHES.test(t)) return { ...base, state: "dash" };
  let m = /^(\()?([+-])?(\d+)(?:\.(\d+))?(\))?(%)?$/.exec(t);
  if (!m || (m[1] && !m[5]) || (!m[1] && m[5])) {
    const problem = /\d/.test(t) ? "“" + shown.slice(0, 40) + "”不是规范的金额写法" : "“" + shown.slice(0, 40) + "”是文字，不是金额";
    return { ...base, state: "text", problem };
  }
  const negative = !!m[1] || m[2] === "-";
  const dp = m[4] ? m[4].length : 0;
  let v = new Decimal((negative ? "-" : "") + m[3] + (m[4] ? "." + m[4] : ""));
  const percent = !!m[6];
  let hidden: Decimal | null = null;
  if (typeof value === "number" && isFinite(value)) {
    const stored = percent ? fromFloat(value).times(100) : fromFloat(value);
    if (!stored.toDecimalPlaces(dp).equals(stored) && stored.toDecimalPlaces(dp).equals(v)) hidden = stored;
  }
  return { state: "number", value: v, dp, text: shown, percent, hidden };
}
