/** One file → one FileReport: what every thread of the audit command does per file. */
import { AuditResult, auditText, auditWithPrevious, auditWorkbook, WorkbookSnapshot } from "../engine";
import { readWorkbookFile } from "../io/readWorkbookFile";
import { FileReport, failedReport, okReport } from "./report";

/**
 * Reads and audits one file; never throws (an engine failure is reported like an unreadable file). `maxCells` is the
 * file's cell budget (budgets.ts); absent, the reader's default.
 */
/**
 * Last year's document (issue 12): its path, read here through the workbook reader, or (a PDF, whose reader is
 * asynchronous) its path with what the PDF reader made of it.
 */
export type PreviousDoc = string | { file: string; read: { ok: true; snapshot: WorkbookSnapshot } | { ok: false; error: string } };

export function auditFile(file: string, narrative: string | undefined, strict = true, maxCells?: number, previous?: PreviousDoc): FileReport {
  const read = readWorkbookFile(file, maxCells !== undefined ? { maxCells: maxCells } : {});
  if (!read.ok) return failedReport(file, read.error);
  return auditSnapshot(file, read.snapshot, narrative, strict, maxCells, previous);
}

/**
 * A document already read (a workbook, or a PDF through src/io/readPdfFile.ts) → its report. `locate` adds what only
 * the reader knows to the result before it is reported (a PDF's pages). Never throws.
 */
export function auditSnapshot(file: string, snapshot: WorkbookSnapshot, narrative: string | undefined, strict: boolean, maxCells: number | undefined, previousDoc: PreviousDoc | undefined, locate?: (r: AuditResult) => void): FileReport {
  try {
    // Last year's document (issue 12) goes through the same readers as every input (.xlsx, .xls here; .pdf read
    // beforehand by auditAny.ts); unreadable, this year's document is still audited and the comparison is 未审核.
    const previous = typeof previousDoc === "string" ? previousDoc : previousDoc ? previousDoc.file : undefined;
    const prev = previousDoc === undefined ? null : typeof previousDoc === "string" ? readWorkbookFile(previousDoc, maxCells !== undefined ? { maxCells: maxCells } : {}) : previousDoc.read;
    const options = { ...(narrative !== undefined ? { narrative: narrative } : {}), ...(prev && prev.ok ? { previous: { snapshot: prev.snapshot, name: baseName(previous as string) } } : {}) };
    const result = options.previous ? auditWithPrevious(snapshot, options) : auditWorkbook(snapshot, options);
    if (locate) locate(result);
    if (prev && !prev.ok) previousUnreadable(result, previous as string, prev.error);
    const report = okReport(file, result, strict);
    if (previous !== undefined) report.previous = { file: previous, note: prev && !prev.ok ? "无法读取：" + prev.error : null };
    return report;
  } catch (e) {
    const msg = e && (e as Error).message ? (e as Error).message : String(e);
    return failedReport(file, "审核过程中发生内部错误（" + msg.replace(/[\r\n]+/g, " ") + "），请将此文件反馈给开发者。");
  }
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return i >= 0 ? p.slice(i + 1) : p;
}

/** The comparison with last year's document could not be made: one 未审核 (PY.1), counted under 情况说明. */
function previousUnreadable(r: AuditResult, file: string, error: string): void {
  r.notChecked.push({ rule: "PY.1", table: "情况说明", reason: "其他", detail: "上年文件“" + file + "”无法读取（" + error + "），与上年文件的对比未审核", cells: [] });
  r.summary.notChecked++;
  const t = r.tableStats.filter((x) => x.table === "情况说明")[0];
  if (t) t.notChecked++;
  else r.tableStats.push({ table: "情况说明", checks: 0, passed: 0, withFindings: 0, notChecked: 1 });
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
