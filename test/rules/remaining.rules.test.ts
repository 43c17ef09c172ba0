/**
 * Rule tests, RuleTester style (test/rules/ruleTester.ts), for the rules the earlier tables left out (issue 9 §2:
 * the allow-list of coverage.test.ts is now empty). Each case is an edit of the sample built here: cells written
 * into 公开07, 公开05's amount columns moved, 绩效 sheets added (made-up scores and indicators), the sample's
 * 情况说明 corrected or miswritten, or a malformed template pack.
 */
import { Case, ruleTests } from "./ruleTester";

const sample = { name: "the sample" };
const TEXT = "情况说明（外部文本）!";

// --- T07.3: 公开07 with a class, a 款 and a 项 (国有土地使用权出让 spending, 10.00 received and spent) -------------
/** Columns of 公开07: A code, B name, C 年初结转, D 本年收入, E 本年支出小计, F 基本支出, G 项目支出, H 年末结转. */
function fund07(rows: [string, string, string][]): { [cell: string]: string } {
  const w: { [cell: string]: string } = {};
  rows.forEach(([code, name, amount], i) => {
    const r = 7 + i;
    const cells = ["'" + code, name, "0.00", amount, amount, "0.00", amount, "0.00"];
    "ABCDEFGH".split("").forEach((col, j) => (w["公开07表!" + col + r] = cells[j]));
  });
  w["公开07表!A11"] = "注：本表反映本年度政府性基金预算财政拨款收入、支出及结转和结余情况。";
  return w;
}
const FUND_OK = fund07([
  ["合计", "", "10.00"],
  ["212", "城乡社区支出", "10.00"],
  ["21208", "国有土地使用权出让收入安排的支出", "10.00"],
  ["2120801", "征地和拆迁补偿支出", "10.00"],
]);

// --- N5d: the sample's 五(三) items corrected (a 年初预算 of 0 gives no rate; the three ratio 尾差 restated) ------
const ITEMS_RIGHT: [string, string][] = [
  ["支出决算为 1070.00 万元，完成年初预算的 100.00%", "支出决算为 1070.00 万元"],
  ["完成年初预算的 46.11%", "完成年初预算的 46.15%"],
  ["完成年初预算的 82.79%", "完成年初预算的 82.78%"],
  ["支出决算为 3.82 万元，完成年初预算的 100.00%", "支出决算为 3.82 万元"],
  ["完成年初预算的 73.98%", "完成年初预算的 73.97%"],
  ["支出决算为 5.40 万元，完成年初预算的 100.00%", "支出决算为 5.40 万元"],
];

// --- N13a: the two 0 % shares of 说明十三(一) over a 0 denominator, written as the rule suggests --------------------
const FUNDS_RIGHT: [string, string][] = [
  ["共涉及资金 0 万元，占政府性基金预算项目支出总额的 0%", "本年无政府性基金预算项目支出"],
  ["共涉及资金 0 万元，占国有资本经营预算项目支出总额的 0%", "本年无国有资本经营预算项目支出"],
];

// --- P.11: project names of 说明十三(二) written as in the 项目支出绩效自评表 ----------------------------------------
const NAMES_RIGHT: [string, string][] = [
  ["12345 政务服务热线工作经费项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为 100 分。项目全年预算数为 56.91", "12345 政府服务热线工作经费项目绩效自评情况：根据年初设定的绩效目标，项目绩效自评得分为 100 分。项目全年预算数为 56.91"],
  ["市派驻村村干部生活补助（2023.10-2024.03）项目", "市派驻村干部生活补助(2023.10-2024.3)项目"],
  ["市派驻村村干部生活补助（2024.04-2024.09）项目", "2024年4月-2024年9月市派驻村村干部生活补助项目"],
  ["特定信息工程项目绩效自评情况", "关于下达特定信息工程经费的通知项目绩效自评情况"],
];

// --- P.5–P.10: the 部门整体支出绩效自评表 and the 一级/三级指标 tables of an 整体绩效自评报告 (made-up figures) --------
// 年初预算 993.64 is the sample's 五(三) total, 全年执行 2481.93 its 公开05 合计; 全年预算 2600.00 is made up:
// 执行率 2481.93 / 2600 = 95.46 %, 预算执行得分 10 × 95.4588 % = 9.55, 结转结余率 118.07 / 2600 = 4.54 %.
const WHOLE = ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
const wholeRow = (init = "993.64", rate = "95.46%", score = "9.55") => ["部门预算总额", init, "2600.00", "2481.93", "10", rate, score];
const LEVEL = ["一级指标", "指标分值", "自评得分", "得分率"];
const levelRows = (benefitRate = "100.00%", totalScore = "98") => [
  ["预算执行", "10", "10", "100.00%"],
  ["产出指标", "50", "48", "96.00%"],
  ["效益指标", "40", "40", benefitRate],
  ["合计", "100", totalScore, ""],
];
const IND = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差度"];
const indRows = (o: { carry?: string; deviation?: string; doneScore?: string } = {}) => [
  ["预算执行", "预算执行", "结转结余率", "≤10%", o.carry || "4.54%", "10", "10", "0"],
  ["产出指标", "数量指标", "差错率", "≤20%", "25.00%", "20", "18", o.deviation || "25.00"],
  ["", "质量指标", "按时办结率", "≥95%", "99.00%", "30", o.doneScore || "30", ""],
  ["效益指标", "社会效益", "群众满意度", "≥90%", "95.00%", "40", "40", ""],
  ["总分", "", "", "", "", "100", "98", ""],
];
function perf(o: { whole?: string[]; levels?: string[][]; ind?: string[][] } = {}): Pick<Case, "add"> {
  return {
    add: [
      { name: "部门整体支出绩效自评表", rows: [["部门整体支出绩效自评表"], WHOLE, o.whole || wholeRow()] },
      { name: "一级指标得分", rows: [LEVEL, ...(o.levels || levelRows())] },
      { name: "三级指标完成情况", rows: [IND, ...(o.ind || indRows())] },
    ],
  };
}
const PERF = { name: "the sample with its 部门整体 and indicator sheets", ...perf() };

ruleTests([
  {
    rule: "T07.3",
    passes: [sample, { name: "公开07 合计 = 212 = 21208 = 2120801 = 10.00", write: FUND_OK }],
    fires: [
      {
        name: "项 2120801 printed 9.00 under its 款 21208 of 10.00",
        write: { ...FUND_OK, "公开07表!D10": "9.00", "公开07表!E10": "9.00", "公开07表!G10": "9.00" },
        // 款 21208 ≠ Σ项 in 本年收入, 本年支出小计 and 项目支出
        findings: ["error 公开07表!D9", "error 公开07表!E9", "error 公开07表!G9"],
      },
    ],
  },
  {
    rule: "N5d",
    passes: [{ name: "五(三) items with no rate over a 0 budget and the three rates restated", narrative: ITEMS_RIGHT }],
    fires: [{ name: "the same with item 9 still 「完成年初预算的 100.00%」 over 0", narrative: ITEMS_RIGHT.slice(0, 5), findings: ["error " + TEXT] }],
  },
  {
    rule: "N13a",
    passes: [{ name: "no share stated over the absent 政府性基金/国有资本经营 projects", narrative: FUNDS_RIGHT }],
    fires: [
      { name: "项目 14 个 for 15 rows of the 自评表", narrative: [...FUNDS_RIGHT, ["项目 15 个", "项目 14 个"]], findings: ["error " + TEXT] },
      // Σ 全年执行数 of the 自评表 is 1851.44, and 1815.44 / 1851.44 is 98 %, not 100 %
      { name: "共涉及资金 1815.44", narrative: [...FUNDS_RIGHT, ["共涉及资金 1851.44 万元", "共涉及资金 1815.44 万元"]], findings: ["error " + TEXT, "error " + TEXT] },
    ],
  },
  {
    rule: "P.11",
    passes: [{ name: "every project named as in the 自评表", narrative: NAMES_RIGHT }],
    fires: [{ name: "特定信息工程 left short", narrative: NAMES_RIGHT.slice(0, 3), findings: ["info " + TEXT] }],
  },
  {
    rule: "P.5",
    passes: [PERF],
    fires: [
      { name: "效益指标 得分率 90.00 % for 40 / 40", ...perf({ levels: levelRows("90.00%") }), findings: ["error 一级指标得分!D4"] },
      { name: "合计 得分 97 for 10 + 48 + 40", ...perf({ levels: levelRows("100.00%", "97") }), findings: ["error 一级指标得分!A5"] },
    ],
  },
  {
    rule: "P.6",
    passes: [PERF],
    fires: [{ name: "按时办结率 scored 29: 产出 三级 Σ 47 ≠ 一级 48", ...perf({ ind: indRows({ doneScore: "29" }) }), findings: ["error 一级指标得分!A3"] }],
  },
  {
    rule: "P.7",
    passes: [PERF],
    fires: [{ name: "差错率 偏差度 30.00 for (25 − 20) / 20", ...perf({ ind: indRows({ deviation: "30.00" }) }), findings: ["error 三级指标完成情况!C3"] }],
  },
  {
    rule: "P.8",
    passes: [PERF],
    fires: [
      { name: "年初预算数 993.46 for the 993.64 of 说明五(三)", ...perf({ whole: wholeRow("993.46") }), findings: ["error 部门整体支出绩效自评表!B3"] },
      { name: "执行率 96.46 %", ...perf({ whole: wholeRow("993.64", "96.46%") }), findings: ["error 部门整体支出绩效自评表!F3"] },
    ],
  },
  {
    rule: "P.9",
    passes: [PERF],
    fires: [{ name: "预算执行得分 10 for 10 × 95.46 %", ...perf({ whole: wholeRow("993.64", "95.46%", "10") }), findings: ["warning 部门整体支出绩效自评表!G3"] }],
  },
  {
    rule: "P.10",
    passes: [PERF],
    fires: [{ name: "结转结余率 5.54 % for 118.07 / 2600", ...perf({ ind: indRows({ carry: "5.54%" }) }), findings: ["warning 三级指标完成情况!C2"] }],
  },
  {
    rule: "S.10",
    passes: [sample],
    fires: [{ name: "公开05 amounts two rows below their codes from row 15", shift: { sheet: "公开05表", cols: ["C", "D", "E"], from: 15, by: 2 }, findings: ["error 公开05表!C15"] }],
  },
  {
    // S.9 is the engine's own failure; the one input that reaches it is a malformed template pack given to the audit
    rule: "S.9",
    passes: [sample],
    fires: [{ name: "a pack whose 功能/经济分类 pairs are missing", patch: { layout: { functionEconomicPairs: null as never } }, findings: ["warning !"] }],
  },
]);
