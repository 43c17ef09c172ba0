/**
 * The CLI reads .xlsx with `cellText: false` and makes each cell's text itself (src/io/numberFormat.ts and
 * convertCell). That text must be exactly SheetJS's `w`: here the fast formatter against SSF.format over many values,
 * and whole snapshots read both ways.
 */
import * as fs from "fs";
import * as path from "path";
import * as fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { SHEETJS_READ_OPTIONS, snapshotFromSheetJS } from "../../src/io/sheetjsSnapshot";
import { XLSX_TEXT_OPTIONS, readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { excelRound, fastFormat, formatNumber, shownDecimals } from "../../src/io/numberFormat";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "2024-sanmenxia-xzsp.xlsx");

const FORMATS = [
  "General", "0", "0.0", "0.00", "0.000", "0.0000000000", "#,##0", "#,##0.0", "#,##0.00", "#,##0.000",
  "0%", "0.0%", "0.00%", "#,##0%", "#,##0.00%",
];

const EDGES = [
  0, -0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.005, 1.005, 2.675, -2.675, 0.015, 1.015, 0.045, -0.005, -1.005, 0.995,
  9.995, 99.995, 999.995, -999.995, 0.0049, 0.00499999, 1e-7, -1e-7, 1e-20, 5e-324, 123456789.125, 2147483647, 2147483648,
  -2147483648, -2147483649, 4294967295.5, 4294967296.5, -4294967296.5, 1e14 + 0.5, 999999999999999, -999999999999999,
  999999999999999.9, 1e15, -1e15, 1e16, 1e21, 1e300, 0.1 + 0.2, 1234567.891, -1234567.891, 0.125, 0.375, 12.345, 0.0005,
  0.00005, 0.999, 0.9999, 0.99999, 1234.5, -1234.5, 100, -100, 1000, -1000, 999999.999, 0.0001, 0.00015, 0.12345,
  -0.12345, 9999999.995, 2481.93, 585.45, -66.89, NaN, Infinity, -Infinity,
];

/** Deterministic values: every magnitude from 1e-12 to 1e17, whole cents, thousandths + 0.005, integers. */
function values(n: number): number[] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const out = EDGES.slice();
  for (let i = 0; i < n; i++) {
    const mag = Math.pow(10, Math.floor(rnd() * 30) - 12);
    let v = (rnd() - 0.5) * 2 * mag;
    if (i % 3 === 0) v = Math.round(v * 100) / 100;
    if (i % 7 === 0) v = Math.round(v * 1000) / 1000 + 0.005;
    if (i % 11 === 0) v = Math.round(v);
    if (i % 13 === 0) v = Math.round(v * 100) / 10000;
    out.push(v);
  }
  return out;
}

function ssf(fmt: string, v: number, opts?: { date1904: boolean }): string | null {
  try {
    return XLSX.SSF.format(fmt, v, opts);
  } catch (_e) {
    return null;
  }
}

test("fastFormat gives SSF.format's text for the common formats (negatives, halves, large and tiny numbers, percent)", () => {
  const vs = values(40000);
  let fast = 0;
  const wrong: string[] = [];
  for (const f of FORMATS) {
    for (const v of vs) {
      const a = fastFormat(f, v);
      if (a === null) continue;
      fast++;
      const b = ssf(f, v);
      if (a !== b && wrong.length < 20) wrong.push(f + " " + v + ": " + a + " ≠ " + b);
    }
  }
  expect(wrong).toEqual([]);
  // The fast path is the rule, not the exception, for these formats.
  expect(fast).toBeGreaterThan(FORMATS.length * vs.length * 0.8);
  // Spot checks: SheetJS's rounding (Math.round on the scaled binary value), whatever it gives.
  for (const [f, v] of [["#,##0.00", 1.005], ["0.00", 2.675], ["#,##0.00", -1234567.891], ["0.00", 0.005], ["#,##0", -2.5]] as [string, number][]) {
    expect(fastFormat(f, v)).toBe(ssf(f, v));
  }
  expect(fastFormat("0.00%", -0.12345)).toBe(ssf("0.00%", -0.12345));
});

// The fast "General" text (a copy of SSF_general_num) must be SSF's on any double, not only on the values above.
test("fastFormat(\"General\") = SSF.format(\"General\") on arbitrary doubles and on every power of ten", () => {
  const check = (v: number) => {
    const a = fastFormat("General", v);
    if (a !== null) expect(a).toBe(ssf("General", v));
    return a;
  };
  fc.assert(fc.property(fc.double({ noNaN: true }), (v) => void check(v)), { numRuns: 20000 });
  fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 }), (n, d) => void check(n / Math.pow(10, d))), { numRuns: 20000 });
  for (let e = -15; e <= 15; e++) for (const m of [1, -1, 1.5, 9.999999999, 0.99999999995]) check(m * Math.pow(10, e));
  // Decimals in General are read without SheetJS (below 1e15; larger ones keep SSF and bigText).
  expect(check(585.45)).toBe("585.45");
  expect(check(-0.000123456789)).toBe(ssf("General", -0.000123456789));
  expect(fastFormat("General", 1e15 + 0.5)).toBeNull();
});

// formatNumber rounds as Excel does (RULES.md §8.3, test/io/displayedText.test.ts) and then formats like SheetJS.
// (Until issue 8 it equalled SSF.format on the raw value, which shows 1.005 as 1.00 where Excel shows 1.01.)
test("formatNumber = SSF.format after Excel's rounding, for any other format too (it falls back), with 1904 dates", () => {
  const others = ["#,##0.00_);(#,##0.00)", "0.00_ ", "#,##0;[Red]-#,##0", "yyyy-mm-dd", "m/d/yy", "0.00E+00", "# ?/?", '"¥"#,##0.00', "@", "[h]:mm"];
  for (const f of others.concat(FORMATS)) {
    for (const v of values(300)) {
      const d = shownDecimals(f, v);
      const shown = d === null ? v : excelRound(v, d);
      if (v === Infinity || v === -Infinity) {
        // SSF shows "#DIV/0!", which the file does not say (issue 13 item 13).
        expect(formatNumber(f, v)).toBe(v > 0 ? "∞" : "-∞");
        continue;
      }
      const want = ssf(f, shown);
      // Past 1e21 SSF writes String(v) into the pattern ("1e,+21.00 "): the number is shown in full instead
      // (issue 13 item 13, test/security/numbers.test.ts); the rest of the text (padding, signs) stays SSF's.
      if (Math.abs(v) >= 1e15 && want !== null && /\de|Infinity/.test(want)) {
        expect(formatNumber(f, v)).not.toMatch(/\de|Infinity/);
        continue;
      }
      expect([f, v, formatNumber(f, v)]).toEqual([f, v, want]);
    }
  }
  expect(shownDecimals("#,##0.00_);(#,##0.00)", -1)).toBe(2);
  expect(shownDecimals('"¥"#,##0.000', 1)).toBe(3);
  expect(shownDecimals("0.0%", 1)).toBe(3);
  expect(shownDecimals("0.00;[Red]-0.0", -1)).toBe(1);
  for (const f of ["General", "yyyy-mm-dd", "0.00E+00", "# ?/?", "#,##0,", "[>100]0.0;0.00", "@"]) expect(shownDecimals(f, 1)).toBeNull();
  expect(formatNumber("#,##0.00", 1.005)).not.toBe(ssf("#,##0.00", 1.005));
  expect(formatNumber("yyyy-mm-dd", 1000, true)).toBe(ssf("yyyy-mm-dd", 1000, { date1904: true }));
  expect(formatNumber("yyyy-mm-dd", 1000, true)).not.toBe(formatNumber("yyyy-mm-dd", 1000, false));
});

/** A workbook with every kind of cell in many formats, negatives and text-section formats included. */
function mixedWorkbook(date1904: boolean): Buffer {
  const fmts = FORMATS.concat(["#,##0.00_);(#,##0.00)", "0.00;[Red]-0.00", 'yyyy"年"m"月"d"日"', "0.00E+00", '0.00;-0.00;"-";"文本："@', "@", "#,##0.00 "]);
  const rows: XLSX.CellObject[][] = [];
  const vs = values(200);
  for (let i = 0; i < vs.length; i++) {
    const row: XLSX.CellObject[] = [];
    for (let j = 0; j < fmts.length; j++) {
      const v = vs[(i * 7 + j) % vs.length];
      row.push(isFinite(v) ? { t: "n", v: v, z: fmts[j] } : { t: "e", v: 0x07 });
    }
    row.push({ t: "s", v: "项目" + i, z: fmts[(i % fmts.length)] });
    row.push({ t: "b", v: i % 2 === 0 });
    row.push({ t: "e", v: [0x00, 0x07, 0x0f, 0x17, 0x1d, 0x24, 0x2a][i % 7] });
    row.push({ t: "n", v: i * 1.5, f: "ROW()*1.5", z: "0.00" });
    row.push({ t: "s", v: "<&>\"'" + i });
    rows.push(row);
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws["!merges"] = [{ s: { r: 1, c: 1 }, e: { r: 3, c: 2 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "混合");
  if (date1904) wb.Workbook = { ...(wb.Workbook || {}), WBProps: { date1904: true } };
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

function bothWays(buf: Buffer) {
  const withText = snapshotFromSheetJS(XLSX.read(buf, { ...SHEETJS_READ_OPTIONS, type: "buffer", dense: true }), "x.xlsx");
  const r = readWorkbookBuffer(buf, "x.xlsx");
  if (!r.ok) throw new Error(r.error);
  return { withText: withText, fast: r.snapshot };
}

test("the reader's snapshot (cellText: false) equals the snapshot from SheetJS's own text: sample and mixed workbooks", () => {
  expect(XLSX_TEXT_OPTIONS).toEqual({ cellText: false, cellHTML: false });
  for (const buf of [fs.readFileSync(SAMPLE), mixedWorkbook(false), mixedWorkbook(true)]) {
    const b = bothWays(buf);
    expect(b.fast).toEqual(b.withText);
  }
  // The mixed workbook does reach the interesting paths: a text section, an error, a 1904 date.
  const mixed = bothWays(mixedWorkbook(true)).fast.sheets[0];
  const texts = ([] as string[]).concat(...mixed.text);
  expect(texts.some((t) => t.indexOf("文本：") === 0)).toBe(true);
  expect(texts).toContain("#DIV/0!");
  expect(texts.some((t) => /^\d{4}年/.test(t))).toBe(true);
});

test("shownDecimals(\"General\") returns at once what the section scan finds (checked through \"general\", which takes it)", () => {
  fc.assert(
    fc.property(fc.double(), (v) => {
      expect(shownDecimals("General", v)).toBe(shownDecimals("general", v));
      expect(shownDecimals("General", v)).toBe(null);
    }),
    { numRuns: 2000 },
  );
});
