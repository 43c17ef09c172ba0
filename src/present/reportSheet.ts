/**
 * The 审核报告 sheet as typed cells (issue 10 «报告表»): a header block (单位, 年度, 审核时间, 工具版本, 汇总), then a
 * table with one row per finding whose figures are numbers with a number format, and the review marks with their
 * notes. Shared by Excel (src/excel/report.ts) and the preview (as plain text rows, reportRows.ts).
 *
 * Safety (issue 13 item 5): every text is a value in a text-formatted cell, never a formula; the only formula-like
 * content is a link, and only to an address that validLinkTarget accepted.
 * Wording (issue 10 item 9): 计算数 (what the figures add up to), 报表数/文中数 (what the table or the text shows),
 * 允许误差, and 提示 for the lowest severity (not 说明, which reads as 情况说明).
 */
import { AuditResult, Finding, Severity, WorkbookSnapshot } from "../engine";
import { parseCell, qualify } from "./address";
import { FIGURE_LABEL, SEVERITY_LABEL } from "./labels";
import { applyReview, ReviewMark } from "./review";
import { TOOL_NAME, TOOL_VERSION } from "./version";

export const REPORT_TITLE = "决算审核报告";

/** The severity words of the report: the same as the pane's and the CLI's (info is 提示, issue 10 item 9). */
export const RESULT_LABEL: { [k in Severity]: string } = SEVERITY_LABEL;

export interface ReportColumn {
  title: string;
  /** Column width in points (Excel's columnWidth unit). */
  width: number;
  kind: "number" | "text" | "link";
}

export const REPORT_COLUMNS: ReportColumn[] = [
  { title: "序号", width: 32, kind: "number" },
  { title: "结果", width: 40, kind: "text" },
  { title: "表", width: 56, kind: "text" },
  { title: "单元格", width: 110, kind: "link" },
  { title: "规则", width: 50, kind: "text" },
  { title: FIGURE_LABEL.expected + "/" + FIGURE_LABEL.expectedText, width: 72, kind: "number" },
  { title: FIGURE_LABEL.actual + "/" + FIGURE_LABEL.actualText, width: 72, kind: "number" },
  { title: FIGURE_LABEL.difference, width: 56, kind: "number" },
  { title: FIGURE_LABEL.tolerance, width: 56, kind: "number" },
  { title: "内容", width: 300, kind: "text" },
  { title: "源于", width: 110, kind: "text" },
  { title: "相关单元格", width: 140, kind: "text" },
  { title: "核实", width: 44, kind: "text" },
  { title: "核实说明", width: 140, kind: "text" },
  { title: "核实时间", width: 80, kind: "text" },
];
export const LINK_COLUMN = 3;

/** A cell of the report: a number (with its format) or a text. `link` only on the 单元格 column. */
export interface ReportCell {
  text: string;
  number?: number;
  format?: string;
  link?: { sheet: string; cell: string };
}

export interface ReportSheet {
  /** Label/value pairs written at the top. */
  header: [string, string][];
  columns: ReportColumn[];
  rows: ReportCell[][];
}

/** Excel's rules for a sheet name: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with '. */
export function validSheetName(name: string): boolean {
  return typeof name === "string" && name.length > 0 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && name.charAt(0) !== "'" && name.charAt(name.length - 1) !== "'";
}

/** A link target only for a valid sheet name that exists in the workbook and a single well-formed cell. */
export function validLinkTarget(f: Finding, sheets: string[]): { sheet: string; cell: string } | null {
  if (!f.cell || !validSheetName(f.sheet) || sheets.indexOf(f.sheet) < 0) return null;
  const cell = f.cell.replace(/\$/g, "").toUpperCase();
  return /^[A-Z]{1,3}[1-9]\d{0,6}$/.test(cell) && parseCell(cell) ? { sheet: f.sheet, cell: cell } : null;
}

/** "2481.94" → 2481.94 with "#,##0.00"; anything that is not a plain decimal stays text. */
export function figure(s: string | null): ReportCell {
  if (s === null || s === undefined || s === "") return { text: "" };
  const m = /^([-+]?)(\d{1,15})(?:\.(\d{1,6}))?$/.exec(s.trim());
  if (!m) return { text: s };
  const decimals = m[3] ? m[3].length : 0;
  return { text: s, number: Number(s), format: "#,##0" + (decimals ? "." + new Array(decimals + 1).join("0") : "") };
}

function text(s: string | null | undefined): ReportCell {
  return { text: s === null || s === undefined ? "" : String(s) };
}

/** 「2024年度」 from the first rows of the workbook's sheets; "" when none says. */
export function findYear(book?: WorkbookSnapshot): string {
  if (!book) return "";
  for (const s of book.sheets) {
    for (let r = 0; r < Math.min(6, s.text.length); r++) {
      for (const t of s.text[r] || []) {
        const m = /(20\d\d)\s*年度?/.exec(t || "");
        if (m) return m[1] + "年度";
      }
    }
  }
  return "";
}

function stamp(d: Date): string {
  const p = (n: number) => (n < 10 ? "0" : "") + n;
  return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + " " + p(d.getHours()) + ":" + p(d.getMinutes());
}

export interface ReportInput {
  marks?: ReviewMark[];
  book?: WorkbookSnapshot;
  /** Sheet names of the workbook, for validating links. */
  sheets?: string[];
  now?: Date;
}

export function reportSheet(result: AuditResult, input: ReportInput): ReportSheet {
  const split = applyReview(result.findings, input.marks || [], input.book);
  const counts: { [k: string]: number } = { error: 0, warning: 0, tail: 0, info: 0 };
  split.open.forEach((f) => counts[f.severity]++);
  const verified = split.reviewed.filter((r) => r.mark.status === "已核实").length;
  const ignored = split.reviewed.length - verified;
  const summary =
    (["error", "warning", "tail", "info"] as Severity[]).map((k) => RESULT_LABEL[k] + " " + counts[k]).join("，") +
    "，未审核 " +
    result.summary.notChecked +
    (split.reviewed.length ? "；另有已核实 " + verified + "、忽略 " + ignored + "（不计入上述数目）" : "");
  const header: [string, string][] = [
    ["单位", result.unit || ""],
    ["年度", findYear(input.book)],
    ["审核时间", stamp(input.now || new Date())],
    ["工具版本", TOOL_NAME + " " + TOOL_VERSION],
    ["汇总", summary],
  ];
  const sheets = input.sheets || [];
  const rows = result.findings.map(function (f, i): ReportCell[] {
    const mark = split.byIndex[i];
    const where = f.cell ? qualify(f.sheet, f.cell) : f.sheet;
    const link = validLinkTarget(f, sheets);
    return [
      { text: String(i + 1), number: i + 1, format: "0" },
      text(RESULT_LABEL[f.severity] || f.severity),
      text(f.table),
      link ? { text: where, link: link } : text(where),
      text(f.rule),
      figure(f.expected),
      figure(f.actual),
      figure(f.difference),
      figure(f.tolerance),
      text(f.message),
      text(f.cause),
      text((f.related || []).join("，")),
      text(mark ? mark.status : ""),
      text(mark ? mark.note : ""),
      text(mark ? mark.when.slice(0, 16).replace("T", " ") : ""),
    ];
  });
  return { header: header, columns: REPORT_COLUMNS, rows: rows };
}
