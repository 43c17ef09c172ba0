/**
 * Narrative statements as data (issue 9 item 4): the statement tables run by the interpreter on the sample's
 * tables, and a new phrasing added as a data edit (docs/narrative-phrasing.md, "Adding a phrasing").
 * Sentences are written for this test; the figures are the sample workbook's.
 */
import { recognize } from "../../src/engine/recognize";
import { Checker } from "../../src/engine/narrative/checker";
import { paragraphs } from "../../src/engine/narrative/normalise";
import { findPerformance } from "../../src/engine/narrative/performance";
import { outline } from "../../src/engine/narrative/sections";
import { S1, S2 } from "../../src/engine/narrative/statements/income";
import { runTable } from "../../src/engine/narrative/statements/interpret";
import { StatementTable } from "../../src/engine/narrative/statements/model";
import { fill } from "../../src/engine/narrative/statements/fill";
import { AMT } from "../../src/engine/narrative/tokens";
import { loadSample } from "./helpers";

const tables = recognize(loadSample()).tables;

/** Run one statement table over the first section of `text`; rule | severity | actual | expected of each finding. */
function run(table: StatementTable, text: string): { found: string[]; checks: number; passed: number; marks: string[] } {
  const paras = paragraphs(text, 0, text.length, null);
  const ck = new Checker(text, tables);
  const c = { ck, shared: { changes: [], projectCount: 0 }, perf: findPerformance([]) };
  runTable(c, outline(paras).sections[0], table);
  return {
    found: ck.findings.map((f) => [f.rule, f.severity, f.actual, f.expected].join(" | ")),
    checks: ck.checks,
    passed: ck.passed,
    marks: ck.figures.map((m) => m.status + " " + m.rule),
  };
}

const HEAD = "一、收入支出决算总体情况说明\n";

test("the 一 table: 「收、支总计均为 A」 checks A against 公开01 收入总计 and 支出总计; a misstated total is caught", () => {
  const right = run(S1, HEAD + "2024 年度收、支总计均为 2481.93 万元。");
  expect(right.found).toEqual([]);
  expect([right.checks, right.passed]).toEqual([2, 2]);
  const wrong = run(S1, HEAD + "2024 年度收、支总计均为 2481.39 万元。");
  expect(wrong.found).toEqual(["N1 | error | 2481.39 | 2481.93", "N1 | error | 2481.39 | 2481.93"]);
});

test("the 二 table: each kind against its 公开02 cell and its share recomputed; a kind left out is reported", () => {
  const t = "二、收入决算情况说明\n本年收入合计 2481.93 万元，其中：财政拨款收入 2481.93 万元，占 100.00%。";
  expect(run(S2, t).found).toEqual([]);
  expect(run(S2, t.replace("占 100.00%", "占 99.00%")).found).toEqual(["N2 | error | 99 | 100.00", "N2 | error | 99 | 100"]);
});

test("adding a phrasing is a data edit: 「收入总额为 A」 bound to 公开01 收入总计", () => {
  // the new statement: a pattern, its figure, what the figure binds to; the rule is the table's (N1)
  const withGross: StatementTable = {
    ...S1,
    entries: [{ id: "gross", pattern: new RegExp("收入总额(?:为)?" + AMT), figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "收入总额", to: "收入总计" }] }, ...S1.entries],
  };
  const right = run(withGross, HEAD + "2024 年度收入总额为 2481.93 万元。");
  expect(right.found).toEqual([]);
  expect(right.marks).toEqual(["ok N1"]);
  // without the new row the sentence is not read at all
  expect(run(S1, HEAD + "2024 年度收入总额为 2481.39 万元。").checks).toBe(0);
  expect(run(withGross, HEAD + "2024 年度收入总额为 2481.39 万元。").found).toEqual(["N1 | error | 2481.39 | 2481.93"]);
});

test("a binding to another statement's figure and to a sum: 其中 parts of a stated total, by the one rounding core", () => {
  const parts: StatementTable = {
    sections: ["S1"],
    rule: "N1",
    cells: {},
    entries: [
      { id: "whole", pattern: new RegExp("支出总额" + AMT), figures: [{ name: "amount", num: 1, unit: 2 }], checks: [] },
      {
        id: "parts",
        pattern: new RegExp("其中甲" + AMT + "[,，]乙" + AMT),
        figures: [
          { name: "a", num: 1, unit: 2 },
          { name: "b", num: 3, unit: 4 },
        ],
        checks: [{ sum: "a", what: "支出总额应等于甲乙之和", total: { figure: "whole.amount", label: "支出总额" }, parts: [{ figure: "parts.a", label: "甲" }, { figure: "parts.b", label: "乙" }] }],
      },
    ],
  };
  expect(run(parts, HEAD + "支出总额 10.00 万元，其中甲 4.00 万元，乙 6.00 万元。").found).toEqual([]);
  // 4.00 + 6.01 = 10.01: within the rounding of three printed figures (±0.015), a 尾差
  expect(run(parts, HEAD + "支出总额 10.00 万元，其中甲 4.00 万元，乙 6.01 万元。").found).toEqual(["N1 | tail | 10 | 10.01"]);
  expect(run(parts, HEAD + "支出总额 10.00 万元，其中甲 4.00 万元，乙 6.50 万元。").found).toEqual(["N1 | error | 10 | 10.5"]);
  // a sum binding: 公开01 收入总计 + 支出总计 as one operand
  const sum: StatementTable = { ...S1, entries: [{ id: "both", pattern: new RegExp("两项合计" + AMT), figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "两项合计", to: { sum: ["收入总计", "支出总计"], label: "收入总计 + 支出总计" } }] }] };
  expect(run(sum, HEAD + "两项合计 4963.86 万元。").found).toEqual([]);
  expect(run(sum, HEAD + "两项合计 4963.68 万元。").found).toEqual(["N1 | error | 4963.68 | 4963.86"]);
});

test("templates: captures, item fields and named values; an unknown hole stays visible", () => {
  const m = /(收入)总计/.exec("收入总计") as RegExpExecArray;
  expect(fill("{1}总计 {item.col} {where} {nope}", m, { name: "x", col: "c2" }, { where: "说明一" })).toBe("收入总计 c2 说明一 {nope}");
});
