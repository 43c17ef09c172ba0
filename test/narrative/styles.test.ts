/**
 * Regional phrasing (issue 8 §3, RULES.md §8.2.3): one test per style found in published 部门决算 情况说明 of
 * different regions (docs/narrative-phrasing.md). Every sentence here is written for this test, with made-up
 * figures; none is copied from a published document. Each test checks a text in that style on its own (no
 * workbook) and asserts the exact findings: the right statements pass, and one deliberate misstatement is caught.
 */
import { auditText } from "../../src/engine";
import { Finding } from "../../src/engine/types";

/** rule | severity | actual | expected of every finding but the source note. */
function findings(text: string): string[] {
  return auditText(text)
    .findings.filter((f: Finding) => f.rule !== "N-SOURCE")
    .map((f) => [f.rule, f.severity, String(f.actual), String(f.expected)].join(" | "));
}

function checks(text: string): { checks: number; passed: number } {
  const s = auditText(text).summary;
  return { checks: s.checks, passed: s.passed };
}

test("Henan style: 「收、支总计均为 A」, 「各减少 Δ，下降 p%」 with the reason in the same sentence", () => {
  const right = ["一、收入支出决算总体情况说明", "2024 年度收、支总计均为 812.40 万元。与上年度相比，收、支总计各减少 187.60 万元，下降 18.76%，主要原因是项目结束。"].join("\n");
  // prior 812.40 + 187.60 = 1000.00 → 18.76 %
  expect(findings(right)).toEqual([]);
  expect(checks(right).checks).toBeGreaterThan(0);
  const wrong = right.replace("下降 18.76%", "下降 23.09%");
  // 23.09 % is 187.60 / 812.40 (the current year taken as the base)
  expect(findings(wrong)).toEqual(["NT.3 | error | 23.09 | 18.76"]);
});

test("Sichuan style: 「各是 A,B 万元」 with one unit, 「各减少 C,D 万元，各下降 p%、q%」, each pair checked separately", () => {
  const right = ["一、收入支出决算总体情况说明", "2023年度收、支总计各是640.00,640.00万元。与2022年相比，收、支总计各减少160.00,160.00万元，各下降20.00%、20.00%。主要变动原因是专项任务完成。"].join("\n");
  expect(findings(right)).toEqual([]);
  // the expense side misstated: 收入总计 ≠ 支出总计; q checked on its own pair: 200 / (600 + 200) = 25.00 %, not 26.00 %
  const wrong = right.replace("各是640.00,640.00万元", "各是640.00,600.00万元").replace("各减少160.00,160.00万元，各下降20.00%、20.00%", "各减少160.00,200.00万元，各下降20.00%、26.00%");
  expect(findings(wrong)).toEqual(["NT.3 | error | 600 | 640", "NT.3 | error | 26 | 25.00"]);
});

test("Sichuan style: a complete income list with zero items 「0万元，占0%」; the shares must make 100 %", () => {
  const right = [
    "二、收入决算情况说明",
    "2023年本年收入合计500.00万元，其中：一般公共预算财政拨款收入450.00万元，占90.00%；政府性基金预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；事业收入0万元，占0%；其他收入50.00万元，占10.00%。",
  ].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("其他收入50.00万元，占10.00%", "其他收入50.00万元，占11.00%");
  // 50 / 500 = 10.00 %, not 11.00 %; the shares then make 101 %, which the 「0%」 shares (±0.5 each) can still explain
  expect(findings(wrong)).toEqual(["NT.2 | error | 11 | 10.00", "NT.2 | tail | 101 | 100"]);
});

test("Guangxi style: item by item 「较 2022 年度决算数增加 Δ 万元，增长 p%，主要原因是」, bare 「万」, one-decimal rates", () => {
  const right = [
    "一、收入支出决算总体情况说明",
    "1.一般公共预算财政拨款收入300.00万，较2022年度决算数增加50.00万元，增长20.0%，主要原因是人员增加。",
    "2.事业收入0.00万，较2022年度决算数增加0.00万元，增长0%，主要原因是本单位无事业收入。",
  ].join("\n");
  // 300 − 50 = 250 → 20.0 %; a change of 0 written as 「增加」 is a wording slip (持平)
  expect(findings(right)).toEqual(["NT.4 | warning | 0 | null"]);
  const wrong = right.replace("增长20.0%", "增长16.7%");
  // 16.7 % is 50 / 300 (the current year as the base)
  expect(findings(wrong)).toEqual(["NT.3 | error | 16.7 | 20.0", "NT.4 | warning | 0 | null"]);
});

test("Chongqing style: 「收入总计 A，支出总计 B。收支较上年决算数增加 Δ，增长 p%」", () => {
  const right = ["(一)收入支出决算总体情况说明。", "2023年度收入总计1050.00万元，支出总计1050.00万元。收支较上年决算数增加50.00万元，增长5.00%，主要原因是新增项目。"].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("支出总计1050.00万元", "支出总计1005.00万元");
  // the change is bound to the last total named by 「收支」: prior 1005 − 50 = 955 → 5.24 %
  expect(findings(wrong)).toEqual(["NT.3 | error | 1005 | 1050", "NT.3 | error | 5 | 5.24"]);
});

test("Zhejiang style: integer 万元 and rates without the change amount 「比上年下降 x%」; the parts of 三公 add up", () => {
  const right = ["“三公”经费决算总额 1380 万元，比上年下降 2.1%，其中：因公出国（境）经费决算 60 万元，比上年增长 5.2%；公务接待费决算 520 万元，接待 420 批次、3600 人次，比上年下降 3.4%；公务用车购置及运行费决算 800 万元，比上年下降 1.9%。"].join("\n");
  // 60 + 520 + 800 = 1380; the rates alone cannot be recomputed (no amounts of the prior year)
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("1380 万元", "1390 万元");
  expect(findings(wrong)).toEqual(["NT.1 | error | 1390 | 1380"]);
});

test("Guangdong style: 「比上年减少 Δ 万元」 without a rate, 「接待 N 批次，约 M 人」, 保有量 inside the 三公 list", () => {
  const right = [
    "七、一般公共预算财政拨款“三公”经费支出决算情况说明",
    "2023年“三公”经费支出合计36万元。其中：因公出国（境）费0万元；公务用车购置及运行维护费6万元，公务用车保有量2辆；公务接待费30万元，接待检查调研46批次，约600人，比上年减少2万元，减少的原因主要是严控接待开支。",
  ].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("接待检查调研46批次，约600人，", "");
  // 公务接待费 > 0 without 批次 or 人次 (RULES.md §8.2.4)
  expect(findings(wrong)).toEqual(["NT.8 | warning | 30 | null"]);
});

test("Gansu style: 「收入为 A，其中：… 占 x%」, 「与上年相比减少 Δ 万元，降低 p%」", () => {
  const right = [
    "(一)收入决算情况。",
    "2023年度，本单位收入为800.00万元，其中：财政拨款收入720.00万元，占90.00%；事业收入80.00万元，占10.00%；经营收入0万元，占0%。",
    "(三)财政拨款收入决算情况。",
    "2023年度，本单位财政拨款收入总计720.00万元，与上年相比减少80.00万元，降低10.00%，主要原因是项目减少。",
  ].join("\n");
  // 720 + 80 = 800 (shares 100 %); prior 800 → 80 / 800 = 10.00 %
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("事业收入80.00万元", "事业收入90.00万元").replace("降低10.00%", "降低11.11%");
  // the parts now exceed the whole; 90 / 800 = 11.25 %, not 10.00 %; the change rate uses the current year as base
  expect(findings(wrong)).toEqual(["NT.1 | error | 800 | 810", "NT.2 | error | 10 | 11.25", "NT.3 | error | 11.11 | 10.00"]);
});

test("Yunnan style: 收入决算 first, 机关运行经费 and 政府采购 under 「其他重要事项及相关口径情况说明」", () => {
  const right = [
    "第三部分 2024年度部门决算情况说明",
    "一、收入决算情况说明",
    "2024年度收入合计960.00万元，比上年增加160.00万元，增长20.00%，主要原因是新增专项资金。",
    "第四部分 其他重要事项及相关口径情况说明",
    "一、机关运行经费支出情况",
    "2024年度机关运行经费支出48.00万元，比上年减少12.00万元，下降20.00%，主要原因是压减公用经费。",
    "三、政府采购支出情况",
    "2024年度政府采购支出总额100.00万元，其中：政府采购货物支出40.00万元、政府采购工程支出0.00万元、政府采购服务支出60.00万元。",
  ].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("增加160.00万元，增长20.00%", "增加160.00万元，增长16.67%");
  // 16.67 % is 160 / 960, the current year as the base; prior 800 gives 20.00 %
  expect(findings(wrong)).toEqual(["NT.3 | error | 16.67 | 20.00"]);
});

test("Inner Mongolia style: 「较上年增加 Δ 万元，增长 p%」 where the prior year was 0", () => {
  const right = ["九、政府性基金预算财政拨款支出决算情况说明", "2022年度政府性基金预算财政拨款支出35.00万元，较上年增加35.00万元，主要原因是新增专项债券项目。"].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("较上年增加35.00万元，", "较上年增加35.00万元，增长100.00%，");
  // the prior year is 35.00 − 35.00 = 0: a growth rate over nothing is UNDEFINED
  expect(findings(wrong)).toEqual(["NT.6 | error | 100 | null"]);
});

test("Central style (审计署): cars bought named by kind, 「保有量 N 辆，其中：轿车…、越野车…、载客汽车…」", () => {
  const right = [
    "三、“三公”经费支出情况说明",
    "车辆购置支出 96.00 万元，全年更新购置轿车 2 辆、越野车 1 辆。公务用车保有量 120 辆，其中：轿车 80 辆、越野车 25 辆、载客汽车 15 辆。",
  ].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("载客汽车 15 辆", "载客汽车 14 辆");
  expect(findings(wrong)).toEqual(["NT.5 | error | 119 | 120"]);
});

test("Shanghai style: 「比 2023 年（下同）增加 Δ，增长 p%」 and later changes without the year", () => {
  const right = [
    "一、收入支出决算总体情况说明",
    "本年收入合计1200.00万元，比2023年（下同）增加200.00万元，增长20.00%，主要原因是新增项目。本年支出合计1100.00万元，增加100.00万元，增长10.00%，主要原因是项目支出增加。",
  ].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("增长10.00%", "增长9.09%");
  expect(findings(wrong)).toEqual(["NT.3 | error | 9.09 | 10.00"]);
});

test("Hunan style: amounts in 元 and 「公务接待 N 批次、M 人次」", () => {
  const right = [
    "七、一般公共预算财政拨款“三公”经费支出决算情况说明",
    "“三公”经费支出决算250000元，其中：因公出国（境）费0元，公务接待费150000元，公务用车购置及运行维护费100000元。国内公务接待支出150000元，公务接待10批次、500人次。",
  ].join("\n");
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("公务用车购置及运行维护费100000元", "公务用车购置及运行维护费110000元");
  // 0 + 15 + 11 = 26 万元 ≠ 25 万元 (元 figures are exact to the yuan)
  expect(findings(wrong)).toEqual(["NT.1 | error | 25 | 26"]);
});

test("Shanghai department style: 「国内公务接待支出 a 万（含外宾…）」, 「接待批次 N 次、接待 M 人次」, cars as 「新购一辆」", () => {
  const right = [
    "七、财政拨款“三公”经费支出决算情况说明",
    "（二）“三公”经费财政拨款支出决算具体情况说明。",
    "2、公务用车购置及运行维护费支出 30.50 万元。其中：公务用车购置支出为 22 万元，主要用于新购一辆执法用车。公务用车运行维护支出 8.50 万元。",
    "3、公务接待费支出 0.6 万元。其中：国内公务接待支出 0.6 万（含外宾接待支出 0 万元）。主要用于接待外地考察团，接待批次 2 次、接待 18 人次。",
  ].join("\n");
  // 22 + 8.50 = 30.50; the counts written 「一辆」 and 「接待批次 2 次、接待 18 人次」 are read
  expect(findings(right)).toEqual([]);
  const wrong = right.replace("接待批次 2 次、接待 18 人次", "接待批次 2 次").replace("主要用于新购一辆执法用车。", "");
  expect(findings(wrong)).toEqual(["NT.8 | warning | 22 | null", "NT.8 | warning | 0.6 | null"]);
});
