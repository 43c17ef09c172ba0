/**
 * The 审核报告 sheet as rows of text: one header row then one row per finding. Shared by Excel (written to a new
 * sheet with HYPERLINK formulas in the 单元格 column) and the preview (shown as an extra tab).
 */
import { AuditResult, Finding } from "../engine";
import { qualify } from "./address";
import { SEVERITY_LABEL } from "./labels";

export const REPORT_SHEET = "审核报告";

export const REPORT_HEADER = ["序号", "类别", "表", "单元格", "规则", "审核数", "报表数", "差额", "容差", "说明", "源于", "相关单元格"];
/** Column of REPORT_HEADER that holds the link to the cell. */
export const LINK_COLUMN = 3;

export function findingTarget(f: Finding): string | null {
  return f.cell ? qualify(f.sheet, f.cell) : null;
}

export function reportRows(result: AuditResult): string[][] {
  const rows: string[][] = [REPORT_HEADER.slice()];
  result.findings.forEach(function (f, i) {
    rows.push([
      String(i + 1),
      SEVERITY_LABEL[f.severity] || f.severity,
      f.table || "",
      findingTarget(f) || f.sheet,
      f.rule,
      f.expected || "",
      f.actual || "",
      f.difference || "",
      f.tolerance || "",
      f.message,
      f.cause || "",
      (f.related || []).join("，"),
    ]);
  });
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
