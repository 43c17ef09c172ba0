/**
 * `--summary 汇总.xlsx` on a batch of the sample, its variants, a broken figure and a corrupt file (issue 12 item 3):
 * the workbook is read back and its counts equal the JSON report of the same run; the corrupt file is 无法读取;
 * figures are numbers with formats; no cell is a formula, even for a file named like one.
 */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { run } from "../cli/helpers";
import { OVERVIEW_COLUMNS, sheetLink } from "../../src/cli/summary";
import { sheetNameFor } from "../../src/cli/summaryRows";
import { Batch, BROKEN_CELL, CORRUPT_NAME, makeBatch, removeBatch } from "./batch";

interface JsonReport {
  file: string;
  ok: boolean;
  error?: string;
  tables: unknown[];
  summary: { errors: number; warnings: number; tails: number; infos: number; notChecked: number };
  findings: { severity: string; rule: string; sheet: string; cell: string | null; expected: string | null }[];
}

let batch: Batch;
let reports: JsonReport[];
let wb: XLSX.WorkBook;
let code: number;
let summaryFile: string;

beforeAll(async () => {
  batch = makeBatch();
  summaryFile = path.join(batch.dir, "汇总.xlsx");
  const r = await run(["--format", "json", "--summary", summaryFile, "--date", "2026-11-30"].concat(batch.files));
  code = r.code;
  reports = (JSON.parse(r.stdout) as { reports: JsonReport[] }).reports;
  wb = XLSX.read(fs.readFileSync(summaryFile), { cellNF: true, cellFormula: true });
}, 120000);
afterAll(() => removeBatch(batch));

const cellAt = (ws: XLSX.WorkSheet, r: number, c: number) => ws[XLSX.utils.encode_cell({ r: r, c: c })] as XLSX.CellObject | undefined;
const col = (name: string) => OVERVIEW_COLUMNS.indexOf(name);

test("exit code stays as documented: 2 because one file cannot be read", () => {
  expect(code).toBe(2);
  expect(reports.length).toBe(5);
});

test("the overview has one row per document whose counts equal the JSON", () => {
  const ws = wb.Sheets["汇总"];
  expect(wb.SheetNames[0]).toBe("汇总");
  expect(OVERVIEW_COLUMNS.map((_t, c) => cellAt(ws, 0, c)!.v)).toEqual(OVERVIEW_COLUMNS);
  reports.forEach((rep, i) => {
    const row = i + 1;
    const v = (name: string) => (cellAt(ws, row, col(name)) || { v: "" }).v;
    expect(v("序号")).toBe(i + 1);
    expect(v("文件")).toBe(rep.file);
    if (!rep.ok) {
      expect(v("状态")).toBe("无法读取");
      expect(v("说明")).toBe(rep.error);
      expect(v("不符")).toBe("");
      return;
    }
    expect([v("不符"), v("疑点"), v("尾差"), v("未审核"), v("提示")]).toEqual([rep.summary.errors, rep.summary.warnings, rep.summary.tails, rep.summary.notChecked, rep.summary.infos]);
    expect(v("表")).toBe(rep.tables.length);
    expect(cellAt(ws, row, col("表"))!.z).toBe('0"/9"');
    expect(v("状态")).toBe(rep.summary.errors + rep.summary.warnings > 0 ? "需整改" : "通过");
  });
  // the sample: its department and year from the heads; 14 不符, 3 疑点, 15 尾差 as in the README
  expect(cellAt(ws, 1, col("单位"))!.v).toBe("三门峡市行政审批和政务信息管理局");
  expect(cellAt(ws, 1, col("年度"))!.v).toBe("2024");
  expect([reports[0].summary.errors, reports[0].summary.warnings, reports[0].summary.tails]).toEqual([14, 3, 15]);
  expect(cellAt(ws, batch.corrupt + 1, col("状态"))!.v).toBe("无法读取");
});

test("the deliberately broken figure makes its document 需整改 with more 不符 than the sample", () => {
  const broken = reports[batch.broken];
  expect(broken.summary.errors).toBeGreaterThan(reports[batch.sample].summary.errors);
  expect(broken.findings.some((f) => f.severity === "error" && f.sheet === BROKEN_CELL.sheet && f.cell === BROKEN_CELL.cell)).toBe(true);
});

test("each link goes to the document's own sheet, which lists exactly its findings, figures as numbers", () => {
  const ws = wb.Sheets["汇总"];
  expect(wb.SheetNames.length).toBe(1 + reports.length);
  reports.forEach((rep, i) => {
    const link = cellAt(ws, i + 1, col("明细"))!.l!;
    const name = wb.SheetNames[i + 1];
    expect(link.Target).toBe(sheetLink(name));
    const sheet = wb.Sheets[name];
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: "" });
    const head = rows.findIndex((r) => r[0] === "序号" && r[1] === "结果");
    if (!rep.ok) {
      expect(head).toBe(-1);
      expect(rows.some((r) => r[0] === "无法读取" && r[1] === rep.error)).toBe(true);
      return;
    }
    const body: unknown[][] = [];
    for (let r = head + 1; r < rows.length && rows[r][0] !== ""; r++) body.push(rows[r]);
    expect(body.length).toBe(rep.findings.length);
    const tally = (label: string) => body.filter((r) => r[1] === label).length;
    expect([tally("不符"), tally("疑点"), tally("尾差"), tally("提示")]).toEqual([rep.summary.errors, rep.summary.warnings, rep.summary.tails, rep.summary.infos]);
    // 计算数/应为数 of the first finding with a decimal figure: a number with a number format
    const k = rep.findings.findIndex((f) => f.expected !== null && /^-?\d+\.\d+$/.test(f.expected));
    const cell = cellAt(sheet, head + 1 + k, 5)!;
    expect(cell.t).toBe("n");
    expect(cell.v).toBe(Number(rep.findings[k].expected));
    expect(cell.z).toMatch(/^#,##0\.0+$/);
  });
});

test("text is never a formula: the corrupt file named like a formula stays a string", () => {
  const ws = wb.Sheets["汇总"];
  const file = cellAt(ws, batch.corrupt + 1, col("文件"))!;
  expect(file.t).toBe("s");
  expect(String(file.v)).toContain(CORRUPT_NAME);
  expect(cellAt(ws, batch.corrupt + 1, col("单位"))!.v).toBe(CORRUPT_NAME);
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name];
    for (const addr of Object.keys(sheet)) if (addr.charAt(0) !== "!") expect((sheet[addr] as XLSX.CellObject).f).toBeUndefined();
  }
});

test("sheet names: at most 31 characters, none of []:*?/\\, unique without regard to case", () => {
  const taken: { [k: string]: boolean } = { 汇总: true };
  const names = ["a[b]:c*d?e/f\\g", "A[B]:C*D?E/F\\G", "某".repeat(40), "某".repeat(40), "'引号'", "汇总", ""].map((n) => sheetNameFor(n, taken));
  expect(names).toEqual(["abcdefg", "ABCDEFG(2)", "某".repeat(31), "某".repeat(28) + "(2)", "引号", "汇总(2)", "文件"]);
  for (const n of wb.SheetNames) {
    expect(n.length).toBeLessThanOrEqual(31);
    expect(n).not.toMatch(/[[\]:*?/\\]/);
  }
  expect(new Set(wb.SheetNames.map((n) => n.toLowerCase())).size).toBe(wb.SheetNames.length);
});

test("--summary never overwrites an input", async () => {
  const before = fs.readFileSync(batch.files[0]);
  const r = await run(["--summary", batch.files[0], batch.files[0]]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/汇总文件.*与输入文件相同/);
  expect(fs.readFileSync(batch.files[0]).equals(before)).toBe(true);
});

test("last year's document (issue 12 item 1) shows in its column; an unreadable one is named with its 未审核", async () => {
  const file = path.join(batch.dir, "上年.xlsx");
  const r = await run(["--format", "json", "--summary", file, "--previous", batch.files[batch.corrupt], batch.files[batch.sample]]);
  const rep = (JSON.parse(r.stdout) as { reports: (JsonReport & { previous: { file: string; note: string } })[] }).reports[0];
  const ws = XLSX.read(fs.readFileSync(file)).Sheets["汇总"];
  expect(cellAt(ws, 1, col("上年文件"))!.v).toBe(path.basename(batch.files[batch.corrupt]) + "（" + rep.previous.note + "）");
  expect(rep.previous.note).toMatch(/^无法读取/);
  expect(cellAt(ws, 1, col("未审核"))!.v).toBe(rep.summary.notChecked);
  expect(rep.summary.notChecked).toBe(1);
});
