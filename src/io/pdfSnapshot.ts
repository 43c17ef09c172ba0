/**
 * Regions → the WorkbookSnapshot the engine takes, one sheet per table region, plus where each cell stands in the PDF.
 *
 * Decisions (the issue is silent):
 *  - A table's sheet is named after its title (cut to Excel's 31 characters, made unique with （2）…); row 1 holds the
 *    title merged across the table, as in the published workbooks.
 *  - The text is one sheet 情况说明 with one paragraph per row, in document order (部门概况, 情况说明, 名词解释);
 *    the 目录's entries for the 情况说明 come first, one per row (see narrativeRegions).
 *  - Values: a figure with a decimal point, thousands separator or % is a number (its displayed text kept exactly as
 *    printed, its format made from it); everything else, codes and 栏次 included, is text, as in the templates.
 */
import { a1, CellValue, rangeA1, SheetSnapshot, WorkbookSnapshot } from "../engine";
import { compact, Line, Region } from "./pdfLayout";
import { buildGrid, GridCell, isNumberText } from "./pdfGrid";
import type { PdfBox } from "./pdfText";

/** Where a cell of the snapshot came from: its page (1-based) and position in points from the page's top-left. */
export interface PdfPlace {
  page: number;
  x: number;
  y: number;
}

/** sheet name → A1 address → place. */
export type PdfPlaces = { [sheet: string]: { [cell: string]: PdfPlace } };

export interface PdfSnapshot {
  snapshot: WorkbookSnapshot;
  places: PdfPlaces;
  /** The page(s) each sheet comes from. */
  sheetPages: { [sheet: string]: number[] };
}

interface Cell {
  value: CellValue;
  text: string;
  format: string;
  place: PdfPlace | null;
}

/** "2,481.93" → 2481.93 with "#,##0.00"; "12.5%" → 0.125 with "0.0%"; null when the text is not such a figure. */
export function figureOf(text: string): { value: number; format: string } | null {
  const t = text.replace(/\s+/g, "").replace(/，/g, ",").replace(/−/g, "-");
  if (!isNumberText(t) || !/[.,%]/.test(t)) return null;
  const neg = /^[-(（]/.test(t);
  const body = t.replace(/^[-(（]/, "").replace(/[)）]$/, "");
  const pct = /%$/.test(body);
  const digits = body.replace(/%$/, "");
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(digits)) return null;
  const n = Number(digits.replace(/,/g, ""));
  if (!isFinite(n)) return null;
  const dec = (digits.split(".")[1] || "").length;
  const fmt = (digits.indexOf(",") >= 0 ? "#,##0" : "0") + (dec > 0 ? "." + new Array(dec + 1).join("0") : "") + (pct ? "%" : "");
  const v = (neg ? -1 : 1) * (pct ? n / 100 : n);
  return { value: v, format: /^\(/.test(t) ? fmt + ";(" + fmt + ")" : fmt };
}

function cell(text: string, place: PdfPlace | null): Cell {
  const f = figureOf(text);
  return f ? { value: f.value, text: text, format: f.format, place: place } : { value: text, text: text, format: "General", place: place };
}

function placeOf(c: GridCell): PdfPlace {
  return { page: c.page, x: round(c.x0), y: round(c.y) };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

class Sheets {
  readonly out: PdfSnapshot = { snapshot: { sheets: [] }, places: {}, sheetPages: {} };
  private names: { [n: string]: true } = {};

  uniqueName(base: string): string {
    const clean = base.replace(/[\\/?*[\]:]/g, "").slice(0, 31) || "表";
    let name = clean;
    for (let k = 2; this.names[name]; k++) name = clean.slice(0, 31 - String(k).length - 2) + "（" + k + "）";
    this.names[name] = true;
    return name;
  }

  add(name: string, rows: (Cell | null)[][], merges: string[], pages: number[]): void {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const values: CellValue[][] = [];
    const text: string[][] = [];
    const formats: string[][] = [];
    const places: { [cell: string]: PdfPlace } = {};
    rows.forEach((r, i) => {
      const v: CellValue[] = [];
      const t: string[] = [];
      const f: string[] = [];
      for (let c = 0; c < width; c++) {
        const x = r[c];
        v.push(x ? x.value : null);
        t.push(x ? x.text : "");
        f.push(x ? x.format : "General");
        if (x && x.place) places[a1(i, c)] = x.place;
      }
      values.push(v);
      text.push(t);
      formats.push(f);
    });
    const sheet: SheetSnapshot = { name: name, visibility: "visible", top: 0, left: 0, values: values, text: text, formats: formats, merges: merges };
    this.out.snapshot.sheets.push(sheet);
    this.out.places[name] = places;
    this.out.sheetPages[name] = pages.slice();
  }
}

function tableSheet(s: Sheets, r: Region, boxes: { [page: number]: PdfBox[] }): void {
  const g = buildGrid(r.lines, boxes);
  const rows: (Cell | null)[][] = [];
  const merges: string[] = [];
  let offset = 0;
  if (r.title) {
    const t = r.title;
    const first = t.items[0];
    rows.push([cell(compact(t.text), { page: t.page, x: round(first.x0), y: round(t.y) })]);
    if (g.columns > 1) merges.push(rangeA1(0, 0, 0, g.columns - 1));
    offset = 1;
  }
  for (const gr of g.rows) rows.push(gr.map((c) => (c ? cell(c.text, placeOf(c)) : null)));
  for (const m of g.merges) merges.push(rangeA1(m[0] + offset, m[1], m[0] + offset, m[2]));
  s.add(s.uniqueName(r.title ? compact(r.title.text) : "表"), rows, merges, r.pages);
}

const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.、．](?!\d)|[（(]\d+[)）])/;

/** A line's words with the blanks that stand between them on the page (a gap of a fifth of a character or more). */
function lineText(l: Line): string {
  let s = "";
  l.items.forEach((it, i) => {
    if (i > 0 && it.x0 - l.items[i - 1].x1 >= 0.2 * it.size) s += " ";
    s += it.str;
  });
  return s;
}

/** Lines of running text → paragraphs, joined across line and page breaks. */
export function paragraphs(lines: Line[]): { text: string; place: PdfPlace }[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.items[0].x0));
  const rights = lines.map((l) => l.items[l.items.length - 1].x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)];
  const out: { text: string; place: PdfPlace; end: number; size: number }[] = [];
  for (const l of lines) {
    const text = lineText(l);
    const x0 = l.items[0].x0;
    const x1 = l.items[l.items.length - 1].x1;
    const last = out[out.length - 1];
    const indented = x0 - left >= 1.2 * l.size;
    const starts = !last || indented || HEADING.test(compact(text)) || (last.end < right - 3 * l.size && /[。：:；;！!？?”）)]$/.test(last.text)) || /[。：:！？；]$/.test(last.text) && indented;
    if (starts) out.push({ text: text, place: { page: l.page, x: round(x0), y: round(l.y) }, end: x1, size: l.size });
    else {
      // A line break is no blank in Chinese, nor inside a number cut by it; only between two Latin words.
      last.text = /[A-Za-z]$/.test(last.text) && /^[A-Za-z]/.test(text) ? last.text + " " + text : last.text + text;
      last.end = x1;
    }
  }
  return out.map((p) => ({ text: p.text, place: p.place }));
}

function textSheet(s: Sheets, name: string, regions: Region[], byLine: boolean): void {
  if (regions.length === 0) return;
  const rows: (Cell | null)[][] = [];
  const pages: number[] = [];
  for (const r of regions) {
    for (const p of r.pages) if (pages.indexOf(p) < 0) pages.push(p);
    if (byLine) for (const l of r.lines) rows.push([{ value: l.text, text: l.text, format: "General", place: { page: l.page, x: round(l.items[0].x0), y: round(l.y) } }]);
    else for (const p of paragraphs(r.lines)) rows.push([{ value: p.text, text: p.text, format: "General", place: p.place }]);
  }
  s.add(s.uniqueName(name), rows, [], pages);
}

/**
 * The 情况说明 as the engine reads it: the 目录's entries for it first, one per row (leaders and page numbers cut off),
 * so that they are headings without a body, which the engine takes for the 目录 and compares with the headings of
 * the text (N-TOC); then the text. The 目录's entries for the tables are left out (a title there is no table).
 */
function narrativeRegions(regions: Region[]): Region[] {
  const out: Region[] = [];
  for (const r of regions) {
    // The 名词解释 stays in the text as its own part (a part heading, then its own paragraphs), where the engine
    // looks for it (CP.4); it is never joined to the paragraph before it.
    if (r.kind === "text" || r.kind === "glossary") out.push(r);
    if (r.kind !== "toc") continue;
    const lines: Line[] = [];
    for (const l of r.lines) {
      const t = compact(l.text).replace(/[.…·．]{2,}\d*$/, "").replace(/\d+$/, "");
      if (!/说明$|^第.+部分/.test(t)) continue;
      lines.push({ ...l, items: [{ ...l.items[0], str: t, x1: l.items[l.items.length - 1].x1 }], text: t });
    }
    // One region per entry: each is a paragraph of its own.
    for (const l of lines) out.push({ kind: "text", title: null, lines: [l], pages: [l.page] });
  }
  return out;
}

export function snapshotOfRegions(regions: Region[], source?: string, boxes: { [page: number]: PdfBox[] } = {}): PdfSnapshot {
  const s = new Sheets();
  for (const r of regions) if (r.kind === "table") tableSheet(s, r, boxes);
  textSheet(s, "情况说明", narrativeRegions(regions), false);
  if (source !== undefined) s.out.snapshot.source = source;
  return s.out;
}
