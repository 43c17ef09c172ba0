/**
 * Rule tests of the table rules, RuleTester style (test/rules/ruleTester.ts): each rule passes on the sample or
 * on a corrected sample, and fires with exactly the listed findings on an edit. Expected findings follow
 * RULES.md: the sample's 尾差 are those of §6.1, its hints those of §6.3 (H1, H4).
 */
import { ruleTests } from "./ruleTester";

const sample = { name: "the sample" };
/** 公开03/05: the four rows whose 本年支出合计 is 0.01 below 基本 + 项目 in the sample (RULES.md §6.1), corrected. */
const tailsFixed = (t: string) => ({
  name: "the sample with the four 本年支出合计 corrected by +0.01",
  set: { [t + " 合计 c1"]: "2481.94", [t + " 201 c1"]: "1290.78", [t + " 20103 c1"]: "1290.78", [t + " 2010301 c1"]: "585.45" },
});
const zeros07: { [cell: string]: string } = {};
for (const c of ["c1", "c2", "c3", "c4", "c5", "c6"]) zeros07["公开07 合计 " + c] = "0";
const tails = (t: string) => ["合计", "201", "20103", "2010301"].map((r) => "tail " + t + " " + r + " c1");

ruleTests([
  // 公开01
  { rule: "T01.1", passes: [sample], fires: [{ name: "上级补助收入 +1", set: { "公开01 L4 c1": "+1" }, findings: ["error 公开01 L27 c1"] }] },
  { rule: "T01.2", passes: [sample], fires: [{ name: "收入总计 +1", set: { "公开01 L30 c1": "+1" }, findings: ["error 公开01 L30 c1"] }] },
  { rule: "T01.3", passes: [sample], fires: [{ name: "外交支出 +1", set: { "公开01 C202 c2": "+1" }, findings: ["error 公开01 L57 c2"] }] },
  { rule: "T01.4", passes: [sample], fires: [{ name: "支出总计 +1", set: { "公开01 L60 c2": "+1" }, findings: ["error 公开01 L60 c2"] }] },
  { rule: "T01.7", passes: [sample], fires: [{ name: "年末结转和结余 −1.00", set: { "公开01 L59 c2": "-1" }, findings: ["warning 公开01 L59 c2"] }] },
  { rule: "T01.5", passes: [sample], fires: [{ name: "收入总计 +1", set: { "公开01 L30 c1": "+1" }, findings: ["error 公开01 L30 c1"] }] },
  // 公开02
  { rule: "T02.1", passes: [sample], fires: [{ name: "行政运行 上级补助收入 +1", set: { "公开02 2010301 c3": "+1" }, findings: ["error 公开02 2010301 c1"] }] },
  { rule: "T02.2", passes: [sample], fires: [{ name: "合计 财政拨款收入 +1", set: { "公开02 合计 c2": "+1" }, findings: ["error 公开02 合计 c2"] }] },
  { rule: "T02.3", passes: [sample], fires: [{ name: "类 201 财政拨款收入 +1", set: { "公开02 201 c2": "+1" }, findings: ["error 公开02 201 c2"] }] },
  { rule: "T02.4", passes: [sample], fires: [{ name: "款 20103 财政拨款收入 +1", set: { "公开02 20103 c2": "+1" }, findings: ["error 公开02 20103 c2"] }] },
  { rule: "T02.5", passes: [sample], fires: [{ name: "项 2010399 renumbered 2019999: its 款 20199 is missing", replace: [{ sheet: "公开02表", from: "2010399", to: "2019999" }], findings: ["error 公开02 2010399 c1"] }] },
  // 公开03
  { rule: "T03.1", passes: [tailsFixed("公开03")], fires: [{ name: "the sample: four 尾差 (RULES.md §6.1)", findings: tails("公开03") }] },
  { rule: "T03.2", passes: [sample], fires: [{ name: "合计 经营支出 +1", set: { "公开03 合计 c5": "+1" }, findings: ["error 公开03 合计 c5"] }] },
  { rule: "T03.3", passes: [sample], fires: [{ name: "类 201 上缴上级支出 +1", set: { "公开03 201 c4": "+1" }, findings: ["error 公开03 201 c4"] }] },
  { rule: "T03.4", passes: [sample], fires: [{ name: "款 20103 上缴上级支出 +1", set: { "公开03 20103 c4": "+1" }, findings: ["error 公开03 20103 c4"] }] },
  { rule: "T03.5", passes: [sample], fires: [{ name: "项 2010399 renumbered 2019999", replace: [{ sheet: "公开03表", from: "2010399", to: "2019999" }], findings: ["error 公开03 2010399 c1"] }] },
  { rule: "T03.6", passes: [{ name: "行政运行 without 项目支出", set: { "公开03 2010301 c3": "0" } }], fires: [{ name: "the sample: 行政运行 carries 项目支出 66.89 (H1)", findings: ["warning 公开03 2010301 c3"] }] },
  // 公开04
  { rule: "T04.1", passes: [sample], fires: [{ name: "政府性基金预算财政拨款 +1", set: { "公开04 L2 c1": "+1" }, findings: ["error 公开04 L27 c1"] }] },
  { rule: "T04.2", passes: [sample], fires: [{ name: "年初结转和结余：一般公共预算 +1", set: { "公开04 L29 c1": "+1" }, findings: ["error 公开04 L28 c1"] }] },
  { rule: "T04.3", passes: [sample], fires: [{ name: "收入总计 +1", set: { "公开04 L32 c1": "+1" }, findings: ["error 公开04 L32 c1"] }] },
  { rule: "T04.4", passes: [sample], fires: [{ name: "科学技术支出 政府性基金 +1", set: { "公开04 C206 c4": "+1" }, findings: ["error 公开04 C206 c2"] }] },
  { rule: "T04.5", passes: [sample], fires: [{ name: "外交支出 一般公共预算 +1", set: { "公开04 C202 c3": "+1" }, findings: ["error 公开04 L59 c3"] }] },
  { rule: "T04.6", passes: [sample], fires: [{ name: "支出总计 政府性基金栏 +1", set: { "公开04 L64 c4": "+1" }, findings: ["error 公开04 L64 c4"] }] },
  { rule: "T04.7", passes: [sample], fires: [{ name: "收入总计 +1", set: { "公开04 L32 c1": "+1" }, findings: ["error 公开04 L32 c1"] }] },
  { rule: "T04.8", passes: [sample], fires: [{ name: "一般公共预算财政拨款收入 +1", set: { "公开04 L1 c1": "+1" }, findings: ["error 公开04 L1 c1"] }] },
  // 公开05
  { rule: "T05.1", passes: [tailsFixed("公开05")], fires: [{ name: "the sample: four 尾差 (RULES.md §6.1)", findings: tails("公开05") }] },
  { rule: "T05.2", passes: [sample], fires: [{ name: "合计 基本支出 +1", set: { "公开05 合计 c2": "+1" }, findings: ["error 公开05 合计 c2"] }] },
  { rule: "T05.3", passes: [sample], fires: [{ name: "类 206 项目支出 +1", set: { "公开05 206 c3": "+1" }, findings: ["error 公开05 206 c3"] }] },
  { rule: "T05.4", passes: [sample], fires: [{ name: "款 20699 项目支出 +1", set: { "公开05 20699 c3": "+1" }, findings: ["error 公开05 20699 c3"] }] },
  { rule: "T05.5", passes: [sample], fires: [{ name: "项 2010399 renumbered 2019999", replace: [{ sheet: "公开05表", from: "2010399", to: "2019999" }], findings: ["error 公开05 2010399 c1"] }] },
  { rule: "T05.6", passes: [{ name: "行政运行 without 项目支出", set: { "公开05 2010301 c3": "0" } }], fires: [{ name: "the sample (H1)", findings: ["warning 公开05 2010301 c3"] }] },
  // 公开06
  { rule: "T06.1", passes: [{ name: "301 and 302 corrected by −0.01", set: { "公开06 301 amt": "556.13", "公开06 302 amt": "49.46" } }], fires: [{ name: "the sample: 301 and 302 are 0.01 above their 款 (RULES.md §6.1)", findings: ["tail 公开06 301 amt", "tail 公开06 302 amt"] }] },
  { rule: "T06.2", passes: [sample], fires: [{ name: "人员经费合计 +1", set: { "公开06 P.total amt": "+1" }, findings: ["error 公开06 P.total amt"] }] },
  { rule: "T06.3", passes: [sample], fires: [{ name: "公用经费合计 +1", set: { "公开06 G.total amt": "+1" }, findings: ["error 公开06 G.total amt"] }] },
  {
    rule: "T06.4",
    passes: [{ name: "基本工资 and 办公费 +0.01, so that the 款 add up to their totals", set: { "公开06 30101 amt": "294.50", "公开06 30201 amt": "7.07" } }],
    fires: [{ name: "the sample: both totals 0.01 above the sum of their 款 (RULES.md §6.1)", findings: ["tail 公开06 P.total amt", "tail 公开06 G.total amt"] }],
  },
  // 公开07, 公开08
  // 公开07 with its 合计 row printed as 0.00 (the sample leaves it blank, and a blank is no figure to check)
  { rule: "T07.1", passes: [{ name: "合计 row in 0.00", set: zeros07 }], fires: [{ name: "基本支出 1.00 under a 0.00 本年支出小计", set: { ...zeros07, "公开07 合计 c4": "1" }, findings: ["error 公开07 合计 c3"] }] },
  { rule: "T07.2", passes: [{ name: "合计 row in 0.00", set: zeros07 }], fires: [{ name: "年初结转和结余 1.00 not carried to 年末", set: { ...zeros07, "公开07 合计 c1": "1" }, findings: ["warning 公开07 合计 c6"] }] },
  { rule: "T07.4", passes: [{ name: "公开07 合计 printed as 0.00", set: zeros07 }], fires: [{ name: "the sample: blank 合计 row while 公开08 prints 0.00 (H4)", findings: ["info 公开07 合计 c1"] }] },
  { rule: "T08.1", passes: [sample], fires: [{ name: "公开08 基本支出 1.00 under a 0.00 合计", set: { "公开08 合计 c2": "1" }, findings: ["error 公开08 合计 c1"] }] },
  { rule: "T08.2", passes: [sample], fires: [{ name: "empty 公开08 without its 说明", eraseText: ["我单位没有使用国有资本经营预算"], findings: ["error 公开08表!"] }] },
  // 公开09
  { rule: "T09.1", passes: [sample], fires: [{ name: "预算 因公出国（境）费 +1", set: { "公开09 row c2": "+1" }, findings: ["error 公开09 row c1"] }] },
  { rule: "T09.2", passes: [sample], fires: [{ name: "预算 公务用车购置费 +1", set: { "公开09 row c4": "+1" }, findings: ["error 公开09 row c3"] }] },
  { rule: "T09.3", passes: [sample], fires: [{ name: "决算 因公出国（境）费 +1", set: { "公开09 row c8": "+1" }, findings: ["error 公开09 row c7"] }] },
  { rule: "T09.4", passes: [sample], fires: [{ name: "决算 公务用车购置费 +1", set: { "公开09 row c10": "+1" }, findings: ["error 公开09 row c9"] }] },
  { rule: "T09.7", passes: [sample], fires: [{ name: "决算 公务接待费 0.30 over 预算 0.20", set: { "公开09 row c12": "0.30" }, findings: ["warning 公开09 row c12"] }] },
  // Cross-table
  { rule: "X.1", passes: [sample], fires: [{ name: "公开02 本年收入合计 +1", set: { "公开02 合计 c1": "+1" }, findings: ["error 公开02 合计 c1"] }] },
  { rule: "X.2", passes: [sample], fires: [{ name: "公开02 财政拨款收入 +1", set: { "公开02 合计 c2": "+1" }, findings: ["error 公开02 合计 c2"] }] },
  { rule: "X.3", passes: [sample], fires: [{ name: "公开02 事业收入 +1", set: { "公开02 合计 c4": "+1" }, findings: ["error 公开02 合计 c4"] }] },
  { rule: "X.4", passes: [sample], fires: [{ name: "公开03 本年支出合计 +1", set: { "公开03 合计 c1": "+1" }, findings: ["error 公开03 合计 c1"] }] },
  { rule: "X.5", passes: [sample], fires: [{ name: "公开03 类 206 +1", set: { "公开03 206 c1": "+1" }, findings: ["error 公开03 206 c1"] }] },
  { rule: "X.6", passes: [sample], fires: [{ name: "公开04 政府性基金预算财政拨款收入 +1", set: { "公开04 L2 c1": "+1" }, findings: ["error 公开04 L2 c1"] }] },
  { rule: "X.7", passes: [sample], fires: [{ name: "公开04 科学技术支出 +1", set: { "公开04 C206 c2": "+1" }, findings: ["error 公开04 C206 c2"] }] },
  { rule: "X.8", passes: [sample], fires: [{ name: "公开04 年初财政拨款结转 1.00 over 公开01's 0.00", set: { "公开04 L28 c1": "1" }, findings: ["error 公开04 L28 c1"] }] },
  { rule: "X.9", passes: [sample], fires: [{ name: "公开05 合计 +1", set: { "公开05 合计 c1": "+1" }, findings: ["error 公开05 合计 c1"] }] },
  { rule: "X.10", passes: [sample], fires: [{ name: "公开05 类 206 +1", set: { "公开05 206 c1": "+1" }, findings: ["error 公开05 206 c1"] }] },
  { rule: "X.11", passes: [sample], fires: [{ name: "公开05 项 2069999 项目支出 +1 over 公开03", set: { "公开05 2069999 c3": "+1" }, findings: ["error 公开05 2069999 c3"] }] },
  { rule: "X.12", passes: [sample], fires: [{ name: "公开05 基本支出合计 +1", set: { "公开05 合计 c2": "+1" }, findings: ["error 公开05 合计 c2"] }] },
  {
    rule: "X.13",
    passes: [{ name: "行政单位离退休 基本支出 covering 退休费 24.39", set: { "公开05 2080501 c2": "24.39" } }],
    fires: [{ name: "the sample: 退休费 24.39 above 行政单位离退休 1.56 (RULES.md X.13)", findings: ["warning 公开06 30302 amt"] }],
  },
  {
    rule: "X.14",
    passes: [sample],
    fires: [
      { name: "公开04 政府性基金收入 1.00 while 公开07's 本年收入 is 0.00", set: { "公开04 L2 c1": "1", "公开07 合计 c2": "0" }, findings: ["error 公开07 合计 c2"] },
      // A blank 合计 is not a printed 0 (RULES.md §8.1 item 7): against 1.00 it is a 疑点, not a 不符.
      { name: "公开04 政府性基金收入 1.00 while 公开07's 合计 row is blank", set: { "公开04 L2 c1": "1" }, findings: ["warning 公开07 合计 c2"] },
    ],
  },
  { rule: "X.15", passes: [sample], fires: [{ name: "公开08 合计 1.00 while 公开04 shows none", set: { "公开08 合计 c1": "1" }, findings: ["error 公开08 合计 c1"] }] },
  { rule: "X.16", passes: [sample], fires: [{ name: "公开06 因公出国（境）费用 0.50 over 公开09's 0.00", set: { "公开06 30212 amt": "0.5" }, findings: ["error 公开06 30212 amt"] }] },
  { rule: "X.17", passes: [sample], fires: [{ name: "公开06 公务接待费 0.50 over 公开09's 0.12", set: { "公开06 30217 amt": "0.50" }, findings: ["error 公开06 30217 amt"] }] },
  { rule: "X.18", passes: [sample], fires: [{ name: "公开06 公务用车运行维护费 0.50 over 公开09's 0.00", set: { "公开06 30231 amt": "0.5" }, findings: ["error 公开06 30231 amt"] }] },
  { rule: "X.19", passes: [sample], fires: [{ name: "公开06 公务用车购置 0.50 over 公开09's 0.00", set: { "公开06 31013 amt": "0.5" }, findings: ["error 公开06 31013 amt"] }] },
  { rule: "X.20", passes: [sample], fires: [{ name: "公开09 决算合计 above 公开05 本年支出合计", set: { "公开09 row c7": "3000" }, findings: ["error 公开09 row c7"] }] },
  { rule: "X.22", passes: [sample], fires: [{ name: "公开02 项 2069999 +1 with no carry-over in 公开01", set: { "公开02 2069999 c1": "+1" }, findings: ["error 公开02 2069999 c1"] }] },
]);
