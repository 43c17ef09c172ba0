/**
 * One worksheet part of the fast .xlsx reader (fastXlsx.ts): cells as parse_ws_xml_data stores them, merges and
 * sheet protection.
 */
import type { CellObject } from "@e965/xlsx";
import { DenseRows, simpleCell } from "./fastXlsxCell";
import { TABLE_FMT, attrs, blank, decline, hasPrefixed, isSpace, parsexmlbool, siText, toBinary, unescapexml, utf8read } from "./fastXlsxXml";

const RBERR: { [text: string]: number } = {
  "#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0f, "#REF!": 0x17, "#NAME?": 0x1d, "#NUM!": 0x24, "#N/A": 0x2a,
  "#GETTING_DATA": 0x2b, "#WTF?": 0xff,
};
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
  data: DenseRows;
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  isProtected: boolean;
}

const SHEET_NAMES = ["sheetData", "row", "c", "mergeCell", "sheetProtection", "worksheet"];

/**
 * One worksheet part. `fast` (the default; false only in tests, which compare both): cells of the usual shape are
 * read by simpleCell (fastXlsxCell.ts), and the checks for prefixed elements and merges scan only the parts of the
 * XML the cell loop does not read itself, not the whole part again (issue 9, speed).
 *
 * Decision: a <mergeCell> anywhere but after </sheetData> declines the file. SheetJS reads merges only after the
 * cells (parse_ws_xml's data2); this reader took them from anywhere, so such a file (no writer makes one) read
 * differently here than through SheetJS.
 */
export function worksheet(xml: string, sst: (string | undefined)[] | null, formats: (string | undefined)[] | null, fast = true): SheetOut {
  if (xml.indexOf("purl.oclc.org") >= 0) decline();
  const open = /<sheetData\b[^<>]*>/.exec(xml);
  if (!open) return decline();
  const start = open.index + open[0].length;
  // Fast mode: one backward search (the tail is short; a search forward for a pattern starting with "<" crawls through
  // every tag). An earlier "</sheetData>" would then be an element inside the cells, which the cell loop declines.
  let end = fast ? xml.lastIndexOf("</sheetData>") : xml.indexOf("</sheetData>", start);
  if (end < start) end = -1;
  if (open[0].charCodeAt(open[0].length - 2) === 47 /* <sheetData/> */) {
    if (end >= 0) decline();
    end = start; // no cells
  } else if (end < 0) decline();
  const head = xml.slice(0, start);
  const tail = xml.slice(end);
  if (fast) {
    // The cell loop checks everything between: it declines any other element and, in fast mode, looks at the
    // children of the cells it does not read itself (generalCell).
    if (tail.indexOf("<sheetData") >= 0) decline();
    if (hasPrefixed(head, SHEET_NAMES) || hasPrefixed(tail, SHEET_NAMES)) decline();
    if (head.indexOf("mergeCell") >= 0) decline();
  } else {
    if (xml.indexOf("<sheetData", start) >= 0) decline();
    if (hasPrefixed(xml, SHEET_NAMES)) decline();
  }

  const data: DenseRows = [];
  cellLoop(xml, start, end, sst, formats, data, fast);

  const merges: SheetOut["merges"] = [];
  const scanned = fast ? tail : xml;
  MERGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MERGE_RE.exec(scanned))) {
    const parts = m[1].split(":");
    if (parts.length > 2) decline();
    const s = decodeA1(parts[0]);
    const e = parts.length === 2 ? decodeA1(parts[1]) : { r: s.r, c: s.c };
    merges.push({ s: s, e: e });
  }
  // Exactly xlsxProtectedSheets: the first <sheetProtection …> tag, sheet="1" or "true".
  let isProtected = false;
  let p: number;
  if (fast) {
    // The same first tag: the cell loop declined it anywhere between head and tail.
    p = head.indexOf("<sheetProtection");
    if (p < 0) {
      p = tail.indexOf("<sheetProtection");
      if (p >= 0) p += end;
    }
  } else p = xml.indexOf("<sheetProtection");
  if (p >= 0) {
    const pe = xml.indexOf(">", p);
    isProtected = /\bsheet="(1|true)"/.test(xml.slice(p, pe < 0 ? p + 2000 : pe));
  }
  return { data: data, merges: merges, isProtected: isProtected };
}

/** The elements of <sheetData>: rows and cells, nothing else. Kept small: it is the reader's hottest loop. */
function cellLoop(
  xml: string,
  start: number,
  end: number,
  sst: (string | undefined)[] | null,
  formats: (string | undefined)[] | null,
  data: DenseRows,
  fast: boolean,
): void {
  const general = TABLE_FMT[0];
  let i = start;
  while (i < end) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= end) {
      if (!blank(xml, i, end)) decline();
      break;
    }
    if (!blank(xml, i, lt)) decline();
    const c1 = xml.charCodeAt(lt + 1);
    const c2 = xml.charCodeAt(lt + 2);
    if (c1 === 99 /* c */ && (c2 === 32 || c2 === 62 || c2 === 47)) {
      const next = fast ? simpleCell(xml, lt, sst, formats, general, data) : -1;
      i = next >= 0 ? next : generalCell(xml, lt, end, sst, formats, general, data, fast);
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt > end) decline();
    if (c1 === 114 /* r */ && xml.startsWith("<row", lt) && (isSpace(xml.charCodeAt(lt + 4)) || xml.charCodeAt(lt + 4) === 62 || xml.charCodeAt(lt + 4) === 47)) {
      // In fast mode the prefixed-element check never saw this tag: no "<" may hide in it (none may in XML).
      if (fast) {
        const inner = xml.indexOf("<", lt + 1);
        if (inner >= 0 && inner < gt) decline();
      }
      i = gt + 1;
      continue;
    }
    if (xml.startsWith("</row>", lt)) {
      i = lt + 6;
      continue;
    }
    decline();
  }
}

/** A cell of any shape parseCell reads; returns the index after it. */
function generalCell(
  xml: string,
  lt: number,
  end: number,
  sst: (string | undefined)[] | null,
  formats: (string | undefined)[] | null,
  general: string,
  data: DenseRows,
  fast: boolean,
): number {
  const gt = xml.indexOf(">", lt);
  if (gt < 0 || gt > end) decline();
  const selfClosed = xml.charCodeAt(gt - 1) === 47;
  const body = xml.slice(lt + 2, selfClosed ? gt - 1 : gt);
  const a = attrs(body);
  let contentEnd = gt + 1;
  let content = "";
  if (!selfClosed) {
    contentEnd = xml.indexOf("</c>", gt + 1);
    if (contentEnd < 0 || contentEnd > end) decline();
    content = xml.slice(gt + 1, contentEnd);
    contentEnd += 4;
  }
  // Fast mode: the checks the whole-part scans made (see worksheet), on the parts of this cell.
  if (fast && (body.indexOf("<") >= 0 || hasPrefixed(content, SHEET_NAMES) || /mergeCell|sheetData|sheetProtection/.test(content))) decline();
  const cell = parseCell(a, content, sst, formats, general);
  if (cell) {
    const at = decodeA1(a.r);
    let row = data[at.r];
    if (!row) row = data[at.r] = [];
    row[at.c] = cell;
  }
  return contentEnd;
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
