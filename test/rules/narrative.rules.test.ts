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
  { rule: "N2", passes: [withText], fires: [{ name: "财政拨款收入 占 99.00% (the share, and the shares no longer make 100 %)", narrative: [["财政拨款收入 2481.93 万元，占 100.00%", "财政拨款收入 2481.93 万元，占 99.00%"]], findings: ["error " + TEXT, "error " + TEXT] }] },
  { rule: "N3", passes: [withText], fires: [{ name: "基本支出 占 25.50% (the share, and the shares make 100.10 %)", narrative: [["基本支出 630.50 万元，占 25.40%", "基本支出 630.50 万元，占 25.50%"]], findings: ["error " + TEXT, "error " + TEXT] }] },
  { rule: "N4", passes: [withText], fires: [{ name: "财政拨款收、支总计 stated as 2400.00", narrative: [["财政拨款收、支总计均为 2481.93 万元", "财政拨款收、支总计均为 2400.00 万元"]], findings: ["error " + TEXT, "error " + TEXT] }] },
  { rule: "N5b", passes: [withText], fires: [{ name: "一般公共服务（类） 占 52.21% (the share, and the shares make 100.20 %)", narrative: [["一般公共服务（类）支出 1290.77 万元，占 52.01%", "一般公共服务（类）支出 1290.77 万元，占 52.21%"]], findings: ["error " + TEXT, "error " + TEXT] }] },
  { rule: "N5c", passes: [withText], fires: [{ name: "完成年初预算的 250.78% for 2481.93 / 993.64", narrative: [["支出决算为 2481.93 万元，完成年初预算的 249.78%", "支出决算为 2481.93 万元，完成年初预算的 250.78%"]], findings: ["error " + TEXT] }] },
  { rule: "N9a", passes: [withText], fires: [{ name: "“三公” 完成预算 66.00 % for 0.12 / 0.20", narrative: [["支出决算为 0.12 万元，完成预算的 60.00%", "支出决算为 0.12 万元，完成预算的 66.00%"]], findings: ["error " + TEXT] }] },
  {
    rule: "N9b",
    passes: [{ name: "no rate stated over a zero budget", narrative: [["，完成预算的0.00%", ""]] }],
    fires: [{ name: "the sample's text: 完成预算的 0.00% over budgets of 0 (RULES.md N9b: UNDEFINED), and the 公务用车 name (H5)", narrative: [], findings: ["error " + TEXT, "error " + TEXT, "error " + TEXT, "error " + TEXT, "info " + TEXT] }],
  },
  { rule: "N9c", passes: [withText], fires: [{ name: "2 cars bought for 0.00", narrative: [["公务用车购置支出为0.00万元，购置车辆0台", "公务用车购置支出为0.00万元，购置车辆2台"]], findings: ["warning " + TEXT] }] },
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
  {
    rule: "N13c",
    passes: [{ name: "智慧城市 完成预算的 98.31% as in the table", narrative: [["98.83%", "98.31%"]] }],
    fires: [{ name: "the sample's text: 98.83 % for 870 / 885 (RULES.md N13c)", narrative: [], findings: ["error " + TEXT] }],
  },
  {
    rule: "N13b",
    passes: [{ name: "整体支出 2481.93 stated over 一般公共预算支出总额 (= 100 %)", narrative: [["涉及资金 2481.93 万元，占一般公共预算项目支出总额的 100%", "涉及资金 2481.93 万元，占一般公共预算支出总额的 100%"]] }],
    fires: [{ name: "the sample's text: 2481.93 over 项目支出总额 1851.44 is not 100 % (RULES.md N13b)", narrative: [], findings: ["error " + TEXT] }],
  },
  {
    rule: "N-TOC",
    passes: [{ name: "目录 and heading 十三 agree", narrative: [["十三、预算绩效情况说明", "十三、预算绩效评价情况说明"]] }],
    fires: [{ name: "the sample's text: 目录 and body name 十三 differently (H3)", narrative: [], findings: ["info " + TEXT] }],
  },
  {
    rule: "N-PUNCT",
    passes: [{ name: "「。。」 and 「决算书」 corrected", narrative: [["完成预算的0.00%。。决算数", "完成预算的0.00%。决算数"], ["决算书小于预算数", "决算数小于预算数"]] }],
    fires: [{ name: "the sample's text: a doubled 。 and the typo 决算书 (RULES.md N-PUNCT)", narrative: [], findings: ["info " + TEXT, "info " + TEXT] }],
  },
  { rule: "N-WORD", passes: [withText], fires: [{ name: "「大小于」 left by editing", narrative: [["导致决算书小于预算数", "导致决算书大小于预算数"]], findings: ["warning " + TEXT] }] },
  { rule: "N-YEAR", passes: [withText], fires: [{ name: "the title says 「202 年度」", narrative: [["2024 年度部门决算情况说明", "202 年度部门决算情况说明"]], findings: ["error " + TEXT] }] },
  { rule: "N-TEMPLATE", passes: [withText], fires: [{ name: "a leftover XX", narrative: [["我单位共有车辆", "XX单位共有车辆"]], findings: ["warning " + TEXT] }] },
  { rule: "N-PCT-UNIT", passes: [withText], fires: [{ name: "占 25.40 without %", narrative: [["占 25.40%", "占 25.40"]], findings: ["error " + TEXT] }] },
  { rule: "N-SOURCE", passes: [{ name: "the workbook alone" }], fires: [{ name: "an external text", narrative: [], findings: ["info " + TEXT] }] },
  // 绩效 (the sample's 项目支出绩效自评表 sheet)
  {
    rule: "P.2",
    passes: [{ name: "部门经费支出 全年执行数 0.6 as the system query", set: { "项目支出绩效自评表!I12": "0.6" } }],
    fires: [{ name: "the sample: 全年执行数 0 against the system's 0.6 (RULES.md P.2)", findings: ["error 项目支出绩效自评表!I12"] }],
  },
  // Reading
  { rule: "S.1", passes: [{ name: "the sample" }], fires: [{ name: "公开03 removed", drop: ["公开03表"], findings: ["warning !"] }] },
  { rule: "S.2", passes: [{ name: "the sample" }], fires: [{ name: "公开03 twice: the first copy is audited and named", copy: ["公开03表"], findings: ["warning 公开03表!A1"] }] },
  { rule: "S.6", passes: [{ name: "the sample" }], fires: [{ name: "公开03 on a hidden sheet", hide: ["公开03表"], findings: ["info 公开03表!"] }] },
  { rule: "S.5", passes: [{ name: "the sample" }], fires: [{ name: "公开03 in 元", replace: [{ sheet: "公开03表", from: "单位：万元", to: "单位：元" }], findings: ["warning !"] }] },
  { rule: "X.25", passes: [{ name: "the sample" }], fires: [{ name: "公开03 headed 2023年度", replace: [{ sheet: "公开03表", from: "2024年度", to: "2023年度" }], findings: ["warning !"] }] },
]);
