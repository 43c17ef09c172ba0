/** The sample workbook: all nine tables found, exactly the 尾差 of RULES.md §6.1 rows 1–12, no table error. */
import { auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import { sampleSnapshot } from "../fixtures/sample";

const result = auditWorkbook(sampleSnapshot());
const tableFindings = result.findings.filter((f) => /^公开/.test(f.table || ""));
const row = (f: Finding) => [f.rule, f.sheet + "!" + f.cell, f.actual, f.expected, f.difference, f.tolerance, f.cause || ""].join(" ");

test("all nine tables are recognised where they are", () => {
  expect(result.missing).toEqual([]);
  expect(result.tables.map((t) => t.id + "@" + t.sheet + "!" + t.range)).toEqual([
    "公开01@公开01表!A1:F36",
    "公开02@公开02表!A1:I30",
    "公开03@公开03表!A1:H30",
    "公开04@公开04表!A1:I38",
    "公开05@公开05表!A1:E30",
    "公开06@公开06表!A1:I34",
    "公开07@公开07表!A1:H7",
    "公开08@公开08表!A1:E7",
    "公开09@公开09表!A1:L8",
  ]);
  expect(result.unit).toBe("万元");
});

test("exactly the twelve 尾差 of RULES.md §6.1, echoes linked to their root", () => {
  expect(tableFindings.filter((f) => f.severity === "tail").map(row)).toEqual([
    "T03.1 公开03表!C7 2481.93 2481.94 -0.01 0.03 T03.1 '公开03表'!C10",
    "T03.1 公开03表!C8 1290.77 1290.78 -0.01 0.03 T03.1 '公开03表'!C10",
    "T03.1 公开03表!C9 1290.77 1290.78 -0.01 0.03 T03.1 '公开03表'!C10",
    "T03.1 公开03表!C10 585.44 585.45 -0.01 0.03 ",
    "T05.1 公开05表!C7 2481.93 2481.94 -0.01 0.015 T05.1 '公开05表'!C10",
    "T05.1 公开05表!C8 1290.77 1290.78 -0.01 0.015 T05.1 '公开05表'!C10",
    "T05.1 公开05表!C9 1290.77 1290.78 -0.01 0.015 T05.1 '公开05表'!C10",
    "T05.1 公开05表!C10 585.44 585.45 -0.01 0.015 ",
    "T06.1 公开06表!C6 556.14 556.13 0.01 0.07 ",
    "T06.1 公开06表!F6 49.47 49.46 0.01 0.14 ",
    "T06.4 公开06表!C34 580.53 580.52 0.01 0.13 T06.1 '公开06表'!C6",
    "T06.4 公开06表!I34 49.97 49.96 0.01 0.255 T06.1 '公开06表'!F6",
  ]);
});

test("no table error; the 行政运行 hints and the blank 合计 of 公开07 are reported", () => {
  expect(tableFindings.filter((f) => f.severity === "error")).toEqual([]);
  expect(tableFindings.filter((f) => f.severity === "warning").map((f) => f.rule + " " + f.cell)).toEqual(["T03.6 E10", "T05.6 E10", "X.13 C22"]);
  expect(tableFindings.filter((f) => f.severity === "info").map((f) => f.rule + " " + f.cell)).toEqual(["T07.4 C7", "S.8 A1"]);
});

test("a 尾差 names both figures, the difference, the tolerance and the rule", () => {
  const f = tableFindings.find((x) => x.rule === "T03.1" && x.cell === "C10") as Finding;
  expect(f.message).toBe("公开03 2010301 行政运行：本年支出合计 585.44，基本支出 518.56 + 项目支出 66.89（其余 3 项为 0） = 585.45，差 -0.01，在四舍五入允许范围 ±0.03（非零项 ±0.015） 内，属尾差");
  expect(f.related).toEqual(["'公开03表'!D10", "'公开03表'!E10", "'公开03表'!F10", "'公开03表'!G10", "'公开03表'!H10"]);
});

test("the checks are counted: every evaluation once, passes and findings apart", () => {
  // 1,185 evaluations (tables and narrative: 691 on the tables, 481 in the 情况说明 including the in-text checks
  // NT.1–NT.8, which all pass on the sample, and 13 for the sections the template requires, CP.2, all present); the
  // 34 that did not pass are the checks behind the 不符, 疑点, 尾差
  // and S.8 above (the T03.6/T05.6/X.13 hints and the S.8 note count as checks that ended with a finding). A rule
  // that stopped running, or ran twice, changes these numbers. Nothing is 未审核 on the sample.
  expect(result.summary).toEqual({ checks: 1185, passed: 1151, errors: 14, warnings: 3, tails: 15, infos: 11, notChecked: 0 });
});
