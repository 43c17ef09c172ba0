/**
 * 导出审核报告: a new sheet with the header block and one row per finding (present/reportSheet.ts). Never
 * overwrites: an existing 审核报告 leads to 审核报告(2) and so on. Two syncs: read the sheet names, then write;
 * from ExcelApi 1.9 a third for the print set-up.
 *
 * Every text goes in as a value into a cell formatted as text ("@") first, so a text that starts with "=" (a sheet
 * named "=WEBSERVICE(…)", issue 13 item 5) stays text. Figures go in as numbers with their number format. Links:
 * Range.hyperlink from ExcelApi 1.7; below, a HYPERLINK formula — the one formula we write, and only for targets
 * that validLinkTarget accepted (a valid, existing sheet name and a single A1 cell).
 * Print set-up where the host has it: fixed column widths and wrapped long texts (1.2), header rows frozen (1.7),
 * landscape, fit to one page wide, the column header row repeated on every page (1.9).
 */
import { AuditResult } from "../engine";
import { columnName, qualify } from "../present/address";
import { freeSheetName } from "../present/reportRows";
import { REPORT_TITLE, ReportCell, reportSheet } from "../present/reportSheet";
import { ReviewMark } from "../present/review";
import { WorkbookSnapshot } from "../engine";
import { ExcelCapabilities } from "./capabilities";
import { RUN_OPTIONS } from "./runOptions";

/** Row (1-based) of the column titles; the header block sits above it. */
export const TABLE_HEADER_ROW = 8;

function excelString(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

export interface ReportOptions {
  marks?: ReviewMark[];
  book?: WorkbookSnapshot;
  now?: Date;
}

export function exportReport(result: AuditResult, caps: ExcelCapabilities, opts: ReportOptions = {}): Promise<string> {
  return Excel.run(RUN_OPTIONS, async function (context) {
    const wss = context.workbook.worksheets;
    wss.load("items/name");
    await context.sync();
    const names = wss.items.map((ws) => ws.name);
    const name = freeSheetName(names);
    const sheet = reportSheet(result, { marks: opts.marks, book: opts.book, sheets: names, now: opts.now });
    const cols = sheet.columns.length;
    const last = columnName(cols - 1);
    const ws = wss.add(name);

    // Header block: title, then label | value pairs.
    const top: ReportCell[][] = [[{ text: REPORT_TITLE }]].concat(sheet.header.map((h) => [{ text: h[0] }, { text: h[1] }]));
    const headRange = ws.getRange("A1:B" + top.length);
    const pad = top.map((r) => (r.length === 1 ? [r[0], { text: "" }] : r));
    headRange.numberFormat = pad.map((r) => r.map(() => "@"));
    headRange.values = pad.map((r) => r.map((c) => c.text));
    ws.getRange("A1:A" + top.length).format.font.bold = true;

    // The table: titles, then the rows. Formats first (text as "@"), then values.
    const rows: ReportCell[][] = [sheet.columns.map((c) => ({ text: c.title }))].concat(sheet.rows);
    const tableRange = ws.getRange("A" + TABLE_HEADER_ROW + ":" + last + (TABLE_HEADER_ROW + rows.length - 1));
    tableRange.numberFormat = rows.map((r) => r.map((c) => (c.number !== undefined ? c.format || "General" : "@")));
    tableRange.values = rows.map((r) => r.map((c) => (c.number !== undefined ? c.number : c.text)));
    ws.getRange("A" + TABLE_HEADER_ROW + ":" + last + TABLE_HEADER_ROW).format.font.bold = true;

    sheet.rows.forEach(function (r, i) {
      r.forEach(function (c, j) {
        if (!c.link) return;
        const at = ws.getRange(columnName(j) + (TABLE_HEADER_ROW + 1 + i));
        const target = qualify(c.link.sheet, c.link.cell);
        if (caps.selectionEvents) at.hyperlink = { documentReference: target, textToDisplay: c.text }; // 1.7
        else at.formulas = [["=HYPERLINK(" + excelString("#" + target) + "," + excelString(c.text) + ")"]];
      });
    });

    const end = TABLE_HEADER_ROW + rows.length - 1;
    if (caps.usedRangeValuesOnly) {
      // 1.2: fixed widths (autofit on 300-character messages made unprintable columns) and wrapped texts.
      sheet.columns.forEach(function (c, j) {
        const col = ws.getRange(columnName(j) + TABLE_HEADER_ROW + ":" + columnName(j) + end);
        col.format.columnWidth = c.width;
        if (c.kind === "text") col.format.wrapText = true;
      });
    }
    if (caps.selectionEvents) ws.freezePanes.freezeRows(TABLE_HEADER_ROW); // 1.7
    ws.activate();
    await context.sync();
    if (caps.rangeAreas) {
      // 1.9: landscape, one page wide (verticalFitToPages 0 = as many pages tall as needed, OOXML fitToHeight="0"),
      // the column titles on every page. Its own sync, best effort: a printer set-up Excel refuses must not cost
      // the report, which is already written.
      try {
        ws.pageLayout.orientation = "Landscape";
        ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        ws.pageLayout.setPrintTitleRows("$" + TABLE_HEADER_ROW + ":$" + TABLE_HEADER_ROW);
        await context.sync();
      } catch (_e) {
        // The report stands without the print set-up.
      }
    }
    return name;
  });
}
