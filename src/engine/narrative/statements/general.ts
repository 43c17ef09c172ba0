/**
 * 五、一般公共预算财政拨款支出 as a statement table (RULES.md §3.3 N5): the stated total against 公开05 合计 and its
 * share of 公开03's 本年支出合计; the items, the change, the class shares and the 年初预算 total are handwritten
 * (handwritten/general.ts says why for each).
 */
import { budgetTotal, classShares, generalChange, generalEnd, generalItems, keepStated } from "../handwritten/general";
import { P } from "../patterns";
import { StatementTable } from "./model";

export const S5: StatementTable = {
  sections: ["S5"],
  rule: "N5a",
  cells: {
    支出小计: ["公开05", "合计", "c1", "合计 本年支出小计"],
    本年支出合计: ["公开03", "合计", "c1", "合计 本年支出合计"],
  },
  entries: [
    { hand: generalItems },
    {
      id: "gpb",
      pattern: P.gpbTotal,
      figures: [
        { name: "amount", num: 1, unit: 2 },
        { name: "share", num: 4, unit: "%" },
      ],
      before: keepStated,
      checks: [
        { amount: "amount", what: "一般公共预算财政拨款支出", to: "支出小计" },
        // the share is the stated amount (the cell behind it named) over 公开03's total
        { ratio: "share", what: "占{3}的", num: { figure: "gpb.amount", label: "一般公共预算财政拨款支出", refs: "支出小计" }, den: "本年支出合计", zero: "本年支出合计为 0，不计算占比" },
      ],
    },
    { hand: generalChange },
    { hand: classShares },
    { hand: budgetTotal },
  ],
  end: generalEnd,
};
