/**
 * The worksheet scanner's fast path (src/io/fastXlsxCell.ts, and the narrower whole-part scans of worksheet() in
 * fast mode) against its general path (attrs + parseCell, whole-part scans): on random sheet XML, both decline or
 * both give the same cells, merges and protection. The comparison with SheetJS itself is test/io/fastXlsx.test.ts.
 */
import { isDeepStrictEqual } from "util";
import fc from "fast-check";
import { worksheet } from "../../src/io/fastXlsxSheet";
import { decodeUtf8, hasMarkupDeclaration, sharedStrings, text } from "../../src/io/fastXlsxXml";

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
    // Seeded: the share of sheets read (about a tenth) is then fixed, and the floor below cannot flake.
    { numRuns: 3000, seed: 9 },
  );
  // The generator must reach the fast path's reads, not only declines.
  expect(readFast).toBeGreaterThan(200);
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

test("hasMarkupDeclaration (searched through '!') finds exactly what the three searches for '<!…' find", () => {
  const piece = fc.constantFrom("!", "<", "<!", "--", "<!--", "[CDATA[", "<![CDATA[", "DOCTYPE", "<!DOCTYPE", "a", " ", "中", "#DIV/0!");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (ps) => {
      const s = ps.join("");
      expect(hasMarkupDeclaration(s)).toBe(s.indexOf("<!--") >= 0 || s.indexOf("<![CDATA[") >= 0 || s.indexOf("<!DOCTYPE") >= 0);
    }),
    { numRuns: 3000 },
  );
});

test("fast mode: a second </sheetData>, and sheetData or sheetProtection inside an inline string, decline; protection is the first tag", () => {
  const cells = '<row r="1"><c r="A1"><v>1</v></c></row>';
  const two = "<worksheet><sheetData>" + cells + "</sheetData>" + cells + "</sheetData></worksheet>";
  expect(read(two, null, null, true)).toBe("declined");
  const inline = (x: string) => '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>' + x + "</t></is></c></row></sheetData></worksheet>";
  expect(read(inline("<sheetData/>"), null, null, true)).toBe("declined");
  expect(read(inline("<sheetProtection sheet=\"1\"/>"), null, null, true)).toBe("declined");
  const prot = (before: string, after: string) => "<worksheet>" + before + "<sheetData>" + cells + "</sheetData>" + after + "</worksheet>";
  for (const [b, a, want] of [["", '<sheetProtection sheet="1"/>', true], ['<sheetProtection sheet="0"/>', '<sheetProtection sheet="1"/>', false], ["", "", false]] as const) {
    const x = prot(b, a);
    expect((read(x, null, null, true) as { isProtected: boolean }).isProtected).toBe(want);
    expect(read(x, null, null, false)).toEqual(read(x, null, null, true));
  }
});

test("random shared string parts: plainStrings declines or reads exactly as the general path", () => {
  const text = fc.constantFrom("", "收入支出决算总表", "a b", " 前后 ", "A &amp; B", "第一行_x000D_", "x\r\ny", "a>b", "中", "1", "#DIV/0!");
  const item = fc.oneof(
    { weight: 8, arbitrary: text.map((t) => "<si><t>" + t + "</t></si>") },
    { weight: 2, arbitrary: text.map((t) => '<si><t xml:space="preserve">' + t + "</t></si>") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "<si><t/></si>",
        "<si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si>",
        '<si><t>公开01表</t><phoneticPr fontId="1"/></si>',
        "<si> <t>a</t> </si>",
        "<si><tx>a</tx></si>",
        "<si >x</si>",
        "<x:si><x:t>a</x:t></x:si>",
        "<si><t>a<si>b</t></si>",
        "</sst>",
        "<si><t>a</t>",
        "<si></si>",
      ),
    },
  );
  const space = fc.constantFrom("", "", " ", "\n", "\r\n  ");
  fc.assert(
    fc.property(fc.array(fc.tuple(space, item), { maxLength: 6 }), space, fc.boolean(), (items, end, countAttr) => {
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="x"' + (countAttr ? ' count="3"' : "") + ">" + items.map(([w, x]) => w + x).join("") + end + "</sst>";
      const strings = (fast: boolean) => {
        try {
          return sharedStrings(xml, fast);
        } catch (e) {
          if (e instanceof TypeError || e instanceof RangeError) throw e;
          return "declined";
        }
      };
      expect(strings(true)).toEqual(strings(false));
      expect(isDeepStrictEqual(strings(true), strings(false))).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test("text(): ASCII parts decoded as Latin-1 give the UTF-8 string; declines as before", () => {
  const old = (b: Buffer): string | null => {
    const s = b.toString("utf8");
    return s.indexOf("\ufffd") >= 0 || s.indexOf("<!--") >= 0 || s.indexOf("<![CDATA[") >= 0 || s.indexOf("<!DOCTYPE") >= 0 ? null : s;
  };
  const piece = fc.oneof(
    fc.constantFrom("<c r=\"A1\"><v>1</v></c>", "<!--", "<!DOCTYPE", "!", "a", "\n", "中文", "\ufffd", "é"),
    fc.uint8Array({ maxLength: 4 }).map((u) => Buffer.from(u).toString("latin1")),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }), fc.boolean(), (ps, raw) => {
      // raw: the pieces' char codes as bytes (invalid UTF-8 possible); else their UTF-8 encoding
      const b = Buffer.from("x" + ps.join(""), raw ? "latin1" : "utf8");
      let got: string | null;
      try {
        got = text(new Map([["p", b]]), "p");
      } catch (e) {
        if (e instanceof TypeError || e instanceof RangeError) throw e;
        got = null;
      }
      expect(got).toBe(old(b));
    }),
    { numRuns: 3000 },
  );
});

test("decodeUtf8 (ICU for valid UTF-8) equals Buffer.toString('utf8') on any bytes", () => {
  const bytes = fc.oneof(
    fc.string({ unit: "binary" }).map((s) => Buffer.from(s, "utf8")),
    fc.uint8Array({ maxLength: 24 }).map((u) => Buffer.from(u)),
    fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from("中文\ufeff\ufffd𠀀", "utf8")),
  );
  fc.assert(
    fc.property(bytes, (b) => {
      expect(decodeUtf8(b)).toBe(b.toString("utf8"));
    }),
    { numRuns: 5000 },
  );
});
