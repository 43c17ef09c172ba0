/**
 * The sentence patterns of RULES.md §3.3 as data: each regex (over the normalised text, so "，" is "," and
 * "（" is "(") with what its captures are. Written for ES5: no named groups, no `u` flag, no lookbehind.
 * The checks that use them are in sectionChecks.ts.
 */
import { AMT, AMT_OPT, DIR, DIR2, PCT } from "./tokens";

function re(s: string): RegExp {
  return new RegExp(s);
}

export const P = {
  /** N1/N4 total: 收、支总计均为 AMT → (num, unit). */
  total: re("收、?支总计(?:均为|各为|均|为)?" + AMT),
  /** N1/N4 when the two totals are stated apart: (side, num, unit). */
  totalApart: re("(收入|支出)总计(?:为)?" + AMT),
  /** N1/N4/N5a/N10 change: (dir, num, unit, dir2, pct). */
  yoy: re(DIR + AMT + "[,，]?(?:同比|比上年)?" + DIR2 + PCT),
  /** Zero change: 持平 / 与上年持平. */
  flat: re("持平"),
  /** N2: 收入合计 AMT. */
  incomeTotal: re("(?:本年)?收入合计" + AMT),
  /** N2 items: (item, num, unit, pct). */
  incomeItem: re("(财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入)" + AMT + "[,，]?占(?:比)?(?:[^,;。%]{0,12}?的)?" + PCT),
  /** N3: 支出合计 AMT. */
  expenseTotal: re("(?:本年)?支出合计" + AMT),
  /** N3 items. */
  expenseItem: re("(基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)" + AMT + "[,，]?占(?:比)?(?:[^,;。%]{0,12}?的)?" + PCT),
  /** N5a: 一般公共预算财政拨款支出 AMT (, 占支出合计的 PCT). */
  gpbTotal: re("一般公共预算财政拨款支出" + AMT + "(?:[,，]?占(?:本年)?(支出合计|[^,;。%]{1,12}?)的" + PCT + ")?"),
  /** N5b classes: (name, num, unit, pct, "%" or undefined: a share written without % is still read). */
  classShare: re("([^,;:。、]{1,30}?)(\\(类\\)支出|支出\\(类\\)|支出[”\"]?|[”\"])" + AMT + "[,，]?占(?:比)?(-?\\d+(?:\\.\\d+)?)(%)?"),
  /** N5c/N5d: 年初预算为 AMT, 支出决算为 AMT, 完成(年初)预算的 PCT → (bnum, bunit, num, unit, base, pct). */
  budgetRate: re("年初预算(?:数)?为" + AMT_OPT + "[,，](?:支出)?决算(?:数)?为" + AMT + "[,，]完成(年初|全年|调整)?预算(?:数)?的" + PCT),
  /** N5d item head: (n, class, 款, 项). */
  itemHead: re("^(\\d+)[.、]([^()]{1,40}?)\\(类\\)(.{1,60}?)\\(款\\)(.{1,80}?)\\(项\\)"),
  /** N5d comparison word. */
  compare: re("决算(?:数|书)(大于|小于|等于|高于|低于)(?:年初)?预算数"),
  /** N6: 基本支出 AMT; 人员经费 AMT, 主要包括: list; 公用经费 AMT, 主要包括: list. */
  basic: re("基本支出" + AMT),
  personnel: re("人员经费" + AMT + "(?:[,，]?主要包括[:：]?([^;。]+))?"),
  publicExp: re("公用经费" + AMT + "(?:[,，]?主要包括[:：]?([^;。]+))?"),
  /** N7/N8. */
  noFund: re("没有(?:使用)?政府性基金"),
  noState: re("没有(?:使用)?国有资本经营"),
  /** N9a: “三公”经费支出预算为 AMT, 支出决算为 AMT, 完成预算的 PCT. */
  sgTotal: re("三公[”\"]?经费(?:支出)?预算(?:数)?为" + AMT + "[,，]支出决算(?:数)?为" + AMT + "[,，]完成预算的" + PCT),
  /** N9b: (item, num, unit, rate, share). */
  sgItemShare: re("(因公出国\\(境\\)费|公务用车购置及运行(?:维护)?费|公务接待费)(?:支出)?决算(?:数)?(?:为)?" + AMT + "[,，]完成预算的" + PCT + "[,，]占(?:比)?(?:[^,;。%]{0,16}?的)?" + PCT),
  /** N9b item paragraphs: (item, bnum, bunit, num, unit, rate). */
  sgItemBudget: re("(因公出国\\(境\\)费|公务用车购置及运行(?:维护)?费|公务接待费)(?:支出)?预算(?:数)?为" + AMT + "[,，]支出决算(?:数)?为" + AMT + "[,，]完成预算的" + PCT),
  /** N9c details. */
  carBuy: re("公务用车购置(?:费)?支出(?:为)?" + AMT),
  carCount: re("购置(?:公务用)?车辆(\\d+)(?:台|辆)"),
  carRun: re("公务用车运行维护(?:费)?支出(?:为)?" + AMT),
  carStock: re("保有量为(\\d+)辆"),
  foreignGuest: re("外宾接待(?:费)?支出(?:为)?" + AMT_OPT),
  domesticGuest: re("国内公务接待(?:费)?支出(?:为)?" + AMT_OPT),
  abroadGroups: re("因公出国\\(境\\)团组(\\d+)个"),
  domesticGroups: re("接待国内来访团组(\\d+)个"),
  /** N10: (机关|机构) 运行经费 (支出) AMT, 比 YYYY 年 DIR AMT, DIR2 PCT. */
  running: re("机([关构])运行经费(?:支出)?" + AMT),
  runningYear: re("比(\\d{4})年" + DIR),
  /** N11. */
  procTotal: re("政府采购支出总额" + AMT),
  procGoods: re("政府采购货物支出" + AMT),
  procWorks: re("政府采购工程支出" + AMT),
  procServices: re("政府采购服务支出" + AMT),
  procSme: re("授予中小企业合同金额" + AMT + "[,，]占(政府采购支出总额|[^,;。%]{1,16}?)的" + PCT),
  procMicro: re("授予小微企业合同金额" + AMT + "[,，]占(授予中小企业合同金额|[^,;。%]{1,16}?)的" + PCT),
  /** N12. */
  cars: re("共有(?:公务用)?车辆(\\d+)辆"),
  /** N13a: 项目 n 个, 共涉及资金 AMT, 占 … 的 PCT. */
  projects: re("项目(\\d+)个[,，]共涉及资金" + AMT + "[,，]占(一般公共预算项目支出总额|[^,;。%]{1,20}?)的" + PCT),
  /** Bounded (issue 13): unbounded, a run of digits before 个 or a repeated head made it quadratic. */
  fundProjects: re("(\\d{1,15})个(政府性基金预算|国有资本经营预算)项目[^。]{0,120}?共涉及资金" + AMT_OPT + "[,，]占([^,;。%]{1,24}?)的" + PCT),
  /** N13b: 整体支出绩效评价, 涉及资金 AMT, 占 (den) 的 PCT. */
  whole: re("整体支出绩效评价[,，]?(?:共)?涉及资金" + AMT + "[,，]占([^,;。%]{1,24}?)的" + PCT),
  /** N13c project paragraph. */
  projectHead: re("^(.{1,120}?)项目绩效自评情况[:：]"),
  projectScore: re("自评得分(?:为)?(\\d+(?:\\.\\d+)?)分"),
  projectRate: re("全年预算(?:数)?为" + AMT_OPT + "[,，]执行数(?:为)?" + AMT_OPT + "[,，]完成预算的" + PCT),
  /** Hygiene. */
  template: /XX|××|某某|\{[^}]{0,12}\}|增加\(减少\)|减少\(增加\)|增长\(下降\)|下降\(增长\)|增加\/减少|增长\/下降/,
  /**
   * The number is taken whole, never backtracked into ((?=(…))\1 is an atomic group in ES5): backtracking made
   * 占 + a long run of digits + % quadratic (issue 13), and read "占125万元" as a share "占12" without %.
   */
  pctNoUnit: /占(?:比)?(?=(\d+(?:\.\d+)?))\1(?![\d.]*%)(?!万|元|亿|个|人|辆|台|项|家|次|年|月|日|平方|亩)/,
  doubled: /。。|,,|，，|、、|;;|；；/,
  typos: [{ re: /决算书(?=[大小等高低]于)/, right: "决算数" }],
};
