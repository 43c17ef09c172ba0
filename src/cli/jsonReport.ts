/**
 * The JSON report (contracts: schema version 1), written piece by piece (issue 9, speed).
 *
 * Why: with many files the whole document was stringified (about 40 KB a file, 4 MB for 100) only after the last
 * worker had finished, while every core was already free: tens of milliseconds at the very end of the run. Each
 * report is now serialised when it arrives, during the audit of the files after it, and the document is joined
 * from the pieces at the end.
 *
 * The result is byte for byte `escapeJsonControls(JSON.stringify(doc, null, 2))` (test/cli/jsonReport.test.ts):
 * a report sits two levels deep, so its own indented JSON gets four more spaces after each line break (JSON
 * strings never hold a raw line break, every "\n" of the output is layout), and the frame around the reports
 * comes from JSON.stringify itself, with a placeholder where the reports go.
 */
import { escapeJsonControls } from "./terminal";
import { AuditReport, FileReport } from "./report";

/** One report as it stands inside the document, escaped for terminals. */
export function reportJson(r: FileReport): string {
  return escapeJsonControls(JSON.stringify(r, null, 2).replace(/\n/g, "\n    "));
}

/** A string no report can contain: JSON.stringify escapes U+0000, so its JSON form appears only where we put it. */
const PLACEHOLDER = "\u0000reports";

/**
 * The whole document with its final line break; `pieces` holds reportJson of a report where it was made earlier
 * (the same object, not changed since), the others are serialised now.
 */
export function jsonDocument(doc: AuditReport, pieces?: WeakMap<FileReport, string>): string {
  if (doc.reports.length === 0) return escapeJsonControls(JSON.stringify(doc, null, 2)) + "\n";
  const frame = escapeJsonControls(JSON.stringify(Object.assign({}, doc, { reports: [PLACEHOLDER] }), null, 2));
  const mark = JSON.stringify(PLACEHOLDER);
  const at = frame.indexOf(mark);
  const parts = doc.reports.map((r) => (pieces && pieces.get(r)) || reportJson(r));
  return frame.slice(0, at) + parts.join(",\n    ") + frame.slice(at + mark.length) + "\n";
}
