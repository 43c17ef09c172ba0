/**
 * What the pane does on demand — writing flags, the report sheet, going to a cell, following the selection — loaded
 * only when the user first asks for one of them (ExcelHost imports this module with import()). Opening the pane
 * and auditing never load it, so the pane's first load stays within its size budget (test/e2e/preview.test.ts).
 * The ribbon's function file imports flags.ts directly.
 */
import { Finding, WorkbookSnapshot } from "../engine";
import { FlagOptions } from "../present/host";
import { applyReview, ReviewMark } from "../present/review";
import { applyFlags, FlagEnv, FlagResult } from "./flags";

export { clearFlags } from "./flags";

/** Flags the findings that are not reviewed (已核实/忽略 are never flagged, whatever the caller passes). */
export function flagOpen(findings: Finding[], marks: ReviewMark[], book: WorkbookSnapshot | undefined, options: FlagOptions, env: FlagEnv): Promise<FlagResult> {
  return applyFlags(applyReview(findings, marks, book).open, options, env);
}
export { exportReport } from "./report";
export { selectCell, watchSelection } from "./navigate";
export { loadRegistry } from "./registry";
export { clearMessage, skippedMessage } from "../present/flagMessages";
