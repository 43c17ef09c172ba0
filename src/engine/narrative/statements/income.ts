/**
 * 一 to 四 of the 情况说明 as statement tables (RULES.md §3.3 N1–N4): the totals of 公开01 (一) and 公开04 (四)
 * with their change over the prior year, and the breakdowns of income (二, 公开02) and expenditure (三, 公开03).
 */
import { yoyOf } from "../handwritten/yoy";
import { P } from "../patterns";
import { LookupEntry, Statement, StatementTable } from "./model";

/** 「收、支总计均为 A」 (one figure for both sides) and 「收入总计 A」「支出总计 B」 stated apart. */
const TOTALS: Statement[] = [
  {
    id: "total",
    pattern: P.total,
    figures: [{ name: "amount", num: 1, unit: 2 }],
    checks: [
      { amount: "amount", what: "收入总计", to: "收入总计" },
      { amount: "amount", what: "支出总计", to: "支出总计" },
    ],
  },
  {
    id: "apart",
    pattern: P.totalApart,
    figures: [{ name: "amount", num: 2, unit: 3 }],
    checks: [{ amount: "amount", what: "{1}总计", to: "{1}总计" }],
  },
];

/** 一、收入支出决算总体情况 (公开01). */
export const S1: StatementTable = {
  sections: ["S1"],
  rule: "N1",
  cells: {
    收入总计: ["公开01", "L30", "c1", "收入总计"],
    支出总计: ["公开01", "L60", "c2", "支出总计"],
  },
  entries: [...TOTALS, yoyOf("收入总计", "收支总计")],
};

/** 四、财政拨款收入支出决算总体情况 (公开04). */
export const S4: StatementTable = {
  sections: ["S4"],
  rule: "N4",
  cells: {
    收入总计: ["公开04", "L32", "c1", "收入总计"],
    支出总计: ["公开04", "L64", "c2", "支出总计"],
  },
  entries: [...TOTALS, yoyOf("收入总计", "财政拨款收支总计")],
};

/**
 * A breakdown by kind: the 合计 stated, then each kind with its amount and its share of the 合计. Every kind with
 * a non-zero 合计 cell must be named; the shares then make 100 %.
 */
function breakdown(rule: string, table: "公开02" | "公开03", side: "收入" | "支出", totalPattern: RegExp, itemPattern: RegExp, kinds: LookupEntry[]): StatementTable {
  return {
    sections: [rule === "N2" ? "S2" : "S3"],
    rule,
    cells: {
      合计: [table, "合计", "c1", "本年" + side + "合计"],
      item: [table, "合计", "{item.col}", "{1}"],
    },
    entries: [
      { id: "total", pattern: totalPattern, figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: side + "合计", to: "合计" }] },
      {
        id: "item",
        pattern: itemPattern,
        figures: [
          { name: "amount", num: 2, unit: 3 },
          { name: "share", num: 4, unit: "%" },
        ],
        need: "all",
        item: { capture: 1, entries: kinds },
        checks: [
          { amount: "amount", what: "{1}", to: "item" },
          { ratio: "share", what: "{1}占", num: "item", den: "合计", zero: "本年" + side + "合计为 0，不计算占比" },
        ],
      },
    ],
    breakdown: { statement: "item", share: "share", cell: [table, "合计", "{item.col}", "{item.name}"], missing: "{where}：未说明 {missing} 万元及其占比", whole: "{where}：各项占比合计" },
  };
}

/** 二、收入决算情况 (公开02). */
export const S2 = breakdown("N2", "公开02", "收入", P.incomeTotal, P.incomeItem, [
  { name: "财政拨款收入", col: "c2" },
  { name: "上级补助收入", col: "c3" },
  { name: "事业收入", col: "c4" },
  { name: "经营收入", col: "c5" },
  { name: "附属单位上缴收入", col: "c6" },
  { name: "其他收入", col: "c7" },
]);

/** 三、支出决算情况 (公开03). */
export const S3 = breakdown("N3", "公开03", "支出", P.expenseTotal, P.expenseItem, [
  { name: "基本支出", col: "c2" },
  { name: "项目支出", col: "c3" },
  { name: "上缴上级支出", col: "c4" },
  { name: "经营支出", col: "c5" },
  { name: "对附属单位补助支出", col: "c6" },
]);
