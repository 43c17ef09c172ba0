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
import type { CellObject, WorkBook } from "@e965/xlsx";

/** Inflated entries by name. */
export type Parts = Map<string, Buffer>;

export interface FastWorkbook {
  wb: WorkBook;
  /** Names of sheets with <sheetProtection sheet="1">, as xlsxProtectedSheets finds them. */
  protectedSheets: { [name: string]: true };
}

/** SheetJS's table_fmt after make_ssf() (SSF_init_table), reset at every read. */
const TABLE_FMT: { [id: number]: string } = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "m/d/yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@", 56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

const RBERR: { [text: string]: number } = {
  "#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0f, "#REF!": 0x17, "#NAME?": 0x1d, "#NUM!": 0x24, "#N/A": 0x2a,
  "#GETTING_DATA": 0x2b, "#WTF?": 0xff,
};

class Decline extends Error {}

function decline(): never {
  throw new Decline();
}

/* ------------------------------------------------------------------ SheetJS's text helpers */

const ENCODINGS: { [k: string]: string } = { "&quot;": '"', "&apos;": "'", "&gt;": ">", "&lt;": "<", "&amp;": "&" };
const ENC_RE = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE_RE = /_x([\da-fA-F]{4})_/gi;

/** SheetJS's unescapexml (no CDATA here: such parts are declined). */
function unescapexml(s: string, xlsx?: boolean): string {
  let out = s;
  if (out.indexOf("&") >= 0) {
    out = out.replace(ENC_RE, (all: string, code: string) => ENCODINGS[all] || String.fromCharCode(parseInt(code, all.indexOf("x") > -1 ? 16 : 10)) || all);
  }
  if (out.indexOf("_") >= 0) out = out.replace(CODE_RE, (_m: string, c: string) => String.fromCharCode(parseInt(c, 16)));
  return xlsx && out.indexOf("\r") >= 0 ? out.replace(/\r\n/g, "\n") : out;
}

/** SheetJS in Node: utf8read(binary) = Buffer.from(binary, "binary").toString("utf8"). */
function utf8read(binary: string): string {
  return Buffer.from(binary, "latin1").toString("utf8");
}

function toBinary(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

/** A part as text (UTF-8), declined when SheetJS could see it differently. */
function text(parts: Parts, name: string): string {
  const b = parts.get(name);
  if (!b) return decline();
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[1] === 0xfe && b[2] === 0xff) || (b[0] === 0xef && b[1] === 0xbb)) decline();
  const s = b.toString("utf8");
  if (s.indexOf("\ufffd") >= 0 || s.indexOf("<!--") >= 0 || s.indexOf("<![CDATA[") >= 0 || s.indexOf("<!DOCTYPE") >= 0) decline();
  return s;
}

/**
 * Attributes of a start tag (`body` = text between the element name and ">", "/" removed). Keys with a namespace
 * prefix lose it (r:id → id), as parsexmltag does. Values are raw. Declines anything but name="v" / name='v'.
 */
function attrs(body: string): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  let i = 0;
  const n = body.length;
  for (;;) {
    while (i < n && isSpace(body.charCodeAt(i))) i++;
    if (i >= n) return out;
    const start = i;
    while (i < n && body.charCodeAt(i) !== 61 /* = */ && !isSpace(body.charCodeAt(i))) i++;
    const name = body.slice(start, i);
    if (body.charCodeAt(i) !== 61 || !isName(name)) decline();
    i++;
    const q = body.charCodeAt(i);
    if (q !== 34 && q !== 39) decline();
    const end = body.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) decline();
    const colon = name.indexOf(":");
    const key = colon < 0 ? name : name.slice(colon + 1);
    if (name.indexOf("_") > 0 || (colon >= 0 && name.slice(0, colon) === "xmlns")) {
      // parsexmltag's special cases: not needed on the attributes read here.
    } else out[key] = body.slice(i + 1, end);
    i = end + 1;
  }
}

/** /^[A-Za-z][\w.:-]*$/ without a regular expression (attributes are scanned once per cell). */
function isName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (letter) continue;
    if (i === 0) return false;
    if (!((c >= 48 && c <= 57) || c === 95 || c === 46 || c === 58 || c === 45)) return false;
  }
  return true;
}

/** Only XML white space between from and to. */
function blank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Every start tag <name …> / <name …/> of exactly `name` (no prefix) in s, as attribute maps. */
function tags(s: string, name: string): { [k: string]: string }[] {
  const out: { [k: string]: string }[] = [];
  const open = "<" + name;
  let at = s.indexOf(open);
  while (at >= 0) {
    const c = s.charCodeAt(at + open.length);
    if (isSpace(c) || c === 62 || c === 47) {
      const end = s.indexOf(">", at);
      if (end < 0) decline();
      let body = s.slice(at + open.length, end);
      if (body.charCodeAt(body.length - 1) === 47) body = body.slice(0, -1);
      out.push(attrs(body));
    }
    at = s.indexOf(open, at + open.length);
  }
  return out;
}

/** A prefixed form (<x:name or </x:name) of any of these elements is somewhere in s. */
function hasPrefixed(s: string, names: string[]): boolean {
  for (let i = 0; i < names.length; i++) if (new RegExp("</?\\w+:" + names[i] + "\\b").test(s)) return true;
  return false;
}

function parsexmlbool(v: string | undefined): boolean {
  return v === "1" || v === "true";
}

/* ------------------------------------------------------------------ shared strings (parse_sst_xml, parse_si) */

const TAG_RE = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const SIT_RE = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;

/** parse_si(x).t on text already decoded from UTF-8 (utf8read of an ASCII-delimited slice is that slice). */
function siText(x: string): string | undefined {
  if (!x) return "";
  if (/^\s*<(?:\w+:)?t[^>]*>/.test(x)) return unescapexml(x.slice(x.indexOf(">") + 1).split(/<\/(?:\w+:)?t>/)[0] || "", true);
  if (/<(?:\w+:)?r\b[^<>]*>/.test(x)) {
    if (x.indexOf("rPh") >= 0) decline();
    return unescapexml((x.match(SIT_RE) || []).join("").replace(TAG_RE, ""), true);
  }
  return undefined;
}

function sharedStrings(xml: string): (string | undefined)[] {
  if (hasPrefixed(xml, ["sst", "si", "sstItem"]) || xml.indexOf("<si ") >= 0 || xml.indexOf("<sstItem") >= 0) decline();
  const open = /<sst\b[^<>]*>/.exec(xml);
  if (!open) decline();
  const close = xml.indexOf("</sst>", open.index + open[0].length);
  if (close < 0) decline();
  const inner = xml.slice(open.index + open[0].length, close);
  const items = inner.replace(/<si>/g, "").split(/<\/si>/);
  const out: (string | undefined)[] = [];
  for (let i = 0; i < items.length; i++) out.push(siText(items[i].trim()));
  return out;
}

/* ------------------------------------------------------------------ styles (parse_numFmts, parse_cellXfs) */

/** cellXfs index → format string as safe_format puts it in `z` (undefined where table_fmt has none). */
function cellFormats(xml: string | null): (string | undefined)[] | null {
  if (xml === null) return null;
  if (hasPrefixed(xml, ["numFmts", "numFmt", "cellXfs", "xf"])) decline();
  const table: { [id: number]: string } = { ...TABLE_FMT };
  const nf = section(xml, "numFmts");
  if (nf !== null) {
    for (const t of tags(nf, "numFmt")) {
      if (t.formatCode === undefined || !/^\d+$/.test(t.numFmtId || "")) decline();
      const j = parseInt(t.numFmtId, 10);
      if (j > 0x188) decline();
      const f = unescapexml(utf8read(toBinary(t.formatCode)));
      if (j > 0) table[j] = f === "d.m" ? "d\\.m" : f; // SSF__load's bad_formats
    }
  }
  const xfs = section(xml, "cellXfs");
  if (xfs === null) return null;
  if (xfs.indexOf("<ext") >= 0 || xfs.indexOf("AlternateContent") >= 0) decline();
  const out: (string | undefined)[] = [];
  for (const t of tags(xfs, "xf")) {
    const id = t.numFmtId;
    if (id === undefined) {
      out.push(table[0]);
      continue;
    }
    if (!/^\d+$/.test(id)) decline();
    const n = parseInt(id, 10);
    if (n > 0x188) decline();
    out.push(table[n]);
  }
  return out;
}

/** str_match_xml_ns(xml, name)[0] for an unprefixed element, or null (also for a self-closed one). */
function section(xml: string, name: string): string | null {
  const m = new RegExp("<" + name + "\\b[^<>]*>").exec(xml);
  if (!m) return null;
  const end = xml.indexOf("</" + name + ">", m.index + m[0].length);
  if (end < 0) return null;
  return xml.slice(m.index, end + name.length + 3);
}

/* ------------------------------------------------------------------ one worksheet (parse_ws_xml, parse_ws_xml_data) */

const MERGE_RE = /<(?:\w+:)?mergeCell ref=["']([A-Z0-9:]+)['"]\s*[/]?>/g;
const NUM_RE = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** "B12" → {r: 11, c: 1}: 1–3 capitals, then a row number without a leading zero, up to 7 digits. */
function decodeA1(s: string): { r: number; c: number } {
  let i = 0;
  let c = 0;
  for (; i < s.length && i < 4; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  if (i === 0 || i > 3) decline();
  const digits = s.length - i;
  if (digits < 1 || digits > 7 || s.charCodeAt(i) === 48) decline();
  let r = 0;
  for (; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) decline();
    r = r * 10 + (ch - 48);
  }
  return { r: r - 1, c: c - 1 };
}

interface SheetOut {
  data: (CellObject[] | undefined)[];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  isProtected: boolean;
}

function worksheet(xml: string, sst: (string | undefined)[] | null, formats: (string | undefined)[] | null): SheetOut {
  if (hasPrefixed(xml, ["sheetData", "row", "c", "mergeCell", "sheetProtection", "worksheet"])) decline();
  if (xml.indexOf("purl.oclc.org") >= 0) decline();
  const open = /<sheetData\b[^<>]*>/.exec(xml);
  if (!open) decline();
  const start = open.index + open[0].length;
  let end = xml.indexOf("</sheetData>", start);
  if (xml.indexOf("<sheetData", start) >= 0) decline();
  if (open[0].charCodeAt(open[0].length - 2) === 47 /* <sheetData/> */) {
    if (end >= 0) decline();
    end = start; // no cells
  } else if (end < 0) decline();

  const data: (CellObject[] | undefined)[] = [];
  const general = TABLE_FMT[0];
  let i = start;
  while (i < end) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= end) {
      if (!blank(xml, i, end)) decline();
      break;
    }
    if (!blank(xml, i, lt)) decline();
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt > end) decline();
    const c1 = xml.charCodeAt(lt + 1);
    const c2 = xml.charCodeAt(lt + 2);
    if (c1 === 99 /* c */ && (c2 === 32 || c2 === 62 || c2 === 47)) {
      const selfClosed = xml.charCodeAt(gt - 1) === 47;
      const a = attrs(xml.slice(lt + 2, selfClosed ? gt - 1 : gt));
      let contentEnd = gt + 1;
      let content = "";
      if (!selfClosed) {
        contentEnd = xml.indexOf("</c>", gt + 1);
        if (contentEnd < 0 || contentEnd > end) decline();
        content = xml.slice(gt + 1, contentEnd);
        contentEnd += 4;
      }
      i = contentEnd;
      const cell = parseCell(a, content, sst, formats, general);
      if (cell) {
        const at = decodeA1(a.r);
        let row = data[at.r];
        if (!row) row = data[at.r] = [];
        row[at.c] = cell;
      }
      continue;
    }
    if (c1 === 114 /* r */ && xml.startsWith("<row", lt) && (isSpace(xml.charCodeAt(lt + 4)) || xml.charCodeAt(lt + 4) === 62 || xml.charCodeAt(lt + 4) === 47)) {
      i = gt + 1;
      continue;
    }
    if (xml.startsWith("</row>", lt)) {
      i = lt + 6;
      continue;
    }
    decline();
  }

  const merges: SheetOut["merges"] = [];
  MERGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MERGE_RE.exec(xml))) {
    const parts = m[1].split(":");
    if (parts.length > 2) decline();
    const s = decodeA1(parts[0]);
    const e = parts.length === 2 ? decodeA1(parts[1]) : { r: s.r, c: s.c };
    merges.push({ s: s, e: e });
  }
  // Exactly xlsxProtectedSheets: the first <sheetProtection …> tag, sheet="1" or "true".
  let isProtected = false;
  const p = xml.indexOf("<sheetProtection");
  if (p >= 0) {
    const pe = xml.indexOf(">", p);
    isProtected = /\bsheet="(1|true)"/.test(xml.slice(p, pe < 0 ? p + 2000 : pe));
  }
  return { data: data, merges: merges, isProtected: isProtected };
}

/** One <c>: the CellObject parse_ws_xml_data stores (cellNF, cellFormula, cellText: false), or null for none. */
function parseCell(
  a: { [k: string]: string },
  content: string,
  sst: (string | undefined)[] | null,
  formats: (string | undefined)[] | null,
  general: string,
): CellObject | null {
  for (const k in a) if (k !== "r" && k !== "s" && k !== "t" && k !== "cm" && k !== "vm" && k !== "ph" && k !== "space") decline();
  if (a.r === undefined) decline();
  let raw: string | undefined;
  let formula: string | undefined;
  let inline: string | null = null;
  // The children: <v>, <f> (plain, no attributes), <is>, nothing else.
  let j = 0;
  while (j < content.length) {
    const lt = content.indexOf("<", j);
    if (lt < 0) {
      if (!blank(content, j, content.length)) decline();
      break;
    }
    if (!blank(content, j, lt)) decline();
    if (content.startsWith("<v", lt) && (content.charCodeAt(lt + 2) === 62 || isSpace(content.charCodeAt(lt + 2)))) {
      // <v> or <v xml:space="preserve"> (SheetJS ignores the attributes)
      const gt = content.indexOf(">", lt);
      if (gt < 0 || content.charCodeAt(gt - 1) === 47) decline();
      if (gt > lt + 2) {
        const va = attrs(content.slice(lt + 2, gt));
        for (const k in va) if (k !== "space") decline();
      }
      const e = content.indexOf("</v>", gt + 1);
      if (e < 0 || raw !== undefined) decline();
      const v = content.slice(gt + 1, e);
      if (v.indexOf("<") >= 0) decline();
      raw = v;
      j = e + 4;
    } else if (content.startsWith("<f>", lt)) {
      const e = content.indexOf("</f>", lt + 3);
      if (e < 0 || formula !== undefined) decline();
      const f = content.slice(lt + 3, e);
      if (f.indexOf("<") >= 0) decline();
      formula = f;
      j = e + 4;
    } else if (content.startsWith("<is>", lt)) {
      const e = content.indexOf("</is>", lt + 4);
      if (e < 0 || inline !== null) decline();
      inline = content.slice(lt + 4, e);
      j = e + 5;
    } else return decline();
  }
  const t = a.t;
  const p: CellObject = { t: "z" } as CellObject;
  let v: string | undefined = raw !== undefined && raw !== "" ? unescapexml(raw) : undefined;
  if (formula !== undefined && formula !== "") p.f = unescapexml(formula, true).replace(/_xlfn\./g, "");
  let value: CellObject["v"];
  let type: string;
  if (t === undefined && v === undefined) {
    // SheetJS sets v = 0 for a formula without a cached value, then drops the cell as an empty number (0 == "").
    return null;
  } else {
    type = t || "n";
    switch (type) {
      case "n":
        if (v === undefined || v === "") return null;
        if (!NUM_RE.test(v)) decline();
        value = parseFloat(v);
        break;
      case "s": {
        if (v === undefined) return null;
        if (!sst || !/^\d+$/.test(v)) decline();
        const k = parseInt(v, 10);
        if (k >= sst.length) decline();
        value = sst[k];
        break;
      }
      case "str":
        type = "s";
        if (v === undefined) value = "";
        else if (raw!.indexOf("&") < 0 && !/_x/i.test(raw!)) value = unescapexml(v, true);
        else value = unescapexml(utf8read(unescapexml(toBinary(raw!))), true);
        break;
      case "inlineStr":
        type = "s";
        value = inline !== null ? siText(inline) : "";
        if (value === undefined) value = "";
        break;
      case "b":
        value = parsexmlbool(v);
        break;
      case "e":
        value = v === undefined ? undefined : RBERR[v];
        break;
      default:
        return decline();
    }
  }
  if (type === "n" || type === "b" || type === "e") {
    if (v !== undefined && /[^\x20-\x7e]/.test(v)) decline();
  }
  p.t = type as CellObject["t"];
  p.v = value;
  // safe_format: z = table_fmt[numFmtId of cellXfs[s]], 0 (General) without a style.
  let z: string | undefined = general;
  if (a.s !== undefined && formats) {
    if (!/^(0|[1-9]\d*)$/.test(a.s)) decline();
    const k = parseInt(a.s, 10);
    if (k < formats.length) z = formats[k];
  }
  if (z !== undefined) p.z = z;
  return p;
}

/* ------------------------------------------------------------------ the package */

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
