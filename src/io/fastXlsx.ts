/**
 * A fast reader for plain .xlsx/.xlsm packages (Node side): parses the few parts the snapshot needs directly from the
 * inflated zip entries and builds the same minimal SheetJS workbook (dense `!data` cells with t/v/f/z, `!merges`,
 * sheet visibility, date1904) that XLSX.read(…, SHEETJS_READ_OPTIONS + XLSX_TEXT_OPTIONS) would, so that
 * snapshotFromSheetJS turns both into the same snapshot. Each rule below reproduces what SheetJS 0.20.3 does
 * (parse_zip, parse_wb_xml, parse_sst_xml/parse_si, parse_numFmts/parse_cellXfs, parse_ws_xml_data, safe_format).
 *
 * Anything it does not handle with certainty returns null and the caller reads the file with SheetJS: namespace
 * prefixes, strict OOXML, comments/CDATA/DOCTYPE, unknown elements or attributes in sheetData, shared or array
 * formulas, `t="d"` cells, cells without an address, odd numbers, missing parts, chart/dialog/macro sheets, number
 * format ids above 392, invalid UTF-8. test/io/fastXlsx.test.ts compares both paths.
 */
import type { WorkBook } from "@e965/xlsx";
import { Decline, Parts, cellFormats, decline, hasPrefixed, parsexmlbool, sharedStrings, tags, text, unescapexml } from "./fastXlsxXml";
import { worksheet } from "./fastXlsxSheet";

/** Inflated entries by name. */
export type { Parts } from "./fastXlsxXml";

export interface FastWorkbook {
  wb: WorkBook;
  /** Names of sheets with <sheetProtection sheet="1">, as xlsxProtectedSheets finds them. */
  protectedSheets: { [name: string]: true };
}

const WS_TYPES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  "http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet",
];

/** The workbook, or null when SheetJS must read it. Never throws. */
export function readXlsxFast(parts: Parts): FastWorkbook | null {
  try {
    return read(parts);
  } catch (e) {
    if (e instanceof Decline) return null;
    return null;
  }
}

function read(parts: Parts): FastWorkbook {
  // Parts SheetJS would read differently: ODS, Numbers, binary workbooks, other workbook paths.
  if (parts.has("META-INF/manifest.xml") || parts.has("objectdata.xml") || parts.has("xl/workbook.bin")) decline();
  const ct = text(parts, "[Content_Types].xml");
  let wbPath: string | null = null;
  let sstPath: string | null = null;
  let stylePath: string | null = null;
  for (const o of tags(ct, "Override")) {
    const type = o.ContentType || "";
    const part = o.PartName || "";
    if (/sheet\.main\+xml$|sheet\.macroEnabled\.main\+xml$|template\.main\+xml$|\.main\+xml$/.test(type) && /spreadsheetml|ms-excel/.test(type)) {
      if (wbPath !== null) decline();
      wbPath = part;
    } else if (/\.sharedStrings\+xml$/.test(type)) {
      if (sstPath !== null) decline();
      sstPath = part;
    } else if (/spreadsheetml\.styles\+xml$/.test(type)) {
      if (stylePath !== null) decline();
      stylePath = part;
    } else if (/binary|strict|\.sheet\.binary/i.test(type)) decline();
  }
  if (wbPath !== "/xl/workbook.xml") decline();
  if (sstPath !== null && sstPath !== "/xl/sharedStrings.xml") decline();
  if (stylePath !== null && stylePath !== "/xl/styles.xml") decline();
  if (ct.indexOf("purl.oclc.org") >= 0) decline();

  const wbXml = text(parts, "xl/workbook.xml");
  if (wbXml.indexOf("purl.oclc.org") >= 0 || hasPrefixed(wbXml, ["sheet", "sheets", "workbookPr", "workbook"])) decline();
  const relsXml = text(parts, "xl/_rels/workbook.xml.rels");
  const rels: { [id: string]: { type: string; target: string } } = {};
  for (const r of tags(relsXml, "Relationship")) {
    if (r.Id === undefined) continue;
    rels[r.Id] = { type: r.Type || "", target: r.Target || "" };
  }
  const sst = sstPath !== null ? sharedStrings(text(parts, "xl/sharedStrings.xml")) : null;
  const formats = stylePath !== null ? cellFormats(text(parts, "xl/styles.xml")) : null;

  const props = tags(wbXml, "workbookPr");
  if (props.length > 1) decline();
  const date1904 = props.length === 1 && props[0].date1904 !== undefined ? parsexmlbool(props[0].date1904) : undefined;

  const sheetTags = tags(wbXml, "sheet");
  if (sheetTags.length === 0) decline();
  const names: string[] = [];
  const meta: { name: string; Hidden: number }[] = [];
  const sheets: { [name: string]: unknown } = {};
  const protectedSheets: { [name: string]: true } = {};
  for (const s of sheetTags) {
    if (s.name === undefined || s.id === undefined) decline();
    const name = unescapexml(s.name);
    if (name === "" || sheets[name] !== undefined) decline();
    const rel = rels[s.id];
    if (!rel || WS_TYPES.indexOf(rel.type) < 0) decline();
    const m = /^(?:\/xl\/)?(worksheets\/[^/]+\.xml)$/.exec(rel.target);
    if (!m) decline();
    const path = "xl/" + m[1];
    const out = worksheet(text(parts, path), sst, formats);
    const ws: { [k: string]: unknown } = { "!data": out.data };
    if (out.merges.length > 0) ws["!merges"] = out.merges;
    sheets[name] = ws;
    names.push(name);
    meta.push({ name: name, Hidden: s.state === "hidden" ? 1 : s.state === "veryHidden" ? 2 : 0 });
    if (out.isProtected) protectedSheets[name] = true;
  }
  const wbProps: { date1904?: boolean } = {};
  if (date1904 !== undefined) wbProps.date1904 = date1904;
  const wb = { SheetNames: names, Sheets: sheets, Workbook: { Sheets: meta, WBProps: wbProps } } as unknown as WorkBook;
  return { wb: wb, protectedSheets: protectedSheets };
}
