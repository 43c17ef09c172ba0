/** One file → one FileReport: what every thread of the audit command does per file. */
import { auditText, runAudit } from "../engine";
import { readWorkbookFile } from "../io/readWorkbookFile";
import type { TableId } from "../engine";
import { FileReport, failedReport, okReport } from "./report";

/** The department and year most of the found tables print in their heads (issue 12: the bureau's summary and letters). */
function withIdentity(r: FileReport, rec: ReturnType<typeof runAudit>["recognition"]): FileReport {
  const most = (pick: (t: { year?: string; department?: string }) => string | undefined): string | undefined => {
    const n = new Map<string, number>();
    for (const id in rec.tables) {
      const v = pick(rec.tables[id as TableId] || {});
      if (v) n.set(v, (n.get(v) || 0) + 1);
    }
    let best: string | undefined;
    n.forEach((c, v) => {
      if (best === undefined || c > (n.get(best) || 0)) best = v;
    });
    return best;
  };
  const department = most((t) => t.department);
  const year = most((t) => t.year);
  if (department !== undefined) r.department = department;
  if (year !== undefined) r.year = year;
  return r;
}

/**
 * Reads and audits one file; never throws (an engine failure is reported like an unreadable file). `maxCells` is the
 * file's cell budget (budgets.ts); absent, the reader's default.
 */
export function auditFile(file: string, narrative: string | undefined, strict = true, maxCells?: number): FileReport {
  const read = readWorkbookFile(file, maxCells !== undefined ? { maxCells: maxCells } : {});
  if (!read.ok) return failedReport(file, read.error);
  try {
    const result = runAudit(read.snapshot, narrative !== undefined ? { narrative: narrative } : {});
    return withIdentity(okReport(file, result, strict), result.recognition);
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
