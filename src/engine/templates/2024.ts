/**
 * The 2024 template pack (the seed's template, RULES.md §1): the base every other year and region is declared
 * against (templates/years.ts). A new template year is a patch of this data, not new code.
 */
import { ClassSpec, ColumnSpec, LineSpec, TableSpec, TemplatePack } from "./types";

const col = (key: string, name: string, match: RegExp): ColumnSpec => ({ key, name, match });

/** 公开07's columns; also 公开08 where a region publishes it as a 收入支出 table (RULES.md §1 公开08). */
const FUND_COLUMNS: ColumnSpec[] = [
  col("c1", "年初结转和结余", /年初/),
  col("c6", "年末结转和结余", /年末/),
  col("c2", "本年收入", /本年收入|收入/),
  col("c4", "基本支出", /基本支出/),
  col("c5", "项目支出", /项目支出/),
  col("c3", "本年支出小计", /小计|合计|本年支出/),
];

const TABLES: TableSpec[] = [
  { id: "公开01", kind: "summary", name: "收入支出决算总表", titles: ["收入支出决算总表"] },
  {
    id: "公开02",
    kind: "coded",
    name: "收入决算表",
    titles: ["收入决算表"],
    columns: [
      col("c2", "财政拨款收入", /财政拨款/),
      col("c3", "上级补助收入", /上级补助/),
      col("c4", "事业收入", /事业收入/),
      col("c5", "经营收入", /经营收入/),
      col("c6", "附属单位上缴收入", /附属单位/),
      col("c7", "其他收入", /其他收入/),
      col("c1", "本年收入合计", /合计|收入/),
    ],
  },
  {
    id: "公开03",
    kind: "coded",
    name: "支出决算表",
    titles: ["支出决算表"],
    columns: [
      col("c2", "基本支出", /基本支出/),
      col("c3", "项目支出", /项目支出/),
      col("c4", "上缴上级支出", /上缴上级/),
      col("c5", "经营支出", /经营支出/),
      col("c6", "对附属单位补助支出", /附属单位/),
      col("c1", "本年支出合计", /合计|支出/),
    ],
  },
  { id: "公开04", kind: "summary", name: "财政拨款收入支出决算总表", titles: ["财政拨款收入支出决算总表"] },
  {
    id: "公开05",
    kind: "coded",
    name: "一般公共预算财政拨款支出决算表",
    titles: ["一般公共预算财政拨款支出决算表"],
    columns: [col("c2", "基本支出", /基本支出/), col("c3", "项目支出", /项目支出/), col("c1", "本年支出小计", /小计|合计|本年支出/)],
  },
  {
    id: "公开06",
    kind: "basic",
    name: "一般公共预算财政拨款基本支出决算明细表",
    titles: ["一般公共预算财政拨款基本支出决算明细表", "基本支出决算明细表", "基本支出决算表"],
  },
  {
    id: "公开07",
    kind: "coded",
    name: "政府性基金预算财政拨款收入支出决算表",
    titles: ["政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"],
    columns: FUND_COLUMNS,
    mayBeEmpty: true,
  },
  {
    id: "公开08",
    kind: "coded",
    name: "国有资本经营预算财政拨款支出决算表",
    titles: ["国有资本经营预算财政拨款支出决算表"],
    columns: [col("c2", "基本支出", /基本支出/), col("c3", "项目支出", /项目支出/), col("c1", "本年支出合计", /合计|小计|本年支出/)],
    variant: { when: /年初/, columns: FUND_COLUMNS },
    mayBeEmpty: true,
  },
  {
    id: "公开09",
    kind: "sangong",
    name: "“三公”经费支出决算表",
    titles: ["一般公共预算财政拨款三公经费支出决算表", "财政拨款三公经费支出决算表", "三公经费支出决算表"],
    mayBeEmpty: true,
  },
];

/** 公开09: the six items, matched on one header part at a time from the leaf upwards. */
const SANGONG_ITEMS: { offset: number; name: string; match: RegExp }[] = [
  { offset: 1, name: "合计", match: /合计/ },
  { offset: 2, name: "因公出国（境）费", match: /出国/ },
  { offset: 3, name: "公务用车购置及运行维护费", match: /^小计$|购置及运行/ },
  { offset: 4, name: "公务用车购置费", match: /购置/ },
  { offset: 5, name: "公务用车运行维护费", match: /运行/ },
  { offset: 6, name: "公务接待费", match: /接待/ },
];

/** 公开09's header and its one data row (RULES.md §1 公开09: 预算数 栏1–6, 决算数 栏7–12). */
const SANGONG_HEAD: TemplatePack["sangongHead"] = {
  start: /预算|决算|合计|出国|接待/,
  budget: /预算/,
  actual: /决算/,
  budgetName: "预算数",
  actualName: "决算数",
  rowName: "“三公”经费",
};

/** 功能分类 类 (2024) with the names printed in 公开01/04 and older names (RULES.md Appendix A, §4.5). */
const CLASSES: ClassSpec[] = [
  { code: "201", name: "一般公共服务支出" },
  { code: "202", name: "外交支出" },
  { code: "203", name: "国防支出" },
  { code: "204", name: "公共安全支出" },
  { code: "205", name: "教育支出" },
  { code: "206", name: "科学技术支出" },
  { code: "207", name: "文化旅游体育与传媒支出", aliases: ["文化体育与传媒支出"], outdated: [{ name: "文化体育与传媒支出", lastYear: 2018 }] },
  { code: "208", name: "社会保障和就业支出" },
  { code: "210", name: "卫生健康支出", aliases: ["医疗卫生与计划生育支出", "医疗卫生支出"], outdated: [{ name: "医疗卫生与计划生育支出", lastYear: 2018 }] },
  { code: "211", name: "节能环保支出" },
  { code: "212", name: "城乡社区支出" },
  { code: "213", name: "农林水支出" },
  { code: "214", name: "交通运输支出" },
  { code: "215", name: "资源勘探工业信息等支出", aliases: ["资源勘探信息等支出"] },
  { code: "216", name: "商业服务业等支出" },
  { code: "217", name: "金融支出" },
  { code: "219", name: "援助其他地区支出" },
  { code: "220", name: "自然资源海洋气象等支出", aliases: ["国土海洋气象等支出"] },
  { code: "221", name: "住房保障支出" },
  { code: "222", name: "粮油物资储备支出" },
  { code: "223", name: "国有资本经营预算支出" },
  { code: "224", name: "灾害防治及应急管理支出" },
  { code: "227", name: "预备费" },
  { code: "229", name: "其他支出" },
  { code: "231", name: "债务还本支出" },
  { code: "232", name: "债务付息支出" },
  { code: "233", name: "债务发行费用支出" },
  { code: "234", name: "抗疫特别国债安排的支出" },
];

const line = (key: string, side: "income" | "expense", name: string, match: RegExp, extra: Partial<LineSpec> = {}): LineSpec => ({
  key,
  side,
  name,
  match,
  ...extra,
});

const T01_LINES: LineSpec[] = [
  line("L1", "income", "一般公共预算财政拨款收入", /^一般公共预算财政拨款(收入)?$/, { item: true }),
  line("L2", "income", "政府性基金预算财政拨款收入", /^政府性基金预算财政拨款(收入)?$/, { item: true }),
  line("L3", "income", "国有资本经营预算财政拨款收入", /^国有资本经营预算财政拨款(收入)?$/, { item: true }),
  line("L1+2", "income", "财政拨款收入", /^财政拨款收入$/, { item: true }),
  line("L4", "income", "上级补助收入", /^上级补助收入$/, { item: true }),
  line("L5", "income", "事业收入", /^事业收入$/, { item: true }),
  line("L6", "income", "经营收入", /^经营收入$/, { item: true }),
  line("L7", "income", "附属单位上缴收入", /^附属单位上缴收入$/, { item: true }),
  line("L8", "income", "其他收入", /^其他收入$/, { item: true }),
  line("L27", "income", "本年收入合计", /^本年收入合计$/, { total: true }),
  line("L28", "income", "使用非财政拨款结余", /^(使用非财政拨款结余|用事业基金弥补收支差额)/),
  line("L29", "income", "年初结转和结余", /^年初结转和结余$/),
  line("L30", "income", "总计", /^总计$/, { total: true }),
  line("L57", "expense", "本年支出合计", /^本年支出合计$/, { total: true }),
  line("L58", "expense", "结余分配", /^结余分配$/),
  line("L59", "expense", "年末结转和结余", /^年末结转和结余$/),
  line("L60", "expense", "总计", /^总计$/, { total: true }),
];

const T04_LINES: LineSpec[] = [
  line("L1", "income", "一般公共预算财政拨款", /^一般公共预算财政拨款(收入)?$/, { item: true }),
  line("L2", "income", "政府性基金预算财政拨款", /^政府性基金预算财政拨款(收入)?$/, { item: true }),
  line("L3", "income", "国有资本经营预算财政拨款", /^国有资本经营预算财政拨款(收入)?$/, { item: true }),
  line("L27", "income", "本年收入合计", /^本年收入合计$/, { total: true }),
  line("L28", "income", "年初财政拨款结转和结余", /^年初财政拨款结转和结余$|^年初结转和结余$/, { total: true }),
  line("L29", "income", "年初结转和结余：一般公共预算财政拨款", /^一般公共预算财政拨款$/, { after: "L28" }),
  line("L30", "income", "年初结转和结余：政府性基金预算财政拨款", /^政府性基金预算财政拨款$/, { after: "L28" }),
  line("L31", "income", "年初结转和结余：国有资本经营预算财政拨款", /^国有资本经营预算财政拨款$/, { after: "L28" }),
  line("L32", "income", "总计", /^总计$/, { total: true }),
  line("L59", "expense", "本年支出合计", /^本年支出合计$/, { total: true }),
  line("L60", "expense", "年末财政拨款结转和结余", /^年末财政拨款结转和结余$|^年末结转和结余$/, { total: true }),
  line("L61", "expense", "年末结转和结余：一般公共预算财政拨款", /^一般公共预算财政拨款$/, { after: "L60" }),
  line("L62", "expense", "年末结转和结余：政府性基金预算财政拨款", /^政府性基金预算财政拨款$/, { after: "L60" }),
  line("L63", "expense", "年末结转和结余：国有资本经营预算财政拨款", /^国有资本经营预算财政拨款$/, { after: "L60" }),
  line("L64", "expense", "总计", /^总计$/, { total: true }),
];

/** 公开04 expense columns (栏2–5) by header text; 公开01 has one amount column per side. */
const T04_EXPENSE_COLUMNS: ColumnSpec[] = [
  col("c3", "一般公共预算财政拨款", /一般公共预算/),
  col("c4", "政府性基金预算财政拨款", /政府性基金/),
  col("c5", "国有资本经营预算财政拨款", /国有资本/),
  col("c2", "合计", /合计|小计|金额/),
];

/** 公开06 lanes: 人员经费 holds 301 and 303, 公用经费 the rest (RULES.md §4.2). */
const PERSONNEL_CLASSES = ["301", "303"];
const PUBLIC_CLASSES = ["302", "307", "309", "310", "311", "312", "313", "399"];

/** 公开06's closing totals (人员经费合计 / 公用经费合计) by lane. */
const BASIC_TOTALS: TemplatePack["basicTotals"] = [
  { key: "P.total", name: "人员经费合计", lane: "personnel" },
  { key: "G.total", name: "公用经费合计", lane: "public" },
];

/** 项 that carry only 基本支出 (RULES.md T03.6, [S10]): project spending belongs under 一般行政管理事务 etc. */
const BASIC_ONLY_ITEMS = ["行政运行", "事业运行"];

/**
 * X.13 (RULES.md X.13): 基本支出 by function vs by economic class. One 项 can hold several 款, so these are hints
 * (a mismatch is a 疑点), e.g. 退休费 paid inside 行政运行 instead of 离退休.
 */
const FUNCTION_ECONOMIC_PAIRS: TemplatePack["functionEconomicPairs"] = [
  { functions: ["2080505"], economic: ["30108"] },
  { functions: ["2080506"], economic: ["30109"] },
  { functions: ["2101101", "2101102"], economic: ["30110"] },
  { functions: ["2101103"], economic: ["30111"] },
  { functions: ["2210201"], economic: ["30113"] },
];
const RETIREMENT_PAIR: TemplatePack["retirementPair"] = { functions: ["2080501", "2080502"], functionsName: "行政/事业单位离退休", economic: ["30301", "30302"], economicName: "离退休费" };

/**
 * 部门预算支出经济分类 (2018 reform onward, RULES.md §4.2): 类 and 款 by name, to infer the codes of a 公开06
 * printed with names only (§8.1 item 2). One string per 类: "code name" pairs separated by "|", the 类 first.
 * Names repeat across 类 (309xx/310xx, 311xx/312xx, 399 and 39999 其他支出): the 类 read above decides.
 */
const ECONOMIC_2018 = [
  "301 工资福利支出|30101 基本工资|30102 津贴补贴|30103 奖金|30106 伙食补助费|30107 绩效工资|30108 机关事业单位基本养老保险缴费|30109 职业年金缴费|30110 职工基本医疗保险缴费|30111 公务员医疗补助缴费|30112 其他社会保障缴费|30113 住房公积金|30114 医疗费|30199 其他工资福利支出",
  "302 商品和服务支出|30201 办公费|30202 印刷费|30203 咨询费|30204 手续费|30205 水费|30206 电费|30207 邮电费|30208 取暖费|30209 物业管理费|30211 差旅费|30212 因公出国（境）费用|30213 维修（护）费|30214 租赁费|30215 会议费|30216 培训费|30217 公务接待费|30218 专用材料费|30224 被装购置费|30225 专用燃料费|30226 劳务费|30227 委托业务费|30228 工会经费|30229 福利费|30231 公务用车运行维护费|30239 其他交通费用|30240 税金及附加费用|30299 其他商品和服务支出",
  "303 对个人和家庭的补助|30301 离休费|30302 退休费|30303 退职（役）费|30304 抚恤金|30305 生活补助|30306 救济费|30307 医疗费补助|30308 助学金|30309 奖励金|30310 个人农业生产补贴|30311 代缴社会保险费|30399 其他对个人和家庭的补助",
  "307 债务利息及费用支出|30701 国内债务付息|30702 国外债务付息|30703 国内债务发行费用|30704 国外债务发行费用",
  "309 资本性支出（基本建设）|30901 房屋建筑物购建|30902 办公设备购置|30903 专用设备购置|30905 基础设施建设|30906 大型修缮|30907 信息网络及软件购置更新|30908 物资储备|30913 公务用车购置|30919 其他交通工具购置|30921 文物和陈列品购置|30922 无形资产购置|30999 其他基本建设支出",
  "310 资本性支出|31001 房屋建筑物购建|31002 办公设备购置|31003 专用设备购置|31005 基础设施建设|31006 大型修缮|31007 信息网络及软件购置更新|31008 物资储备|31009 土地补偿|31010 安置补助|31011 地上附着物和青苗补偿|31012 拆迁补偿|31013 公务用车购置|31019 其他交通工具购置|31021 文物和陈列品购置|31022 无形资产购置|31099 其他资本性支出",
  "311 对企业补助（基本建设）|31101 资本金注入|31199 其他对企业补助",
  "312 对企业补助|31201 资本金注入|31203 政府投资基金股权投资|31204 费用补贴|31205 利息补贴|31299 其他对企业补助",
  "313 对社会保障基金补助|31302 对社会保险基金补助|31303 补充全国社会保障基金|31304 对机关事业单位职业年金的补助",
  "399 其他支出|39906 赠与|39907 国家赔偿费用支出|39908 对民间非营利组织和群众性自治组织补贴|39909 经常性赠与|39910 资本性赠与|39999 其他支出",
];

/**
 * Lines of 公开01 that must all be 0 for a conditional rule to apply (RULES.md X.11, X.22): no 结转结余 and no
 * 非财政拨款结余 (noCarryOver), and besides only 一般公共预算 income (onlyGeneralBudget).
 */
const CONDITIONS: TemplatePack["conditions"] = {
  noCarryOver: [["L28", "c1"], ["L29", "c1"], ["L58", "c2"], ["L59", "c2"]],
  onlyGeneralBudget: [["L2", "c1"], ["L3", "c1"], ["L4", "c1"], ["L5", "c1"], ["L6", "c1"], ["L7", "c1"], ["L8", "c1"], ["L28", "c1"], ["L29", "c1"], ["L58", "c2"], ["L59", "c2"]],
};

/**
 * The 2024 document (issue 12 item 5): the thirteen sections of the 情况说明 (第三部分) and the 名词解释 (第四部分),
 * as in the 2024 template the sample follows. A year or region that drops or adds a section patches `document`.
 */
const DOCUMENT_2024: NonNullable<TemplatePack["document"]> = {
  sections: [
    { kind: "S1", name: "收入支出决算总体情况说明" },
    { kind: "S2", name: "收入决算情况说明" },
    { kind: "S3", name: "支出决算情况说明" },
    { kind: "S4", name: "财政拨款收入支出决算总体情况说明" },
    { kind: "S5", name: "一般公共预算财政拨款支出决算情况说明" },
    { kind: "S6", name: "一般公共预算财政拨款基本支出决算情况说明" },
    { kind: "S7", name: "政府性基金预算财政拨款支出决算情况说明" },
    { kind: "S8", name: "国有资本经营预算财政拨款支出决算情况说明" },
    { kind: "S9", name: "一般公共预算财政拨款“三公”经费支出决算情况说明" },
    { kind: "S10", name: "机关运行经费支出情况说明" },
    { kind: "S11", name: "政府采购支出情况说明" },
    { kind: "S12", name: "国有资产占用情况说明" },
    { kind: "S13", name: "预算绩效情况说明" },
  ],
  glossary: true,
};

export const PACK_2024: TemplatePack = {
  year: "2024",
  document: DOCUMENT_2024,
  tables: TABLES,
  classes: CLASSES,
  t01Lines: T01_LINES,
  t04Lines: T04_LINES,
  t04ExpenseColumns: T04_EXPENSE_COLUMNS,
  summaryAmounts: { income: { key: "c1", name: "收入金额" }, expense: { key: "c2", name: "支出金额" } },
  sangongItems: SANGONG_ITEMS,
  sangongHead: SANGONG_HEAD,
  basicTotals: BASIC_TOTALS,
  basicOnlyItems: BASIC_ONLY_ITEMS,
  functionEconomicPairs: FUNCTION_ECONOMIC_PAIRS,
  retirementPair: RETIREMENT_PAIR,
  personnelClasses: PERSONNEL_CLASSES,
  publicClasses: PUBLIC_CLASSES,
  economic: ECONOMIC_2018,
  economicOld: {},
  conditions: CONDITIONS,
};
