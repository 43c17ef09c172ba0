/**
 * Findings on a snapshot read from a PDF → where they stand on paper: the page, and
 * 「第 12 页 · 支出决算表 · 行 201 · 列 基本支出」 in place of a cell address. Also what pages without a text layer
 * mean for the result: nothing on them could be read, so no table may be called missing because of them.
 */
import type { AuditResult, Finding, NotChecked, SheetSnapshot } from "../engine";
import type { PdfRead } from "./readPdfFile";
import { textlessSentence } from "./readPdfFile";

function decode(cell: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function isFigure(v: unknown): boolean {
  return typeof v === "number";
}

/**
 * The row's label: the code nearest to the left of the cell (类|款|项 columns put together; a table in lanes such as
 * 公开06 has a code per lane), else the nearest name to its left, else the row's first text.
 */
function rowLabel(s: SheetSnapshot, r: number, c0: number): string {
  const row = s.text[r] || [];
  const isText = (c: number) => !!(row[c] || "").trim() && !isFigure(s.values[r][c]);
  for (let c = Math.min(c0, row.length - 1); c >= 0; c--) {
    if (!/^\d{2,7}$/.test((row[c] || "").trim()) || !isText(c)) continue;
    let code = "";
    let k = c;
    while (k > 0 && /^\d{2}$/.test((row[k] || "").trim()) && /^\d{2,5}$/.test((row[k - 1] || "").trim())) k--;
    for (let j = k; j <= c; j++) code += row[j].trim();
    return code;
  }
  for (let c = Math.min(c0, row.length - 1); c >= 0; c--) if (isText(c)) return row[c].trim();
  for (let c = 0; c < row.length; c++) if (isText(c)) return row[c].trim();
  return "";
}

/** The column's label: the lowest header text above the first row of figures in that column. */
function columnLabel(s: SheetSnapshot, c: number): string {
  let first = s.values.length;
  for (let r = 0; r < s.values.length && first === s.values.length; r++) for (const v of s.values[r]) if (isFigure(v)) first = r;
  for (let r = Math.min(first, s.values.length) - 1; r >= 1; r--) {
    const t = (s.text[r][c] || "").trim();
    if (t && !/^\d{1,2}$/.test(t) && !/^栏次$/.test(t)) return t;
  }
  return "";
}

export function locate(read: PdfRead, sheet: string, cell: string | null): { page: number; location: string } | null {
  const places = read.places[sheet];
  const s = read.snapshot.sheets.find((x) => x.name === sheet);
  if (!places || !s) return null;
  const pages = read.sheetPages[sheet] || [];
  const at = cell ? decode(cell) : null;
  const place = cell ? places[cell.replace(/\$/g, "")] : undefined;
  const page = place ? place.page : pages[0];
  if (!page) return null;
  const parts = ["第 " + page + " 页", sheet];
  if (at && at.r > 0 && s.values.length > 1 && s.values[0].length > 1) {
    const row = rowLabel(s, at.r, at.c - 1);
    const col = columnLabel(s, at.c);
    if (row) parts.push("行 " + row);
    if (col) parts.push("列 " + col);
  } else if (at) parts.push("第 " + (at.r + 1) + " 段");
  return { page: page, location: parts.join(" · ") };
}

/** Adds page and location to each finding of `result` (in place); for files read from a PDF. */
export function locateFindings(read: PdfRead, result: AuditResult): void {
  for (const f of result.findings as Finding[]) {
    const where = locate(read, f.sheet, f.cell);
    if (where) {
      f.page = where.page;
      f.location = where.location;
    }
  }
}

/**
 * Pages without a text layer: a table "missing" may stand on them, so S.1 becomes 未审核 (缺表) with the sentence, and
 * every check left 未审核 for a missing table says why. A finding is never made from what could not be read.
 */
export function textlessPages(read: PdfRead, result: AuditResult): void {
  if (read.textless.length === 0) return;
  const sentence = textlessSentence(read.textless);
  const kept: Finding[] = [];
  const added: NotChecked[] = [];
  const removed: Finding[] = [];
  for (const f of result.findings) {
    // A missing table, a missing 情况说明: they may well stand on the pages that could not be read.
    if (f.rule === "S.1") added.push({ rule: "S.1", table: f.table, reason: "缺表", detail: (f.table ? f.table + " 未找到：" : "") + sentence, cells: [] });
    else if (f.rule === "N-SOURCE") added.push({ rule: "N-SOURCE", table: f.table, reason: "无文本", detail: "未找到情况说明：" + sentence, cells: [] });
    else {
      kept.push(f);
      continue;
    }
    removed.push(f);
  }
  for (const n of result.notChecked) if (n.reason === "缺表" || n.reason === "无文本") n.detail = n.detail + "（" + sentence + "）";
  if (added.length > 0 || result.notChecked.length === 0) {
    if (added.length === 0) added.push({ rule: "S.1", table: null, reason: "其他", detail: sentence, cells: [] });
    result.findings = kept;
    result.notChecked = added.concat(result.notChecked);
    for (const f of removed) {
      if (f.severity === "warning") result.summary.warnings--;
      else if (f.severity === "info") result.summary.infos--;
      result.summary.checks--;
    }
    result.summary.notChecked += added.length;
    for (const n of added) {
      const t = result.tableStats.find((x) => x.table === n.table);
      if (!t) continue;
      t.notChecked++;
      if (t.checks > 0 && t.withFindings > 0) {
        t.checks--;
        t.withFindings--;
      }
    }
  }
}
