/**
 * Last year's document in the pane (issue 12 item 1): the module the pane's entries load with import() when the user
 * picks last year's file (src/addin/taskpane.ts, src/preview/preview.ts), so SheetJS, the reader and the comparison
 * rules (src/engine/prior) stay out of the pane's main bundle (test/e2e/preview.test.ts budget). Webpack makes it
 * the chunk previous-year.js, loaded from the add-in's own folder.
 *
 * Last year's file passes the same zip guard as a workbook opened in the preview (zipGuardBrowser.ts) before SheetJS
 * inflates it, and is read with the same options (SHEETJS_READ_OPTIONS).
 */
import * as XLSX from "@e965/xlsx";
import { AuditOptions, AuditResult, NarrativeResult, priorRules, runAudit, WorkbookSnapshot } from "../engine";
import { SHEETJS_READ_OPTIONS, snapshotFromSheetJS } from "./sheetjsSnapshot";
import { guardZipInBrowser } from "./zipGuardBrowser";

/** Last year's document as a snapshot, or an Error whose message is one Chinese sentence saying why not. */
export async function readPrevious(bytes: ArrayBuffer, name: string): Promise<{ snapshot: WorkbookSnapshot; name: string }> {
  const data = new Uint8Array(bytes);
  const problem = await guardZipInBrowser(data);
  if (problem !== null) throw new Error(problem);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = snapshotFromSheetJS(XLSX.read(data, { ...SHEETJS_READ_OPTIONS, type: "array" }), name);
  } catch (e) {
    throw new Error("文件已损坏或不是 Excel 工作簿（" + ((e as Error).message || String(e)) + "）");
  }
  if (!snapshot.sheets.length) throw new Error("文件中没有工作表");
  return { snapshot: snapshot, name: name };
}

/**
 * The audit with last year's document: what auditWithPrevious (src/engine/prior/index.ts) does — runAudit with
 * priorRules — with the fields auditWithNarrative gives (the 情况说明 panel's result). Not through resultOf, whose
 * unit/year identity the pane does not show: audit.ts is in the pane's main bundle, and using resultOf here would
 * put that code there (+8 KB measured).
 */
export function auditWithPreviousYear(snapshot: WorkbookSnapshot, options: AuditOptions): AuditResult & { narrative: NarrativeResult | null } {
  const r = runAudit(snapshot, options, priorRules);
  return { unit: r.unit, tables: r.tables, missing: r.missing, summary: r.summary, findings: r.findings, notChecked: r.notChecked, tableStats: r.tableStats, narrative: (r.context.narrative as NarrativeResult | null) || null };
}
