/**
 * The rule catalogue of RULES.md §1–§2 as data. Each entry names its id, severity and the cells it compares;
 * the evaluators in evaluate.ts know only these shapes. A new template year is a patch in templates/years.ts.
 *
 * Row keys: codes or "合计" in coded tables; "L27"… (2024 行次) and "C201"… (类 lines) in 公开01/04;
 * "P.total"/"G.total" in 公开06; "row" in 公开09. Column keys are 栏次: "c1"….
 */
import type { Condition } from "../templates";
import { TableId } from "../types";
import { RuleSeverity } from "./context";

export interface Ref {
  t: TableId;
  row: string;
  col: string;
  /** Subtracted instead of added (fund balances). */
  neg?: boolean;
}

export type RuleSpec =
  /** total = Σ parts, fixed cells. */
  | { id: string; kind: "sum"; sev: RuleSeverity; title: string; total: Ref; parts: Ref[] }
  /** In every row of a table: total column = Σ part columns. */
  | { id: string; kind: "rowSum"; sev: RuleSeverity; title: string; t: TableId; total: string; parts: string[]; variant?: Variant }
  /** Code hierarchy, per column: level 0 合计 = Σ 类, 1 类 = Σ 款, 2 款 = Σ 项. */
  | { id: string; kind: "tree"; sev: RuleSeverity; title: string; t: TableId; level: 0 | 1 | 2 }
  /** 公开01/04: a total line = Σ the 类 lines, per column. */
  | { id: string; kind: "classLines"; sev: RuleSeverity; title: string; t: TableId; total: string; cols: string[] }
  /** 公开01/04: 本年收入合计 = Σ the income item lines. */
  | { id: string; kind: "itemLines"; sev: RuleSeverity; title: string; t: TableId; total: string; col: string }
  /** One quantity in two places; `b` with several refs is a sum (then the envelope applies). */
  | { id: string; kind: "same"; sev: RuleSeverity; title: string; a: Ref; b: Ref[]; variant?: Variant }
  /** part ≤ whole. */
  | { id: string; kind: "le"; sev: RuleSeverity; title: string; part: Ref; whole: Ref }
  /** For every 功能分类 类 present in either table: a(类).col op b(类).col. */
  | { id: string; kind: "perClass"; op: "same" | "le"; sev: RuleSeverity; title: string; a: { t: TableId; col: string }; b: { t: TableId; col: string }; variant?: Variant }
  /** For every code of table a (and column pair): a(code).col op b(code).col. */
  | { id: string; kind: "perCode"; op: "same" | "le"; sev: RuleSeverity; title: string; a: TableId; b: TableId; cols: [string, string][]; when?: Condition; equalWhen?: Condition };

/** 公开08 is published either as a 支出 table ("plain") or as a 收入支出 table like 公开07 ("fund"). */
export type Variant = "plain" | "fund";

/** Conditions on 公开01 under which a rule applies or tightens (RULES.md X.11, X.22); their lines are template data. */
export type { Condition };

const r = (t: TableId, row: string, col: string): Ref => ({ t, row, col });
const rows = (t: TableId, keys: string[], col: string): Ref[] => keys.map((k) => r(t, k, col));

export const CATALOGUE: RuleSpec[] = [
  // 公开01 收入支出决算总表
  { id: "T01.1", kind: "itemLines", sev: "error", title: "本年收入合计 = 各项收入之和", t: "公开01", total: "L27", col: "c1" },
  { id: "T01.2", kind: "sum", sev: "error", title: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", total: r("公开01", "L30", "c1"), parts: rows("公开01", ["L27", "L28", "L29"], "c1") },
  { id: "T01.3", kind: "classLines", sev: "error", title: "本年支出合计 = 各功能分类类级支出之和", t: "公开01", total: "L57", cols: ["c2"] },
  { id: "T01.4", kind: "sum", sev: "error", title: "支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", total: r("公开01", "L60", "c2"), parts: rows("公开01", ["L57", "L58", "L59"], "c2") },
  { id: "T01.5", kind: "same", sev: "error", title: "收入总计 = 支出总计（收支平衡）", a: r("公开01", "L30", "c1"), b: [r("公开01", "L60", "c2")] },

  // 公开02 收入决算表
  { id: "T02.1", kind: "rowSum", sev: "error", title: "本年收入合计 = 各项收入之和", t: "公开02", total: "c1", parts: ["c2", "c3", "c4", "c5", "c6", "c7"] },
  { id: "T02.2", kind: "tree", sev: "error", title: "合计 = 各类之和", t: "公开02", level: 0 },
  { id: "T02.3", kind: "tree", sev: "error", title: "类 = 所属各款之和", t: "公开02", level: 1 },
  { id: "T02.4", kind: "tree", sev: "error", title: "款 = 所属各项之和", t: "公开02", level: 2 },

  // 公开03 支出决算表
  { id: "T03.1", kind: "rowSum", sev: "error", title: "本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出", t: "公开03", total: "c1", parts: ["c2", "c3", "c4", "c5", "c6"] },
  { id: "T03.2", kind: "tree", sev: "error", title: "合计 = 各类之和", t: "公开03", level: 0 },
  { id: "T03.3", kind: "tree", sev: "error", title: "类 = 所属各款之和", t: "公开03", level: 1 },
  { id: "T03.4", kind: "tree", sev: "error", title: "款 = 所属各项之和", t: "公开03", level: 2 },

  // 公开04 财政拨款收入支出决算总表
  { id: "T04.1", kind: "itemLines", sev: "error", title: "本年收入合计 = 三项财政拨款之和", t: "公开04", total: "L27", col: "c1" },
  { id: "T04.2", kind: "sum", sev: "error", title: "年初财政拨款结转和结余 = 按资金来源之和", total: r("公开04", "L28", "c1"), parts: rows("公开04", ["L29", "L30", "L31"], "c1") },
  { id: "T04.3", kind: "sum", sev: "error", title: "收入总计 = 本年收入合计 + 年初结转和结余", total: r("公开04", "L32", "c1"), parts: rows("公开04", ["L27", "L28"], "c1") },
  { id: "T04.4", kind: "rowSum", sev: "error", title: "支出合计 = 一般公共预算 + 政府性基金 + 国有资本经营", t: "公开04", total: "c2", parts: ["c3", "c4", "c5"] },
  { id: "T04.5", kind: "classLines", sev: "error", title: "本年支出合计 = 各功能分类类级支出之和", t: "公开04", total: "L59", cols: ["c2", "c3", "c4", "c5"] },
  { id: "T04.6", kind: "sum", sev: "error", title: "支出总计 = 本年支出合计 + 年末结转和结余（合计栏）", total: r("公开04", "L64", "c2"), parts: rows("公开04", ["L59", "L60"], "c2") },
  { id: "T04.6", kind: "sum", sev: "error", title: "支出总计 = 本年支出合计 + 年末结转和结余（一般公共预算栏）", total: r("公开04", "L64", "c3"), parts: rows("公开04", ["L59", "L60"], "c3") },
  { id: "T04.6", kind: "sum", sev: "error", title: "支出总计 = 本年支出合计 + 年末结转和结余（政府性基金栏）", total: r("公开04", "L64", "c4"), parts: rows("公开04", ["L59", "L60"], "c4") },
  { id: "T04.6", kind: "sum", sev: "error", title: "支出总计 = 本年支出合计 + 年末结转和结余（国有资本经营栏）", total: r("公开04", "L64", "c5"), parts: rows("公开04", ["L59", "L60"], "c5") },
  { id: "T04.7", kind: "same", sev: "error", title: "收入总计 = 支出总计", a: r("公开04", "L32", "c1"), b: [r("公开04", "L64", "c2")] },
  { id: "T04.8", kind: "same", sev: "error", title: "一般公共预算：本年收入 + 年初结转 = 本年支出 + 年末结转", a: r("公开04", "L1", "c1"), b: [r("公开04", "L59", "c3"), r("公开04", "L60", "c3"), { t: "公开04", row: "L29", col: "c1", neg: true }] },
  { id: "T04.8", kind: "same", sev: "error", title: "政府性基金：本年收入 + 年初结转 = 本年支出 + 年末结转", a: r("公开04", "L2", "c1"), b: [r("公开04", "L59", "c4"), r("公开04", "L60", "c4"), { t: "公开04", row: "L30", col: "c1", neg: true }] },
  { id: "T04.8", kind: "same", sev: "error", title: "国有资本经营：本年收入 + 年初结转 = 本年支出 + 年末结转", a: r("公开04", "L3", "c1"), b: [r("公开04", "L59", "c5"), r("公开04", "L60", "c5"), { t: "公开04", row: "L31", col: "c1", neg: true }] },

  // 公开05 一般公共预算财政拨款支出决算表
  { id: "T05.1", kind: "rowSum", sev: "error", title: "本年支出小计 = 基本支出 + 项目支出", t: "公开05", total: "c1", parts: ["c2", "c3"] },
  { id: "T05.2", kind: "tree", sev: "error", title: "合计 = 各类之和", t: "公开05", level: 0 },
  { id: "T05.3", kind: "tree", sev: "error", title: "类 = 所属各款之和", t: "公开05", level: 1 },
  { id: "T05.4", kind: "tree", sev: "error", title: "款 = 所属各项之和", t: "公开05", level: 2 },

  // 公开07 政府性基金预算财政拨款收入支出决算表
  { id: "T07.1", kind: "rowSum", sev: "error", title: "本年支出小计 = 基本支出 + 项目支出", t: "公开07", total: "c3", parts: ["c4", "c5"] },
  { id: "T07.2", kind: "rowSum", sev: "warn", title: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出", t: "公开07", total: "c6", parts: ["c1", "c2", "-c3"] },
  { id: "T07.3", kind: "tree", sev: "error", title: "合计 = 各类之和", t: "公开07", level: 0 },
  { id: "T07.3", kind: "tree", sev: "error", title: "类 = 所属各款之和", t: "公开07", level: 1 },
  { id: "T07.3", kind: "tree", sev: "error", title: "款 = 所属各项之和", t: "公开07", level: 2 },

  // 公开08 国有资本经营预算财政拨款支出决算表
  { id: "T08.1", kind: "rowSum", sev: "error", title: "本年支出合计 = 基本支出 + 项目支出", t: "公开08", total: "c1", parts: ["c2", "c3"], variant: "plain" },
  { id: "T07.1", kind: "rowSum", sev: "error", title: "本年支出小计 = 基本支出 + 项目支出", t: "公开08", total: "c3", parts: ["c4", "c5"], variant: "fund" },
  { id: "T07.2", kind: "rowSum", sev: "warn", title: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出", t: "公开08", total: "c6", parts: ["c1", "c2", "-c3"], variant: "fund" },
  { id: "T08.1", kind: "tree", sev: "error", title: "合计 = 各类之和", t: "公开08", level: 0 },
  { id: "T08.1", kind: "tree", sev: "error", title: "类 = 所属各款之和", t: "公开08", level: 1 },
  { id: "T08.1", kind: "tree", sev: "error", title: "款 = 所属各项之和", t: "公开08", level: 2 },

  // 公开09 “三公”经费
  { id: "T09.1", kind: "sum", sev: "error", title: "预算数合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", total: r("公开09", "row", "c1"), parts: rows("公开09", ["row", "row", "row"], "c2").map((x, i) => ({ ...x, col: ["c2", "c3", "c6"][i] })) },
  { id: "T09.2", kind: "sum", sev: "error", title: "预算数 公务用车购置及运行维护费 = 购置费 + 运行维护费", total: r("公开09", "row", "c3"), parts: [r("公开09", "row", "c4"), r("公开09", "row", "c5")] },
  { id: "T09.3", kind: "sum", sev: "error", title: "决算数合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", total: r("公开09", "row", "c7"), parts: [r("公开09", "row", "c8"), r("公开09", "row", "c9"), r("公开09", "row", "c12")] },
  { id: "T09.4", kind: "sum", sev: "error", title: "决算数 公务用车购置及运行维护费 = 购置费 + 运行维护费", total: r("公开09", "row", "c9"), parts: [r("公开09", "row", "c10"), r("公开09", "row", "c11")] },

  // Cross-table (RULES.md §2)
  { id: "X.1", kind: "same", sev: "error", title: "公开02 本年收入合计 = 公开01 本年收入合计", a: r("公开02", "合计", "c1"), b: [r("公开01", "L27", "c1")] },
  { id: "X.2", kind: "same", sev: "error", title: "公开02 财政拨款收入 = 公开01 三项财政拨款收入之和", a: r("公开02", "合计", "c2"), b: rows("公开01", ["L1", "L2", "L3"], "c1") },
  { id: "X.3", kind: "same", sev: "error", title: "公开02 上级补助收入 = 公开01 上级补助收入", a: r("公开02", "合计", "c3"), b: [r("公开01", "L4", "c1")] },
  { id: "X.3", kind: "same", sev: "error", title: "公开02 事业收入 = 公开01 事业收入", a: r("公开02", "合计", "c4"), b: [r("公开01", "L5", "c1")] },
  { id: "X.3", kind: "same", sev: "error", title: "公开02 经营收入 = 公开01 经营收入", a: r("公开02", "合计", "c5"), b: [r("公开01", "L6", "c1")] },
  { id: "X.3", kind: "same", sev: "error", title: "公开02 附属单位上缴收入 = 公开01 附属单位上缴收入", a: r("公开02", "合计", "c6"), b: [r("公开01", "L7", "c1")] },
  { id: "X.3", kind: "same", sev: "error", title: "公开02 其他收入 = 公开01 其他收入", a: r("公开02", "合计", "c7"), b: [r("公开01", "L8", "c1")] },
  { id: "X.4", kind: "same", sev: "error", title: "公开03 本年支出合计 = 公开01 本年支出合计", a: r("公开03", "合计", "c1"), b: [r("公开01", "L57", "c2")] },
  { id: "X.5", kind: "perClass", op: "same", sev: "error", title: "公开03 各类支出 = 公开01 对应类级支出", a: { t: "公开03", col: "c1" }, b: { t: "公开01", col: "c2" } },
  { id: "X.6", kind: "same", sev: "error", title: "公开04 一般公共预算财政拨款收入 = 公开01", a: r("公开04", "L1", "c1"), b: [r("公开01", "L1", "c1")] },
  { id: "X.6", kind: "same", sev: "error", title: "公开04 政府性基金预算财政拨款收入 = 公开01", a: r("公开04", "L2", "c1"), b: [r("公开01", "L2", "c1")] },
  { id: "X.6", kind: "same", sev: "error", title: "公开04 国有资本经营预算财政拨款收入 = 公开01", a: r("公开04", "L3", "c1"), b: [r("公开01", "L3", "c1")] },
  { id: "X.7", kind: "perClass", op: "le", sev: "error", title: "公开04 各类财政拨款支出 ≤ 公开01 对应类级支出", a: { t: "公开04", col: "c2" }, b: { t: "公开01", col: "c2" } },
  { id: "X.8", kind: "le", sev: "error", title: "年初财政拨款结转和结余 ≤ 年初结转和结余", part: r("公开04", "L28", "c1"), whole: r("公开01", "L29", "c1") },
  { id: "X.8", kind: "le", sev: "error", title: "年末财政拨款结转和结余 ≤ 年末结转和结余", part: r("公开04", "L60", "c2"), whole: r("公开01", "L59", "c2") },
  { id: "X.9", kind: "same", sev: "error", title: "公开05 合计 = 公开04 一般公共预算财政拨款本年支出", a: r("公开05", "合计", "c1"), b: [r("公开04", "L59", "c3")] },
  { id: "X.10", kind: "perClass", op: "same", sev: "error", title: "公开05 各类支出 = 公开04 一般公共预算财政拨款对应类级支出", a: { t: "公开05", col: "c1" }, b: { t: "公开04", col: "c3" } },
  { id: "X.11", kind: "perCode", op: "le", sev: "error", title: "公开05 各科目 ≤ 公开03 同一科目（只有一般公共预算收入且无结转结余时应相等）", a: "公开05", b: "公开03", cols: [["c1", "c1"], ["c2", "c2"], ["c3", "c3"]], equalWhen: "onlyGeneralBudget" },
  { id: "X.12", kind: "same", sev: "error", title: "公开05 基本支出合计 = 公开06 人员经费合计 + 公用经费合计", a: r("公开05", "合计", "c2"), b: [r("公开06", "P.total", "amt"), r("公开06", "G.total", "amt")] },
  { id: "X.14", kind: "same", sev: "error", title: "公开07 本年收入合计 = 公开04 政府性基金预算财政拨款收入", a: r("公开07", "合计", "c2"), b: [r("公开04", "L2", "c1")] },
  { id: "X.14", kind: "same", sev: "error", title: "公开07 年初结转和结余 = 公开04 政府性基金年初结转和结余", a: r("公开07", "合计", "c1"), b: [r("公开04", "L30", "c1")] },
  { id: "X.14", kind: "same", sev: "error", title: "公开07 本年支出 = 公开04 政府性基金本年支出", a: r("公开07", "合计", "c3"), b: [r("公开04", "L59", "c4")] },
  { id: "X.14", kind: "same", sev: "error", title: "公开07 年末结转和结余 = 公开04 政府性基金年末结转和结余", a: r("公开07", "合计", "c6"), b: [r("公开04", "L60", "c4")] },
  { id: "X.14", kind: "perClass", op: "same", sev: "error", title: "公开07 各类本年支出 = 公开04 政府性基金对应类级支出", a: { t: "公开07", col: "c3" }, b: { t: "公开04", col: "c4" } },
  { id: "X.15", kind: "same", sev: "error", title: "公开08 本年支出合计 = 公开04 国有资本经营预算财政拨款本年支出", a: r("公开08", "合计", "c1"), b: [r("公开04", "L59", "c5")], variant: "plain" },
  { id: "X.15", kind: "same", sev: "error", title: "公开08 本年支出小计 = 公开04 国有资本经营预算财政拨款本年支出", a: r("公开08", "合计", "c3"), b: [r("公开04", "L59", "c5")], variant: "fund" },
  { id: "X.15", kind: "same", sev: "error", title: "公开08 本年收入 = 公开04 国有资本经营预算财政拨款收入", a: r("公开08", "合计", "c2"), b: [r("公开04", "L3", "c1")], variant: "fund" },
  { id: "X.15", kind: "perClass", op: "same", sev: "error", title: "公开08 各类支出 = 公开04 国有资本经营对应类级支出", a: { t: "公开08", col: "c1" }, b: { t: "公开04", col: "c5" }, variant: "plain" },
  { id: "X.15", kind: "perClass", op: "same", sev: "error", title: "公开08 各类本年支出 = 公开04 国有资本经营对应类级支出", a: { t: "公开08", col: "c3" }, b: { t: "公开04", col: "c5" }, variant: "fund" },
  { id: "X.16", kind: "le", sev: "error", title: "公开06 因公出国（境）费用 ≤ 公开09 因公出国（境）费决算数", part: r("公开06", "30212", "amt"), whole: r("公开09", "row", "c8") },
  { id: "X.17", kind: "le", sev: "error", title: "公开06 公务接待费 ≤ 公开09 公务接待费决算数", part: r("公开06", "30217", "amt"), whole: r("公开09", "row", "c12") },
  { id: "X.18", kind: "le", sev: "error", title: "公开06 公务用车运行维护费 ≤ 公开09 公务用车运行维护费决算数", part: r("公开06", "30231", "amt"), whole: r("公开09", "row", "c11") },
  { id: "X.19", kind: "le", sev: "error", title: "公开06 公务用车购置 ≤ 公开09 公务用车购置费决算数", part: r("公开06", "31013", "amt"), whole: r("公开09", "row", "c10") },
  { id: "X.20", kind: "le", sev: "error", title: "公开09 “三公”经费决算数 ≤ 公开05 本年支出合计", part: r("公开09", "row", "c7"), whole: r("公开05", "合计", "c1") },
  { id: "X.22", kind: "perCode", op: "same", sev: "error", title: "无结转结余时公开02 与公开03 各科目收支相等", a: "公开02", b: "公开03", cols: [["c1", "c1"]], when: "noCarryOver" },
];
