/**
 * The rule registry (issue 9 §1): every rule id the engine can report, registered exactly once, with its
 * severity, a Chinese title, its place in RULES.md and the tables it reads. `npm run audit -- --rules` prints it.
 *
 * The declarative rules stay in catalogue.ts; several catalogue entries under one id are the parameters of that
 * one rule (T04.6 for each of four columns, X.3 for each of five income items, T07.1/T07.2 for 公开07 and for a
 * 公开08 published as a 收入支出 table, as RULES.md 公开08 says). Their `kind` and `tables` are read from the
 * catalogue, so the two cannot drift apart. Hand-written checks (structural.ts, audit.ts, context.ts, narrative/)
 * have kind "check". test/rules/registry.test.ts checks that every id the engine writes is here, that every id
 * here is in RULES.md or marked `project` with its reason, and that every RULES.md id is here or in
 * NOT_IMPLEMENTED with its reason.
 *
 * `severity` is the most serious outcome the rule can have (an "error" rule may also end as 尾差 or 疑点 when
 * rounding or an inferred operand explains or caps it, RULES.md §0.3, §5).
 */
import { Severity } from "../types";
import { CATALOGUE } from "./catalogue";

export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  /** Where the rule is defined: "RULES.md §1 公开04" …, or "project" for the project's own ids. */
  section: string;
  /** A catalogue kind ("sum", "tree", "same|perClass" …) or "check" for a hand-written check. */
  kind: string;
  /** Tables whose figures the rule reads (公开01–09, 情况说明, 绩效); [] for notices about the workbook. */
  tables: string[];
  /** Only for `section: "project"`: why the project has an id RULES.md does not. */
  reason?: string;
}

const ALL9 = ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09"];
const CODED = ["公开02", "公开03", "公开05", "公开07", "公开08"];
const NARR = ["情况说明"];
const PERF = ["绩效"];

type Row = [id: string, severity: Severity, title: string, tables?: string[]];

/** Rules of one RULES.md section; tables of catalogue rules come from the catalogue. */
function section(name: string, rows: Row[]): RuleMeta[] {
  return rows.map(([id, severity, title, tables]) => ({ id, severity, title, section: name, kind: "check", tables: tables || [] }));
}

const PROJECT = "project";

/** Project rules (ids RULES.md does not have) that share one reason: rows of [id, severity, title, tables]. */
function projectChecks(reason: string, rows: [string, Severity, string, string[]][]): RuleMeta[] {
  return rows.map(([id, severity, title, tables]) => ({ id, severity, title, section: PROJECT, kind: "check", tables, reason }));
}

const DECLARED: RuleMeta[] = [
  ...section("RULES.md §1 公开01", [
    ["T01.1", "error", "本年收入合计 = 各项收入之和"],
    ["T01.2", "error", "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余"],
    ["T01.3", "error", "本年支出合计 = 各功能分类类级支出之和"],
    ["T01.4", "error", "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余"],
    ["T01.5", "error", "收入总计 = 支出总计（收支平衡）"],
    ["T01.6", "warning", "空行次不填金额（无项目名称的行不应有数）", ["公开01"]],
    ["T01.7", "warning", "金额不为负数", ["公开01"]],
  ]),
  ...section("RULES.md §1 公开02", [
    ["T02.1", "error", "每行 本年收入合计 = 各项收入之和"],
    ["T02.2", "error", "合计 = 各类之和（每栏）"],
    ["T02.3", "error", "类 = 所属各款之和（每栏）"],
    ["T02.4", "error", "款 = 所属各项之和（每栏）"],
    ["T02.5", "error", "科目完整：项、款均有其上级科目", ["公开02"]],
    ["T02.7", "warning", "功能分类公开到项级科目", CODED],
  ]),
  ...section("RULES.md §1 公开03", [
    ["T03.1", "error", "每行 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出"],
    ["T03.2", "error", "合计 = 各类之和（每栏）"],
    ["T03.3", "error", "类 = 所属各款之和（每栏）"],
    ["T03.4", "error", "款 = 所属各项之和（每栏）"],
    ["T03.5", "error", "科目完整：项、款均有其上级科目", ["公开03"]],
    ["T03.6", "warning", "“行政运行”项只列基本支出", ["公开03"]],
  ]),
  ...section("RULES.md §1 公开04", [
    ["T04.1", "error", "本年收入合计 = 三项财政拨款之和"],
    ["T04.2", "error", "年初财政拨款结转和结余 = 按资金来源之和"],
    ["T04.3", "error", "收入总计 = 本年收入合计 + 年初结转和结余"],
    ["T04.4", "error", "每行 支出合计 = 一般公共预算 + 政府性基金 + 国有资本经营"],
    ["T04.5", "error", "本年支出合计 = 各功能分类类级支出之和（每栏）"],
    ["T04.6", "error", "支出总计 = 本年支出合计 + 年末结转和结余（每栏）"],
    ["T04.7", "error", "收入总计 = 支出总计"],
    ["T04.8", "error", "按资金来源：本年收入 + 年初结转 = 本年支出 + 年末结转"],
    ["T04.9", "warning", "空行次不填金额（无项目名称的行不应有数）", ["公开04"]],
  ]),
  ...section("RULES.md §1 公开05", [
    ["T05.1", "error", "每行 本年支出小计 = 基本支出 + 项目支出"],
    ["T05.2", "error", "合计 = 各类之和（每栏）"],
    ["T05.3", "error", "类 = 所属各款之和（每栏）"],
    ["T05.4", "error", "款 = 所属各项之和（每栏）"],
    ["T05.5", "error", "科目完整：项、款均有其上级科目", ["公开05"]],
    ["T05.6", "warning", "“行政运行”项只列基本支出", ["公开05"]],
  ]),
  ...section("RULES.md §1 公开06", [
    ["T06.1", "error", "类 = 所属各款之和", ["公开06"]],
    ["T06.2", "error", "人员经费合计 = 人员经费各类之和", ["公开06"]],
    ["T06.3", "error", "公用经费合计 = 公用经费各类之和", ["公开06"]],
    ["T06.4", "error", "人员经费、公用经费合计 = 各款之和", ["公开06"]],
    ["T06.6", "error", "经济分类放在正确的栏（人员经费 / 公用经费）", ["公开06"]],
  ]),
  ...section("RULES.md §1 公开07", [
    ["T07.1", "error", "每行 本年支出小计 = 基本支出 + 项目支出（公开07，及按收入支出表公开的公开08）"],
    ["T07.2", "warning", "每行 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出（公开07，及按收入支出表公开的公开08）"],
    ["T07.3", "error", "合计 = Σ类，类 = Σ款，款 = Σ项（每栏）；科目完整"],
    ["T07.4", "error", "空表须有“本表无数据”的说明", ["公开07"]],
  ]),
  ...section("RULES.md §1 公开08", [
    ["T08.1", "error", "每行 本年支出合计 = 基本支出 + 项目支出；合计 = Σ类，类 = Σ款，款 = Σ项；科目完整"],
    ["T08.2", "error", "空表须有“本表无数据”的说明", ["公开08"]],
  ]),
  ...section("RULES.md §1 公开09", [
    ["T09.1", "error", "预算数合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"],
    ["T09.2", "error", "预算数 公务用车购置及运行维护费 = 购置费 + 运行维护费"],
    ["T09.3", "error", "决算数合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"],
    ["T09.4", "error", "决算数 公务用车购置及运行维护费 = 购置费 + 运行维护费"],
    ["T09.7", "warning", "决算数大于预算数须在情况说明中解释", ["公开09"]],
  ]),
  ...section("RULES.md §2", [
    ["X.1", "error", "公开02 本年收入合计 = 公开01 本年收入合计"],
    ["X.2", "error", "公开02 财政拨款收入 = 公开01 三项财政拨款收入之和"],
    ["X.3", "error", "公开02 上级补助、事业、经营、附属单位上缴、其他收入 = 公开01 同项"],
    ["X.4", "error", "公开03 本年支出合计 = 公开01 本年支出合计"],
    ["X.5", "error", "公开03 各类支出 = 公开01 对应类级支出"],
    ["X.6", "error", "公开04 三项财政拨款收入 = 公开01 同项"],
    ["X.7", "error", "公开04 各类财政拨款支出 ≤ 公开01 对应类级支出"],
    ["X.8", "error", "财政拨款年初、年末结转和结余 ≤ 公开01 年初、年末结转和结余"],
    ["X.9", "error", "公开05 合计 = 公开04 一般公共预算财政拨款本年支出"],
    ["X.10", "error", "公开05 各类支出 = 公开04 一般公共预算财政拨款对应类级支出"],
    ["X.11", "error", "公开05 各科目 ≤ 公开03 同一科目（只有一般公共预算收入且无结转结余时应相等）"],
    ["X.12", "error", "公开05 基本支出合计 = 公开06 人员经费合计 + 公用经费合计"],
    ["X.13", "warning", "功能分类与经济分类的基本支出相互印证（提示）", ["公开05", "公开06"]],
    ["X.14", "error", "公开07 与公开04 政府性基金各项一致"],
    ["X.15", "error", "公开08 与公开04 国有资本经营各项一致"],
    ["X.16", "error", "公开06 因公出国（境）费用 ≤ 公开09 因公出国（境）费决算数"],
    ["X.17", "error", "公开06 公务接待费 ≤ 公开09 公务接待费决算数"],
    ["X.18", "error", "公开06 公务用车运行维护费 ≤ 公开09 公务用车运行维护费决算数"],
    ["X.19", "error", "公开06 公务用车购置 ≤ 公开09 公务用车购置费决算数"],
    ["X.20", "error", "公开09 “三公”经费决算数 ≤ 公开05 本年支出合计"],
    ["X.22", "error", "无结转结余时公开02 与公开03 各科目收支相等"],
    ["X.25", "warning", "各表表头的年度、单位名称一致", ALL9],
  ]),
  ...section("RULES.md §3.3", [
    ["N1", "error", "说明一 收入支出决算总体情况与公开01 一致，增减额与增减率相符", NARR.concat(["公开01"])],
    ["N2", "error", "说明二 收入决算各项金额与占比与公开02 一致", NARR.concat(["公开02"])],
    ["N3", "error", "说明三 支出决算各项金额与占比与公开03 一致", NARR.concat(["公开03"])],
    ["N4", "error", "说明四 财政拨款收支总体情况与公开04 一致", NARR.concat(["公开04"])],
    ["N5a", "error", "说明五(一) 一般公共预算财政拨款支出总额、占比与公开05 一致", NARR.concat(["公开05", "公开03"])],
    ["N5b", "error", "说明五(二) 各类支出金额、占比与公开05 一致，非零类均已列示", NARR.concat(["公开05"])],
    ["N5c", "error", "说明五(三) 年初预算、支出决算与完成率", NARR.concat(["公开05"])],
    ["N5d", "error", "说明五(三) 各项目的年初预算、支出决算、完成率与公开05 一致", NARR.concat(["公开05"])],
    ["N6", "error", "说明六 基本支出、人员经费、公用经费与公开05/06 一致，所列科目与公开06 相符", NARR.concat(["公开05", "公开06"])],
    ["N7", "error", "说明七 “没有政府性基金”与公开07 相符", NARR.concat(["公开07"])],
    ["N8", "error", "说明八 “没有国有资本经营”与公开08 相符", NARR.concat(["公开08"])],
    ["N9a", "error", "说明九(一) “三公”经费预算、决算与完成率与公开09 一致", NARR.concat(["公开09"])],
    ["N9b", "error", "说明九(二) “三公”经费各项决算、完成率、占比与公开09 一致", NARR.concat(["公开09"])],
    ["N9c", "warning", "说明九(二) 公务用车、公务接待、因公出国的明细与公开09 相符", NARR.concat(["公开09"])],
    ["N10", "error", "说明十 机关（机构）运行经费与公开06 公用经费相符，增减率正确", NARR.concat(["公开06"])],
    ["N11", "error", "说明十一 政府采购总额 = 货物 + 工程 + 服务，中小企业占比正确", NARR],
    ["N12", "error", "说明十二 车辆数与说明九一致", NARR],
    ["N13a", "error", "说明十三(一) 项目个数、资金、占项目支出的比例与绩效表和公开05 一致", NARR.concat(PERF, ["公开05"])],
    ["N13b", "error", "说明十三(一) 整体支出绩效评价的资金占比按所称分母计算正确", NARR.concat(["公开05"])],
    ["N13c", "error", "说明十三(二) 各项目预算、执行数、完成率、得分与自评汇总表一致", NARR.concat(PERF)],
    ["N-TOC", "info", "目录标题与正文标题一致", NARR],
    ["N-PCT-UNIT", "error", "占比须带百分号“%”", NARR],
    ["N-TEMPLATE", "warning", "没有遗留的模板占位符（XX、某某、增加（减少）……）", NARR],
    ["N-PUNCT", "info", "没有重复的标点或词语", NARR],
  ]),
  ...section("RULES.md §3.4", [
    ["P.1", "error", "项目预算执行率 = 全年执行数 ÷ 全年预算数", PERF],
    ["P.2", "error", "全年执行数 = 系统查询全年执行数", PERF],
    ["P.3", "warning", "自评得分与指标权重、得分率相符（模型推断）", PERF],
    ["P.4", "warning", "覆盖 100% 时各项目执行数之和 = 项目支出", PERF.concat(["公开05"])],
    ["P.5", "error", "一级指标：得分率 = 得分 ÷ 分值，Σ分值 = 100，Σ得分 = 合计 = 文中总分", PERF.concat(NARR)],
    ["P.6", "error", "三级指标的分值、得分之和与个数与一级指标和文中所述一致", PERF.concat(NARR)],
    ["P.7", "error", "偏差度 = (实际 − 目标) ÷ 目标 × 100", PERF],
    ["P.8", "error", "部门整体：执行率、年初预算、执行数与说明五和公开05 一致", PERF.concat(NARR, ["公开05"])],
    ["P.9", "warning", "预算执行得分 = 分值 × 执行率（常见规则）", PERF],
    ["P.10", "warning", "可由同表重算的派生指标（结转结余率、预算调整率、“三公”控制率）", PERF],
    ["P.11", "info", "项目名称在文中与表中一致", PERF.concat(NARR)],
  ]),
  ...[
    ["S.1", "warning", "缺表（附原因），其余各表照常审核", ALL9],
    ["S.2", "warning", "同一张表出现多次，说明审核的是哪一份", ALL9],
    ["S.3", "warning", "取数不足：参与勾稽的单元格不是金额（文字、错误值、无缓存结果的公式）", ALL9],
    ["S.4", "info", "存储值含有未显示的小数，按显示值审核", ALL9],
    ["S.5", "warning", "各表金额单位不一致", ALL9],
    ["S.6", "info", "表位于隐藏的工作表", ALL9],
    ["S.7", "warning", "表中有无法识别的行或栏", ALL9],
    ["S.8", "info", "换算为万元的表缺少尾差说明", ALL9],
    ["S.9", "warning", "审核某项时出现内部错误，该项未完成", []],
  ].map(([id, severity, title, tables]) => ({
    id: id as string,
    severity: severity as Severity,
    title: title as string,
    section: PROJECT,
    kind: "check",
    tables: tables as string[],
    reason: "读表的说明（README「审核什么」读表一行）：RULES.md 只规定勾稽关系，没有为读取工作簿时的情况编号",
  })),
  {
    id: "N-SOURCE",
    severity: "info",
    title: "说明所核对的情况说明文字的来源（工作表或外部文本）",
    section: PROJECT,
    kind: "check",
    tables: NARR,
    reason: "README「Narrative source」决定：粘贴或 --narrative 的文字取代工作簿中的情况说明时须告诉用户",
  },
  {
    id: "N-TABLES",
    severity: "info",
    title: "情况说明与公开01–09 表的核对（只给情况说明、未提供工作簿时为未审核）",
    section: PROJECT,
    kind: "check",
    tables: NARR,
    reason: "issue 8 §3：--narrative 单独审核文本时，所有与表的核对须列为未审核并说明原因（缺表）",
  },
  // Wording defects that need no table (narrative/wording.ts, issue 8 §3)
  ...projectChecks(
    "issue 8 §3 所列的文字问题，RULES.md 未编号（N-PUNCT 之外的用词、年度、科目名称）",
    [
      ["N-WORD", "error", "用词前后矛盾（“减增加”“大小于”，或同一句既说增减又说持平）", NARR],
      ["N-YEAR", "error", "标题、目录中的年度完整且为决算年度；正文中的年度完整", NARR],
      ["N-NAME", "warning", "功能分类类名为该年度的名称（不用已更名的旧名）", NARR],
    ]
  ),
  // Checks inside the text (RULES.md §8.2.2–8.2.4 describe them without ids; narrative/inText.ts)
  ...projectChecks(
    "RULES.md §8.2.2–8.2.4 规定了文内勾稽但未编号；项目按 issue 8 §3 所列各项编为 NT.1–NT.8",
    [
      ["NT.1", "error", "文中所述总数 = 其中所列各项之和（未列全时各项之和不大于总数）", NARR],
      ["NT.2", "error", "同一总数下各项占比 = 该项 ÷ 总数，列全时合计 100%", NARR],
      ["NT.3", "error", "文中增减额、增减率、完成率与文中两数相符；收入总计 = 支出总计", NARR],
      ["NT.4", "error", "增加/增长、减少/下降、持平与变动方向一致", NARR],
      ["NT.5", "error", "车辆数：总数 = 其中各类车辆之和", NARR],
      ["NT.6", "error", "分母为 0（预算为 0、上年为 0、总数为 0）时不得列示比率", NARR],
      ["NT.7", "error", "占比不超过 100%，且在表中总计允许的范围内", NARR],
      ["NT.8", "warning", "必要的说明：增减或未完成预算的原因、国内公务接待批次与人次、购置车辆数", NARR],
    ]
  ),
  // Completeness of the published document (issue 12 item 5; src/engine/completeness/), beside S.1, T07.4, T08.2, N-TOC
  ...projectChecks(
    "issue 12 第 5 项：公开文件的完整性；RULES.md 只为公开07/08 的空表说明（T07.4、T08.2）和目录标题（N-TOC）编了号",
    [
      ["CP.1", "warning", "公开09 没有数据时须有空表说明", ["公开09"]],
      ["CP.2", "warning", "情况说明包括模板要求的各节（模板包 document.sections）", NARR],
      ["CP.3", "warning", "目录与正文各节一一对应（目录未列的节、目录列出而正文没有的节）", NARR],
      ["CP.4", "warning", "文件包括名词解释（模板包 document.glossary）", NARR],
    ]
  ),
  // Last year's document (issue 12 items 1, 2; src/engine/prior/): RULES.md compares one year's document only
  ...projectChecks(
    "issue 12 第 1、2 项：与上年文件对比（--previous、--previous-dir）；RULES.md 只审核一个年度的文件，没有为跨年对比编号",
    [
      ["PY.1", "error", "文中的上年数（本年 ∓ 增减额，或写明的上年数）= 上年决算表中的数（收支总计、财政拨款、一般公共预算、基本支出、三公各项；机关运行经费为上年情况说明所述）", NARR],
      ["PY.2", "error", "只写增减率时：增减率 = (本年数 − 上年表中的数) ÷ 上年表中的数", NARR],
      ["PY.3", "info", "情况说明中除数字外与上年相同的句子所占比例（分节）", NARR],
      ["PY.4", "warning", "“主要原因”与上年相同，而所解释的增减方向与上年相反", NARR],
      ["PY.5", "warning", "所给上年文件与本年文件是同一单位、相邻两年", NARR],
    ]
  ),
  {
    id: "S.10",
    severity: "error",
    title: "金额列与科目编码错行：自某行起金额与科目编码错开若干行，作为一个原因报告，各项差异归于其下",
    section: PROJECT,
    kind: "check",
    tables: ["公开02", "公开03", "公开05", "公开07", "公开08"],
    reason: "RULES.md §8.1 第 8 条要求把整列错行报为一个原因，但没有给编号（issue 8 §2；src/engine/rules/shift.ts）",
  },
];

/** RULES.md ids the engine does not check, each with the reason (issue 9 §2). */
export const NOT_IMPLEMENTED: { id: string; reason: string }[] = [
  { id: "T01.8", reason: "推导恒等式，由 T01.2、T01.4、T01.5 推出，不增加检查（RULES.md 原文）" },
  { id: "T01.9", reason: "适用性提示需要知道单位是否全为行政单位，工作簿中没有可靠的来源" },
  { id: "T02.6", reason: "需要各年度政府收支分类科目的编码—名称字典，尚未收录" },
  { id: "T03.7", reason: "事业单位栏目的提示同样需要单位性质，工作簿中没有可靠的来源" },
  { id: "T06.5", reason: "需要各年度部门预算支出经济分类科目字典，尚未收录" },
  { id: "T09.5", reason: "由 T09.1–T09.4 的求和覆盖：合计为 0 而某项非 0 时（除非有负数）求和已不符" },
  { id: "T09.6", reason: "尚未实现：公开09 只按已拆分为购置费、运行维护费的表式读取，未拆分的表式尚未收录" },
  { id: "T09.8", reason: "“三公经费及会议费、培训费”表式尚未收录（RULES.md 标为 —）" },
  { id: "X.21", reason: "反规则：规定不做的比较，没有可检查的内容" },
  { id: "X.23", reason: "机关运行经费由说明十（N10）核对，不另设编号" },
  { id: "X.24", reason: "项目支出与绩效执行数之和由 P.4 核对（覆盖 100% 时），不另设编号" },
];

function catalogueShape(id: string): { kind: string; tables: string[] } | null {
  const specs = CATALOGUE.filter((s) => s.id === id);
  if (!specs.length) return null;
  const kinds: string[] = [];
  const tables: string[] = [];
  const add = (list: string[], x: string) => {
    if (list.indexOf(x) < 0) list.push(x);
  };
  for (const s of specs) {
    add(kinds, s.kind);
    for (const t of specTables(s)) add(tables, t);
  }
  return { kind: kinds.join("|"), tables: tables.sort() };
}

function specTables(s: (typeof CATALOGUE)[number]): string[] {
  switch (s.kind) {
    case "sum":
      return [s.total.t].concat(s.parts.map((p) => p.t));
    case "same":
      return [s.a.t].concat(s.b.map((p) => p.t));
    case "le":
      return [s.part.t, s.whole.t];
    case "perClass":
      return [s.a.t, s.b.t];
    case "perCode":
      return [s.a, s.b];
    default:
      return [s.t];
  }
}

/** The registry: one entry per id, in RULES.md order. */
export const RULE_REGISTRY: RuleMeta[] = DECLARED.map((m) => {
  const c = catalogueShape(m.id);
  return c ? { ...m, kind: c.kind, tables: c.tables } : m;
});

const BY_ID: { [id: string]: RuleMeta } = {};
for (const m of RULE_REGISTRY) BY_ID[m.id] = m;

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID[id];
}
