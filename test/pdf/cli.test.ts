/**
 * The command line with PDFs (issue 11): recognised by content whatever the name, mixed with workbooks in one call;
 * the JSON carries page and location on every finding of a PDF (and keeps to the schema), the text report says
 * 「第 N 页 · 表 · 行 · 列」 where a workbook's finding says 工作表!单元格.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../cli/helpers";
import { validate } from "../cli/schemaValidator";

const REPO = path.join(__dirname, "..", "..");
const SAMPLE_XLSX = path.join(REPO, "examples", "2024-sanmenxia-xzsp.xlsx");
const BROKEN_PDF = path.join(REPO, "test", "fixtures", "pdf", "broken-figure.pdf");
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, "contracts", "audit-report.schema.json"), "utf8"));
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a PDF named .xlsx and a workbook in one call: JSON with page and location, valid against the schema", async () => {
  const renamed = path.join(dir, "部门决算.xlsx");
  fs.copyFileSync(BROKEN_PDF, renamed);
  const r = await run(["--format", "json", renamed, SAMPLE_XLSX]);
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(validate(SCHEMA, doc)).toEqual([]);
  const [pdf, xlsx] = doc.reports;
  expect(pdf.ok).toBe(true);
  expect(pdf.summary.errors).toBe(17);
  expect(xlsx.summary.errors).toBe(14);
  for (const f of pdf.findings) {
    expect(Number.isInteger(f.page)).toBe(true);
    expect(f.location.startsWith("第 " + f.page + " 页 · ")).toBe(true);
  }
  for (const f of xlsx.findings) expect(f.page).toBeUndefined();
  const root = pdf.findings.find((f: { rule: string; severity: string; cause?: string | null }) => f.rule === "T03.1" && f.severity === "error" && !f.cause);
  expect(root.page).toBe(3);
  expect(root.location).toBe("第 3 页 · 支出决算表 · 行 2010301 · 列 本年支出合计");
});

test("the text report puts the page, table, row and column where a cell address stands", async () => {
  const r = await run([BROKEN_PDF]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("[不符] 第 3 页 · 支出决算表 · 行 2010301 · 列 本年支出合计  报表数 585.44 / 计算数 586.45，差额 -1.01");
  expect(r.stdout).not.toMatch(/\[不符\] '?支出决算表'?!C10/);
});
