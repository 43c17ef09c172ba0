/**
 * The --narrative / pasted-text route: the published document as text (examples/…final-accounts.txt) gives the
 * same 情况说明 findings as the workbook sheet for the sections both contain, and adds what only the document
 * has: the 目录 check and the 整体绩效自评报告 with its 部门整体支出绩效自评表 (P.6, P.9, P.10).
 */
import { auditWorkbook } from "../../src/engine";
import { analyseNarrative, markNarrative, narrativeText } from "../../src/engine/narrative";
import { recognize } from "../../src/engine/recognize";
import { Finding } from "../../src/engine/types";
import { isNarrative, loadSample, sampleText, sig } from "./helpers";

const snapshot = loadSample();
const text = sampleText();
const fromSheet = auditWorkbook(snapshot).findings.filter(isNarrative);
const fromText = auditWorkbook(snapshot, { narrative: text }).findings.filter(isNarrative);
const core = (f: Finding) => [f.rule, f.severity, f.actual, f.expected].join(" | ");
const textOnly = /^(N-SOURCE|N-TOC|P\.[5-9]|P\.10)$/;

test("same 情况说明 findings as the sheet route (rule, severity, actual, expected)", () => {
  const a = fromSheet.filter((f) => f.table === "情况说明" || f.rule === "P.11").map(core);
  const b = fromText.filter((f) => (f.table === "情况说明" || f.rule === "P.11") && !textOnly.test(f.rule)).map(core);
  expect(b).toEqual(a);
});

test("external findings point at the external text, with the fragment as written (soft line breaks kept)", () => {
  const b = fromText.filter((f) => f.table === "情况说明" && f.rule !== "N-SOURCE");
  expect(b.every((f) => f.sheet === "情况说明（外部文本）" && f.cell === null)).toBe(true);
  const tail = b.filter((f) => f.actual === "46.11")[0];
  expect(tail.excerpt).toBe("年初预算为 3.38 万元，支出决算为 1.56 万元，\n\n完成年初预算的 46.11%");
  expect(text.indexOf(tail.excerpt as string)).toBeGreaterThan(0);
});

test("the replaced source is said in an info finding", () => {
  const src = fromText.filter((f) => f.rule === "N-SOURCE");
  expect(src.length).toBe(1);
  expect(src[0].severity).toBe("info");
  expect(src[0].message).toContain("代替工作簿“情况说明”");
});

test("what only the document has: 目录 title, 三级指标 counts (E11, E12), 预算执行 score (E13), 预算调整率 (E14), 三公 控制率 (H7)", () => {
  const only = fromText.filter((f) => textOnly.test(f.rule) && f.rule !== "N-SOURCE").map(sig);
  expect(only).toEqual([
    "N-TOC | info | 情况说明（外部文本）!null |  | ",
    "P.9 | warning | 情况说明（外部文本）!null | 5.56 | 5.01",
    "P.10 | warning | 情况说明（外部文本）!null | 100 | 398.83",
    "P.10 | info | 情况说明（外部文本）!null | 100 | 60.00",
    "P.6 | error | 情况说明（外部文本）!null | 5 | 4",
    "P.6 | error | 情况说明（外部文本）!null | 3 | 4",
  ]);
});

test("the 部门整体表 and 一级指标 figures that tie are checked, and a changed one is reported (P.5, P.7, P.8)", () => {
  const rec = recognize(snapshot);
  const base = analyseNarrative(rec, snapshot, { narrative: text });
  const changes: [string, string, string][] = [
    ["投入管理指标\t30\t28\t93.33%", "投入管理指标\t30\t28\t93.43%", "P.5"],
    ["合计\t100\t93.56\t93.56%", "合计\t100\t93.66\t93.56%", "P.5"],
    ["部门预算总额\t993.64\t4956.59\t2481.93\t10\t50.07%", "部门预算总额\t993.65\t4956.59\t2481.93\t10\t50.07%", "P.8"],
    ["部门预算总额\t993.64\t4956.59\t2481.93\t10\t50.07%", "部门预算总额\t993.64\t4956.59\t2481.92\t10\t50.07%", "P.8"],
    ["部门预算总额\t993.64\t4956.59\t2481.93\t10\t50.07%", "部门预算总额\t993.64\t4956.59\t2481.93\t10\t50.17%", "P.8"],
    ["≤20%\t49.93%\t1\t0\t149.65", "≤20%\t49.93%\t1\t0\t149.85", "P.7"],
    ["我部门年初预算数 993.64 万元", "我部门年初预算数 993.65 万元", "P.8"],
    ["实际预算数 4956.59 万元", "实际预算数 4956.58 万元", "P.8"],
    ["2024 年实际执行 2481.93 万元", "2024 年实际执行 2481.94 万元", "P.8"],
    ["执行率 50.07%", "执行率 50.12%", "P.8"],
  ];
  for (const [from, to, rule] of changes) {
    expect(text.indexOf(from)).toBeGreaterThan(0);
    const r = analyseNarrative(rec, snapshot, { narrative: text.replace(from, to) });
    expect(r.findings.filter((f) => f.rule === rule).length).toBeGreaterThan(base.findings.filter((f) => f.rule === rule).length);
  }
});

test("narrativeText returns the text used; markNarrative offsets point into it", () => {
  const rec = recognize(snapshot);
  const t = narrativeText(rec, snapshot, { narrative: text });
  expect(t.source).toBe("external");
  expect(t.text).toBe(text);
  const r = analyseNarrative(rec, snapshot, { narrative: text });
  const spans = markNarrative(r);
  const e8 = spans.filter((s) => text.slice(s.start, s.end) === "98.83%");
  expect(e8.length).toBe(1);
  expect(e8[0].status).toBe("error");
});
