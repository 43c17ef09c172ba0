/** One file → one FileReport: what every thread of the audit command does per file. */
import { auditText, auditWorkbook } from "../engine";
import { readWorkbookFile } from "../io/readWorkbookFile";
import { FileReport, failedReport, okReport } from "./report";

/**
 * Reads and audits one file; never throws (an engine failure is reported like an unreadable file). `maxCells` is the
 * file's cell budget (budgets.ts); absent, the reader's default.
 */
export function auditFile(file: string, narrative: string | undefined, strict = true, maxCells?: number): FileReport {
  const read = readWorkbookFile(file, maxCells !== undefined ? { maxCells: maxCells } : {});
  if (!read.ok) return failedReport(file, read.error);
  try {
    const result = auditWorkbook(read.snapshot, narrative !== undefined ? { narrative: narrative } : {});
    const report = okReport(file, result, strict);
    // for the bureau's outputs (summary, HTML, letters); jsonReport leaves them out of the JSON
    if (result.department !== undefined) report.department = result.department;
    if (result.year !== undefined) report.year = result.year;
    return report;
  } catch (e) {
    const msg = e && (e as Error).message ? (e as Error).message : String(e);
    return failedReport(file, "审核过程中发生内部错误（" + msg.replace(/[\r\n]+/g, " ") + "），请将此文件反馈给开发者。");
  }
}

/** A narrative checked on its own (no workbook): the report carries the narrative's file name; never throws. */
export function auditTextFile(file: string, text: string, strict = true): FileReport {
  try {
    return okReport(file, auditText(text), strict);
  } catch (e) {
    const msg = e && (e as Error).message ? (e as Error).message : String(e);
    return failedReport(file, "审核过程中发生内部错误（" + msg.replace(/[\r\n]+/g, " ") + "），请将此文件反馈给开发者。");
  }
}
