/**
 * `--previous FILE` and `--previous-dir DIR` (issue 12 item 1) on real files written here: the sample (2024), the
 * "2023" workbook built from its stated prior-year figures (fixture.ts), a perturbed copy, and a unit with no
 * partner. The JSON stays schema-valid with the additive fields.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { run } from "../cli/helpers";
import { validate } from "../cli/schemaValidator";
import { loadSample, SAMPLE, toBytes } from "../fixtures/sample";
import { previousYearBook } from "./fixture";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "contracts", "audit-report.schema.json"), "utf8"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prevyear-"));
const lastYear = path.join(dir, "last");
fs.mkdirSync(lastYear);
const good = path.join(lastYear, "甲-2023.xlsx");
fs.writeFileSync(good, toBytes(previousYearBook()));
const bad = path.join(dir, "perturbed-2023.xlsx");
fs.writeFileSync(bad, toBytes(previousYearBook((wb) => ((wb.Sheets["公开04表"]["F38"] as XLSX.CellObject).v = 3880.84))));
fs.writeFileSync(path.join(lastYear, "notes.txt"), "not a workbook");
// another unit in 2024: no 2023 document of it in the directory
const other = path.join(dir, "乙-2024.xlsx");
const wbOther = loadSample();
for (const n of wbOther.SheetNames)
  for (const a of Object.keys(wbOther.Sheets[n])) {
    const c = wbOther.Sheets[n][a] as XLSX.CellObject;
    if (a.charAt(0) !== "!" && typeof c.v === "string" && c.v.indexOf("三门峡市行政审批和政务信息管理局") >= 0) {
      c.v = c.v.split("三门峡市行政审批和政务信息管理局").join("三门峡市乙局");
      delete c.w;
    }
  }
fs.writeFileSync(other, toBytes(wbOther));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface F {
  rule: string;
  cell: string;
  expected: string;
  actual: string;
  previous: unknown;
}
const py = (rep: { findings: F[] }): F[] => rep.findings.filter((f) => /^PY\.[125]$/.test(f.rule));

test("--previous with the matching 2023 document: no mismatch; with a perturbed one: the 不符 with last year's place", async () => {
  const ok = await run(["--format", "json", "--previous", good, SAMPLE]);
  const doc = JSON.parse(ok.stdout);
  expect(validate(schema, doc)).toEqual([]);
  expect(doc.reports[0].previous).toEqual({ file: good, note: null });
  expect(py(doc.reports[0])).toEqual([]);
  const ko = await run(["--format", "json", "--previous", bad, SAMPLE]);
  const d2 = JSON.parse(ko.stdout);
  expect(validate(schema, d2)).toEqual([]);
  expect(py(d2.reports[0]).map((f) => [f.rule, f.cell, f.expected, f.actual, f.previous])).toEqual([
    ["PY.1", "A9", "3880.84", "3881.84", { file: "perturbed-2023.xlsx", sheet: "公开04表", cell: "F38", value: "3880.84" }],
  ]);
  const text = await run(["--previous", bad, SAMPLE]);
  expect(text.stdout).toContain("上年文件：" + bad);
  expect(text.stdout).toContain("PY.1");
});

test("--previous-dir pairs by unit and year and names the document without a partner", async () => {
  const r = await run(["--format", "json", "--previous-dir", lastYear, SAMPLE, other]);
  const doc = JSON.parse(r.stdout);
  expect(validate(schema, doc)).toEqual([]);
  expect(doc.reports.map((x: { previous: unknown }) => x.previous)).toEqual([
    { file: good, note: null },
    { file: null, note: "上年目录中没有“三门峡市乙局” 2023 年度的文件" },
  ]);
  expect(r.stderr).toContain("上年目录中的“notes.txt”无法读取，未参与配对。");
  expect(r.stderr).toContain("未配对上年文件：" + other + "——上年目录中没有“三门峡市乙局” 2023 年度的文件。");
  expect(py(doc.reports[0])).toEqual([]);
  expect(doc.reports[1].findings.filter((f: { rule: string }) => /^PY/.test(f.rule))).toEqual([]);
});

test("an unreadable last-year file: this year's document is audited, the comparison 未审核", async () => {
  const r = await run(["--format", "json", "--previous", path.join(lastYear, "notes.txt"), SAMPLE]);
  const rep = JSON.parse(r.stdout).reports[0];
  expect(rep.ok).toBe(true);
  expect(rep.previous.note).toMatch(/^无法读取：/);
  expect(rep.notChecked.filter((n: { rule: string }) => n.rule === "PY.1").length).toBe(1);
});

test("argument errors: --previous with two workbooks, both options at once", async () => {
  expect((await run(["--previous", good, SAMPLE, other])).stderr).toContain("--previous 只对应一个工作簿");
  expect((await run(["--previous", good, "--previous-dir", lastYear, SAMPLE])).code).toBe(2);
});

test("last year's document as a PDF (the sample printed by LibreOffice, test/fixtures/pdf): read by the PDF reader", async () => {
  const pdf = path.join(__dirname, "..", "fixtures", "pdf", "sample.pdf");
  const r = await run(["--format", "json", "--previous", pdf, SAMPLE]);
  const rep = JSON.parse(r.stdout).reports[0];
  expect(validate(schema, JSON.parse(r.stdout))).toEqual([]);
  expect(rep.previous).toEqual({ file: pdf, note: null });
  // the 2024 PDF is no 2023 document: the pairing warning, and 说明一's implied 3,881.84 against its 2,481.93
  expect(rep.findings.filter((f: F) => f.rule === "PY.5").length).toBe(1);
  const one = rep.findings.filter((f: F) => f.rule === "PY.1" && f.cell === "A3");
  expect(one.map((f: F) => [f.expected, f.actual, (f.previous as { file: string }).file])).toEqual([
    ["2481.93", "3881.84", "sample.pdf"],
    ["2481.93", "3881.84", "sample.pdf"],
  ]);
});
