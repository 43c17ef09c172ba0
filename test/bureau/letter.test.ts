/**
 * `--letter DIR` (issue 12 item 4): one 审核意见书 .docx per document, read back with mammoth. The sample's letter holds
 * every 不符 with its location and suggested correction; a deliberately broken figure is named with the figure it
 * should be; the corrupt file gets a letter asking for the file again; letters never overwrite an input.
 */
import * as fs from "fs";
import * as path from "path";
import * as mammoth from "mammoth";
import { run } from "../cli/helpers";
import { letterBlocks, location, problemText, suggestedCorrection } from "../../src/present/letter";
import { safeFileName } from "../../src/cli/letter";
import type { Finding } from "../../src/engine/types";
import { Batch, BROKEN_CELL, makeBatch, removeBatch } from "./batch";

let batch: Batch;
let letters: string;
let reports: { file: string; ok: boolean; findings: Finding[] }[];
let names: string[];

const text = async (file: string) => (await mammoth.extractRawText({ path: file })).value;

beforeAll(async () => {
  batch = makeBatch();
  letters = path.join(batch.dir, "意见书");
  const files = [batch.files[batch.sample], batch.files[batch.broken], batch.files[batch.corrupt]];
  const r = await run(["--format", "json", "--letter", letters, "--date", "2026-11-30"].concat(files));
  expect(r.code).toBe(2);
  reports = JSON.parse(r.stdout).reports;
  names = fs.readdirSync(letters).sort();
}, 120000);
afterAll(() => removeBatch(batch));

test("one letter per document, named after the unit and year; a second of the same unit gets (2)", () => {
  expect(names).toEqual([safeFileName(path.basename(batch.files[batch.corrupt]) + ".审核意见书") + ".docx", "三门峡市行政审批和政务信息管理局2024年度决算审核意见书(2).docx", "三门峡市行政审批和政务信息管理局2024年度决算审核意见书.docx"].sort());
});

test("the sample's letter: unit, year, date, summary, and every 不符 with its location, both figures and correction", async () => {
  const t = await text(path.join(letters, "三门峡市行政审批和政务信息管理局2024年度决算审核意见书.docx"));
  expect(t).toContain("关于三门峡市行政审批和政务信息管理局2024年度部门决算公开材料的审核意见");
  expect(t).toContain("2026年11月30日");
  expect(t).toContain("发现不符 14 处、疑点 3 处、尾差 15 处");
  const errors = reports[0].findings.filter((f) => f.severity === "error");
  expect(errors.length).toBe(14);
  for (const f of errors) {
    const fix = suggestedCorrection(f);
    expect(fix).not.toBeNull();
    // each item: its location, its problem, its correction, in that order
    const at = t.indexOf(location(f) + "（" + f.table + "）");
    expect(at).toBeGreaterThanOrEqual(0);
    const item = t.slice(at, at + 2000);
    expect(item).toContain(problemText(f.message));
    expect(item).toContain("整改建议：" + fix);
    expect(item).toContain("规则 " + f.rule);
  }
  // two figures where the engine has both (N13c: 98.83% written, 98.31% recomputed)
  expect(t).toContain("文中数 98.83%；应为数 98.31%");
  expect(t).toContain("文中数 98.83% 应改为 98.31%");
  // the 尾差 briefly, as rounding; the 疑点 to verify
  expect(t).toContain("系金额按显示位数舍入所致（尾差）");
  expect(t).toContain("工作表“公开03表” C10 单元格：报表数 585.44；计算数 585.45；差额 -0.01；允许误差 ±0.03（T03.1）");
  expect(t).toContain("请核实的事项（疑点，共 3 处）");
  expect(t).toContain("未能审核的事项（共 0 项）");
});

test("the broken figure: located, with the figure it should be, and its consequences tied to it", async () => {
  const t = await text(path.join(letters, "三门峡市行政审批和政务信息管理局2024年度决算审核意见书(2).docx"));
  const root = reports[1].findings.find((f) => f.severity === "error" && f.sheet === BROKEN_CELL.sheet && f.cell === BROKEN_CELL.cell)!;
  expect(t).toContain("工作表“公开03表” C10 单元格（公开03）");
  expect(suggestedCorrection(root)).toContain("印为 595.44，按勾稽关系推算应为 585.44");
  expect(t).toContain("整改建议：" + suggestedCorrection(root));
  const echoes = reports[1].findings.filter((f) => f.severity === "error" && f.causeRef && f.causeRef.cell === BROKEN_CELL.cell);
  expect(echoes.length).toBeGreaterThan(0);
  for (const e of echoes) expect(t).toContain(location(e));
  expect(t).toContain("的连带差异，该项更正后随之消除");
});

test("the corrupt file: a letter asking for the file again", async () => {
  const name = names.find((n) => n.indexOf(".审核意见书") > 0)!;
  const t = await text(path.join(letters, name));
  expect(t).toContain("该文件无法读取");
  expect(t).toContain("请核对文件后重新报送");
});

test("a correction is never invented: a 疑点 without the engine's suggestion asks to verify", () => {
  const hint: Finding = { rule: "X.13", severity: "warning", table: "公开06", sheet: "公开06表", cell: "C22", related: [], expected: "1.56", actual: "24.39", difference: "22.83", tolerance: null, message: "请核实科目归类" };
  expect(suggestedCorrection(hint)).toBeNull();
  const sum: Finding = { rule: "T03.1", severity: "error", table: "公开03", sheet: "公开03表", cell: "C7", related: [], expected: "2481.94", actual: "2491.93", difference: "-9.99", tolerance: "0.03", message: "合计不符" };
  expect(suggestedCorrection(sum)).toBe("按勾稽关系应为 2,481.94（现为 2,491.93）；如该数无误，请逐项核对参与计算的单元格");
  expect(location({ ...sum, page: 3 })).toBe("第 3 页（工作表“公开03表” C7 单元格）");
  expect(location({ ...sum, page: 3, location: "第 3 页 · 支出决算表 · 行 合计 · 列 本年支出合计" })).toBe("第 3 页 · 支出决算表 · 行 合计 · 列 本年支出合计");
});

test("a letter never overwrites an input", async () => {
  const dir = path.join(batch.dir, "同目录");
  fs.mkdirSync(dir);
  const input = path.join(dir, "三门峡市行政审批和政务信息管理局2024年度决算审核意见书.docx");
  fs.copyFileSync(batch.files[batch.sample], input);
  const before = fs.readFileSync(input);
  const r = await run(["--letter", dir, input]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/意见书.*与输入文件相同，未写入/);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
});

test("a 情况说明 checked alone: the letter says no table was sent, not that the nine are complete", () => {
  const blocks = letterBlocks({ department: "", year: "", fileName: "说明.txt", date: "2026-11-30", ok: true, tablesFound: 0, missing: [], summary: { checks: 3, passed: 3, errors: 0, warnings: 0, tails: 0, infos: 0, notChecked: 1 }, findings: [], notChecked: [], tool: "t" });
  const all = blocks.map((b) => b.text).join("\n");
  expect(all).toContain("本次只审核了情况说明文字，未报送报表");
  expect(all).not.toContain("九张报表齐全");
  expect(all).toContain("关于“说明.txt”部门决算公开材料的审核意见");
});
