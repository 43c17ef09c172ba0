/**
 * A ZIP writer that controls every field the readers disagree on: the method and sizes of the local header apart
 * from the central directory's, data descriptors, names, comments and extra end records. Small on purpose: the
 * hostile files are built in memory by the tests, never committed.
 */
import * as zlib from "zlib";
import { crc32 } from "../../io/fixtures";

export { crc32 };

/** Fields of one header (local or central) that may be set apart from the other. */
export interface HeaderFields {
  name?: string;
  method?: number;
  flags?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  crc?: number;
  extra?: Buffer;
}

export interface Entry {
  name: string;
  /** The bytes as stored in the file (already deflated when method 8). */
  stored: Buffer;
  method: number;
  /** The real uncompressed size (what the headers say unless overridden). */
  size: number;
  crc: number;
  /** Overrides for the local header only / the central directory only. */
  local?: HeaderFields;
  central?: HeaderFields;
  /** Bytes written after the data (a data descriptor, with or without its signature). */
  descriptor?: Buffer;
}

/** A deflated entry (method 8) of `data`. */
export function deflated(name: string, data: Buffer, level = 9): Entry {
  return { name: name, stored: zlib.deflateRawSync(data, { level: level }), method: 8, size: data.length, crc: crc32(data) };
}

/** A stored entry (method 0). */
export function storedEntry(name: string, data: Buffer): Entry {
  return { name: name, stored: data, method: 0, size: data.length, crc: crc32(data) };
}

/**
 * A deflate stream of `head + unit×count + tail`, built without ever holding the inflated bytes: `unit` is deflated
 * once as an independent block sequence (full flush, no final block) and repeated; raw deflate allows that.
 * `unitRepeat` copies of unit go into the one deflated chunk (a longer chunk compresses better).
 */
export function repeatedDeflate(head: string, unit: string, count: number, tail: string, unitRepeat = 1000): { stored: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = zlib.deflateRawSync(Buffer.from(head), flush);
  const chunkText = Buffer.from(unit.repeat(unitRepeat));
  const chunk = zlib.deflateRawSync(chunkText, flush);
  const whole = Math.floor(count / unitRepeat);
  const rest = count - whole * unitRepeat;
  const parts: Buffer[] = [h];
  for (let i = 0; i < whole; i++) parts.push(chunk);
  if (rest > 0) parts.push(zlib.deflateRawSync(Buffer.from(unit.repeat(rest)), flush));
  parts.push(zlib.deflateRawSync(Buffer.from(tail)));
  return { stored: Buffer.concat(parts), size: Buffer.byteLength(head) + chunkText.length * whole + Buffer.byteLength(unit) * rest + Buffer.byteLength(tail) };
}

export interface Written {
  bytes: Buffer;
  /** Offset of each local header, in entry order. */
  localAt: number[];
  /** Offset of the central directory and of the end record. */
  cdAt: number;
  eocdAt: number;
}

export interface ZipOptions {
  /** Bytes after the end record's fixed part; `commentLength` overrides the length field (defaults to comment.length). */
  comment?: Buffer;
  commentLength?: number;
  /** Bytes put before the first local header (a hidden directory can live here). */
  prefix?: Buffer;
}

function endRecord(count: number, cdSize: number, cdAt: number, commentLength: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdAt, 16);
  end.writeUInt16LE(commentLength, 20);
  return end;
}

/** An end record on its own (for a second one placed in a comment). */
export function eocdRecord(count: number, cdSize: number, cdAt: number): Buffer {
  return endRecord(count, cdSize, cdAt, 0);
}

function header(sig: number, e: Entry, f: HeaderFields, central: boolean, localAt: number): Buffer {
  const name = Buffer.from(f.name !== undefined ? f.name : e.name, "utf8");
  const extra = f.extra || Buffer.alloc(0);
  const fixed = central ? 46 : 30;
  const h = Buffer.alloc(fixed);
  const o = central ? 2 : 0; // central headers carry "version made by" first
  h.writeUInt32LE(sig, 0);
  if (central) h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 4 + o);
  h.writeUInt16LE(f.flags !== undefined ? f.flags : 0x0800, 6 + o);
  h.writeUInt16LE(f.method !== undefined ? f.method : e.method, 8 + o);
  h.writeUInt32LE(0x5b210000, 10 + o); // a fixed DOS date (2025-08-01) and time
  h.writeUInt32LE(f.crc !== undefined ? f.crc : e.crc, 14 + o);
  h.writeUInt32LE((f.compressedSize !== undefined ? f.compressedSize : e.stored.length) >>> 0, 18 + o);
  h.writeUInt32LE((f.uncompressedSize !== undefined ? f.uncompressedSize : e.size) >>> 0, 22 + o);
  h.writeUInt16LE(name.length, 26 + o);
  h.writeUInt16LE(extra.length, 28 + o);
  if (central) h.writeUInt32LE(localAt, 42);
  return Buffer.concat([h, name, extra]);
}

/** Writes the entries as a ZIP; every header field not overridden says the truth. */
export function writeZip(entries: Entry[], options: ZipOptions = {}): Written {
  const out: Buffer[] = [];
  let at = 0;
  if (options.prefix) {
    out.push(options.prefix);
    at += options.prefix.length;
  }
  const localAt: number[] = [];
  for (const e of entries) {
    localAt.push(at);
    const lh = header(0x04034b50, e, e.local || {}, false, 0);
    out.push(lh, e.stored);
    at += lh.length + e.stored.length;
    if (e.descriptor) {
      out.push(e.descriptor);
      at += e.descriptor.length;
    }
  }
  const cdAt = at;
  const cd: Buffer[] = entries.map((e, i) => header(0x02014b50, e, e.central || {}, true, localAt[i]));
  const cdBuf = Buffer.concat(cd);
  out.push(cdBuf);
  at += cdBuf.length;
  const comment = options.comment || Buffer.alloc(0);
  out.push(endRecord(entries.length, cdBuf.length, cdAt, options.commentLength !== undefined ? options.commentLength : comment.length), comment);
  return { bytes: Buffer.concat(out), localAt: localAt, cdAt: cdAt, eocdAt: at };
}

/** A data descriptor with its signature (as most writers do). */
export function descriptor(e: Entry): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(e.crc, 4);
  d.writeUInt32LE(e.stored.length, 8);
  d.writeUInt32LE(e.size, 12);
  return d;
}

/** The parts of the smallest .xlsx Excel and SheetJS open: one sheet called 表1 with the given sheet XML. */
export function xlsxParts(sheetXml: string, extraSheets: string[] = []): { name: string; data: Buffer }[] {
  const sheets = [sheetXml].concat(extraSheets);
  const ct =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_s, i) => '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join("") +
    "</Types>";
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const wb =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((_s, i) => '<sheet name="表' + (i + 1) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join("") +
    "</sheets></workbook>";
  const wbRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_s, i) => '<Relationship Id="rId' + (i + 1) + '" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>').join("") +
    "</Relationships>";
  const out = [
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from(rels) },
    { name: "xl/workbook.xml", data: Buffer.from(wb) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(wbRels) },
  ];
  sheets.forEach((s, i) => out.push({ name: "xl/worksheets/sheet" + (i + 1) + ".xml", data: Buffer.from(s) }));
  return out;
}

export const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A sheet XML with inline-string rows: [["A1 text", 12.5], …]. */
export function sheetXml(rows: (string | number)[][], after = ""): string {
  let body = "";
  rows.forEach((row, r) => {
    body += '<row r="' + (r + 1) + '">';
    row.forEach((v, c) => {
      const ref = String.fromCharCode(65 + c) + (r + 1);
      if (typeof v === "number") body += '<c r="' + ref + '"><v>' + v + "</v></c>";
      else body += '<c r="' + ref + '" t="inlineStr"><is><t>' + v + "</t></is></c>";
    });
    body += "</row>";
  });
  return SHEET_OPEN + "<sheetData>" + body + "</sheetData>" + after + "</worksheet>";
}

/** A small, valid workbook whose one sheet holds `rows`: the "innocent view" of several hostile files. */
export function smallWorkbook(rows: (string | number)[][]): Entry[] {
  return xlsxParts(sheetXml(rows)).map((p) => deflated(p.name, p.data));
}
