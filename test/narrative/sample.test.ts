/**
 * The sample (RULES.md §6.2–6.3, issue 4 §4): exactly these narrative and 绩效 findings, nothing else an error,
 * and the table part untouched by the narrative checks.
 */
import { auditWorkbook } from "../../src/engine";
import { Finding } from "../../src/engine/types";
import { isNarrative, loadSample, sig } from "./helpers";

const snapshot = loadSample();
const result = auditWorkbook(snapshot);
const narrative = result.findings.filter(isNarrative);
const bySeverity = (s: string) => narrative.filter((f) => f.severity === s).map(sig);

test("errors: the zero denominators, the 98.83 % project rate, the 说明十三(一) denominator, 部门经费支出 执行数 0 vs 0.6", () => {
  expect(bySeverity("error")).toEqual([
    // 说明五(三) items 3, 7, 9: 完成年初预算的 100.00% over 年初预算 0 (E1–E3)
    "N5d | error | 情况说明!A19 | 100 | ",
    "N5d | error | 情况说明!A23 | 100 | ",
    "N5d | error | 情况说明!A25 | 100 | ",
    // 说明九(二): 出国 and 公车 完成预算的 0.00% over 预算 0, in the summary sentence and in the item paragraphs (E4, E5)
    "N9b | error | 情况说明!A36 | 0 | ",
    "N9b | error | 情况说明!A36 | 0 | ",
    "N9b | error | 情况说明!A37 | 0 | ",
    "N9b | error | 情况说明!A38 | 0 | ",
    // 说明十一: SME and micro shares of a 0 total (E6, E7)
    "N11 | error | 情况说明!A47 | 0 | ",
    "N11 | error | 情况说明!A47 | 0 | ",
    // 说明十三(一): 0 % of a 0 政府性基金 / 国有资本经营 project total (same zero-denominator rule)
    "N13a | error | 情况说明!A51 | 0 | ",
    "N13a | error | 情况说明!A51 | 0 | ",
    // 说明十三(一) 整体: 2481.93 / 项目支出 1851.44 = 134 %, not 100 % (E9)
    "N13b | error | 情况说明!A52 | 100 | 134",
    // 说明十三(二) 智慧城市: 870 / 885 = 98.31 %, text 98.83 % (E8)
    "N13c | error | 情况说明!A60 | 98.83 | 98.31",
    // 项目自评表 部门经费支出: 全年执行数 0 vs 系统查询 0.6 (E10)
    "P.2 | error | 项目支出绩效自评表!I12 | 0 | 0.6",
  ]);
});

test("the three 完成年初预算 rates that rounding explains are tails (46.11, 82.79, 73.98)", () => {
  expect(bySeverity("tail")).toEqual(["N5d | tail | 情况说明!A20 | 46.11 | 46.15", "N5d | tail | 情况说明!A21 | 82.79 | 82.78", "N5d | tail | 情况说明!A24 | 73.98 | 73.97"]);
});

test("no narrative warnings; presentation findings are infos", () => {
  expect(bySeverity("warning")).toEqual([]);
  expect(bySeverity("info")).toEqual([
    "N9b | info | 情况说明!A36 |  | ",
    "N10 | info | 情况说明!A45 |  | ",
    "N-PUNCT | info | 情况说明!A20 |  | ",
    "N-PUNCT | info | 情况说明!A38 |  | ",
    "P.11 | info | 情况说明!A57 |  | ",
    "P.11 | info | 情况说明!A57 |  | ",
    "P.11 | info | 情况说明!A64 |  | ",
    "P.11 | info | 情况说明!A65 |  | ",
    "P.11 | info | 情况说明!A68 |  | ",
  ]);
});

test("names and words stay in the message (the JSON contract keeps expected/actual decimal)", () => {
  const names = narrative.filter((f) => f.rule === "P.11").map((f) => f.message);
  expect(names[1]).toContain("12345 政府服务热线工作经费");
  expect(narrative.every((f) => [f.actual, f.expected, f.difference, f.tolerance].every((v) => v === null || /^-?\d+(\.\d+)?$/.test(v)))).toBe(true);
});

test("findings carry the text cell, the fragment as written, the cells checked against and one sentence naming both figures", () => {
  const e8 = narrative.filter((f) => f.rule === "N13c")[0];
  expect(e8.table).toBe("情况说明");
  expect(e8.sheet).toBe("情况说明");
  expect(e8.excerpt).toBe("全年预算数为 885 万元，执行数为 870 万元，完成预算的 98.83%");
  expect(e8.related).toEqual(["'项目支出绩效自评表'!I7", "'项目支出绩效自评表'!H7"]);
  expect(e8.message).toContain("98.83%");
  expect(e8.message).toContain("98.31%");
  expect(e8.difference).toBe("0.52");
  const e1 = narrative.filter((f) => f.cell === "A19" && f.severity === "error")[0];
  expect(e1.message).toContain("年初未安排预算");
  expect(e1.related).toEqual(["'公开05表'!C14"]);
  const tail = narrative.filter((f) => f.cell === "A20" && f.severity === "tail")[0];
  expect(tail.related).toEqual(["'公开05表'!C17"]);
  expect(tail.message).toMatch(/45\.9380%.*46\.3704%/);
  const e9 = narrative.filter((f) => f.rule === "N13b")[0];
  expect(e9.related).toEqual(["'公开05表'!E7"]);
  expect(e9.message).toContain("一般公共预算支出总额");
  const p2 = narrative.filter((f) => f.rule === "P.2")[0];
  expect(p2.table).toBe("绩效");
  expect(p2.related).toEqual(["'项目支出绩效自评表'!J12"]);
});

test("the narrative checks count: each figure checked is one check, ties pass", () => {
  const without = auditWorkbook({ sheets: snapshot.sheets.filter((s) => s.name !== "情况说明" && s.name !== "项目支出绩效自评表") });
  const added = result.summary.checks - without.summary.checks;
  const passed = result.summary.passed - without.summary.passed;
  expect(added).toBeGreaterThan(300);
  // every error or tail is a failed check; ties are passed checks without a finding
  expect(added - passed).toBeGreaterThanOrEqual(narrative.filter((f) => f.severity === "error" || f.severity === "tail").length);
  expect(added - passed).toBeLessThanOrEqual(narrative.length);
});

test("the table findings are the same with and without the narrative", () => {
  const tables = (fs: Finding[]) => fs.filter((f) => !isNarrative(f)).map(sig);
  const without = auditWorkbook({ sheets: snapshot.sheets.filter((s) => s.name !== "情况说明" && s.name !== "项目支出绩效自评表") });
  expect(tables(result.findings)).toEqual(tables(without.findings));
});

test("the narrative sheet is recognised by its content, not its name, and also when the whole text is one cell", () => {
  const renamed = { sheets: snapshot.sheets.map((s) => (s.name === "情况说明" ? { ...s, name: "Sheet11" } : s)) };
  const r1 = auditWorkbook(renamed).findings.filter(isNarrative).map((f) => sig(f).replace("Sheet11!", "情况说明!"));
  expect(r1).toEqual(narrative.map(sig));
  const src = snapshot.sheets.filter((s) => s.name === "情况说明")[0];
  const joined = src.text.map((r) => r[0]).join("\n");
  const one = { ...src, values: [[joined]], text: [[joined]], formats: [["General"]] };
  const r2 = auditWorkbook({ sheets: snapshot.sheets.map((s) => (s.name === "情况说明" ? one : s)) }).findings.filter(isNarrative);
  const strip = (f: Finding) => [f.rule, f.severity, f.actual, f.expected].join(" | ");
  expect(r2.map(strip)).toEqual(narrative.map(strip));
  expect(r2.filter((f) => f.table === "情况说明").every((f) => f.cell === "A1")).toBe(true);
});
