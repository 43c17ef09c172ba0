/**
 * The statement tables of sections 七/八 and 十–十三 (issue 9 item 1), run on the sample's tables with sentences
 * written for this test: each read and passed, and a misstated figure caught.
 */
import { recognize } from "../../src/engine/recognize";
import { Checker } from "../../src/engine/narrative/checker";
import { paragraphs } from "../../src/engine/narrative/normalise";
import { findPerformance } from "../../src/engine/narrative/performance";
import { outline } from "../../src/engine/narrative/sections";
import { runTable } from "../../src/engine/narrative/statements/interpret";
import { StatementTable } from "../../src/engine/narrative/statements/model";
import { S10 } from "../../src/engine/narrative/statements/others";
import { fundTable } from "../../src/engine/narrative/statements/funds";
import { S13 } from "../../src/engine/narrative/statements/performance";
import { S5 } from "../../src/engine/narrative/statements/general";
import { Decimal } from "../../src/engine/decimal";
import { loadSample } from "./helpers";

const tables = recognize(loadSample()).tables;

export function run(table: StatementTable, text: string, fiscalYear = 2024) {
  const paras = paragraphs(text, 0, text.length, null);
  const ck = new Checker(text, tables);
  runTable({ ck, shared: { changes: [], projectCount: 0, fiscalYear }, perf: findPerformance([]) }, outline(paras).sections[0], table);
  return {
    found: ck.findings.map((f) => [f.rule, f.severity, f.actual, f.expected].join(" | ")),
    messages: ck.findings.map((f) => f.message),
    unchecked: ck.notChecked.map((n) => n.rule + " " + n.reason),
    checks: [ck.checks, ck.passed],
  };
}

const H10 = "十、机关运行经费支出说明\n";

describe("十 机关运行经费 (N10): at most 公开06 公用经费合计 49.97, normally equal", () => {
  test("equal: passes", () => {
    const r = run(S10, H10 + "本部门 2024 年度机关运行经费支出 49.97 万元。");
    expect(r.found).toEqual([]);
    expect(r.checks).toEqual([1, 1]);
  });
  test("less: a 疑点; more: an error", () => {
    expect(run(S10, H10 + "本部门 2024 年度机关运行经费支出 45.00 万元。").found).toEqual(["N10 | warning | 45 | 49.97"]);
    const more = run(S10, H10 + "本部门 2024 年度机关运行经费支出 52.00 万元。");
    expect(more.found).toEqual(["N10 | error | 52 | 49.97"]);
    expect(more.messages).toEqual(["说明十：机关运行经费 52.00万元 大于公开06 公用经费合计 49.97 万元，机关运行经费不应超过公用经费"]);
  });
  test("the heading's 机构 against the text's 机关: one wording note, before the comparison", () => {
    const r = run(S10, "十、机构运行经费支出说明\n本部门 2024 年度机关运行经费支出 49.97 万元。");
    expect(r.found).toEqual(["N10 | info |  | "]);
    expect(r.checks).toEqual([1, 1]);
  });
});

const H7 = "七、政府性基金预算财政拨款收入支出决算情况说明\n";

describe("七 政府性基金 (N7): stated totals against 公开07's 合计 row (printed blank in the sample)", () => {
  const t07 = fundTable(true, tables["公开07"]);
  test("0.00 against the blank 合计 (read as 0): passes; 「无…收入和支出」 with an empty table passes", () => {
    const r = run(t07, H7 + "本年政府性基金预算财政拨款支出为 0.00 万元。本单位无政府性基金预算财政拨款收入和支出。");
    expect(r.found).toEqual([]);
    expect(r.checks).toEqual([2, 2]);
  });
  test("5.00 against the blank 合计: 未审核 (the blank 合计 is the table's own finding), never compared with 0", () => {
    const r = run(t07, H7 + "本年政府性基金预算财政拨款支出为 5.00 万元。");
    expect(r.found).toEqual([]);
    expect(r.unchecked).toEqual(["N7 缺合计行"]);
  });
  test("the stated 5.00 against a 合计 of 6.00: caught", () => {
    const t = { ...tables["公开07"]! };
    t.rows = t.rows.map((r) => (r.key === "合计" ? { ...r, cells: { ...r.cells, c3: { ...r.cells.c3, state: "number" as const, value: new Decimal("6.00"), dp: 2, text: "6.00" } } } : r));
    const text = H7 + "本年政府性基金预算财政拨款支出为 5.00 万元。";
    const paras = paragraphs(text, 0, text.length, null);
    const c = new Checker(text, { ...tables, 公开07: t });
    runTable({ ck: c, shared: { changes: [], projectCount: 0 }, perf: findPerformance([]) }, outline(paras).sections[0], fundTable(true, t));
    expect(c.findings.map((f) => [f.rule, f.severity, f.actual, f.expected].join(" | "))).toEqual(["N7 | error | 5 | 6"]);
  });
});

const H13 = "十三、预算绩效情况说明\n（一）绩效评价工作开展情况。\n";
const whole = (share: string) => H13 + "本部门对 1 个单位开展了整体支出绩效评价，涉及资金 2481.93 万元，占" + share + "的 100%。";

describe("十三 绩效 (N13b): the money of the 整体支出绩效评价 and its share of the total the text names", () => {
  test("of the 一般公共预算 spending (公开05 2481.93): passes", () => {
    const r = run(S13, whole("一般公共预算支出总额"));
    expect(r.found).toEqual([]);
    expect(r.checks).toEqual([2, 2]);
  });
  test("of the 项目支出 (1851.44): the share is wrong, and the total that gives 100 % is named", () => {
    const r = run(S13, whole("一般公共预算项目支出总额"));
    expect(r.found).toEqual(["N13b | error | 100 | 134"]);
    expect(r.messages[0]).toContain("句中分母应改为“一般公共预算支出总额”");
  });
  test("of a total no table has: the share is 未审核 (无法确定对应科目), the amount still checked", () => {
    const r = run(S13, whole("部门预算总额"));
    expect(r.found).toEqual([]);
    expect(r.unchecked).toEqual(["N13b 无法确定对应科目"]);
    expect(r.checks).toEqual([1, 1]);
  });
});

const H5 = "五、一般公共预算财政拨款支出决算情况说明\n（一）总体情况\n";

describe("五 (N5a): the stated total against 公开05 (2481.93) and its share of 公开03's 本年支出合计", () => {
  test("read and passed; a misstated share caught", () => {
    const r = run(S5, H5 + "本年度一般公共预算财政拨款支出 2481.93 万元，占本年支出合计的 100.00%。");
    expect(r.found).toEqual([]);
    expect(r.checks).toEqual([2, 2]);
    const wrong = run(S5, H5 + "本年度一般公共预算财政拨款支出 2481.93 万元，占本年支出合计的 99.00%。");
    expect(wrong.found).toEqual(["N5a | error | 99 | 100.00"]);
  });
  test("a misstated amount is caught against 公开05", () => {
    expect(run(S5, H5 + "本年度一般公共预算财政拨款支出 2418.93 万元。").found).toEqual(["N5a | error | 2418.93 | 2481.93"]);
  });
});
