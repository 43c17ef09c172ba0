/**
 * Three narrative fixes, each with a passing and a firing case, on the sample workbook (test/fixtures/sample.ts)
 * and sentences written for the test:
 * - a 三公 item's stated change rate is that item's own Δ / (本年 ∓ Δ); over a prior year of 0 it is UNDEFINED;
 * - a figure compared with a cell that S.10 found displaced is 未审核, not a finding of the text;
 * - a narrative 疑点 caused by a table error folds under that error's root.
 */
import { auditText, auditWorkbook } from "../../src/engine";
import { analyseNarrative } from "../../src/engine/narrative";
import { recognize } from "../../src/engine/recognize";
import { Finding } from "../../src/engine/types";
import * as F from "../fixtures/sample";
import { shiftAmounts } from "../fixtures/shift";

const sample = F.sampleSnapshot();
const rec = recognize(sample);
const narr = (fs: Finding[]) => fs.filter((f) => f.table === "情况说明" && f.rule !== "N-SOURCE");

describe("三公 item change rates (RULES.md §8.2.2)", () => {
  const S9 = "七、财政拨款“三公”经费支出决算情况说明\n";
  // our own figures: 公务用车 8.00 now, 2.00 less than 10.00 a year ago (20.00 %); 公务接待 0.50, all new
  const text = (carRate: string, reception: string) =>
    S9 +
    "“三公”经费财政拨款支出决算为 8.50 万元，其中：公务用车购置及运行维护费支出决算为 8.00 万元；公务接待费支出决算为 0.50 万元。\n" +
    "2024 年度“三公”经费支出决算数比 2023 年度减少 1.50 万元，下降 15.00%，其中：公务用车购置及运行维护费支出决算减少 2.00 万元，下降 " + carRate + "%；公务接待费支出决算增加 0.50 万元" + reception + "。";
  const run = (t: string) => {
    const r = analyseNarrative(rec, sample, { narrative: t });
    return narr(r.findings).filter((f) => f.rule === "N9a" && f.severity !== "warning");
  };

  test("passing: the item's own rate 2.00 / 10.00 = 20.00 %, and a new item stated without a rate", () => {
    expect(run(text("20.00", "，上年无此项支出"))).toEqual([]);
  });

  test("firing: the total's rate given for the item is an error; a growth rate over a prior year of 0 is UNDEFINED", () => {
    const bad = run(text("15.00", "，增长 100%"));
    expect(bad.map((f) => [f.severity, f.actual, f.expected])).toEqual([
      ["error", "15", "20.00"],
      ["error", "100", null],
    ]);
    expect(bad[1].message).toContain("为 0");
    expect(bad[1].message).toContain("比率无意义");
  });

  test("by interval: 20 % passes, 19.9 % is within the rounding of 2.00 and 10.00 (尾差), 19.5 % is an error", () => {
    expect(run(text("20", "，上年无此项支出"))).toEqual([]);
    expect(run(text("19.9", "，上年无此项支出")).map((f) => f.severity)).toEqual(["tail"]);
    expect(run(text("19.5", "，上年无此项支出")).map((f) => f.severity)).toEqual(["error"]);
  });
});

describe("a narrative figure compared with a displaced cell (S.10) is 未审核", () => {
  const wb = F.loadSample();
  shiftAmounts(wb, "公开05表", ["C", "D", "E"], 15, 30, 2);
  const r = auditWorkbook(F.snapshotOf(wb));
  const displaced = (c: string) => {
    const m = /^'公开05表'![CDE](\d+)$/.exec(c);
    return !!m && +m[1] >= 15;
  };

  test("passing: the sample has no S.10, so nothing is withdrawn", () => {
    const base = auditWorkbook(sample);
    expect(base.notChecked.filter((n) => /金额列错行/.test(n.detail))).toEqual([]);
  });

  test("firing: the 类 and 项 figures of 五 against displaced cells are 未审核 naming S.10, never 不符 or 疑点", () => {
    expect(r.findings.filter((f) => f.rule === "S.10").map((f) => f.sheet + "!" + f.cell)).toEqual(["公开05表!C15"]);
    const withdrawn = r.notChecked.filter((n) => n.table === "情况说明" && /金额列错行/.test(n.detail));
    expect(withdrawn.every((n) => n.reason === "其他" && n.detail.indexOf("S.10 '公开05表'!C15") >= 0)).toBe(true);
    expect(Array.from(new Set(withdrawn.map((n) => n.rule))).sort()).toEqual(["N5b", "N5d"]);
    expect(withdrawn.length).toBeGreaterThanOrEqual(5);
    const blamed = narr(r.findings).filter((f) => (f.severity === "error" || f.severity === "warning") && (f.related || []).some(displaced));
    expect(blamed.map((f) => f.rule + " " + f.message)).toEqual([]);
  });

  test("a narrative 疑点 on a cell whose table error follows from S.10 folds under S.10 itself, not under that error", () => {
    // N13b reads the 合计 项目支出 (E7, not displaced) whose T05.2 failure is a consequence of the shift
    const linked = narr(r.findings).filter((f) => f.cause);
    expect(linked.map((f) => f.rule + " " + f.severity + " " + (f.related || []).join(","))).toEqual(["N13b warning '公开05表'!E7"]);
    expect(linked.map((f) => f.cause)).toEqual(linked.map(() => "S.10 '公开05表'!C15"));
  });
});

describe("三公 item change rates in a text alone (no tables)", () => {
  const S9 = "七、财政拨款“三公”经费支出决算情况说明\n";
  const said = "2024 年度“三公”经费支出决算数比 2023 年度增加 0.40 万元，其中：公务接待费支出决算增加 0.40 万元，增长 100%。";
  test("firing: the text states the item's 决算 (0.40) and its increase (0.40): the prior year is 0, the rate UNDEFINED", () => {
    const r = auditText(S9 + "“三公”经费财政拨款支出决算为 0.40 万元，其中：公务接待费支出决算为 0.40 万元。\n" + said);
    expect(r.findings.filter((f) => f.rule === "N9a" && f.severity === "error").map((f) => f.actual)).toEqual(["100"]);
  });
  test("passing: without the item's 决算 in the text and without 公开09, the rate is 未审核, not a finding", () => {
    const r = auditText(S9 + said);
    expect(r.findings.filter((f) => f.rule === "N9a" && f.severity === "error")).toEqual([]);
    expect(r.notChecked.filter((n) => n.rule === "N9a").map((n) => n.reason)).toEqual(["缺表"]);
  });
});

describe("三公 item change rates against 公开09 when the text states no 决算 for the item", () => {
  // the sample's 公开09 公务接待费 决算 is 0.12 (L8): 减少 0.08 means a prior year of 0.20, 下降 40.00 %
  const text = (rate: string) => "七、财政拨款“三公”经费支出决算情况说明\n2024 年度“三公”经费支出决算数比 2023 年度减少 0.08 万元，其中：公务接待费支出决算减少 0.08 万元，下降 " + rate + "%。";
  const run = (t: string) => narr(analyseNarrative(rec, sample, { narrative: t }).findings).filter((f) => f.rule === "N9a" && f.severity === "error");
  test("passing: 0.08 / (0.12 + 0.08) = 40.00 %", () => {
    expect(run(text("40.00"))).toEqual([]);
  });
  test("firing: 50.00 % is an error against 公开09 L8", () => {
    expect(run(text("50.00")).map((f) => [f.actual, f.expected, (f.related || []).join(",")])).toEqual([["50", "40.00", "'公开09表'!L8"]]);
  });
});
