/**
 * Host-neutral presentation vocabulary shared by the CLI's text report, the pane, the report sheet and the
 * preview: one definition each (issue 9 found SEVERITY_LABEL and the table order written twice).
 */
import { Severity, TABLE_IDS } from "../engine";

/** The accountants' words for the four severities. */
export const SEVERITY_LABEL: { [k in Severity]: string } = { error: "不符", warning: "疑点", tail: "尾差", info: "说明" };

/** Display order: most serious first. */
export const SEVERITY_ORDER: Severity[] = ["error", "warning", "tail", "info"];

/** Order of the table groups in every report: 公开01…公开09, then the narrative and the performance tables. */
export const TABLE_ORDER: string[] = (TABLE_IDS as string[]).concat(["情况说明", "绩效"]);

/** Group name of findings about the whole workbook (no table). */
export const WORKBOOK_LEVEL = "工作簿";
