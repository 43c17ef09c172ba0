/**
 * Hostile workbooks whose ZIP reads one way to the zip guard (central directory, end record found scanning back
 * from 22 bytes before the end) and another way to SheetJS (the last "PK\x05\x06" anywhere, local headers trusted).
 * Issue 13 item 1. Each takes a `scale` (1 = the size the review used; tests use small ones).
 */
import { Entry, deflated, descriptor, eocdRecord, repeatedDeflate, sheetXml, smallWorkbook, writeZip, xlsxParts, SHEET_OPEN } from "./zip";

/** The innocent view: a small table SheetJS and the guard would both read alike. */
export function innocentRows(): (string | number)[][] {
  return [
    ["收入支出决算总表", ""],
    ["项目", "金额"],
    ["一般公共预算财政拨款收入", 100],
  ];
}

const KB_ZEROS = "\0".repeat(1024);

/** Cells without addresses, 26 to a row: each row is one repeat unit of the deflate stream. */
const ROW26 = "<row>" + "<c><v>1</v></c>".repeat(26) + "</row>";

/** One sheet part holding `cells` cells (rounded to whole rows), deflated without building the XML. */
export function bigSheetEntry(name: string, cells: number): Entry {
  const rows = Math.max(1, Math.round(cells / 26));
  const d = repeatedDeflate(SHEET_OPEN + "<sheetData>", ROW26, rows, "</sheetData></worksheet>", 1000);
  return { name: name, stored: d.stored, method: 8, size: d.size, crc: 0 };
}

/**
 * A second, hidden archive (six sheets of 15 M cells at scale 1) before the innocent one; its end record sits in the
 * last 20 bytes of the innocent end record's comment, where SheetJS finds it and the guard does not look.
 */
export function zipHiddenDirectory(scale = 1): Buffer {
  const sheets = 6;
  const cells = Math.max(26, Math.round(15e6 * scale));
  const parts = xlsxParts(sheetXml([["隐藏的表", 1]]), new Array(sheets - 1).fill(sheetXml([["隐藏的表", 2]])));
  const hidden: Entry[] = parts.map((p) => (/sheet\d+\.xml$/.test(p.name) ? bigSheetEntry(p.name, cells) : deflated(p.name, p.data)));
  const h = writeZip(hidden);
  const prefix = h.bytes.subarray(0, h.eocdAt); // hidden local headers and hidden directory
  const hiddenEnd = eocdRecord(hidden.length, h.eocdAt - h.cdAt, h.cdAt).subarray(0, 20);
  const comment = Buffer.concat([Buffer.from([0x20]), hiddenEnd]);
  return writeZip(smallWorkbook(innocentRows()), { prefix: prefix, comment: comment }).bytes;
}

/**
 * An extra part the directory calls stored (ratio 1, nothing to inflate) whose local header says deflate: SheetJS
 * inflates it, about 2 GB of zeros from 2 MB at scale 1.
 */
export function zipStoredVsDeflate(scale = 1): Buffer {
  const mb = Math.max(1, Math.round(2048 * scale));
  const z = repeatedDeflate("", KB_ZEROS, mb * 1024, "", 1024);
  const bomb: Entry = { name: "xl/media/image1.png", stored: z.stored, method: 0, size: z.stored.length, crc: 0, local: { method: 8 } };
  return writeZip(smallWorkbook(innocentRows()).concat([bomb])).bytes;
}

/**
 * The same bomb, the local header with sizes 0 and a data descriptor (bit 3), as streaming writers do: SheetJS
 * then only warns about sizes and keeps what it inflated.
 */
export function zipLocalSizesZero(scale = 1): Buffer {
  const mb = Math.max(1, Math.round(2048 * scale));
  const z = repeatedDeflate("", KB_ZEROS, mb * 1024, "", 1024);
  const bomb: Entry = {
    name: "xl/media/image1.png",
    stored: z.stored,
    method: 0,
    size: z.stored.length,
    crc: 0,
    local: { method: 8, flags: 0x0808, compressedSize: 0, uncompressedSize: 0, crc: 0 },
  };
  bomb.descriptor = descriptor(bomb);
  return writeZip(smallWorkbook(innocentRows()).concat([bomb])).bytes;
}

/**
 * The directory names a part xl/media/data.bin (no cells counted there), its local header names it
 * xl/worksheets/sheet1.xml: 6 M cells at scale 1, past the 5 M cell limit, that only the local header shows.
 */
export function zipLocalNameDiffers(scale = 1): Buffer {
  const parts = xlsxParts(sheetXml([["表", 1]]));
  const entries: Entry[] = parts.map((p) => {
    if (!/sheet1\.xml$/.test(p.name)) return deflated(p.name, p.data);
    const big = bigSheetEntry(p.name, Math.max(26, Math.round(6e6 * scale)));
    big.central = { name: "xl/media/data.bin" };
    return big;
  });
  return writeZip(entries).bytes;
}
