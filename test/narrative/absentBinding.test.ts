/**
 * Statement tables and absent bindings (issue 9, RULES.md §0.3): a statement whose figure is bound to a table or
 * cell that is absent ends as 未审核 with its reason, never silently skipped and never compared with 0. The sample
 * with one table removed: the statements bound to it are 未审核, nothing else of the 情况说明 changes.
 */
import { runAudit } from "../../src/engine/audit";
import { recognize } from "../../src/engine/recognize";
import { Checker } from "../../src/engine/narrative/checker";
import { paragraphs } from "../../src/engine/narrative/normalise";
import { findPerformance } from "../../src/engine/narrative/performance";
import { outline } from "../../src/engine/narrative/sections";
import { runTable } from "../../src/engine/narrative/statements/interpret";
import { StatementTable } from "../../src/engine/narrative/statements/model";
import { S6 } from "../../src/engine/narrative/statements/basic";
import { AMT } from "../../src/engine/narrative/tokens";
import { Finding } from "../../src/engine/types";
import { sampleSnapshot } from "../fixtures/sample";
import { loadSample } from "./helpers";

const sample = sampleSnapshot();
const base = runAudit(sample);
const sig = (f: Finding) => [f.rule, f.severity, f.cell, f.actual, f.expected, f.message].join(" | ");
const textFindings = (fs: Finding[]) => fs.filter((f) => f.table === "情况说明").map(sig);

function without(sheet: string) {
  return runAudit({ ...sample, sheets: sample.sheets.filter((s) => s.name !== sheet) });
}

test("the sample without 公开02: the 说明二 statements are 未审核 (缺表), the rest of the 情况说明 unchanged", () => {
  const v = without("公开02表");
  expect(textFindings(v.findings)).toEqual(textFindings(base.findings));
  expect(v.notChecked.filter((n) => n.table === "情况说明").map((n) => n.rule + " " + n.reason + " " + n.detail)).toEqual([
    "N2 缺表 说明二：未找到公开02，文中收入合计 2481.93万元 未与表核对",
    "N2 缺表 说明二：未找到公开02，文中财政拨款收入 2481.93万元 未与表核对",
    "N2 缺表 说明二：未找到公开02，文中财政拨款收入占 100.00% 未与表核对",
    "N2 缺表 说明二：未找到公开02，各项是否都已说明未与表核对",
  ]);
  // the sample itself has no 未审核
  expect(base.notChecked).toEqual([]);
});

test("the sample without 公开06: 人员经费 and 公用经费 of 说明六 and 说明十's 机关运行经费 are 未审核, 基本支出 (公开05) is still checked", () => {
  const v = without("公开06表");
  expect(textFindings(v.findings)).toEqual(textFindings(base.findings));
  expect(v.notChecked.filter((n) => n.table === "情况说明").map((n) => n.rule + " " + n.reason + " " + n.detail)).toEqual([
    "N6 缺表 说明六：未找到公开06，文中人员经费 580.53万元 未与表核对",
    "N6 缺表 说明六：未找到公开06，文中公用经费 49.97万元 未与表核对",
    // 十 is a statement table since issue 9: its comparison with 公用经费合计 was skipped silently before
    "N10 缺表 说明十：未找到公开06，文中机关运行经费 49.97万元 未与表核对",
  ]);
  const stat = (r: typeof base) => r.tableStats.filter((s) => s.table === "情况说明")[0];
  expect(stat(v).notChecked).toBe(3);
  expect(stat(v).checks - stat(v).passed).toBe(stat(base).checks - stat(base).passed);
});

/** Run a table over a text against the sample's tables (or a subset); findings, 未审核 and check counts. */
function run(table: StatementTable, text: string, tables = recognize(loadSample()).tables) {
  const paras = paragraphs(text, 0, text.length, null);
  const ck = new Checker(text, tables);
  runTable({ ck, shared: { changes: [], projectCount: 0 }, perf: findPerformance([]) }, outline(paras).sections[0], table);
  return { found: ck.findings.map((f) => [f.rule, f.severity, f.actual, f.expected].join(" | ")), unchecked: ck.notChecked.map((n) => n.reason + " " + n.detail), checks: ck.checks };
}

const S6HEAD = "六、一般公共预算财政拨款基本支出决算情况说明\n";

test("a row, a column or a text cell that is absent: 缺行, 缺栏, 取数不足, each named; never compared with 0", () => {
  const t = S6HEAD + "其中：人员经费 580.53 万元。";
  const at = (key: string, col: string): StatementTable => ({ ...S6, cells: { ...S6.cells, 人员经费: ["公开06", key, col, "人员经费合计"] } });
  expect(run(at("P.total", "amt"), t)).toEqual({ found: [], unchecked: [], checks: 1 });
  expect(run(at("P.none", "amt"), t)).toEqual({ found: [], unchecked: ["缺行 说明六：公开06 中没有人员经费合计所在的行，文中人员经费 580.53万元 未与表核对"], checks: 0 });
  expect(run(at("P.total", "c99"), t)).toEqual({ found: [], unchecked: ["缺栏 说明六：公开06 中没有人员经费合计所在的栏，文中人员经费 580.53万元 未与表核对"], checks: 0 });
  // a cell that holds text (取数不足) names its address
  const tables = recognize(loadSample()).tables;
  const t06 = tables["公开06"]!;
  const row = t06.rows.filter((r) => r.key === "P.total")[0];
  const cell = row.cells.amt;
  const textCell = { ...cell, state: "text" as const, value: null };
  const tablesWithText = { ...tables, 公开06: { ...t06, rows: t06.rows.map((r) => (r === row ? { ...r, cells: { ...r.cells, amt: textCell } } : r)) } };
  const r = run(at("P.total", "amt"), t, tablesWithText as typeof tables);
  expect(r.found).toEqual([]);
  expect(r.unchecked).toEqual(["取数不足 说明六：公开06 人员经费合计（'" + cell.sheet + "'!" + cell.addr + "）不是数字，文中人员经费 580.53万元 未与表核对"]);
});

test("a ratio with one operand absent is 未审核, not a ratio over 0; a wrong figure with its operands present is still caught", () => {
  const table: StatementTable = {
    sections: ["S6"],
    rule: "N6",
    cells: { 人员经费: ["公开06", "P.total", "amt", "人员经费合计"], 基本支出: ["公开05", "合计", "c2", "合计 基本支出"] },
    entries: [
      {
        id: "share",
        pattern: new RegExp("人员经费" + AMT + "[，,]占基本支出的(\\d+(?:\\.\\d+)?)%"),
        figures: [{ name: "share", num: 3, unit: "%" }],
        checks: [{ ratio: "share", what: "人员经费占基本支出的", num: "人员经费", den: "基本支出", zero: "基本支出为 0" }],
      },
    ],
  };
  const all = recognize(loadSample()).tables;
  // 580.53 / 630.50 = 92.07 %
  const t = S6HEAD + "人员经费 580.53 万元，占基本支出的 92.07%。";
  expect(run(table, t).found).toEqual([]);
  expect(run(table, t.replace("92.07%", "93.07%")).found).toEqual(["N6 | error | 93.07 | 92.07"]);
  const no05 = { ...all };
  delete no05["公开05"];
  expect(run(table, t.replace("92.07%", "93.07%"), no05)).toEqual({ found: [], unchecked: ["缺表 说明六：未找到公开05，文中人员经费占基本支出的 93.07% 未与表核对"], checks: 0 });
});
