/**
 * `Finding.causeRef` (issue 9 item 5): every link between findings is a structured reference to the root, the text
 * `cause` is derived from it, and the readers (text report, pane) group by the reference, never by parsing text.
 */
import * as XLSX from "@e965/xlsx";
import { formatFileReport } from "../../src/cli/textReport";
import { okReport } from "../../src/cli/report";
import { auditWorkbook, causeText, rootIndexes } from "../../src/engine";
import { AuditResult, Finding } from "../../src/engine/types";
import { groupFindings } from "../../src/present/groups";
import * as F from "../fixtures/sample";
import { shiftAmounts } from "../fixtures/shift";

function audit(edit: (wb: XLSX.WorkBook) => void): AuditResult {
  const wb = F.loadSample();
  edit(wb);
  return auditWorkbook(F.snapshotOf(wb));
}

function setAmount(wb: XLSX.WorkBook, sheet: string, addr: string, v: number): void {
  const c = wb.Sheets[sheet][addr] as XLSX.CellObject;
  c.v = v;
  delete c.w;
}

const at = (f: Finding) => f.rule + " " + f.sheet + "!" + f.cell;

/** Every linked finding: its text is its reference's text, and its root is found among the findings. */
function linksOf(fs: Finding[]): string[] {
  const roots = rootIndexes(fs);
  const out: string[] = [];
  fs.forEach((f, i) => {
    expect(!!f.cause).toBe(!!f.causeRef);
    if (!f.causeRef) return;
    expect(f.cause).toBe(causeText(f.causeRef));
    expect(roots[i]).toBeGreaterThanOrEqual(0);
    const r = fs[roots[i]];
    expect(r.causeRef || null).toBeNull();
    expect(f.causeRef).toEqual({ rule: r.rule, table: r.table, sheet: r.sheet, cell: r.cell });
    out.push(at(f) + " <- " + at(r));
  });
  return out;
}

test("the sample: the eight 尾差 echoes point to their roots by reference", () => {
  const links = linksOf(auditWorkbook(F.sampleSnapshot()).findings);
  expect(links.length).toBe(8);
  expect(links.filter((l) => /<- T03\.1 公开03表!C10$/.test(l)).length).toBe(3);
});

test("a misprint copied into the mirror table: the three consequences point to the root by reference", () => {
  const r = audit((wb) => {
    setAmount(wb, "公开03表", "D10", 528.56);
    setAmount(wb, "公开05表", "D10", 528.56);
  });
  const links = linksOf(r.findings);
  expect(links).toEqual(expect.arrayContaining(["T03.4 公开03表!D9 <- T03.1 公开03表!C10", "T05.1 公开05表!C10 <- T03.1 公开03表!C10", "T05.4 公开05表!D9 <- T03.1 公开03表!C10"]));
});

test("a shifted column (S.10): its consequences point to it by reference", () => {
  const r = audit((wb) => shiftAmounts(wb, "公开05表", ["C", "D", "E"], 13, 40, 2));
  const links = linksOf(r.findings);
  expect(links.filter((l) => / <- S\.10 公开05表!/.test(l)).length).toBeGreaterThan(5);
});

/** A report whose `cause` texts are nonsense: grouping must still follow `causeRef`. */
function garbled(fs: Finding[]): Finding[] {
  return fs.map((f) => (f.cause ? { ...f, cause: "(见上)" } : f));
}

test("the text report nests by causeRef, not by the text of cause", () => {
  const r = auditWorkbook(F.sampleSnapshot());
  const text = formatFileReport(okReport("s.xlsx", { ...r, findings: garbled(r.findings) }, false));
  const lines = text.split("\n");
  const root = lines.findIndex((l) => /公开03表!C10 .*\(T03\.1\)/.test(l) && !/└/.test(l));
  expect(root).toBeGreaterThan(0);
  expect(lines.slice(root + 1, root + 4).every((l) => /^ {6}└ \[尾差\]/.test(l))).toBe(true);
  // Without the reference, the same text nests nothing: no parsing of `cause` is left.
  const unlinked = r.findings.map((f) => ({ ...f, causeRef: null }));
  expect(formatFileReport(okReport("s.xlsx", { ...r, findings: unlinked }, false))).not.toContain("└");
});

test("the pane groups echoes under their root by causeRef", () => {
  const fs = garbled(auditWorkbook(F.sampleSnapshot()).findings);
  const all = { severities: { error: true, warning: true, tail: true, info: true }, table: "" };
  const g03 = groupFindings(fs, all).filter((g) => g.table === "公开03")[0];
  const root = g03.rows.filter((row) => at(fs[row.index]) === "T03.1 公开03表!C10")[0];
  expect(root.echoes.length).toBe(3);
  const unlinked = fs.map((f) => ({ ...f, causeRef: null }));
  expect(groupFindings(unlinked, all).every((g) => g.rows.every((row) => !row.echo))).toBe(true);
});
