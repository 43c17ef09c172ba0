/**
 * 导出审核报告 under WPS: a new sheet after the last one, with the header block and one row per finding, from the same
 * rows as in Excel (present/reportSheet.ts). Never overwrites: an existing 审核报告 leads to 审核报告(2) and so on.
 *
 * Every text goes in as a value into cells formatted as text ("@") first, so a text that starts with "=" (a sheet
 * named "=WEBSERVICE(…)", issue 13 item 5) stays text; figures go in as numbers with their own number format. The
 * whole table is one Value2 assignment.
 * Decisions where issue 14 is silent: no hyperlinks under WPS (the 单元格 column is plain text: the pane's list is
 * the way to a cell); column widths converted from Excel's points at 6 points a character (VBA's ColumnWidth counts
 * characters of the default font; the exact ratio in WPS is not documented); no print set-up.
 */
import { AuditResult, WorkbookSnapshot } from "../engine";
import { columnName } from "../present/address";
import { freeSheetName } from "../present/reportRows";
import { REPORT_TITLE, ReportCell, reportSheet } from "../present/reportSheet";
import { ReviewMark } from "../present/review";
import { activeBook, EtApplication } from "./et";

/** Row (1-based) of the column titles, as in Excel. */
export const TABLE_HEADER_ROW = 8;
export const POINTS_PER_CHARACTER = 6;

export function exportReport(app: EtApplication, result: AuditResult, opts: { marks?: ReviewMark[]; book?: WorkbookSnapshot; now?: Date } = {}): string {
  const wss = activeBook(app).Worksheets;
  const n = wss.Count;
  const names: string[] = [];
  for (let i = 1; i <= n; i++) names.push(wss.Item(i).Name);
  const name = freeSheetName(names);
  const sheet = reportSheet(result, { marks: opts.marks, book: opts.book, sheets: names, now: opts.now });
  const last = columnName(sheet.columns.length - 1);
  const ws = wss.Add(undefined, wss.Item(n));
  ws.Name = name;

  const top: ReportCell[][] = [[{ text: REPORT_TITLE }, { text: "" }]].concat(sheet.header.map((h) => [{ text: h[0] }, { text: h[1] }]));
  const head = ws.Range("A1:B" + top.length);
  head.NumberFormat = "@";
  head.Value2 = top.map((r) => r.map((c) => c.text));

  const rows: ReportCell[][] = [sheet.columns.map((c) => ({ text: c.title }))].concat(sheet.rows);
  const end = TABLE_HEADER_ROW + rows.length - 1;
  const table = ws.Range("A" + TABLE_HEADER_ROW + ":" + last + end);
  table.NumberFormat = "@";
  rows.forEach(function (r, i) {
    r.forEach(function (c, j) {
      if (c.number !== undefined) ws.Range(columnName(j) + (TABLE_HEADER_ROW + i)).NumberFormat = c.format || "General";
    });
  });
  table.Value2 = rows.map((r) => r.map((c) => (c.number !== undefined ? c.number : c.text)));
  sheet.columns.forEach(function (c, j) {
    const col = ws.Range(columnName(j) + TABLE_HEADER_ROW + ":" + columnName(j) + end);
    col.ColumnWidth = Math.round(c.width / POINTS_PER_CHARACTER);
    if (c.kind === "text") col.WrapText = true;
  });
  ws.Activate();
  return name;
}
