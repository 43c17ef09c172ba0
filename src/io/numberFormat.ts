/**
 * The text Excel shows for a number in its number format (RULES.md §8.3). Two steps:
 *
 * 1. **Excel's rounding.** Excel takes the stored double to 15 significant digits and rounds that decimal half away
 *    from zero at the displayed precision: 1.005 → "1.01", 2.675 → "2.68", 1851.435 → "1,851.44", -2.5 in "0" →
 *    "-3". SheetJS (and toFixed) round the binary value, which lies just below the half, and show 1.00, 2.67,
 *    1,851.43. `excelRound` moves a value that lies on such a half to the double of the decimal Excel shows, so any
 *    formatter that rounds the binary value gets it right. Everything else is left alone: away from a half the
 *    binary rounding already agrees. The displayed precision comes from the format (`shownDecimals`); formats whose
 *    precision cannot be told this way (General, dates, fractions, scientific, thousands scaling, conditions) keep
 *    SheetJS's text.
 * 2. **The text.** A fast path for the formats a 决算 workbook uses almost everywhere ("0", "0.0…", "#,##0",
 *    "#,##0.0…", and those with "%"), which reproduces SheetJS's own code for them (write_num_int / write_num_flt /
 *    write_num_pct in xlsx.js 0.20.3); every other format, and values it does not cover, go to SSF.format.
 *
 * Both readers (src/io/fastXlsx.ts and the SheetJS path) and the browser preview take their text from
 * `formatNumber` through convertCell in sheetjsSnapshot.ts. test/io/cellText.test.ts checks the fast path against
 * SSF.format, test/io/displayedText.test.ts the result against the text LibreOffice shows (a committed CSV). Pure and
 * browser-safe.
 */
import Decimal from "decimal.js";
import { sheetjs } from "./sheetjs";

type Kind = { comma: boolean; decimals: number; percent: boolean } | null;

const KINDS: { [fmt: string]: Kind } = {};

/** "0", "0.00", "#,##0", "#,##0.00", with an optional trailing "%"; null for anything else. */
function kindOf(fmt: string): Kind {
  const known = KINDS[fmt];
  if (known !== undefined) return known;
  const m = /^(#,##)?0(?:\.(0{1,10}))?(%)?$/.exec(fmt);
  const k: Kind = m ? { comma: !!m[1], decimals: m[2] ? m[2].length : 0, percent: !!m[3] } : null;
  KINDS[fmt] = k;
  return k;
}

function commaify(s: string): string {
  if (s.length <= 3) return s;
  let j = s.length % 3;
  let o = s.substr(0, j);
  for (; j !== s.length; j += 3) o += (o.length > 0 ? "," : "") + s.substr(j, 3);
  return o;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1e6, 1e7, 1e8, 1e9, 1e10];
const ZEROS = ["", "0", "00", "000", "0000", "00000", "000000", "0000000", "00000000", "000000000", "0000000000"];

/** SheetJS's rnd(): the shortest text of Math.round(v·10^d)/10^d, padded to d decimals; null for exponent notation. */
function fixed(v: number, d: number): string | null {
  const s = String(Math.round(v * POW10[d]) / POW10[d]);
  if (s.indexOf("e") >= 0) return null;
  if (d === 0) return s;
  const dot = s.indexOf(".");
  if (dot < 0) return s + "." + ZEROS[d];
  return s + ZEROS[d - (s.length - dot - 1)];
}

/** "#,##0.0…" for v ≥ 0 (write_num_flt): integer part floor(v) plus a carry, decimals from the fraction alone. */
function commaFixed(v: number, d: number): string {
  const frac = v - Math.floor(v);
  const k = Math.round(frac * POW10[d]);
  const ks = String(k);
  const carry = d < ks.length ? 1 : 0;
  const dec = carry ? "0" : ks;
  return commaify(String(Math.floor(v) + carry)) + "." + ZEROS[d - Math.min(d, dec.length)] + dec;
}

/** write_num(type "n", fmt, v) for the kinds above, without "%". Null where it would not be exact. */
function plain(k: { comma: boolean; decimals: number }, v: number): string | null {
  const d = k.decimals;
  if ((v | 0) === v) {
    // write_num_int
    if (!k.comma) return d === 0 ? String(v) : String(v) + "." + ZEROS[d];
    if (v < 0) return "-" + commaify(String(-v)) + (d === 0 ? "" : "." + ZEROS[d]);
    return commaify(String(v)) + (d === 0 ? "" : "." + ZEROS[d]);
  }
  // write_num_flt
  if (!k.comma) {
    if (d === 0) return String(Math.round(v));
    return fixed(v, d);
  }
  if (d === 0) return (v < 0 ? "-" : "") + commaify(String(Math.round(Math.abs(v))));
  return v < 0 ? "-" + commaFixed(-v, d) : commaFixed(v, d);
}

function stripDecimal(o: string): string {
  return o.indexOf(".") === -1 ? o : o.replace(/(?:\.0*|(\.\d*[1-9])0+)$/, "$1");
}

function normalizeExp(o: string): string {
  if (o.indexOf("E") === -1) return o;
  return o.replace(/(?:\.0*|(\.\d*[1-9])0+)[Ee]/, "$1E").replace(/(E[+-])(\d)$/, "$10$2");
}

/**
 * SheetJS's "General" text of a finite number (SSF_general_num with SSF_small_exp / SSF_large_exp, xlsx.js 0.20.3,
 * copied step for step): so that a workbook with General decimals, as most have, is read without loading SheetJS
 * (sheetjs.ts). test/io/cellText.test.ts holds it equal to SSF.format("General", v) on arbitrary doubles.
 */
function generalNumber(v: number): string {
  const V = Math.floor(Math.log(Math.abs(v)) * Math.LOG10E);
  let o: string;
  if (V >= -4 && V <= -1) o = v.toPrecision(10 + V);
  else if (Math.abs(V) <= 9) {
    const w = v < 0 ? 12 : 11;
    o = stripDecimal(v.toFixed(12));
    if (o.length > w) {
      o = v.toPrecision(10);
      if (o.length > w) o = v.toExponential(5);
    }
  } else if (V === 10) o = v.toFixed(10).substr(0, 12);
  else {
    o = stripDecimal(v.toFixed(11));
    if (o.length > (v < 0 ? 12 : 11) || o === "0" || o === "-0") o = v.toPrecision(6);
  }
  return stripDecimal(normalizeExp(o.toUpperCase()));
}

/** SheetJS's text for the common formats on the value as given (no Excel rounding: see formatNumber), or null. */
export function fastFormat(fmt: string, v: number): string | null {
  if (fmt === "General") {
    if ((v | 0) === v) return String(v);
    // Beyond 1e15 formatNumber's bigText corrects SSF's text, so those stay on the SSF path.
    return v > -1e15 && v < 1e15 ? generalNumber(v) : null;
  }
  const k = kindOf(fmt);
  if (!k || !(v > -1e15 && v < 1e15)) return null;
  if (!k.percent) return plain(k, v);
  const p = v * 100;
  if (!(p > -1e15 && p < 1e15)) return null;
  const s = plain(k, p);
  return s === null ? null : s + "%";
}

/**
 * The value Excel displays at `d` decimals, as the nearest double: 15 significant digits, then half away from zero.
 * Only a value within float noise of a half is changed (the decimal path is slow and elsewhere changes nothing):
 * 15-digit rounding moves a value by at most 5e-15 of itself, and the scaling by 10^d adds a few ulps.
 */
export function excelRound(v: number, d: number): number {
  if (!(v > -1e15 && v < 1e15) || v === 0 || d < 0 || d > 20) return v;
  const a = Math.abs(v);
  const x = a * Math.pow(10, d);
  const f = x - Math.floor(x);
  if (Math.abs(f - 0.5) > 1e-9 + x * 1e-14) return v;
  const r = new Decimal(a.toPrecision(15)).toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toNumber();
  return v < 0 ? -r : r;
}

/** The format's section that shows v (positive; negative; zero; text), as Excel picks it. */
function sectionFor(fmt: string, v: number): string {
  const sections: string[] = [];
  let cur = "";
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt.charAt(i);
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end + 1;
      cur += fmt.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      cur += fmt.substr(i, 2);
      i++;
    } else if (ch === ";") {
      sections.push(cur);
      cur = "";
    } else cur += ch;
  }
  sections.push(cur);
  if (v < 0 && sections.length > 1) return sections[1];
  if (v === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

/**
 * How many decimals of the value the format shows (a "%" shows two more), or null when that cannot be told simply:
 * General, dates and times, fractions, scientific notation, thousands scaling ("#,##0,"), conditional sections.
 */
export function shownDecimals(fmt: string, v: number): number | null {
  // General (a number without a style): what the section scan below finds, without its three replacements and test
  // on every such cell (issue 9, speed).
  if (fmt === "General") return null;
  const k = kindOf(fmt);
  if (k) return k.decimals + (k.percent ? 2 : 0);
  // Literal text, escapes, padding and fill characters, colours and locales show no digit.
  const sec = sectionFor(fmt, v)
    .replace(/"[^"]*"?/g, "")
    .replace(/[\\_*]./g, "")
    .replace(/\[(?:Red|Black|Blue|Cyan|Green|Magenta|White|Yellow|Color\s*\d+|\$[^\]]*)\]/gi, "");
  if (/[\[\]]|general|[yYmMdDhHsSeEbBgG\/?@]/i.test(sec)) return null;
  if (!/[0#]/.test(sec)) return null;
  if (/[0#],+(?![0#,])/.test(sec.replace(/\.[0#]*/, ""))) return null; // thousands scaling
  const dot = sec.indexOf(".");
  let d = 0;
  if (dot >= 0) for (let i = dot + 1; i < sec.length; i++) if (sec.charAt(i) === "0" || sec.charAt(i) === "#") d++;
  const percents = sec.split("%").length - 1;
  return d + 2 * percents;
}

/**
 * The text Excel shows for v in format fmt (see the head of this file); null if SSF.format throws (as SheetJS then
 * leaves `w` unset).
 */
export function formatNumber(fmt: string, v: number, date1904?: boolean): string | null {
  // No double holds 1e309: it reads as Infinity. SSF would show "#DIV/0!", which is not what the file says.
  // (NaN keeps SSF's "#NUM!", what Excel shows for an invalid number.)
  if (v === Infinity || v === -Infinity) return v > 0 ? "∞" : "-∞";
  const d = shownDecimals(fmt, v);
  const shown = d === null ? v : excelRound(v, d);
  const fast = fastFormat(fmt, shown);
  if (fast !== null) return fast;
  let out: string;
  try {
    out = date1904 ? sheetjs().SSF.format(fmt, shown, { date1904: true }) : sheetjs().SSF.format(fmt, shown);
  } catch (_e) {
    return null;
  }
  // SSF writes numbers of 1e21 and more through String(): "1e+,308.00", "-1e,+21", "Infinity.00", "1.5e+".
  if (Math.abs(v) >= 1e15 && /\de|Infinity|NaN/.test(out)) return bigText(fmt, v, d);
  return out;
}

/**
 * A number too large for SSF, as Excel shows it: 15 significant digits, then zeros, with the format's decimals,
 * thousands separators and percent sign (1e308 in "#,##0.00" → "100,000,…,000.00"); "1E+308" where the format's
 * precision cannot be told (dates, General with a condition). The rest of the text (literals, padding, brackets,
 * the sign) is SSF's own for ±1 in the same format, with the digits replaced. Issue 13 item 13.
 */
function bigText(fmt: string, v: number, d: number | null): string {
  if (d === null) return String(v).toUpperCase();
  const sec = sectionFor(fmt, v).replace(/"[^"]*"?/g, "").replace(/[\\_*]./g, "");
  const percents = sec.split("%").length - 1;
  let x = new Decimal(Math.abs(v).toPrecision(15));
  for (let i = 0; i < percents; i++) x = x.times(100);
  const fixed = x.toFixed(Math.max(0, d - 2 * percents));
  const dot = fixed.indexOf(".");
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  const digits = (/[#0],[#0]/.test(sec) ? commaify(int) : int) + (dot < 0 ? "" : fixed.slice(dot));
  let frame = "";
  try {
    frame = sheetjs().SSF.format(fmt, v < 0 ? -1 : 1);
  } catch (_e) {
    frame = "";
  }
  const m = /\d[\d,]*(?:\.\d*)?/.exec(frame);
  if (!m) return (v < 0 ? "-" : "") + digits + (percents > 0 ? "%" : "");
  return frame.slice(0, m.index) + digits + frame.slice(m.index + m[0].length);
}
