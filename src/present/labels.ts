/**
 * Host-neutral presentation vocabulary shared by the CLI's text report, the pane, the report sheet and the
 * preview: one definition each (issue 9 found SEVERITY_LABEL and the table order written twice).
 */
import { Severity, TABLE_IDS } from "../engine";

/**
 * The accountants' words for the four severities. info is 提示, not 说明, which read as 情况说明 (issue 10 item 9).
 */
export const SEVERITY_LABEL: { [k in Severity]: string } = { error: "不符", warning: "疑点", tail: "尾差", info: "提示" };

/**
 * The figures of a finding (issue 10 item 9): 计算数 for what the tables add up to (审核数 read as 审定数), 应为数 for
 * the table figure a 情况说明 figure should equal, 文中数 for a figure quoted from the text, 允许误差 for the rounding
 * tolerance (容差).
 */
export const FIGURE_LABEL = { expected: "计算数", expectedText: "应为数", actual: "报表数", actualText: "文中数", difference: "差额", tolerance: "允许误差" };

/** The words for a finding's two figures: 文中数/应为数 for a figure quoted from the 情况说明, else 报表数/计算数. */
export function figureWords(f: { table: string | null }): { actual: string; expected: string } {
  const text = f.table === "情况说明";
  return { actual: text ? FIGURE_LABEL.actualText : FIGURE_LABEL.actual, expected: text ? FIGURE_LABEL.expectedText : FIGURE_LABEL.expected };
}

/** Display order: most serious first. */
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "tail", "info"];

/** Order of the table groups in every report: 公开01…公开09, then the narrative and the performance tables. */
export const TABLE_ORDER: string[] = (TABLE_IDS as string[]).concat(["情况说明", "绩效"]);

/** Group name of findings about the whole workbook (no table). */
export const WORKBOOK_LEVEL = "工作簿";
