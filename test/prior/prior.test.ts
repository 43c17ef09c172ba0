/**
 * Issue 12 items 1 and 2: this year's 情况说明 against last year's document (src/engine/prior/).
 * Last year's document is the "2023" workbook built from the sample's own statements about the prior year
 * (fixture.ts); one figure perturbed must be caught with both documents' figures and places.
 */
import { auditWithPrevious, auditWorkbook } from "../../src/engine";
import { carriedShare, pairDocuments } from "../../src/engine/prior";
import { paragraphs } from "../../src/engine/narrative/normalise";
import { outline } from "../../src/engine/narrative/sections";
import { sampleSnapshot } from "../fixtures/sample";
import { previousYear } from "./fixture";
import * as XLSX from "@e965/xlsx";

const PY = /^PY\.[125]$/;
const withPrevious = (edit?: (wb: XLSX.WorkBook) => void) => auditWithPrevious(sampleSnapshot(), { previous: { snapshot: previousYear(edit), name: "2023.xlsx" } });

test("the unperturbed pair: every 上年 figure of the text agrees with the 2023 tables, nothing 未审核, the rest unchanged", () => {
  const alone = auditWorkbook(sampleSnapshot());
  const r = withPrevious();
  expect(r.findings.filter((f) => PY.test(f.rule))).toEqual([]);
  expect(r.notChecked.filter((n) => /^PY/.test(n.rule))).toEqual([]);
  // the sample's own findings are untouched; the text is last year's apart from the figures (PY.3, a 提示)
  expect(r.findings.filter((f) => !/^PY/.test(f.rule))).toEqual(alone.findings);
  expect(r.findings.filter((f) => f.rule === "PY.3").map((f) => /占本年情况说明的 ([\d.]+%)/.exec(f.message)![1])).toEqual(["100.00%"]);
  // 一 (收入总计, 支出总计), 四 (two), 五 (one), 十 (one) = 6 figures; PY.5 the pairing; PY.3 the text; PY.4 the four
  // 「主要原因」 clauses (一, 四, 五, 十) compared with last year's
  expect(r.summary.checks - alone.summary.checks).toBe(12);
});

test("last year's 收入总计 perturbed by 0.10: 不符 with both documents' figures and places", () => {
  const r = withPrevious((wb) => {
    (wb.Sheets["公开01表"]["C36"] as XLSX.CellObject).v = 3881.94;
  });
  const f = r.findings.filter((x) => PY.test(x.rule));
  expect(f.map((x) => [x.rule, x.severity, x.sheet, x.cell, x.expected, x.actual, x.difference, x.tolerance])).toEqual([["PY.1", "error", "情况说明", "A3", "3881.94", "3881.84", "-0.1", "0.015"]]);
  expect(f[0].previous).toEqual({ file: "2023.xlsx", sheet: "公开01表", cell: "C36", value: "3881.94" });
  expect(f[0].message).toContain("推出上年数 3,881.84 万元");
  expect(f[0].message).toContain("'公开01表'!C36");
  expect(f[0].message).toContain("增减额应为 1,400.01 万元");
});

test("last year's 三公 and 基本支出 are not stated by the sample's text: nothing is checked against them", () => {
  const r = withPrevious((wb) => {
    (wb.Sheets["公开09表"]["G8"] as XLSX.CellObject).v = 9;
    (wb.Sheets["公开05表"]["D7"] as XLSX.CellObject).v = 1;
  });
  expect(r.findings.filter((x) => PY.test(x.rule))).toEqual([]);
});

test("an absent table of last year's document is 未审核 (缺表), never 0", () => {
  const r = withPrevious((wb) => {
    wb.SheetNames = wb.SheetNames.filter((n) => n !== "公开05表");
    delete wb.Sheets["公开05表"];
  });
  expect(r.findings.filter((x) => PY.test(x.rule))).toEqual([]);
  expect(r.notChecked.filter((n) => n.rule === "PY.1").map((n) => [n.reason, n.cells])).toEqual([["缺表", ["'情况说明'!A12"]]]);
});

test("a stated 三公 change is checked against last year's 公开09 (text and table built here)", () => {
  const text = sampleText().replace("公务接待费支出决算0.12万元，完成预算的60.00%，占100.00%。", "公务接待费支出决算0.12万元，完成预算的60.00%，占100.00%，比上年减少0.08万元，下降40.00%，主要原因是压缩开支。");
  const ok = auditWithPrevious(sampleSnapshot(), { narrative: text, previous: { snapshot: previousYear((wb) => setSangong(wb, 0.2)), name: "2023.xlsx" } });
  expect(ok.findings.filter((x) => PY.test(x.rule))).toEqual([]);
  const bad = auditWithPrevious(sampleSnapshot(), { narrative: text, previous: { snapshot: previousYear((wb) => setSangong(wb, 0.25)), name: "2023.xlsx" } });
  expect(bad.findings.filter((x) => PY.test(x.rule)).map((x) => [x.rule, x.severity, x.expected, x.actual, x.previous && x.previous.cell])).toEqual([["PY.1", "error", "0.25", "0.2", "L8"]]);
});

function setSangong(wb: XLSX.WorkBook, v: number): void {
  (wb.Sheets["公开09表"]["L8"] as XLSX.CellObject).v = v;
}

function sampleText(): string {
  return require("fs").readFileSync(require("../fixtures/sample").SAMPLE_TEXT, "utf8");
}

test("carried-over text: exact share per section on a pair of texts written here", () => {
  const lastYear = [
    "一、收入支出决算总体情况说明",
    "2023 年度收、支总计均为 100.00 万元。与上年度相比增加 10.00 万元，增长 11.11%，主要原因是人员增加。",
    "二、收入决算情况说明",
    "2023 年度收入合计 100.00 万元。",
    "三、支出决算情况说明",
    "2023 年度支出合计 100.00 万元。本年新购办公设备一批。",
  ].join("\n");
  const thisYear = [
    "一、收入支出决算总体情况说明",
    "2024 年度收、支总计均为 90.00 万元。与上年度相比减少 10.00 万元，下降 10.00%，主要原因是人员增加。",
    "二、收入决算情况说明",
    "2024 年度收入合计 90.00 万元，全部为财政拨款收入。",
    "三、支出决算情况说明",
    "2024 年度支出合计 90.00 万元。本年未购置任何办公设备。",
  ].join("\n");
  const sec = (t: string) => outline(paragraphs(t, 0, t.length, null)).sections;
  const shares = carriedShare(sec(thisYear), sec(lastYear));
  // 一: 「2024年度收、支总计均为90.00万元。」 (21 characters) of 21 + 35; 二: nothing; 三: 18 of 18 + 12
  expect(shares.map((s) => [s.section, s.carried, s.chars, s.share.toString()])).toEqual([
    ["S1", 21, 56, "37.5"],
    ["S2", 0, 28, "0"],
    ["S3", 18, 30, "60"],
  ]);
});

test("pairing by unit and consecutive years; documents without a partner are named with the reason", () => {
  const id = (unit: string | null, year: number | null) => ({ unit, year });
  const p = pairDocuments(
    [
      { doc: "a2024", id: id("甲局", 2024) },
      { doc: "b2024", id: id("乙局", 2024) },
      { doc: "c2024", id: id(null, 2024) },
    ],
    [
      { doc: "a2023", id: id("甲局", 2023) },
      { doc: "b2022", id: id("乙局", 2022) },
    ],
  );
  expect(p.pairs).toEqual([{ current: "a2024", previous: "a2023" }]);
  expect(p.alone.map((x) => [x.doc, x.reason])).toEqual([
    ["b2024", "上年目录中没有“乙局” 2023 年度的文件"],
    ["c2024", "未能从标题读出单位名称，无法配对上年文件"],
  ]);
});
