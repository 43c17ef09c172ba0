/**
 * Hostile sheet contents inside an honest ZIP: merged cells as a CPU bomb (issue 13 item 2), cells written with a
 * namespace prefix that a count of "<c " misses (item 7), extreme numbers (item 13). `scale` 1 = the review's size.
 */
import { Entry, SHEET_OPEN, deflated, repeatedDeflate, sheetXml, writeZip, xlsxParts } from "./zip";

/** The sheet XML with cells at A1 and at the far corner, so the content box spans the merges. */
function cornersSheet(lastRow: number): string {
  return SHEET_OPEN + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>合并</t></is></c></row><row r="' + lastRow + '"><c r="Z' + lastRow + '"><v>1</v></c></row></sheetData>';
}

function withSheet(sheet: Entry): Buffer {
  const parts = xlsxParts(sheetXml([["x", 1]]));
  return writeZip(parts.map((p) => (/sheet1\.xml$/.test(p.name) ? sheet : deflated(p.name, p.data)))).bytes;
}

function mergeSheet(count: number, lastRow: number, ref: (i: number) => string): Entry {
  let body = "";
  for (let i = 0; i < count; i++) body += '<mergeCell ref="' + ref(i) + '"/>';
  const xml = cornersSheet(lastRow) + '<mergeCells count="' + count + '">' + body + "</mergeCells></worksheet>";
  return deflated("xl/worksheets/sheet1.xml", Buffer.from(xml));
}

/** A workbook whose one sheet has cells at A1 and Z`lastRow` and the merges `ref(0)`…`ref(count − 1)`. */
export function mergesWorkbook(count: number, lastRow: number, ref: (i: number) => string): Buffer {
  return withSheet(mergeSheet(count, lastRow, ref));
}

/** 20,000 merges of A1:Z190000 over a content box of 26 × 190,000 cells (about 3 KB at scale 1). */
export function mergesBomb(scale = 1): Buffer {
  const rows = Math.max(2, Math.round(190000 * scale));
  const count = Math.max(2, Math.round(20000 * scale));
  const d = repeatedDeflate(cornersSheet(rows) + '<mergeCells count="' + count + '">', '<mergeCell ref="A1:Z' + rows + '"/>', count, "</mergeCells></worksheet>", 500);
  return withSheet({ name: "xl/worksheets/sheet1.xml", stored: d.stored, method: 8, size: d.size, crc: 0 });
}

/** Fewer merges than any cap (5,000 at scale 1), all the same area A1:Z190000: only the first may count. */
export function mergesOverlapping(scale = 1): Buffer {
  const rows = Math.max(2, Math.round(190000 * scale));
  return withSheet(mergeSheet(Math.max(2, Math.round(5000 * scale)), rows, () => "A1:Z" + rows));
}

/**
 * Cells written <x:c> in a sheet whose elements all carry the prefix x: (6 M cells at scale 1, past the 5 M cell
 * limit; about 1.3 MB). A count of "<c " and "<c>" finds none of them.
 */
export function namespacedCells(scale = 1): Buffer {
  const cells = Math.max(26, Math.round(6e6 * scale));
  const open = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>';
  const row = "<x:row>" + "<x:c><x:v>1</x:v></x:c>".repeat(26) + "</x:row>";
  const d = repeatedDeflate(open, row, Math.round(cells / 26), "</x:sheetData></x:worksheet>", 1000);
  return withSheet({ name: "xl/worksheets/sheet1.xml", stored: d.stored, method: 8, size: d.size, crc: 0 });
}

/** A stored 1e308 and a stored 1e309 (no double holds it: it reads as Infinity), both in "#,##0.00". */
export function extremeNumbers(): Buffer {
  const styles =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="0"/><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const sheet =
    SHEET_OPEN +
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>大</t></is></c><c r="B1" s="1"><v>1e308</v></c></row>' +
    '<row r="2"><c r="A2" t="inlineStr"><is><t>溢出</t></is></c><c r="B2" s="1"><v>1e309</v></c></row>' +
    '<row r="3"><c r="A3" t="inlineStr"><is><t>负溢出</t></is></c><c r="B3" s="1"><v>-1e309</v></c></row></sheetData></worksheet>';
  const parts = xlsxParts(sheet);
  parts[0].data = Buffer.from(
    parts[0].data.toString().replace("</Types>", '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
  );
  parts[3].data = Buffer.from(
    parts[3].data
      .toString()
      .replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
  );
  parts.push({ name: "xl/styles.xml", data: Buffer.from(styles) });
  return writeZip(parts.map((p) => deflated(p.name, p.data))).bytes;
}
