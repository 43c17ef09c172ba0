/**
 * `--summary 汇总.xlsx` (issue 12 item 3): the bureau's batch workbook, written with SheetJS (@e965/xlsx, already the
 * CLI's reader; exceljs is only a dev dependency).
 *
 *  - Sheet 汇总: one row per document — 序号, 单位, 年度, 文件, 表 (found of 9), 不符, 疑点, 尾差, 未审核, 提示, 状态,
 *    a link to the document's own sheet, 说明 (why a file could not be read), 上年文件 (last year's document compared
 *    with, or why none was). Header in row 1 with an autofilter.
 *  - One sheet per document: the 审核报告 block of the add-in (present/reportSheet.ts: the same columns, words and
 *    number formats, figures as numbers), then the 未审核 list grouped as in the text report.
 *
 * Safety (docs/security.md): every text is a string cell ("s") formatted as text ("@"); no cell is ever given a
 * formula, so a document's 「=WEBSERVICE(…)」 stays text. Links are internal ("#'sheet'!A1") and only to sheets this
 * writer created.
 */
import * as XLSX from "@e965/xlsx";
import type { AuditResult } from "../engine";
import { groupUnchecked, uncheckedText } from "../present/unchecked";
import { REPORT_COLUMNS, ReportCell, reportSheet } from "../present/reportSheet";
import { FileReport, ToolInfo } from "./report";
import { DocumentLine, OVERVIEW_SHEET, TABLE_COUNT, documentLines, documentTitle } from "./summaryRows";

export const OVERVIEW_COLUMNS = ["序号", "单位", "年度", "文件", "表", "不符", "疑点", "尾差", "未审核", "提示", "状态", "明细", "说明", "上年文件"];

/** The report sheet's columns without the three review-mark columns (the CLI has no review marks). */
const DETAIL_COLUMNS = REPORT_COLUMNS.filter((c) => c.title !== "核实" && c.title !== "核实说明" && c.title !== "核实时间");

type Cell = XLSX.CellObject;

function str(s: string): Cell {
  return { t: "s", v: s, z: "@" };
}

function num(n: number, format = "0"): Cell {
  return { t: "n", v: n, z: format };
}

function fromReportCell(c: ReportCell): Cell {
  return c.number !== undefined ? num(c.number, c.format || "General") : str(c.text);
}

/** "#'01 某某局'!A1": an internal link, the name quoted with ' doubled. */
export function sheetLink(sheet: string): string {
  return "#'" + sheet.replace(/'/g, "''") + "'!A1";
}

function put(ws: XLSX.WorkSheet, rows: Cell[][], widths: number[]): void {
  let maxC = 0;
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell) ws[XLSX.utils.encode_cell({ r: r, c: c })] = cell;
    });
    maxC = Math.max(maxC, row.length);
  });
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: Math.max(0, maxC - 1) } });
  ws["!cols"] = widths.map((w) => ({ wch: w }));
}

function overviewSheet(lines: DocumentLine[], tool: ToolInfo, date: string): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const rows: Cell[][] = [OVERVIEW_COLUMNS.map(str)];
  lines.forEach((d) => {
    const link: Cell = str("查看");
    link.l = { Target: sheetLink(d.sheet), Tooltip: "转到“" + d.sheet + "”" };
    const unread = d.status === "无法读取";
    rows.push([
      num(d.no),
      str(d.department || d.name),
      str(d.year),
      str(d.file),
      unread ? str("") : num(d.tablesFound, '0"/' + TABLE_COUNT + '"'),
      unread ? str("") : num(d.errors),
      unread ? str("") : num(d.warnings),
      unread ? str("") : num(d.tails),
      unread ? str("") : num(d.notChecked),
      unread ? str("") : num(d.infos),
      str(d.status),
      link,
      str(d.error),
      str(d.previous),
    ]);
  });
  const total = lines.length;
  const count = (s: string) => lines.filter((d) => d.status === s).length;
  rows.push([]);
  rows.push([str("合计"), str(total + " 份：需整改 " + count("需整改") + "，通过 " + count("通过") + "，无法读取 " + count("无法读取"))]);
  rows.push([str("审核日期"), str(date)]);
  rows.push([str("工具版本"), str(tool.name + " " + tool.version)]);
  put(ws, rows, [6, 36, 8, 40, 7, 6, 6, 6, 7, 6, 9, 7, 50, 30]);
  ws["!autofilter"] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: total, c: OVERVIEW_COLUMNS.length - 1 } }) };
  return ws;
}

function documentSheet(d: DocumentLine, r: FileReport, tool: ToolInfo, date: string): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const back: Cell = str("← 返回汇总");
  back.l = { Target: sheetLink(OVERVIEW_SHEET) };
  const rows: Cell[][] = [[str(documentTitle(d) + " 审核结果"), back]];
  const head: [string, string][] = [
    ["单位", d.department],
    ["年度", d.year ? d.year + "年度" : ""],
    ["文件", d.file],
    ["状态", d.status],
    ["审核日期", date],
    ["工具版本", tool.name + " " + tool.version],
  ];
  if (!r.ok) head.push(["无法读取", d.error]);
  if (d.previous) head.push(["上年文件", d.previous]);
  head.forEach((h) => rows.push([str(h[0]), str(h[1])]));
  if (r.ok) {
    // The add-in's report sheet, as typed cells: the same columns, severity words and figure formats.
    const sheet = reportSheet(r as AuditResult, { sheets: [] });
    const summary = sheet.header.filter((h) => h[0] === "汇总")[0];
    rows.push([str("金额单位"), str(r.unit || "")]);
    rows.push([str("汇总"), str(summary ? summary[1] : "")]);
    rows.push([str("表"), str(d.tablesFound + "/" + TABLE_COUNT + (r.missing.length ? "，缺 " + r.missing.join("、") : ""))]);
    rows.push([]);
    const keep = REPORT_COLUMNS.map((c, i) => (DETAIL_COLUMNS.indexOf(c) >= 0 ? i : -1)).filter((i) => i >= 0);
    rows.push(DETAIL_COLUMNS.map((c) => str(c.title)));
    // a filter on the findings' columns, so a reviewer can show one table or one kind of result
    ws["!autofilter"] = { ref: XLSX.utils.encode_range({ s: { r: rows.length - 1, c: 0 }, e: { r: rows.length - 1 + sheet.rows.length, c: DETAIL_COLUMNS.length - 1 } }) };
    sheet.rows.forEach((row) => rows.push(keep.map((i) => fromReportCell(row[i]))));
    const groups = groupUnchecked(r.notChecked);
    rows.push([]);
    rows.push([str("未审核（" + r.summary.notChecked + " 项）")]);
    if (!groups.length) rows.push([str("无")]);
    groups.forEach((g) => rows.push([str(g.table), str(g.reason), str(uncheckedText(g))]));
  }
  // Column widths: the report sheet's widths (points) in characters (about 7 points each).
  put(ws, rows, DETAIL_COLUMNS.map((c) => Math.max(6, Math.round(c.width / 6))));
  return ws;
}

export interface SummaryInput {
  tool: ToolInfo;
  /** YYYY-MM-DD. */
  date: string;
}

/** The 汇总 workbook as bytes. */
export function summaryWorkbook(reports: FileReport[], input: SummaryInput): Buffer {
  const lines = documentLines(reports);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, overviewSheet(lines, input.tool, input.date), OVERVIEW_SHEET);
  lines.forEach((d, i) => XLSX.utils.book_append_sheet(wb, documentSheet(d, reports[i], input.tool, input.date), d.sheet));
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
