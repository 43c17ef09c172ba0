/**
 * Rule tests of narrative and reading rules, RuleTester style (test/rules/ruleTester.ts). Narrative cases audit the
 * sample with its 情况说明 text (examples/…-final-accounts.txt) passed as options.narrative, so a finding's sheet is
 * 情况说明（外部文本） and it has no cell; the sample's own narrative findings follow RULES.md §3.3 (N11: SME shares of
 * a zero total stated as 0.00 %; N10: 机构/机关 used for the same term).
 */
import { ruleTests } from "./ruleTester";

const TEXT = "情况说明（外部文本）!";
const withText = { name: "the sample's text", narrative: [] as [string, string][] };

ruleTests([
  { rule: "N1", passes: [withText], fires: [{ name: "收、支总计 stated 0.06 too high (amount and the prior-year rate)", narrative: [["收、支总计均为 2481.93 万元", "收、支总计均为 2481.99 万元"]], findings: ["error " + TEXT, "error " + TEXT] }] },
  { rule: "N4", passes: [withText], fires: [{ name: "财政拨款收、支总计 stated as 2400.00", narrative: [["财政拨款收、支总计均为 2481.93 万元", "财政拨款收、支总计均为 2400.00 万元"]], findings: ["error " + TEXT, "error " + TEXT] }] },
  { rule: "N9a", passes: [withText], fires: [{ name: "“三公” 完成预算 66.00 % for 0.12 / 0.20", narrative: [["支出决算为 0.12 万元，完成预算的 60.00%", "支出决算为 0.12 万元，完成预算的 66.00%"]], findings: ["error " + TEXT] }] },
  {
    rule: "N10",
    passes: [{ name: "机构运行经费 named one way throughout", narrative: [["2024 年度机关运行经费支出", "2024 年度机构运行经费支出"]] }],
    fires: [{ name: "the sample's text: 机构 and 机关 for one term (H2)", narrative: [], findings: ["info " + TEXT] }],
  },
  {
    rule: "N11",
    passes: [{ name: "no SME shares stated over a zero total", narrative: [["，占政府采购支出总额的 0.00%，其中：授予小微企业合同金额 0.00 万元，占授予中小企业合同金额的 0.00%", "，其中：授予小微企业合同金额 0.00 万元"]] }],
    fires: [{ name: "the sample's text: two shares of 0 stated as 0.00 %", narrative: [], findings: ["error " + TEXT, "error " + TEXT] }],
  },
  { rule: "N12", passes: [withText], fires: [{ name: "2 cars while 说明九 says none", narrative: [["我单位共有车辆 0 辆", "我单位共有车辆 2 辆"]], findings: ["error " + TEXT] }] },
  { rule: "N-TEMPLATE", passes: [withText], fires: [{ name: "a leftover XX", narrative: [["我单位共有车辆", "XX单位共有车辆"]], findings: ["warning " + TEXT] }] },
  { rule: "N-PCT-UNIT", passes: [withText], fires: [{ name: "占 25.40 without %", narrative: [["占 25.40%", "占 25.40"]], findings: ["error " + TEXT] }] },
  { rule: "N-SOURCE", passes: [{ name: "the workbook alone" }], fires: [{ name: "an external text", narrative: [], findings: ["info " + TEXT] }] },
  // Reading
  { rule: "S.1", passes: [{ name: "the sample" }], fires: [{ name: "公开03 removed", drop: ["公开03表"], findings: ["warning !"] }] },
  { rule: "S.5", passes: [{ name: "the sample" }], fires: [{ name: "公开03 in 元", replace: [{ sheet: "公开03表", from: "单位：万元", to: "单位：元" }], findings: ["warning !"] }] },
  { rule: "X.25", passes: [{ name: "the sample" }], fires: [{ name: "公开03 headed 2023年度", replace: [{ sheet: "公开03表", from: "2024年度", to: "2023年度" }], findings: ["warning !"] }] },
]);
