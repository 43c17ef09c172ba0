/**
 * The JSON report (contracts: schema version 1), written piece by piece (issue 9, speed).
 *
 * Why: with many files the whole document was stringified (about 40 KB a file, 4 MB for 100) only after the last
 * worker had finished, while every core was already free: tens of milliseconds at the very end of the run. Each
 * report is now serialised on the worker that made it (JsonPiece, for `--format json` alone) or when it arrives,
 * and the document is joined from the pieces at the end.
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

/**
 * A report already written as its piece of the JSON document, with what the command still needs of it (the exit
 * code, the 无法读取 line, the bench's count). Made on the worker that audited the file (pool.ts `pieces`): passing
 * the piece (one string) instead of the report object spares the structured clone on the worker, rebuilding the
 * objects on the main thread and stringifying them there — about 1 ms of the main thread's CPU a file (measured on
 * the sample: serialise 0.16 ms, deserialise 0.32, reportJson 0.66), on a machine whose cores the workers already fill.
 */
export interface JsonPiece {
  piece: string;
  file: string;
  ok: boolean;
  error?: string;
  findings: number;
  /** Findings of severity error (不符): exit code 1. */
  errors: number;
}

export function jsonPiece(r: FileReport): JsonPiece {
  let errors = 0;
  for (const f of r.findings) if (f.severity === "error") errors++;
  const p: JsonPiece = { piece: reportJson(r), file: r.file, ok: r.ok, findings: r.findings.length, errors: errors };
  if (r.error !== undefined) p.error = r.error;
  return p;
}

/** A string no report can contain: JSON.stringify escapes U+0000, so its JSON form appears only where we put it. */
const PLACEHOLDER = "\u0000reports";

/** The whole document with its final line break. */
export function jsonDocument(doc: AuditReport): string {
  return documentOf(doc, doc.reports.map(reportJson));
}

/** The whole document from the reports' pieces (reportJson of each, in order) and the frame `doc` (its reports ignored). */
export function documentOf(doc: AuditReport, pieces: string[]): string {
  if (pieces.length === 0) return escapeJsonControls(JSON.stringify(Object.assign({}, doc, { reports: [] }), null, 2)) + "\n";
  const frame = escapeJsonControls(JSON.stringify(Object.assign({}, doc, { reports: [PLACEHOLDER] }), null, 2));
  const mark = JSON.stringify(PLACEHOLDER);
  const at = frame.indexOf(mark);
  return frame.slice(0, at) + pieces.join(",\n    ") + frame.slice(at + mark.length) + "\n";
}
