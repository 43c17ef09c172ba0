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
  /**
   * The value in hundredths as a safe integer (585.44 → 58544) when it has at most two decimals, else null.
   * Lets the rules settle the common case, an identity that holds exactly, without decimal arithmetic.
   */
  units?: number | null;
  /** Why a text/error cell is not an amount, in Chinese, for the finding. */
  problem?: string;
}

const DASHES = /^(?:-+|—+|–+|－+|―+|\/|／|…+|無|无)$/;
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/;


/** A number format that shows a date or time (y, m, d, h, s outside quotes and brackets). */
const dateFormats = new Map<string, boolean>();
const GENERAL = /^general$/i;

/** A number format that shows a date or time (y, m, d, h, s outside quotes and brackets). Cached per format. */
export function isDateFormat(format: string): boolean {
  if (!format || format === "General" || GENERAL.test(format)) return false;
  let d = dateFormats.get(format);
  if (d === undefined) {
    d = /[ymdhs]/i.test(format.split(";")[0].replace(/"[^"]*"|\\.|\[[^\][]*\]/g, ""));
    // a Map (formats are text of the file: "valueOf" must not find Object.prototype.valueOf), bounded in size
    if (dateFormats.size < 10000) dateFormats.set(format, d);
  }
  return d;
}

/** Parsed decimals are immutable, so equal texts share one instance (tables are full of 0.00). */
const parsed = new Map<string, Decimal>();
function decimalOf(s: string): Decimal {
  let d = parsed.get(s);
  if (d === undefined) {
    d = new Decimal(s);
    if (parsed.size < 100000) parsed.set(s, d);
  }
  return d;
}

/** Does the stored float carry more decimals than the `dp` shown? Cheap float test first, exact test after. */
function hiddenDecimals(value: number, dp: number, shown: Decimal, percent: boolean): Decimal | null {
  const scaled = (percent ? value * 100 : value) * Math.pow(10, dp);
  if (Math.abs(scaled - Math.round(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled))) return null;
  const stored = percent ? fromFloat(value).times(100) : fromFloat(value);
  const rounded = stored.toDecimalPlaces(dp);
  return !rounded.equals(stored) && rounded.equals(shown) ? stored : null;
}

const NOT_PLAIN = /[^\d.\-]/;
const SIMPLE = /^(\()?([+-])?(\d+)(?:\.(\d+))?(\))?(%)?$/;
const STRIP = /[\s,，¥￥$]/g;

function amount(state: AmountState, text: string, dp: number, problem?: string): Amount {
  const a: Amount = { state, value: null, dp, text, percent: false, hidden: null };
  if (problem) a.problem = problem;
  return a;
}

/**
 * Parse a displayed amount. `fallbackDp` is used for blanks (a blank stands for a zero at the table's precision,
 * so that "0.00" and an empty cell give the same tolerance). Runs for every amount cell: kept allocation-light.
 */
export function readAmount(value: CellValue, text: string, format: string, fallbackDp = 2, formula: string | null = null): Amount {
  const shown = text !== undefined && text !== null && text !== "" ? String(text) : value === null || value === undefined ? "" : String(value);
  if (typeof value === "boolean") return amount("text", shown, fallbackDp, "单元格是逻辑值 " + (value ? "TRUE" : "FALSE") + "，不是金额");
  // 1e309 and beyond: no double holds it (the readers show "∞"); never an amount (issue 13 item 13).
  if (value === Infinity || value === -Infinity) return amount("error", shown, fallbackDp, "单元格存储的数值超出可表示的范围（" + shown + "），无法读取为金额");
  // Most amount texts are plain ("1,290.77", "0.00", "-66.89"): read by one scan instead of the general path's regexes
  return plainAmount(value, shown, format, fallbackDp) || readGeneral(value, shown, format, fallbackDp, formula);
}

/** Every other text (exported for the test that the plain path reads what this path reads). */
export function readGeneral(value: CellValue, shown: string, format: string, fallbackDp: number, formula: string | null): Amount {
  let t = shown;
  if (NOT_PLAIN.test(t)) t = toHalfWidth(shown).replace(STRIP, "");
  if (t === "") return formula ? amount("error", shown, fallbackDp, "单元格有公式 " + formula + " 但没有计算结果，请在 Excel 中重新计算并保存") : amount("blank", shown, fallbackDp);
  if (t.charAt(0) === "#" && EXCEL_ERROR.test(t)) return amount("error", shown, fallbackDp, "单元格显示错误值 " + t);
  if (typeof value === "number" && isDateFormat(format)) return amount("text", shown, fallbackDp, "单元格是日期 " + shown + "，不是金额");
  if (DASHES.test(t)) return amount("dash", shown, fallbackDp);
  const m = SIMPLE.exec(t);
  if (!m || (m[1] && !m[5]) || (!m[1] && m[5])) {
    const problem = /\d/.test(t) ? "“" + shown.slice(0, 40) + "”不是规范的金额写法" : "“" + shown.slice(0, 40) + "”是文字，不是金额";
    return amount("text", shown, fallbackDp, problem);
  }
  const negative = !!m[1] || m[2] === "-";
  const dp = m[4] ? m[4].length : 0;
  let units: number | null = null;
  if (dp <= 2 && m[3].length <= 13) {
    const frac = m[4] || "";
    units = parseInt(m[3] + frac + (frac.length === 0 ? "00" : frac.length === 1 ? "0" : ""), 10) * (negative ? -1 : 1);
  }
  return numberAmount(value, shown, (negative ? "-" : "") + m[3] + (m[4] ? "." + m[4] : ""), dp, units, !!m[6]);
}

/** A number cell: `key` is its value as a plain decimal text ("-1290.77"), `units` its hundredths or null. */
function numberAmount(value: CellValue, shown: string, key: string, dp: number, units: number | null, percent: boolean): Amount {
  const v = decimalOf(key);
  const hidden = typeof value === "number" && isFinite(value) ? hiddenDecimals(value, dp, v, percent) : null;
  return { state: "number", value: v, dp, text: shown, percent, hidden, units };
}

const COMMAS = /,/g;

/**
 * The amount of a plain text, or null: an optional "-", digits with any thousands commas, then optionally "." and
 * digits. Such a text reads exactly as the general path reads it (commas dropped; SIMPLE matches with neither
 * brackets nor "%"), which test/engine/amountFast.test.ts checks on random texts; anything else goes the general path.
 */
function plainAmount(value: CellValue, s: string, format: string, fallbackDp: number): Amount | null {
  const n = s.length;
  const negative = n > 0 && s.charCodeAt(0) === 45;
  let intDigits = 0;
  let fracDigits = 0;
  let commas = 0;
  let dot = false;
  let acc = 0;
  for (let i = negative ? 1 : 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      acc = acc * 10 + (ch - 48);
      if (dot) fracDigits++;
      else intDigits++;
    } else if (ch === 44 && !dot) commas++;
    else if (ch === 46 && !dot && intDigits > 0) dot = true;
    else return null;
  }
  if (intDigits === 0 || (dot && fracDigits === 0)) return null;
  if (typeof value === "number" && isDateFormat(format)) return amount("text", s, fallbackDp, "单元格是日期 " + s + "，不是金额");
  // the digits' integer is exact while it has at most 15 digits (13 before the point, 2 after): as parseInt gave
  const units = fracDigits <= 2 && intDigits <= 13 ? acc * (fracDigits === 0 ? 100 : fracDigits === 1 ? 10 : 1) * (negative ? -1 : 1) : null;
  return numberAmount(value, s, commas ? s.replace(COMMAS, "") : s, fracDigits, units, false);
}
