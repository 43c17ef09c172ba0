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
