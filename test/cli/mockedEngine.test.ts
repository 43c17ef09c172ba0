/**
 * The CLI against a stand-in engine with known findings, so exit code 1, the text layout (grouping, severity order,
 * echoes under their cause) and --narrative (.txt, .docx, GBK) are checked exactly whatever the real engine finds.
 */
import * as fs from "fs";
import * as path from "path";
import type { AuditResult, Finding, NotChecked } from "../../src/engine/types";
import { Fixtures, makeFixtures, removeFixtures } from "../io/fixtures";
import { minimalDocx, run } from "./helpers";

const calls: { narrative?: string; sheets: number }[] = [];
let next: AuditResult;

// Only the audit is replaced; the rest of the entry (TABLE_IDS, address helpers) is the real one.
jest.mock("../../src/engine", () => ({
  ...jest.requireActual("../../src/engine"),
  auditWorkbook: (snapshot: { sheets: unknown[] }, options: { narrative?: string } = {}) => {
    calls.push({ narrative: options.narrative, sheets: snapshot.sheets.length });
    return next;
  },
}));

function fnd(p: Partial<Finding> & Pick<Finding, "rule" | "severity" | "message">): Finding {
  return {
    table: "公开03", sheet: "公开03表", cell: null, related: [], expected: null, actual: null, difference: null, tolerance: null,
    ...p,
  };
}

const FINDINGS: Finding[] = [
  fnd({ rule: "T03.1", severity: "tail", cell: "C7", expected: "2481.94", actual: "2481.93", difference: "-0.01", tolerance: "0.035", message: "合计尾差。", cause: "T03.1 '公开03表'!C10", causeRef: { rule: "T03.1", table: "公开03", sheet: "公开03表", cell: "C10" } }),
  fnd({ rule: "T03.1", severity: "tail", cell: "C10", expected: "585.45", actual: "585.44", difference: "-0.01", tolerance: "0.015", message: "行政运行 本年支出合计 585.44 ≠ 基本支出 518.56 + 项目支出 66.89 = 585.45。" }),
  fnd({ rule: "T03.6", severity: "warning", cell: "E10", message: "行政运行 列有项目支出 66.89。" }),
  fnd({ rule: "X.1", severity: "error", table: "公开01", sheet: "公开01表", cell: "B7", expected: "100.00", actual: "100.01", difference: "0.01", tolerance: null, message: "两表不一致。" }),
  fnd({ rule: "N.3", severity: "info", table: "情况说明", sheet: "情况说明", cell: "A3", expected: "46.15", actual: "46.11", difference: "-0.04", tolerance: "0.22", message: "比率尾差。", excerpt: "占 46.11%" }),
  fnd({ rule: "W.1", severity: "warning", table: null, sheet: "公开09表", cell: null, message: "工作簿级提示。" }),
];

function result(findings: Finding[]): AuditResult {
  const count = (s: string) => findings.filter((x) => x.severity === s).length;
  return {
    unit: "万元",
    tables: [{ id: "公开03", title: "支出决算表", sheet: "公开03表", range: "A1:H31" }],
    missing: ["公开07"],
    summary: { checks: 100, passed: 100 - findings.length, errors: count("error"), warnings: count("warning"), tails: count("tail"), infos: count("info"), notChecked: 0 },
    findings: findings,
    notChecked: [],
    tableStats: [],
  };
}

let f: Fixtures;
beforeAll(() => {
  f = makeFixtures();
});
afterAll(() => removeFixtures(f));
beforeEach(() => {
  calls.length = 0;
});

test("exit 1 when any finding is an error, 0 otherwise, 2 wins over 1", async () => {
  next = result(FINDINGS);
  expect((await run([f.sample])).code).toBe(1);
  expect((await run(["--format", "json", f.sample])).code).toBe(1);
  expect((await run([f.sample, f.missing])).code).toBe(2);
  next = result(FINDINGS.filter((x) => x.severity !== "error"));
  expect((await run([f.sample])).code).toBe(0);
});

test("text layout: tables in order, errors first, echo indented under its cause, summaries", async () => {
  next = result(FINDINGS);
  const r = await run([f.sample, f.sample]);
  const block = [
    "文件：" + f.sample + "（金额单位：万元）",
    "  识别到 1 张表：公开03（公开03表!A1:H31）",
    "  未找到：公开07",
    "  【公开01】",
    "    [不符] 公开01表!B7  报表数 100.01 / 计算数 100.00，差额 0.01  (X.1) 两表不一致。",
    "  【公开03】",
    "    [疑点] 公开03表!E10  (T03.6) 行政运行 列有项目支出 66.89。",
    "    [尾差] 公开03表!C10  报表数 585.44 / 计算数 585.45，差额 -0.01，允许误差 ±0.015  (T03.1) 行政运行 本年支出合计 585.44 ≠ 基本支出 518.56 + 项目支出 66.89 = 585.45。",
    "      └ [尾差] 公开03表!C7  报表数 2481.93 / 计算数 2481.94，差额 -0.01，允许误差 ±0.035  (T03.1) 合计尾差。",
    "  【情况说明】",
    "    [提示] 情况说明!A3  文中数 46.11 / 应为数 46.15，差额 -0.04，允许误差 ±0.22  (N.3) 比率尾差。",
    "        原文：“占 46.11%”",
    "  【工作簿】",
    "    [疑点] 公开09表  (W.1) 工作簿级提示。",
    "  小结：检查 100 项，通过 94 项，未审核 0 项；不符 1 项，疑点 2 项，尾差 2 项，提示 1 项",
  ].join("\n");
  expect(r.stdout).toBe(block + "\n\n" + block + "\n\n共审核 2 个文件：不符 2 项，疑点 4 项，尾差 4 项，提示 2 项\n");
});

test("未审核: one line per table and cause naming the rules it stopped, per-table counts, JSON v2 fields", async () => {
  const nc = (rule: string, table: string | null, reason: NotChecked["reason"], detail: string, cells: string[] = []): NotChecked => ({ rule, table, reason, detail, cells });
  next = {
    ...result([FINDINGS[2]]),
    summary: { checks: 10, passed: 9, errors: 0, warnings: 1, tails: 0, infos: 0, notChecked: 4 },
    notChecked: [
      nc("X.4", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：公开03 本年支出合计 = 公开01 本年支出合计", ["'公开01表'!F33"]),
      nc("N5", "情况说明", "无法确定对应科目", "“其他支出”未能对应到公开05 的项级科目"),
      nc("T03.2", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：合计 = 各类之和"),
      nc("T03.2", "公开03", "缺合计行", "公开03 未找到“合计”行，未能核对：合计 = 各类之和（项目支出栏）"),
    ],
    tableStats: [
      { table: "公开03", checks: 7, passed: 6, withFindings: 1, notChecked: 3 },
      { table: "情况说明", checks: 3, passed: 3, withFindings: 0, notChecked: 1 },
    ],
  };
  const r = await run([f.sample]);
  expect(r.stdout).toContain(
    [
      "  【未审核】（缺少运算数或无法确定取数，未作判断，也未计为通过）",
      "    公开03 [缺合计行] 公开03 未找到“合计”行：X.4、T03.2（3 项）",
      "    情况说明 [无法确定对应科目] “其他支出”未能对应到公开05 的项级科目：N5",
      "  【各表检查】",
      "    公开03  检查 7 项：通过 6，有结果 1，未审核 3",
      "    情况说明  检查 3 项：通过 3，有结果 0，未审核 1",
      "  小结：检查 10 项，通过 9 项，未审核 4 项；不符 0 项，疑点 1 项，尾差 0 项，提示 0 项",
    ].join("\n"),
  );
  expect(r.stdout).toContain("；未审核 4 项\n");
  const doc = JSON.parse((await run(["--format", "json", f.sample])).stdout);
  expect(doc.schemaVersion).toBe(2);
  expect(doc.reports[0].summary.notChecked).toBe(4);
  expect(doc.reports[0].notChecked[0]).toEqual({ rule: "X.4", table: "公开03", reason: "缺合计行", detail: "公开03 未找到“合计”行，未能核对：公开03 本年支出合计 = 公开01 本年支出合计", cells: ["'公开01表'!F33"] });
  expect(doc.reports[0].tableStats[1]).toEqual({ table: "情况说明", checks: 3, passed: 3, withFindings: 0, notChecked: 1 });
});

test("an echo whose cause is not among the findings stays in its table", async () => {
  next = result([FINDINGS[0]]);
  const r = await run([f.sample]);
  expect(r.stdout).toContain("    [尾差] 公开03表!C7  报表数 2481.93 / 计算数 2481.94，差额 -0.01，允许误差 ±0.035  (T03.1) 合计尾差。（随 T03.1 '公开03表'!C10）\n");
  expect(r.stdout).not.toContain("└");
});

test("JSON keeps the engine's findings in schema order, drops unknown fields", async () => {
  const extra = { ...FINDINGS[1], internal: 42 } as Finding;
  next = result([extra]);
  const doc = JSON.parse((await run(["--format", "json", f.sample])).stdout);
  const rep = doc.reports[0];
  expect(Object.keys(rep)).toEqual(["file", "ok", "unit", "tables", "missing", "summary", "findings", "notChecked", "tableStats"]);
  expect(Object.keys(rep.findings[0])).toEqual(["rule", "severity", "table", "sheet", "cell", "related", "expected", "actual", "difference", "tolerance", "message"]);
  const failed = JSON.parse((await run(["--format", "json", f.missing])).stdout).reports[0];
  expect(Object.keys(failed)).toEqual(["file", "ok", "error", "tables", "missing", "summary", "findings", "notChecked", "tableStats"]);
});

test("a text comparison (non-decimal expected/actual) is null in JSON, shown as is in text", async () => {
  next = result([fnd({ rule: "N-PUNCT", severity: "info", table: "情况说明", sheet: "情况说明", cell: "A20", expected: "决算数", actual: "决算书", message: "疑为笔误。" })]);
  const json = JSON.parse((await run(["--format", "json", f.sample])).stdout).reports[0].findings[0];
  expect([json.expected, json.actual, json.difference, json.tolerance]).toEqual([null, null, null, null]);
  expect((await run([f.sample])).stdout).toContain("[提示] 情况说明!A20  文中数 决算书 / 应为数 决算数  (N-PUNCT) 疑为笔误。");
});

test("--narrative .txt (UTF-8 with BOM, and GBK) and .docx reach the engine as text", async () => {
  next = result([]);
  const txt = path.join(f.dir, "情况说明 2024.txt");
  fs.writeFileSync(txt, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("收、支总计均为 2481.93 万元。", "utf8")]));
  await run(["--narrative", txt, f.sample, f.xlsxAsXls]);
  expect(calls).toEqual([
    { narrative: "收、支总计均为 2481.93 万元。", sheets: 11 },
    { narrative: "收、支总计均为 2481.93 万元。", sheets: 11 },
  ]);
  calls.length = 0;
  // "万元" in GBK: C8 F2 D4 AA.
  const gbk = path.join(f.dir, "gbk.txt");
  fs.writeFileSync(gbk, Buffer.concat([Buffer.from("2481.93 "), Buffer.from([0xcd, 0xf2, 0xd4, 0xaa])]));
  await run(["--narrative", gbk, f.sample]);
  expect(calls[0].narrative).toBe("2481.93 万元");
  calls.length = 0;
  const docx = path.join(f.dir, "情况说明.docx");
  fs.writeFileSync(docx, minimalDocx(["一、收入支出决算总体情况说明", "2024 年度收、支总计均为 2481.93 万元。"]));
  const r = await run(["--narrative", docx, f.sample]);
  expect(r.code).toBe(0);
  expect(calls[0].narrative).toBe("一、收入支出决算总体情况说明\n\n2024 年度收、支总计均为 2481.93 万元。\n\n");
  calls.length = 0;
  await run([f.sample]);
  expect(calls[0].narrative).toBeUndefined();
});

test("an engine failure (bad result) is reported as an internal error for that file", async () => {
  const boom: AuditResult = null as unknown as AuditResult;
  next = boom;
  const r = await run(["--format", "json", f.sample]);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.stdout).reports[0].error).toMatch(/^审核过程中发生内部错误/);
});

test("progress on stderr only for more than 20 files and a terminal", async () => {
  next = result([]);
  const files = Array.from({ length: 21 }, () => f.sample);
  const tty = await run(["--format", "json", ...files], true);
  expect(tty.stderr).toContain("正在审核 21/21");
  expect(JSON.parse(tty.stdout).reports.length).toBe(21);
  const piped = await run(["--format", "json", ...files], false);
  expect(piped.stderr).toBe("");
  const few = await run(["--format", "json", ...files.slice(0, 20)], true);
  expect(few.stderr).toBe("");
});
