/**
 * The sample workbook and variants printed to PDF by LibreOffice (test/fixtures/pdf, made by scripts/pdfFixtures.ts):
 * read back by the PDF reader, each gives the findings of its workbook (same rules, figures, severities, causes),
 * every one located by page.
 */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { auditWorkbook, AuditResult } from "../../src/engine";
import { snapshotFromSheetJS } from "../../src/io/sheetjsSnapshot";
import { PdfRead, readPdfBuffer } from "../../src/io/readPdfFile";
import { locateFindings } from "../../src/io/pdfLocate";
import * as F from "../fixtures/sample";
import { PDF_VARIANTS } from "../fixtures/pdfVariants";

const DIR = path.join(__dirname, "..", "fixtures", "pdf");

async function readFixture(name: string): Promise<PdfRead> {
  const r = await readPdfBuffer(new Uint8Array(fs.readFileSync(path.join(DIR, name + ".pdf"))), name + ".pdf");
  if (!r.ok) throw new Error(r.error);
  return r;
}

function workbookAudit(wb: XLSX.WorkBook): AuditResult {
  return auditWorkbook(snapshotFromSheetJS(XLSX.read(F.toBytes(wb), { cellNF: true }), "variant.xlsx"));
}

for (const v of PDF_VARIANTS) {
  test("PDF " + v.name + " gives the findings of its workbook, located by page", async () => {
    const read = await readFixture(v.name);
    const pdf = auditWorkbook(read.snapshot);
    locateFindings(read, pdf);
    const wb = workbookAudit(v.workbook());
    expect(pdf.missing).toEqual([]);
    expect(pdf.tables.map((t) => t.id)).toEqual(wb.tables.map((t) => t.id));
    expect(pdf.findings.map(F.signature)).toEqual(wb.findings.map(F.signature));
    expect(pdf.summary.errors).toBe(wb.summary.errors);
    expect(pdf.summary.tails).toBe(wb.summary.tails);
    expect(pdf.notChecked).toEqual([]);
    for (const f of pdf.findings) {
      expect(f.page).toBeGreaterThanOrEqual(1);
      expect(f.location).toMatch(/^第 \d+ 页 · /);
    }
  });
}

test("the broken figure is caught where it is printed: page, table, row and column", async () => {
  const read = await readFixture("broken-figure");
  const r = auditWorkbook(read.snapshot);
  locateFindings(read, r);
  const root = r.findings.find((f) => f.rule === "T03.1" && f.severity === "error" && !f.cause);
  expect(root).toBeDefined();
  expect([root!.actual, root!.expected, root!.difference]).toEqual(["585.44", "586.45", "-1.01"]);
  expect(root!.location).toBe("第 3 页 · 支出决算表 · 行 2010301 · 列 本年支出合计");
  const echo = r.findings.find((f) => f.rule === "X.11" && f.severity === "error");
  expect(echo!.location).toBe("第 5 页 · 一般公共预算财政拨款支出决算表 · 行 2010301 · 列 基本支出");
});

test("a table split over two pages is one table: its rows on both pages, each cell on its own page", async () => {
  const read = await readFixture("split-pages");
  const r = auditWorkbook(read.snapshot);
  const t = r.tables.find((x) => x.id === "公开03")!;
  expect(read.sheetPages[t.sheet]).toEqual([3, 4]);
  const places = read.places[t.sheet];
  const pages = Object.keys(places).map((k) => places[k].page);
  expect(pages.filter((p) => p === 3).length).toBeGreaterThan(20);
  expect(pages.filter((p) => p === 4).length).toBeGreaterThan(20);
  // the repeated header and 续表 are not rows of the table
  const s = read.snapshot.sheets.find((x) => x.name === t.sheet)!;
  expect(s.text.filter((row) => row[0] === "续表").length).toBe(0);
  expect(s.text.filter((row) => row[0] === "栏次").length).toBe(1);
});
