/**
 * The hostile files the review found already refused ("what held up" in issue 13), kept as generators so the
 * batch test and the regression tests exercise them with the new ones.
 */
import { Entry, SHEET_OPEN, deflated, repeatedDeflate, sheetXml, smallWorkbook, writeZip, xlsxParts } from "./zip";
import { innocentRows } from "./zipViews";

/** 8 MB of zeros in one part: ratio about 1000, past the ratio limit. */
export function zipRatioBomb(): Buffer {
  const z = repeatedDeflate("", "\0".repeat(1024), 8 * 1024, "", 1024);
  return writeZip(smallWorkbook(innocentRows()).concat([{ name: "xl/media/zeros.bin", stored: z.stored, method: 8, size: z.size, crc: 0 }])).bytes;
}

/** A directory that declares about 4 GB for one part. */
export function zipDeclaredHuge(): Buffer {
  const entries = smallWorkbook(innocentRows());
  entries[entries.length - 1] = { ...entries[entries.length - 1], central: { uncompressedSize: 0xfffffff0 }, local: { uncompressedSize: 0xfffffff0 } };
  return writeZip(entries).bytes;
}

/** Headers say 1,000 bytes, the stream inflates to 8 MB. */
export function zipLyingSize(): Buffer {
  const z = repeatedDeflate("", "\0".repeat(1024), 8 * 1024, "", 1024);
  const e: Entry = { name: "xl/media/lie.bin", stored: z.stored, method: 8, size: 1000, crc: 0 };
  return writeZip(smallWorkbook(innocentRows()).concat([e])).bytes;
}

/** The first half of a valid workbook. */
export function truncatedWorkbook(): Buffer {
  const b = writeZip(smallWorkbook(innocentRows())).bytes;
  return b.subarray(0, Math.floor(b.length / 2));
}

/** A web page saved under an .xls name. */
export function htmlAsXls(): Buffer {
  return Buffer.from("<html><head><meta charset='utf-8'></head><body><table><tr><td>收入</td><td>1</td></tr></table></body></html>");
}

/** Comma-separated text saved under an .xls name. */
export function csvAsXls(): Buffer {
  return Buffer.from("项目,金额\n收入,100\n支出,90\n");
}

/** A sheet that names an external entity (file:///etc/passwd) and a nested entity expansion ("billion laughs"). */
export function xmlEntities(): Buffer {
  let ents = '<!ENTITY a0 "hahahahahahahahahaha">';
  for (let i = 1; i < 10; i++) ents += "<!ENTITY a" + i + ' "' + ("&a" + (i - 1) + ";").repeat(10) + '">';
  const dtd = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">' + ents + "]>";
  const sheet = sheetXml([["&xxe;", "&a9;"]]).replace("<worksheet", dtd + "<worksheet");
  return writeZip(xlsxParts(sheet).map((p) => deflated(p.name, p.data))).bytes;
}

/** A declared dimension of the whole sheet and cells at both corners: 17 billion cells of bounding box. */
export function hugeDimension(): Buffer {
  const sheet =
    SHEET_OPEN +
    '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>';
  return writeZip(xlsxParts(sheet).map((p) => deflated(p.name, p.data))).bytes;
}

/** Entry names climbing out of the archive ("../"), and nothing Excel would read. */
export function dotDotNames(): Buffer {
  return writeZip([deflated("../../evil.xml", Buffer.from("<x/>")), deflated("[Content_Types].xml", Buffer.from("<Types/>")), deflated("../xl/workbook.xml", Buffer.from("<workbook/>"))]).bytes;
}
