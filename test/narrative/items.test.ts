/**
 * Issue 8 §3, RULES.md §8.2.1: statements about one item bind to that item, never to the 合计; what cannot be
 * identified is 未审核. Every sentence here is written for the test (the sample's tables, our own wording in the
 * shapes seen in published documents); each check has a passing and a failing sentence.
 */
import * as XLSX from "@e965/xlsx";
import { analyseNarrative } from "../../src/engine/narrative";
import { recognize } from "../../src/engine/recognize";
import { auditWorkbook } from "../../src/engine";
import { Finding, WorkbookSnapshot } from "../../src/engine/types";
import { eachCell, loadSample, sampleSnapshot, snapshotOf } from "../fixtures/sample";

const sample = sampleSnapshot();
const rec = recognize(sample);

function run(text: string, snapshot: WorkbookSnapshot = sample) {
  const r = analyseNarrative(snapshot === sample ? rec : recognize(snapshot), snapshot, { narrative: text });
  // this text's own findings: not the workbook's 绩效 tables, not the coverage of a list the test keeps short
  const bad = r.findings.filter((f) => f.rule !== "N-SOURCE" && f.table === "情况说明" && !/未在具体情况中说明/.test(f.message));
  return { r, bad, sig: bad.map((f) => [f.rule, f.severity, String(f.actual), String(f.expected)].join(" | ")) };
}
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

const S5 = "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n";

describe("五(三) items bind to their 项", () => {
  const shanghai = (medical: string) =>
    S5 +
    "1.“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”585.44 万元，主要用于：日常运转。年初预算为 600.00 万元，支出决算为 585.44 万元，完成年初预算的 97.57%。决算数小于预算数的主要原因：人员减少。\n" +
    "“卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”" + medical + " 万元，主要用于：医疗缴费。年初预算为 30.00 万元，支出决算为 " + medical + " 万元，完成年初预算的 89.73%。决算数小于预算数的主要原因：基数调整。";

  test("the Shanghai form with quoted sub-items: each tied to its own row, none compared with the 合计", () => {
    const { bad, r } = run(shanghai("26.92"));
    expect(errors(bad)).toEqual([]);
    expect(bad.some((f) => f.expected === "2481.93")).toBe(false);
    expect(r.notChecked).toEqual([]);
  });

  test("a wrong item amount is an error against that 项 (26.92), not against the 合计", () => {
    const { bad } = run(shanghai("29.62"));
    const e = errors(bad);
    expect(e.map((f) => [f.rule, f.actual, f.expected].join(" | "))).toEqual(["N5d | 29.62 | 26.92", "N5d | 89.73 | 98.73"]);
    expect(e[0].related).toEqual(["'公开05表'!C21"]);
  });

  test("an item that cannot be identified is 未审核 with its reason; its rate is still checked in the text", () => {
    const ok = run(S5 + "2、卫生健康支出（类）专项业务活动（款）特别事项（项）12.34 万元。年初预算为 10.00 万元，支出决算为 12.34 万元，完成年初预算的 123.40%。决算数大于预算数的主要原因：追加任务。");
    expect(errors(ok.bad)).toEqual([]);
    // the item, and then whether the list covers every 项 (it cannot be told with an unknown item in it)
    expect(ok.r.notChecked.map((n) => [n.rule, n.reason].join(" "))).toEqual(["N5d 无法确定对应科目", "N5d 无法确定对应科目"]);
    expect(ok.r.notChecked[0].detail).toContain("特别事项");
    const bad = run(S5 + "2、卫生健康支出（类）专项业务活动（款）特别事项（项）12.34 万元。年初预算为 10.00 万元，支出决算为 12.34 万元，完成年初预算的 132.40%。决算数大于预算数的主要原因：追加任务。");
    expect(bad.sig).toContain("N5d | error | 132.4 | 123.40");
    expect(bad.bad.some((f) => f.expected === "2481.93")).toBe(false);
  });

  test("names that differ but an amount that is unique: a 疑点 about the names, never an error", () => {
    const { bad } = run(S5 + "3、卫生健康支出（类）医疗保障（款）单位医疗缴费（项）26.92 万元。年初预算为 26.92 万元，支出决算为 26.92 万元，完成年初预算的 100.00%。决算数等于预算数。");
    expect(errors(bad)).toEqual([]);
    expect(bad.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual(["N5d"]);
  });

  test("the amount after the head and the 支出决算 of the same statement must agree", () => {
    const { sig } = run(S5 + "4、住房保障支出（类）住房改革支出（款）住房公积金（项）36.91 万元。年初预算为 49.90 万元，支出决算为 39.61 万元。决算数小于预算数的主要原因：基数调整。");
    expect(sig).toContain("N5d | error | 36.91 | 39.61");
  });

  test("with no tables at all the statement is 未审核 (缺表) and the text is still checked", () => {
    const empty: WorkbookSnapshot = { sheets: [] };
    const ok = run(S5 + "1. 住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 40.00 万元，支出决算为 36.91 万元，完成年初预算的 92.28%。决算数小于预算数的主要原因：人员减少。", empty);
    expect(errors(ok.bad)).toEqual([]);
    expect(ok.r.notChecked.map((n) => n.reason)).toEqual(["缺表"]);
    const bad = run(S5 + "1. 住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 0 万元，支出决算为 36.91 万元，完成年初预算的 100.00%。决算数大于预算数的主要原因：追加。", empty);
    expect(bad.sig).toContain("N5d | error | 100 | null");
  });
});

test("五(一): the prior year stated outright must be the current amount ∓ the change; the rate is judged against it", () => {
  const text = (prior: string, pct: string) => "五、一般公共预算财政拨款支出决算情况说明\n（一）总体情况\n2024 年度一般公共预算财政拨款支出 2481.93 万元，上年为 " + prior + " 万元，比上年减少 1399.91 万元，下降 " + pct + "%。主要原因是项目减少。";
  expect(errors(run(text("3881.84", "36.06")).bad)).toEqual([]);
  expect(run(text("3881.48", "36.06")).sig).toContain("N5a | error | 2481.93 | 2481.57");
  expect(run(text("3881.84", "36.60")).sig).toContain("N5a | error | 36.6 | 36.06");
});

describe("三公: item rates and the change of the total", () => {
  const S9 = "七、财政拨款“三公”经费支出决算情况说明\n";
  const text = (rate: string, change: string, flat = "因公出国（境）费支出与 2023 年持平；公务用车购置及运行维护费支出与 2023 年持平；") =>
    S9 + "“三公”经费财政拨款支出年初预算为 0.20 万元，支出决算为 0.12 万元，其中：公务接待费支出决算为 0.12 万元，完成预算的 " + rate + "%。\n2024 年度“三公”经费支出决算数比 2023 年度减少 0.30 万元，下降 71.43%，其中：" + flat + "公务接待费支出决算减少 " + change + " 万元。";
  test("passing: 0.12 / 0.20 = 60.00 %; −0.30 = 0 + 0 − 0.30", () => {
    const { bad } = run(text("60.00", "0.30"));
    expect(errors(bad)).toEqual([]);
    expect(bad.filter((f) => f.rule === "N9a" || f.rule === "N9b")).toEqual([]);
  });
  test("failing: a wrong item rate; items' changes that do not add up to the total's", () => {
    expect(run(text("66.00", "0.30")).sig).toContain("N9b | error | 66 | 60.00");
    expect(run(text("60.00", "0.20")).sig).toContain("N9a | error | -0.3 | -0.2");
    // an item whose change is not stated at all: the difference is only a 疑点
    expect(run(text("60.00", "0.20", "")).sig).toContain("N9a | warning | -0.3 | -0.2");
  });
  test("the 批次/人次 disclosure in its regional phrasings", () => {
    const detail = (s: string) => S9 + "（二）具体情况\n3、公务接待费支出 0.12 万元。其中：国内公务接待支出 0.12 万元。" + s;
    const warned = (s: string) => run(detail(s)).bad.some((f) => f.rule === "N9c" && /批次和人次/.test(f.message));
    expect(warned("主要用于工作交流。")).toBe(true);
    expect(warned("主要用于工作交流，接待批次 2 次、接待 18 人次。")).toBe(false);
    expect(warned("主要用于工作交流，共 3 批次、27 人次。")).toBe(false);
  });
});

describe("八 政府性基金 against 公开07", () => {
  const wb = loadSample();
  const ws = wb.Sheets["公开07表"];
  XLSX.utils.sheet_add_aoa(
    ws,
    [
      ["合计", "", 0, 88.5, 88.5, 0, 88.5, 0],
      ["221", "住房保障支出", 0, 88.5, 88.5, 0, 88.5, 0],
      ["22198", "超长期特别国债安排的支出", 0, 88.5, 88.5, 0, 88.5, 0],
      ["2219899", "其他住房保障支出", 0, 88.5, 88.5, 0, 88.5, 0],
    ],
    { origin: "A7" },
  );
  eachCell(ws, (_a, cell) => {
    if (cell.t === "n") cell.z = "#,##0.00";
  });
  const snap = snapshotOf(wb);
  const S8 = (spent: string) =>
    "八、政府性基金预算财政拨款收入支出决算情况说明\n政府性基金预算财政拨款收入 88.50 万元，政府性基金预算财政拨款支出 88.50 万元。\n1、住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）。年初预算为 0.00 万元，支出决算为 " + spent + " 万元。决算数大于预算数的主要原因：新增项目。";
  test("passing: the totals and the item tie to 公开07", () => {
    const { bad, r } = run(S8("88.50"), snap);
    expect(errors(bad)).toEqual([]);
    expect(r.notChecked).toEqual([]);
    expect(r.passed).toBeGreaterThan(3);
  });
  test("failing: the item's 支出决算 differs from its 公开07 row", () => {
    expect(run(S8("95.80"), snap).sig).toContain("N7 | error | 95.8 | 88.5");
  });
  test("「无政府性基金预算财政拨款收入和支出」 holds for the empty table and not for a filled one", () => {
    const none = "八、政府性基金预算财政拨款收入支出决算情况说明\n本单位 2024 年度无政府性基金预算财政拨款收入和支出。";
    expect(run(none).bad.filter((f) => f.rule === "N7")).toEqual([]);
    expect(run(none, snap).bad.filter((f) => f.rule === "N7").map((f) => f.severity)).toEqual(["error"]);
  });
  test("a 合计 printed blank over non-zero parts: the stated total is 未审核, not compared with 0", () => {
    const wb2 = loadSample();
    const ws2 = wb2.Sheets["公开07表"];
    XLSX.utils.sheet_add_aoa(ws2, [["合计", "", null, null, null, null, null, null], ["221", "住房保障支出", 0, 88.5, 88.5, 0, 88.5, 0], ["22198", "超长期特别国债安排的支出", 0, 88.5, 88.5, 0, 88.5, 0], ["2219899", "其他住房保障支出", 0, 88.5, 88.5, 0, 88.5, 0]], { origin: "A7" });
    eachCell(ws2, (_a, cell) => {
      if (cell.t === "n") cell.z = "#,##0.00";
    });
    const { bad, r } = run("八、政府性基金预算财政拨款收入支出决算情况说明\n政府性基金预算财政拨款支出 88.50 万元。", snapshotOf(wb2));
    expect(bad.filter((f) => f.rule === "N7")).toEqual([]);
    expect(r.notChecked.map((n) => n.rule + " " + n.reason)).toEqual(["N7 缺合计行"]);
  });
});

describe("words, years and names", () => {
  const S1 = "一、收入支出决算总体情况说明\n";
  test("stray word pairs are 疑点; 「减少为 0.00 万元，与上年持平」 is a contradiction", () => {
    const word = (t: string) => run(S1 + t).bad.filter((f) => f.rule === "N-WORD").map((f) => f.severity + " " + f.message.slice(0, 12));
    expect(word("本年支出决算数大小于预算数，主要原因是调整。")).toEqual(["warning 用词有误：“大小于”前后"]);
    expect(word("本年支出比上年减增加 5.00 万元。")).toEqual(["warning 用词有误：“减增加”前后"]);
    expect(word("本年支出比上年增加 5.00 万元。")).toEqual([]);
    expect(run(S1 + "本年会议费减少为 0.00 万元，与上年持平。").bad.filter((f) => f.rule === "N-WORD").map((f) => f.severity)).toEqual(["error"]);
    expect(run(S1 + "本年会议费减少 2.00 万元；培训费与上年持平。").bad.filter((f) => f.rule === "N-WORD")).toEqual([]);
  });
  test("years of titles and 目录 equal the fiscal year; 「202 年度」 is a defect", () => {
    const doc = (title: string) => "某单位 " + title + " 部门决算\n" + S1 + "本单位收支说明如下。";
    expect(run(doc("2024 年度")).bad.filter((f) => f.rule === "N-YEAR")).toEqual([]);
    expect(run(doc("202 年度")).sig).toContain("N-YEAR | error | 202 | 2024");
    expect(run(doc("2023 年度")).sig).toContain("N-YEAR | error | 2023 | 2024");
  });
  test("a class name renamed before the document's year", () => {
    const text = (name: string) => S5.replace("（三）一般公共预算财政拨款支出决算具体情况\n", "（二）结构情况\n") + "主要用于：" + name + "（类）支出 10.00 万元。";
    const named = run(text("文化体育与传媒")).bad.filter((f) => f.rule === "N-NAME");
    expect(named.map((f) => f.severity)).toEqual(["warning"]);
    expect(named[0].message).toContain("应为“文化旅游体育与传媒支出”");
    expect(run(text("文化旅游体育与传媒")).bad.filter((f) => f.rule === "N-NAME")).toEqual([]);
  });
  test("a share written without % is reported and the class is still read", () => {
    const text = (share: string) => S5.replace("（三）一般公共预算财政拨款支出决算具体情况\n", "（二）结构情况\n") + "一般公共服务（类）支出 1290.77 万元，占 " + share + "。";
    const ok = run(text("52.01"));
    expect(ok.bad.filter((f) => f.rule === "N-PCT-UNIT").length).toBe(1);
    expect(ok.bad.filter((f) => f.rule === "N5b" && f.severity === "error" && f.actual === "52.01")).toEqual([]);
    expect(run(text("25.01")).sig).toContain("N5b | error | 25.01 | 52.01");
  });
});

test("a narrative figure is not blamed for a table's error: linked to it, at most a 疑点", () => {
  const wb = loadSample();
  // 公开05 2101101 行政单位医疗 misprinted; 公开03 and the text keep 26.92
  const ws = wb.Sheets["公开05表"];
  ws["C21"].v = 29.62;
  delete ws["C21"].w;
  const r = auditWorkbook(snapshotOf(wb));
  const table = r.findings.filter((f) => f.table === "公开05" && f.severity === "error");
  expect(table.length).toBeGreaterThan(0);
  const linked = r.findings.filter((f) => f.table === "情况说明" && (f.related || []).indexOf("'公开05表'!C21") >= 0 && f.actual === "26.92");
  expect(linked.length).toBe(1);
  expect(linked[0].severity).toBe("warning");
  expect(linked[0].cause).toMatch(/^T05\.\d '公开05表'!C\d+$/);
  expect(r.findings.filter((f) => f.table === "情况说明" && f.severity === "error").map((f) => f.rule).sort()).toEqual(auditWorkbook(sample).findings.filter((f) => f.table === "情况说明" && f.severity === "error").map((f) => f.rule).sort());
});
