/**
 * Rule tests, RuleTester style (test/rules/ruleTester.ts), of the rules the first two tables did not cover:
 * padding rows, reading (S.*), and what else could be made to fire from an edit of the sample.
 */
import { ruleTests } from "./ruleTester";

const sample = { name: "the sample" };
/** 公开09 with every amount 0.00: nothing rounded, so no 尾差 note is needed. */
const zeros09: { [cell: string]: string } = {};
for (const c of ["c1", "c6", "c7", "c12"]) zeros09["公开09 row " + c] = "0";

const TEXT = "情况说明（外部文本）!";
const withText = { name: "the sample's text", narrative: [] as [string, string][] };
const SELF = "项目支出绩效自评表";
/** 公开07 with its 合计 row printed, 1.00 of 政府性基金 received and spent. */
const fund07 = { "公开07 合计 c1": "0", "公开07 合计 c2": "1", "公开07 合计 c3": "1", "公开07 合计 c4": "1", "公开07 合计 c5": "0", "公开07 合计 c6": "0" };

ruleTests([
  // Padding rows: a figure on a row without a name is counted in no total.
  { rule: "T01.6", passes: [sample], fires: [{ name: "5.00 on the unnamed 收入 row 9", set: { "公开01表!C15": "5" }, findings: ["warning 公开01表!C15"] }] },
  { rule: "T04.9", passes: [sample], fires: [{ name: "5.00 on the unnamed 收入 row 9", set: { "公开04表!C15": "5" }, findings: ["warning 公开04表!C15"] }] },
  // The finding is anchored on the row's first recognised cell (structural.ts), here column D of 款 22102.
  {
    rule: "T02.7",
    passes: [sample],
    fires: [{ name: "项 2210201 renumbered 2219901: 款 22102 keeps its amount without a 项", replace: [{ sheet: "公开02表", from: "2210201", to: "2219901" }], findings: ["warning 公开02表!D26"] }],
  },
  // Narrative (the sample's 情况说明 passed as an external text)
  {
    rule: "N5a",
    passes: [withText],
    fires: [{ name: "一般公共预算财政拨款支出 stated as 2481.99", narrative: [["一般公共预算财政拨款支出 2481.93 万元，占支出合计的 100.00%", "一般公共预算财政拨款支出 2481.99 万元，占支出合计的 100.00%"]], findings: ["error " + TEXT] }],
  },
  { rule: "N6", passes: [withText], fires: [{ name: "基本支出 stated as 630.90", narrative: [["基本支出 630.50 万元。其中", "基本支出 630.90 万元。其中"]], findings: ["error " + TEXT] }] },
  // 说明七/八 say 「没有…收入，也没有…支出」: each half is checked against the table.
  { rule: "N7", passes: [withText], fires: [{ name: "公开07 shows 1.00 received and spent", narrative: [], set: fund07, findings: ["warning " + TEXT, "warning " + TEXT] }] },
  { rule: "N8", passes: [withText], fires: [{ name: "公开08 shows 1.00 spent", narrative: [], set: { "公开08 合计 c1": "1", "公开08 合计 c2": "1" }, findings: ["warning " + TEXT, "warning " + TEXT] }] },
  {
    rule: "N-NAME",
    passes: [withText],
    fires: [{ name: "卫生健康 called by its name before 2019", narrative: [["卫生健康（类）支出 26.92", "医疗卫生与计划生育（类）支出 26.92"]], findings: ["warning " + TEXT] }],
  },
  // 绩效 (the sample's 项目支出绩效自评表 sheet)
  { rule: "P.1", passes: [sample], fires: [{ name: "大厅运行保障费 预算执行率 59.42% for 17.79 / 36", replace: [{ sheet: SELF, from: "49.42%", to: "59.42%" }], findings: ["error " + SELF + "!K5"] }] },
  { rule: "P.3", passes: [sample], fires: [{ name: "大厅运行保障费 自评得分 95.94", replace: [{ sheet: SELF, from: "94.94", to: "95.94" }], findings: ["warning " + SELF + "!Q5"] }] },
  {
    rule: "P.4",
    passes: [sample],
    // The finding is anchored on the last 全年执行数 of the table (performanceChecks.ts), not on the edited row.
    fires: [{ name: "电子政务外网 全年执行数 +1: the 执行数 no longer add up to 公开05 项目支出", replace: [{ sheet: SELF, from: "389.46", to: "390.46" }], findings: ["warning " + SELF + "!I18"] }],
  },
  // Stored 2481.9312 behind the displayed 2,481.93: a note, and the audit goes by the displayed figure.
  { rule: "S.4", passes: [sample], fires: [{ name: "公开01 一般公共预算财政拨款收入 stored 2481.9312", store: { "公开01 L1 c1": 2481.9312 }, findings: ["info 公开01 L1 c1"] }] },
  // A row the recognizer cannot name is reported, not dropped (the finding names the table, no cell).
  {
    rule: "S.7",
    passes: [sample],
    fires: [{ name: "公开01 row 8 labelled 某某收入", replace: [{ sheet: "公开01表", from: "二、政府性基金预算财政拨款收入", to: "某某收入" }], findings: ["warning 公开01表!"] }],
  },
  // 公开06: a 公用经费 code (30201 办公费) written in the 人员经费 lane, on 基本工资's row
  { rule: "T06.6", passes: [sample], fires: [{ name: "基本工资 coded 30201", replace: [{ sheet: "公开06表", from: "30101", to: "30201" }], findings: ["error 公开06表!C7"] }] },
  // Reading
  {
    rule: "S.3",
    passes: [sample],
    fires: [{ name: "公开05 一般公共服务 written in words (类 and 款 carry the same figure)", replace: [{ sheet: "公开05表", from: "1,290.77", to: "一二九〇" }], findings: ["warning 公开05表!C8", "warning 公开05表!C9"] }],
  },
  {
    rule: "S.8",
    passes: [{ name: "公开09 all 0.00: nothing rounded", set: zeros09 }],
    fires: [
      { name: "the sample: 公开09 has no 尾差 note", findings: ["info 公开09表!A1"] },
      { name: "公开03's note removed too", eraseText: ["本表反映本年度各项支出情况"], findings: ["info 公开03表!A1", "info 公开09表!A1"] },
    ],
  },
]);
