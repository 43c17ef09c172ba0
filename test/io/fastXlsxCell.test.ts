/**
 * The worksheet scanner's fast path (src/io/fastXlsxCell.ts, and the narrower whole-part scans of worksheet() in
 * fast mode) against its general path (attrs + parseCell, whole-part scans): on random sheet XML, both decline or
 * both give the same cells, merges and protection. The comparison with SheetJS itself is test/io/fastXlsx.test.ts.
 */
import { isDeepStrictEqual } from "util";
import fc from "fast-check";
import { worksheet } from "../../src/io/fastXlsxSheet";

const SST = ["甲", "乙", undefined, "丙"];
const FORMATS = ["General", "0.00", "#,##0.00", undefined, "@"];

function read(xml: string, sst: (string | undefined)[] | null, formats: (string | undefined)[] | null, fast: boolean): unknown {
  try {
    return worksheet(xml, sst, formats, fast);
  } catch (e) {
    // Decline (an Error subclass) loses its prototype under the ES5 target: any other error is a bug.
    if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) throw e;
    return "declined";
  }
}

const goodRef = fc.tuple(fc.constantFrom("A", "B", "Z", "AA", "XFD"), fc.constantFrom("1", "7", "12", "1048576")).map(([c, r]) => c + r);
const ref = fc.oneof(
  { weight: 12, arbitrary: goodRef },
  { weight: 1, arbitrary: fc.constantFrom("ABCD1", "a1", "", "A0", "A01", "A12345678", "A", "1", "A1B", "1A", "A-1", "A 1") },
);
const attr = fc.oneof(
  { weight: 6, arbitrary: ref.map((r) => ' r="' + r + '"') },
  { weight: 4, arbitrary: fc.constantFrom("0", "1", "2", "3", "4", "5", "01", "", "x", "99999999999").map((s) => ' s="' + s + '"') },
  { weight: 4, arbitrary: fc.constantFrom("s", "n", "str", "b", "e", "inlineStr", "d", "", "S").map((t) => ' t="' + t + '"') },
  { weight: 1, arbitrary: fc.constantFrom(' cm="1"', ' vm="1"', ' ph="1"', " r='B2'", ' x:r="C3"', ' a_b="1"', ' xr:uid="{1}"', ' foo="1"', '  r="D4"', ' r = "E5"', "\tr=\"F6\"") },
);
/** Decimals of up to 15 digits, as the fast path computes them (integer / 10^k). */
const decimal = fc.tuple(fc.integer({ min: -999999999, max: 999999999 }), fc.nat(6)).map(([n, k]) => {
  const digits = String(Math.abs(n)).padStart(k + 1, "0");
  return (n < 0 ? "-" : "") + (k === 0 ? digits : digits.slice(0, digits.length - k) + "." + digits.slice(digits.length - k));
});
const value = fc.oneof(
  { weight: 6, arbitrary: decimal },
  { weight: 12, arbitrary: fc.constantFrom("0", "1", "2", "3", "4", "-2.5", "2481.93", "0.125", "1.", ".5", "-0", "007", "1e3", "1E-3", "-1.5e+2", "12345678901234567", "123456789012345.6") },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)) },
  { weight: 1, arbitrary: fc.constantFrom("", " 1", "1 ", "+1", "-", ".", "1e", "1e+", "1.2.3", "0x1", "&#49;", "1_x0031_", "TRUE", "#N/A", "Infinity") },
);
const content = fc.oneof(
  { weight: 3, arbitrary: fc.constant("/>") },
  { weight: 1, arbitrary: fc.constant("></c>") },
  { weight: 8, arbitrary: value.map((v) => "><v>" + v + "</v></c>") },
  {
    weight: 2,
    arbitrary: fc.tuple(value, fc.constantFrom("<f>SUM(A1:A2)</f>", '<v xml:space="preserve">', " ", "<is><t>内联</t></is>", "<f></f>")).map(([v, x]) =>
      x.charAt(1) === "v" ? ">" + x + v + "</v></c>" : x === " " ? "> <v>" + v + "</v></c>" : ">" + x + "<v>" + v + "</v></c>",
    ),
  },
);
const usualValue = fc.constantFrom("0", "1", "2", "3", "-2.5", "2481.93", "0.125", "1.", ".5", "-0", "007", "1e3", "123456789012345.6");
const usual = fc
  .tuple(ref, fc.constantFrom("", ' s="1"', ' s="2"'), fc.constantFrom("", ' t="s"', ' t="n"'), fc.oneof(usualValue, decimal), fc.boolean())
  .map(([r, s, t, v, empty]) => "<c" + ' r="' + r + '"' + s + t + (empty ? "/>" : "><v>" + (t === ' t="s"' ? String(v.length % 4) : v) + "</v></c>"));
const cell = fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: fc.tuple(fc.array(attr, { maxLength: 4 }), content).map(([as, c]) => "<c" + as.join("") + c) });
const row = fc.tuple(fc.nat(20), fc.array(cell, { maxLength: 6 }), fc.constantFrom("", " ", "\n")).map(([r, cs, ws]) => '<row r="' + (r + 1) + '" spans="1:6">' + ws + cs.join(ws) + "</row>");
const tail = fc.constantFrom(
  "",
  "",
  "",
  "",
  '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
  '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3"/></mergeCells>',
  '<sheetProtection sheet="1"/>',
  '<x:mergeCells><x:mergeCell ref="A1:B2"/></x:mergeCells>',
  '<mergeCells><mergeCell ref="A1:B2:C3"/></mergeCells>',
);
const head = fc.constantFrom("", "", "", "", "", '<dimension ref="A1:F9"/>', '<sheetViews><sheetView workbookViewId="0"/></sheetViews>', '<x:sheetPr/>', "<x:row/>");

test("random sheets: the fast path declines or reads exactly as the general path", () => {
  let readFast = 0;
  fc.assert(
    fc.property(head, fc.array(row, { maxLength: 5 }), tail, fc.boolean(), fc.boolean(), (h, rows, t, withSst, withFormats) => {
      const xml = '<?xml version="1.0"?><worksheet xmlns="x">' + h + "<sheetData>" + rows.join("") + "</sheetData>" + t + "</worksheet>";
      const sst = withSst ? SST : null;
      const formats = withFormats ? FORMATS : null;
      const fast = read(xml, sst, formats, true);
      const slow = read(xml, sst, formats, false);
      if (fast !== "declined" && (fast as { data: unknown[] }).data.length > 0) readFast++;
      expect(isDeepStrictEqual(fast, slow)).toBe(true);
    }),
    { numRuns: 3000 },
  );
  // The generator must reach the fast path's reads, not only declines.
  expect(readFast).toBeGreaterThan(300);
});

test("the sample's cell shapes take the fast path and give SheetJS's values", () => {
  const xml =
    "<worksheet><sheetData><row r=\"7\"><c r=\"A7\" s=\"3\" t=\"s\"><v>3</v></c><c r=\"B7\" s=\"1\"><v>2481.93</v></c>" +
    '<c r="C7" s="2"><v>-0.005</v></c><c r="D7" s="1"/><c r="E7" t="n"><v>1E-3</v></c></row></sheetData></worksheet>';
  const out = worksheet(xml, SST, FORMATS);
  expect(out.data[6]).toEqual([
    { t: "s", v: "丙" }, // cellXfs 3 has no format in table_fmt: no z
    { t: "n", v: 2481.93, z: "0.00" },
    { t: "n", v: -0.005, z: "#,##0.00" },
    undefined,
    { t: "n", v: 0.001, z: "General" },
  ]);
});

test("a mergeCell before the cells declines (SheetJS reads merges only after them)", () => {
  const xml = '<worksheet><mergeCells><mergeCell ref="A1:B2"/></mergeCells><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
  expect(read(xml, null, null, true)).toBe("declined");
});
