/**
 * The text Excel (and SheetJS's `w`) shows for a number in the formats a 决算 workbook uses almost everywhere, without
 * SheetJS's general format interpreter: "General", "0", "0.0…", "#,##0", "#,##0.0…", and those with "%". Every
 * other format, and values these paths do not cover (not finite, |v| ≥ 1e15), go to SSF.format.
 *
 * Each path reproduces SheetJS's own code for that format (write_num_int / write_num_flt / write_num_pct in
 * xlsx.js 0.20.3), including its rounding (Math.round on the scaled value, so 1.005 → "1.00" and 2.675 → "2.67"
 * as in SheetJS, not as decimal arithmetic would). test/io/numberFormat.test.ts compares with SSF.format over many
 * values. Pure and browser-safe.
 */
import { SSF } from "@e965/xlsx";

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

/** The fast path, or null when SSF.format must decide. */
export function fastFormat(fmt: string, v: number): string | null {
  if (fmt === "General") return (v | 0) === v ? String(v) : null;
  const k = kindOf(fmt);
  if (!k || !(v > -1e15 && v < 1e15)) return null;
  if (!k.percent) return plain(k, v);
  const p = v * 100;
  if (!(p > -1e15 && p < 1e15)) return null;
  const s = plain(k, p);
  return s === null ? null : s + "%";
}

/** SSF.format(fmt, v, opts) with the fast path first; null if SSF.format throws (as SheetJS leaves `w` unset). */
export function formatNumber(fmt: string, v: number, date1904?: boolean): string | null {
  const fast = fastFormat(fmt, v);
  if (fast !== null) return fast;
  try {
    return date1904 ? SSF.format(fmt, v, { date1904: true }) : SSF.format(fmt, v);
  } catch (_e) {
    return null;
  }
}
