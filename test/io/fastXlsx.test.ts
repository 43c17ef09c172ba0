/**
 * The fast .xlsx reader (src/io/fastXlsx.ts) against the SheetJS path: the same ReadResult (snapshot or message) for
 * the sample, every variant of it, hand-written packages with the less common cell kinds, and random grids; and
 * files it declines go to SheetJS.
 */
import * as fs from "fs";
import { isDeepStrictEqual } from "util";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import { ReadResult, readPaths, readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { auditWorkbook } from "../../src/engine";
import * as S from "../fixtures/sample";
import { SAMPLE, writeZip, xlsxParts, ZipInput } from "./fixtures";

/** Reads buf both ways; `expectFast`: whether the fast reader must have taken it. Returns the fast path's result. */
function both(buf: Buffer, expectFast: boolean | null = true): ReadResult {
  const before = readPaths.fast;
  const fast = readWorkbookBuffer(buf, "t.xlsx");
  const tookFast = readPaths.fast === before + 1;
  const slow = readWorkbookBuffer(buf, "t.xlsx", { fast: false });
  if (expectFast !== null) expect(tookFast).toBe(expectFast);
  expect(fast).toEqual(slow);
  // toEqual treats undefined properties loosely; the snapshots must be identical.
  expect(isDeepStrictEqual(fast, slow)).toBe(true);
  return fast;
}

function okSnapshot(r: ReadResult) {
  if (!r.ok) throw new Error(r.error);
  return r.snapshot;
}

describe("sample and its variants", () => {
  test("the sample: same snapshot, same audit (with and without the narrative)", () => {
    const buf = fs.readFileSync(SAMPLE);
    const fast = okSnapshot(both(buf));
    const slow = okSnapshot(readWorkbookBuffer(buf, "t.xlsx", { fast: false }));
    expect(auditWorkbook(fast)).toEqual(auditWorkbook(slow));
    const narrative = fs.readFileSync(S.SAMPLE_TEXT, "utf8");
    const a = auditWorkbook(fast, { narrative: narrative });
    expect(a).toEqual(auditWorkbook(slow, { narrative: narrative }));
    expect(a.findings.length).toBeGreaterThan(0);
  });

  const variants: [string, (wb: XLSX.WorkBook) => XLSX.WorkBook][] = [
    ["unchanged", (wb) => wb],
    ["shuffledNeutral", S.shuffledNeutral],
    ["textAmounts", (wb) => S.textAmounts(wb)],
    ["textAmounts full-width", (wb) => S.textAmounts(wb, true)],
    ["offset", (wb) => S.offset(wb, 3, 2)],
    ["noMerges", S.noMerges],
    ["hiddenDecimals", S.hiddenDecimals],
    ["blankZeros", S.blankZeros],
    ["inYuan", S.inYuan],
    ["splitCodes", S.splitCodes],
    ["totalLast", S.totalLast],
    ["basicTwoLanes", S.basicTwoLanes],
    ["sangongInterleaved", S.sangongInterleaved],
    ["noSequence", S.noSequence],
    ["oldTemplate", S.oldTemplate],
    ["splitHeaders", S.splitHeaders],
    ["stateCapitalIncomeExpense", (wb) => S.stateCapitalIncomeExpense(wb)],
    ["stateCapitalIncomeExpense with amounts", (wb) => S.stateCapitalIncomeExpense(wb, [1, 2, 3, 4, 5, 15])],
  ];
  for (const [name, make] of variants) {
    test(name, () => {
      const wb = make(S.loadSample());
      both(S.toBytes(wb));
      both(XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: true }) as Buffer);
    });
  }
});

/* ------------------------------------------------------------------ hand-written packages */

interface Pkg {
  sheets: { name: string; xml: string; state?: string }[];
  sst?: string | null;
  styles?: string | null;
  workbookPr?: string;
  extra?: ZipInput[];
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function sheetXml(body: string, after = ""): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + NS + '><dimension ref="A1:D9"/><sheetData>' + body + "</sheetData>" + after + "</worksheet>";
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet ' + NS + '><numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00_ "/>' +
  '<numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>' +
  '<cellXfs count="7"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="165"/>' +
  '<xf numFmtId="166"><alignment horizontal="center"/></xf><xf numFmtId="49"/><xf numFmtId="4"/></cellXfs></styleSheet>';

function pkg(p: Pkg): Buffer {
  const sst = p.sst === undefined ? null : p.sst;
  const styles = p.styles === undefined ? STYLES : p.styles;
  let ct =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  p.sheets.forEach((_s, i) => {
    ct += '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
  });
  if (sst !== null) ct += '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>';
  if (styles !== null) ct += '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>';
  ct += "</Types>";
  let wb = '<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS + ">" + (p.workbookPr || "<workbookPr/>") + "<sheets>";
  let rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
  p.sheets.forEach((s, i) => {
    wb += '<sheet name="' + s.name + '" sheetId="' + (i + 1) + '"' + (s.state ? ' state="' + s.state + '"' : "") + ' r:id="rId' + (i + 1) + '"/>';
    rels += '<Relationship Id="rId' + (i + 1) + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>';
  });
  wb += "</sheets></workbook>";
  rels += '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>';
  if (sst !== null) rels += '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>';
  rels += "</Relationships>";
  const entries: ZipInput[] = [
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: "xl/workbook.xml", data: Buffer.from(wb) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(rels) },
  ];
  if (styles !== null) entries.push({ name: "xl/styles.xml", data: Buffer.from(styles) });
  if (sst !== null) entries.push({ name: "xl/sharedStrings.xml", data: Buffer.from(sst) });
  p.sheets.forEach((s, i) => entries.push({ name: "xl/worksheets/sheet" + (i + 1) + ".xml", data: Buffer.from(s.xml) }));
  return writeZip(entries.concat(p.extra || []));
}

const SST =
  '<?xml version="1.0" encoding="UTF-8"?><sst ' + NS + ' count="8" uniqueCount="8">' +
  "<si><t>收入支出决算总表</t></si>" +
  '<si><t xml:space="preserve">  前后空格  </t></si>' +
  "<si><r><rPr><b/><sz val=\"11\"/></rPr><t>富</t></r><r><t xml:space=\"preserve\"> 文本 </t></r></si>" +
  "<si><t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; &#x4E2D;&#25991;</t></si>" +
  "<si><t>第一行_x000D_\r\n第二行_x0009_制表</t></si>" +
  "<si><t/></si>" +
  "<si><t>公开01表</t><phoneticPr fontId=\"1\" type=\"noConversion\"/></si>" +
  "<si><r><t>甲</t></r><r><rPr><i/></rPr><t>乙&amp;丙</t></r></si>" +
  "</sst>";

describe("hand-written packages", () => {
  test("numbers, shared strings (plain, rich, entities, escapes), formats", () => {
    const rows =
      '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s" s="5"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" t="s"><v>7</v></c></row>' +
      '<row r="3"><c r="A3" s="1"><v>1234.5</v></c><c r="B3" s="6"><v>-0.005</v></c><c r="C3" s="4"><v>0.1234</v></c><c r="D3" s="3"><v>45292</v></c></row>' +
      '<row r="4" ht="20" customHeight="1"><c r="A4"><v>1E-3</v></c><c r="B4" s="2"><v>45292.5</v></c><c r="C4" s="1"/><c r="D4" s="99"><v>7</v></c></row>';
    const r = both(pkg({ sheets: [{ name: "表&amp;一", xml: sheetXml(rows) }], sst: SST }));
    const s = okSnapshot(r).sheets[0];
    expect(s.name).toBe("表&一");
    expect(s.values[1][0]).toBe("第一行\r\n第二行\t制表");
    expect(s.values[0][3]).toBe('A & B <c> "d" \'e\' 中文');
    expect(s.values[0][2]).toBe("富 文本 ");
  });

  test("booleans, errors, formulas with and without cached values, str and inline strings", () => {
    const rows =
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="e"><f>1/0</f><v>#REF!</v></c></row>' +
      '<row r="2"><c r="A2"><f>SUM(A3:B3)</f><v>3</v></c><c r="B2"><f>_xlfn.CONCAT("a","b")</f></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>x&amp;amp;y</v></c><c r="D2" t="str"><f>A1</f></c></row>' +
      '<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c><c r="C3" t="inlineStr"><is><t>内联 &amp; 文本</t></is></c><c r="D3" t="inlineStr"><is><r><t>富</t></r><r><t>内联</t></r></is></c></row>' +
      '<row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4" t="e"><v>#SPILL!</v></c><c r="C4" t="n"><f>C9</f></c><c r="D4" t="b"><f>TRUE()</f><v>1</v></c></row>' +
      '<row r="5"><c r="A5" t="str"><v>第一_x000D_行</v></c><c r="B5" t="inlineStr"/><c r="C5" t="s"><v></v></c><c r="D5" t="e"><f>NA()</f></c></row>';
    const s = okSnapshot(both(pkg({ sheets: [{ name: "S", xml: sheetXml(rows) }], styles: null }))).sheets[0];
    expect(s.values[0]).toEqual([true, false, "#DIV/0!", "#REF!"]);
    // SheetJS drops a formula cell without a cached value and without t (it sets v = 0, then 0 == "" counts as empty).
    expect(s.formulas![1][1]).toBe(null);
    expect(s.formulas![1][2]).toBe('="x"&"y"');
  });

  test("dates in the 1900 and the 1904 system", () => {
    const rows = '<row r="1"><c r="A1" s="2"><v>1</v></c><c r="B1" s="3"><v>45000</v></c><c r="C1" s="2"><v>0</v></c><c r="D1" s="2"><v>60.25</v></c></row>';
    const a = okSnapshot(both(pkg({ sheets: [{ name: "D", xml: sheetXml(rows) }] })));
    const b = okSnapshot(both(pkg({ sheets: [{ name: "D", xml: sheetXml(rows) }], workbookPr: '<workbookPr date1904="1"/>' })));
    expect(a.sheets[0].text[0][0]).not.toBe(b.sheets[0].text[0][0]);
    both(pkg({ sheets: [{ name: "D", xml: sheetXml(rows) }], workbookPr: '<workbookPr date1904="true" defaultThemeVersion="124226"/>' }));
    both(pkg({ sheets: [{ name: "D", xml: sheetXml(rows) }], workbookPr: '<workbookPr date1904="false"/>' }));
  });

  test("hidden, veryHidden and protected sheets, merges", () => {
    const body = '<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c><c r="D2"><v>3</v></c></row><row r="3"><c r="B3"><v>4</v></c></row>';
    const merges = '<mergeCells count="2"><mergeCell ref="B2:C3"/><mergeCell ref="D2"/></mergeCells>';
    const s = okSnapshot(
      both(
        pkg({
          sheets: [
            { name: "V", xml: sheetXml(body, '<sheetProtection sheet="1" objects="1" scenarios="1"/>' + merges) },
            { name: "H", xml: sheetXml(body, '<sheetProtection sheet="0"/>'), state: "hidden" },
            { name: "VH", xml: sheetXml(body, '<sheetProtection password="CC1A" sheet="true"/>'), state: "veryHidden" },
            { name: "E", xml: sheetXml("") },
          ],
        }),
      ),
    ).sheets;
    expect(s.map((x) => [x.visibility, !!x.protected])).toEqual([["visible", true], ["hidden", false], ["veryHidden", true], ["visible", false]]);
    expect(s[0].merges.length).toBe(2);
    expect(s[0].merges[0]).toBe("B2:C3");
  });

  test("comments and hyperlinks (SheetJS adds empty stub cells for them) change nothing", () => {
    const wb = S.loadSample();
    const ws = wb.Sheets[wb.SheetNames[2]];
    XLSX.utils.cell_add_comment((ws["C10"] = ws["C10"] || { t: "n", v: 1 }), "核对", "审核");
    ws["Z40"] = { t: "z" } as XLSX.CellObject;
    XLSX.utils.cell_add_comment(ws["Z40"], "空单元格上的批注", "审核");
    ws["A2"] = { t: "s", v: "链接", l: { Target: "https://example.org/" } } as XLSX.CellObject;
    ws["!ref"] = "A1:Z40";
    both(S.toBytes(wb));
  });

  test("a workbook with no data gives the same message both ways", () => {
    const r = both(pkg({ sheets: [{ name: "E", xml: sheetXml('<row r="1"><c r="A1" s="1"/></row>') }] }));
    expect(r.ok).toBe(false);
  });
});

describe("what the fast reader declines goes to SheetJS", () => {
  const declined: [string, Buffer][] = [
    ["shared formulas", pkg({ sheets: [{ name: "F", xml: sheetXml('<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>') }] })],
    ["array formulas", pkg({ sheets: [{ name: "F", xml: sheetXml('<row r="1"><c r="A1"><f t="array" ref="A1">1</f><v>1</v></c></row>') }] })],
    ["prefixed elements", pkg({ sheets: [{ name: "P", xml: sheetXml('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>') }] })],
    ["a cell without an address", pkg({ sheets: [{ name: "P", xml: sheetXml('<row r="1"><c><v>1</v></c></row>') }] })],
    ["a date cell", pkg({ sheets: [{ name: "P", xml: sheetXml('<row r="1"><c r="A1" t="d"><v>2024-01-02</v></c></row>') }] })],
    ["an unknown child element", pkg({ sheets: [{ name: "P", xml: sheetXml('<row r="1"><c r="A1"><v>1</v><extLst/></c></row>') }] })],
    ["a comment in the XML", pkg({ sheets: [{ name: "P", xml: sheetXml('<row r="1"><!-- x --><c r="A1"><v>1</v></c></row>') }] })],
    ["a missing shared strings part", pkg({ sheets: [{ name: "P", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>') }] })],
    ["strict OOXML", pkg({ sheets: [{ name: "P", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main") }] })],
  ];
  for (const [name, buf] of declined) test(name, () => {
    const before = readPaths.sheetjs;
    both(buf, false);
    expect(readPaths.sheetjs).toBe(before + 2);
  });

  test(".xls and XML Spreadsheet 2003 are SheetJS's", () => {
    const wb = S.loadSample();
    both(XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer, false);
    both(Buffer.from(XLSX.write(wb, { type: "string", bookType: "xlml" }) as string, "utf8"), false);
  });

  test("a sample whose sheet part is missing from the content types still reads the same", () => {
    const parts = xlsxParts(fs.readFileSync(SAMPLE)).map((p) =>
      p.name === "[Content_Types].xml" ? { name: p.name, data: Buffer.from(p.data.toString("utf8").replace(/<Override PartName="\/xl\/workbook.xml"[^>]*>/, "")) } : p,
    );
    both(writeZip(parts), false);
  });
});

/* ------------------------------------------------------------------ random grids */

const FORMATS = ["General", "0", "0.00", "#,##0", "#,##0.00", "0.0%", "0.00%", "@", "#,##0.00_ ", "#,##0.00;[Red]-#,##0.00", "yyyy-mm-dd", "m/d/yy", '0.00"万元"', "0.00E+00", "# ?/?"];

const cellArb: fc.Arbitrary<XLSX.CellObject | null> = fc.oneof(
  fc.constant(null),
  fc.record({ v: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 60000 }).map((n) => n / 4)), z: fc.constantFrom(...FORMATS) }).map(({ v, z }) => ({ t: "n", v: Object.is(v, -0) ? 0 : v, z: z }) as XLSX.CellObject),
  fc.record({ v: fc.oneof(fc.string(), fc.constantFrom("a & b", "<x>", "第一行\r\n第二行", "_x000D_", "  空格 ", "\"'", "合计", "１２３.４５")), z: fc.constantFrom("General", "@", '0.00;-0.00;0.00;"文本"@') }).map(({ v, z }) => ({ t: "s", v: v, z: z }) as XLSX.CellObject),
  fc.boolean().map((b) => ({ t: "b", v: b }) as XLSX.CellObject),
  fc.constantFrom(0x07, 0x0f, 0x17, 0x2a).map((e) => ({ t: "e", v: e }) as XLSX.CellObject),
  fc.record({ f: fc.constantFrom("SUM(A1:B2)", "A1&\"x\"", "IF(A1>0,1,0)"), v: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }) }).map(({ f, v }) => (v === undefined ? { t: "n", f: f } : { t: "n", v: v, f: f }) as XLSX.CellObject),
);

test("random grids: both readers agree", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      fc.boolean(),
      fc.nat(3),
      (grid, sst, d1904, mergeAt) => {
        const ws: XLSX.WorkSheet = {};
        let maxC = 0;
        grid.forEach((row, r) => row.forEach((cell, c) => {
          maxC = Math.max(maxC, c);
          if (cell) ws[XLSX.utils.encode_cell({ r: r + 1, c: c })] = { ...cell };
        }));
        ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: grid.length, c: maxC } });
        if (mergeAt > 0) ws["!merges"] = [{ s: { r: 1, c: 0 }, e: { r: Math.min(grid.length, mergeAt), c: 0 } }];
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, ws, "表");
        if (d1904) wb.Workbook = { ...(wb.Workbook || {}), WBProps: { date1904: true } } as XLSX.WBProps;
        const buf = XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: sst }) as Buffer;
        both(buf);
      },
    ),
    { numRuns: 300 },
  );
});

/** Raw cell XML, including the odd corners of SheetJS's cell parser; the fast reader may decline, never differ. */
const RARE = fc.constantFrom("", " 3", "2024-01-02", "true", "#SPILL!", "a &amp; b");
const V_FOR: { [t: string]: fc.Arbitrary<string> } = {
  n: fc.constantFrom("0", "1", "-2.5", "1e3", "7", "45000.25", "0.125"),
  s: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7"),
  str: fc.constantFrom("a &amp; b", "x&amp;amp;y", "_x000D_\r\n", "中文", "&#x4E2D;", " 空格 ", ""),
  b: fc.constantFrom("0", "1", "true", "false", "x"),
  e: fc.constantFrom("#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#SPILL!"),
  inlineStr: fc.constantFrom("1"),
};
const rawCellArb = fc
  .record({
    t: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(null, "n", "s", "str", "b", "e", "inlineStr") }, { weight: 1, arbitrary: fc.constant("d") }),
    usual: fc.nat(19),
    f: fc.option(fc.constantFrom("", "SUM(A1:A2)", "_xlfn.XLOOKUP(1,A:A,B:B)", "A1&amp;&quot;x&quot;"), { nil: undefined, freq: 2 }),
    s: fc.option(fc.oneof({ weight: 20, arbitrary: fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "99") }, { weight: 1, arbitrary: fc.constant("01") }), { nil: undefined }),
    is: fc.option(fc.constantFrom("<t>内联</t>", '<r><t>a</t></r><r><t xml:space="preserve"> b</t></r>', "<t/>"), { nil: undefined }),
    space: fc.boolean(),
    noValue: fc.nat(5),
  })
  .chain((c) =>
    (c.usual === 0 ? RARE : V_FOR[c.t === null || c.t === "d" ? "n" : c.t]).map((v) => ({ ...c, v: c.noValue === 0 ? undefined : v })),
  );

test("random raw cells: both readers agree", () => {
  const before = readPaths.fast;
  fc.assert(
    fc.property(fc.array(fc.array(rawCellArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (grid, d1904) => {
      let body = "";
      grid.forEach((row, r) => {
        body += '<row r="' + (r + 1) + '">';
        row.forEach((c, k) => {
          const ref = String.fromCharCode(65 + k) + (r + 1);
          let x = '<c r="' + ref + '"' + (c.s !== undefined ? ' s="' + c.s + '"' : "") + (c.t !== null ? ' t="' + c.t + '"' : "") + ">";
          if (c.f !== undefined) x += "<f>" + c.f + "</f>";
          if (c.v !== undefined) x += (c.space ? '<v xml:space="preserve">' : "<v>") + c.v + "</v>";
          if (c.is !== undefined) x += "<is>" + c.is + "</is>";
          body += x + "</c>";
        });
        body += "</row>";
      });
      both(pkg({ sheets: [{ name: "R", xml: sheetXml(body) }], sst: SST, workbookPr: d1904 ? '<workbookPr date1904="1"/>' : undefined }), null);
    }),
    { numRuns: 300 },
  );
  // Not all declined (t="d", s="01", " 3" … are): a good part of the grids went through the fast reader.
  console.log("raw grids read by the fast reader: " + (readPaths.fast - before) + " of 300");
  expect(readPaths.fast - before).toBeGreaterThan(60);
});
