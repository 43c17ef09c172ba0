/**
 * The 审核报告 sheet as rows of text, for the preview (shown as an extra tab): the same content as the Excel sheet
 * (present/reportSheet.ts), header block, column titles and one row per finding.
 */
import { AuditResult, Finding } from "../engine";
import { qualify } from "./address";
import { REPORT_COLUMNS, REPORT_TITLE, reportSheet, ReportInput } from "./reportSheet";

export const REPORT_SHEET = "审核报告";

export const REPORT_HEADER = REPORT_COLUMNS.map((c) => c.title);
export { LINK_COLUMN } from "./reportSheet";

export function findingTarget(f: Finding): string | null {
  return f.cell ? qualify(f.sheet, f.cell) : null;
}

export function reportRows(result: AuditResult, input: ReportInput = {}): string[][] {
  const sheet = reportSheet(result, input);
  const width = sheet.columns.length;
  const pad = function (r: string[]): string[] {
    const out = r.slice();
    while (out.length < width) out.push("");
    return out;
  };
  const rows: string[][] = [pad([REPORT_TITLE])];
  sheet.header.forEach((h) => rows.push(pad([h[0], h[1]])));
  rows.push(pad([]));
  rows.push(REPORT_HEADER.slice());
  sheet.rows.forEach((r) => rows.push(r.map((c) => c.text)));
  return rows;
}

/** The first of 审核报告, 审核报告(2), 审核报告(3)… that is not taken (compared case-insensitively, as Excel does). */
export function freeSheetName(existing: string[], base: string = REPORT_SHEET): string {
  const taken: { [k: string]: boolean } = {};
  existing.forEach(function (n) {
    taken[n.toLowerCase()] = true;
  });
  if (!taken[base.toLowerCase()]) return base;
  for (let i = 2; ; i++) {
    const name = base + "(" + i + ")";
    if (!taken[name.toLowerCase()]) return name;
  }
}
