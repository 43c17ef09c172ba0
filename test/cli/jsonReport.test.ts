/**
 * The JSON report joined from pieces made as reports arrive (src/cli/jsonReport.ts) is byte for byte the document
 * stringified in one go, as the command printed it before: on the sample's real report, on random reports with
 * every kind of awkward string, with and without pieces made beforehand, and with none or one report.
 */
import * as path from "path";
import fc from "fast-check";
import { auditAnyFile } from "../../src/cli/auditAny";
import { documentOf, jsonDocument, jsonPiece, reportJson } from "../../src/cli/jsonReport";
import { AuditReport, FileReport, SCHEMA_VERSION, failedReport } from "../../src/cli/report";
import { escapeJsonControls } from "../../src/cli/terminal";

const REPO = path.join(__dirname, "..", "..");
const tool = { name: "juesuan-audit", version: "0.1.0" };

function inOneGo(doc: AuditReport): string {
  return escapeJsonControls(JSON.stringify(doc, null, 2)) + "\n";
}

/** The document as the command joins it: the reports made into pieces (some through jsonPiece, as a worker does). */
function withPieces(reports: FileReport[], made: boolean[]): string {
  const pieces = reports.map((r, i) => (made[i] ? jsonPiece(r).piece : reportJson(r)));
  return documentOf({ schemaVersion: SCHEMA_VERSION, tool: tool, reports: [] }, pieces);
}

test("the sample's report: pieces joined = the document stringified at once", async () => {
  const r = await auditAnyFile(path.join(REPO, "examples", "2024-sanmenxia-xzsp.xlsx"), undefined, true, undefined, undefined);
  const reports = [r, failedReport("坏文件\u202e.xlsx", "无法读取\n第二行"), r];
  const doc: AuditReport = { schemaVersion: SCHEMA_VERSION, tool: tool, reports: reports };
  const once = inOneGo(doc);
  expect(withPieces(reports, [true, true, true])).toBe(once);
  expect(withPieces(reports, [false, true, false])).toBe(once);
  expect(jsonDocument(doc)).toBe(once);
  // the findings really are in it (the test compares something)
  expect(once.split('"rule": "T03.1"').length - 1).toBe(2 * 7);
  expect(once.split('"file":').length - 1).toBeGreaterThanOrEqual(3);
});

test("jsonPiece: the piece and what the command reads of it (exit code, 无法读取 line, count)", async () => {
  const r = await auditAnyFile(path.join(REPO, "examples", "2024-sanmenxia-xzsp.xlsx"), undefined, true, undefined, undefined);
  const p = jsonPiece(r);
  expect(p.piece).toBe(reportJson(r));
  expect([p.file, p.ok, p.error, p.findings, p.errors]).toEqual([r.file, true, undefined, 43, 14]);
  expect("error" in p).toBe(false);
  const bad = jsonPiece(failedReport("x.xlsx", "无法读取"));
  expect([bad.ok, bad.error, bad.findings, bad.errors]).toEqual([false, "无法读取", 0, 0]);
});

test("none and one report", () => {
  const none: AuditReport = { schemaVersion: SCHEMA_VERSION, tool: tool, reports: [] };
  expect(jsonDocument(none)).toBe(inOneGo(none));
  const one = [failedReport("a.xlsx", "x")];
  expect(withPieces(one, [true])).toBe(inOneGo({ schemaVersion: SCHEMA_VERSION, tool: tool, reports: one }));
});

test("random reports: strings with line breaks, controls, bidi overrides, quotes and the placeholder's own text", () => {
  const awkward = fc.oneof(
    fc.string(),
    fc.constantFrom("\n", "\r\n", "\u0000reports", '"\u0000reports"', "\u202e", "\u2066x\u2069", "\u007f\u0085", "\\n", "    ", "],\n    {"),
  );
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(awkward, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    node: fc.oneof({ depthSize: "small" }, tie("leaf"), fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(awkward, tie("node"), { maxKeys: 4 })),
  })).node;
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.dictionary(awkward, value, { maxKeys: 5 }), fc.boolean()), { maxLength: 5 }), (items) => {
      const reports = items.map(([o]) => Object.assign({ file: "f.xlsx", ok: true }, o, { findings: [] }) as unknown as FileReport);
      const made = items.map(([, m]) => m);
      expect(withPieces(reports, made)).toBe(inOneGo({ schemaVersion: SCHEMA_VERSION, tool: tool, reports: reports }));
    }),
    { numRuns: 400, seed: 11 },
  );
});
