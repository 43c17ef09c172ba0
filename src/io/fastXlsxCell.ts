/**
 * The fast path of the worksheet scanner (fastXlsxSheet.ts), for the cells nearly every workbook is made of:
 *   <c r="B7" s="4"><v>2481.93</v></c>   <c r="A1" s="3" t="s"><v>12</v></c>   <c r="B1" s="1"/>
 * that is: only the attributes r, s and t, each at most once, double-quoted, one space before each; t absent, "n" or
 * "s"; no child but one <v> of number characters, nothing between the tags. It reads such a cell in place (no
 * attribute map, no slices, no regular expressions: issue 9, speed) and stores exactly the CellObject parseCell
 * would. Any other shape, and any value parseCell would decline or treat otherwise, returns -1 and the general path
 * (parseCell) reads the cell. test/io/fastXlsxCell.test.ts holds both paths equal on random cells.
 */
import type { CellObject } from "@e965/xlsx";

/** Rows of a dense sheet, as parse_ws_xml_data stores them. */
export type DenseRows = (CellObject[] | undefined)[];

/** Exact powers of ten: a decimal of at most 15 digits divided by one of them is what parseFloat returns. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

/** A-Z, a-z, 0-9: every character an r, s or t value read here may hold (values are checked further below). */
function isPlain(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/** The characters of /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/ (the shape is checked by numberAt). */
function isNumberChar(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || ch === 46 || ch === 45 || ch === 43 || ch === 69 || ch === 101;
}

/** "</c>" at i. Compared code by code: the cell's tags are checked on every cell, a builtin call each cost more. */
function closesCell(s: string, i: number): boolean {
  return s.charCodeAt(i) === 60 && s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 99 && s.charCodeAt(i + 3) === 62;
}

/** "<v>" at i. */
function opensValue(s: string, i: number): boolean {
  return s.charCodeAt(i) === 60 && s.charCodeAt(i + 1) === 118 && s.charCodeAt(i + 2) === 62;
}

/** "</v>" at i. */
function closesValue(s: string, i: number): boolean {
  return s.charCodeAt(i) === 60 && s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 118 && s.charCodeAt(i + 3) === 62;
}

/**
 * parseFloat of s[from, to) when it matches NUM_RE of fastXlsxSheet.ts, else NaN. A decimal without an exponent and
 * with at most 15 digits is computed as integer / 10^k: both exact doubles, so the one rounding of the division
 * gives the double nearest the decimal, as parseFloat does (Clinger's fast path); anything else goes to parseFloat.
 */
function numberAt(s: string, from: number, to: number): number {
  let p = from;
  const negative = s.charCodeAt(p) === 45;
  if (negative) p++;
  let m = 0;
  let digits = 0;
  let intDigits = 0;
  while (p < to && isDigit(s.charCodeAt(p))) {
    m = m * 10 + (s.charCodeAt(p) - 48);
    p++;
    intDigits++;
  }
  digits = intDigits;
  let scale = 0;
  if (p < to && s.charCodeAt(p) === 46) {
    p++;
    while (p < to && isDigit(s.charCodeAt(p))) {
      m = m * 10 + (s.charCodeAt(p) - 48);
      p++;
      scale++;
    }
    digits += scale;
  }
  if (digits === 0) return NaN; // "", "-", ".", "-."
  if (p === to) {
    if (digits > 15) return parseFloat(s.slice(from, to));
    const v = scale === 0 ? m : m / POW10[scale];
    return negative ? -v : v;
  }
  // [eE][-+]?\d+ to the end
  const e = s.charCodeAt(p);
  if (e !== 69 && e !== 101) return NaN;
  p++;
  const sign = s.charCodeAt(p);
  if (p < to && (sign === 43 || sign === 45)) p++;
  if (p === to) return NaN;
  for (; p < to; p++) if (!isDigit(s.charCodeAt(p))) return NaN;
  return parseFloat(s.slice(from, to));
}

/** A run of 1–15 digits as a number (/^\d+$/ then parseInt), else -1. */
function digitsAt(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let p = from; p < to; p++) {
    const ch = s.charCodeAt(p);
    if (!isDigit(ch)) return -1;
    n = n * 10 + (ch - 48);
  }
  return n;
}

/**
 * Reads the cell whose "<c" is at lt into `data`; returns the index just after it, or -1 when the general path must
 * read it (nothing stored then). The caller has checked that "<c" is followed by a space, ">" or "/".
 */
export function simpleCell(
  xml: string,
  lt: number,
  sst: (string | undefined)[] | null,
  formats: (string | undefined)[] | null,
  general: string,
  data: DenseRows,
): number {
  let i = lt + 2;
  let rAt = -1;
  let rEnd = -1;
  let sAt = -1;
  let sEnd = -1;
  let t = 0; // 0 absent, 1 "n", 2 "s"
  let ch = xml.charCodeAt(i);
  while (ch === 32) {
    const name = xml.charCodeAt(i + 1);
    if (xml.charCodeAt(i + 2) !== 61 || xml.charCodeAt(i + 3) !== 34) return -1;
    const from = i + 4;
    let to = from;
    while (isPlain(xml.charCodeAt(to))) to++;
    if (xml.charCodeAt(to) !== 34) return -1;
    if (name === 114 /* r */ && rAt < 0) {
      rAt = from;
      rEnd = to;
    } else if (name === 115 /* s */ && sAt < 0) {
      sAt = from;
      sEnd = to;
    } else if (name === 116 /* t */ && t === 0 && to === from + 1) {
      const k = xml.charCodeAt(from);
      if (k === 110) t = 1;
      else if (k === 115) t = 2;
      else return -1;
    } else return -1;
    i = to + 1;
    ch = xml.charCodeAt(i);
  }
  if (rAt < 0) return -1;
  let vAt = -1;
  let vEnd = -1;
  let next: number;
  if (ch === 47 /* / */) {
    if (xml.charCodeAt(i + 1) !== 62) return -1;
    next = i + 2;
  } else if (ch === 62 /* > */) {
    i++;
    if (closesCell(xml, i)) next = i + 4;
    else if (opensValue(xml, i)) {
      vAt = i + 3;
      vEnd = vAt;
      while (isNumberChar(xml.charCodeAt(vEnd))) vEnd++;
      if (!closesValue(xml, vEnd) || !closesCell(xml, vEnd + 4)) return -1;
      next = vEnd + 8;
    } else return -1;
  } else return -1;
  // No value, or an empty <v></v>: parseCell stores nothing for t absent, "n" or "s" (and checks neither r nor s).
  if (vEnd <= vAt) return next;
  // The value, format and address (storeCell before: inlined by hand, so TurboFan compiles one function, not two).
  let type: "n" | "s";
  let value: number | string | undefined;
  if (t === 2) {
    if (sst === null) return -1;
    const k = digitsAt(xml, vAt, vEnd);
    if (k < 0 || k >= sst.length) return -1;
    type = "s";
    value = sst[k];
  } else {
    const v = numberAt(xml, vAt, vEnd);
    if (v !== v) return -1;
    type = "n";
    value = v;
  }
  // safe_format: z = table_fmt[numFmtId of cellXfs[s]], General without a style. s must read /^(0|[1-9]\d*)$/.
  let z: string | undefined = general;
  if (sAt >= 0 && formats !== null) {
    if (sEnd - sAt > 1 && xml.charCodeAt(sAt) === 48) return -1;
    const k = digitsAt(xml, sAt, sEnd);
    if (k < 0) return -1;
    if (k < formats.length) z = formats[k];
  }
  // decodeA1: 1–3 capitals, then 1–7 digits without a leading zero.
  let p = rAt;
  let col = 0;
  while (p < rEnd && p < rAt + 4) {
    const ch = xml.charCodeAt(p);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    p++;
  }
  if (p === rAt || p > rAt + 3) return -1;
  if (rEnd - p < 1 || rEnd - p > 7 || xml.charCodeAt(p) === 48) return -1;
  const row = digitsAt(xml, p, rEnd);
  if (row < 0) return -1;
  const cell = (z !== undefined ? { t: type, v: value, z: z } : { t: type, v: value }) as CellObject;
  let cells = data[row - 1];
  if (!cells) cells = data[row - 1] = [];
  cells[col - 1] = cell;
  return next;
}

