/**
 * 十 机关运行经费, 十一 政府采购, 十二 国有资产 as statement tables (RULES.md §3.3 N10–N12).
 * 十: the stated 机关运行经费 is at most, and normally equal to, 公开06 公用经费合计; the heading's term, the year
 * compared with and the change are handwritten (handwritten/running.ts). 十一 and 十二 compare figures or counts of
 * the text with each other, not with a table cell, so they are handwritten entries (procurement.ts, carStock.ts).
 */
import { carStockAgain } from "../handwritten/carStock";
import { procurement } from "../handwritten/procurement";
import { runningTerm, runningYear } from "../handwritten/running";
import { P } from "../patterns";
import { StatementTable } from "./model";

export const S10: StatementTable = {
  sections: ["S10"],
  rule: "N10",
  cells: { 公用经费合计: ["公开06", "G.total", "amt", "公用经费合计"] },
  entries: [
    {
      id: "running",
      pattern: P.running,
      figures: [{ name: "amount", num: 2, unit: 3 }],
      before: runningTerm,
      checks: [
        {
          atMost: "amount",
          what: "机关运行经费",
          to: "公用经费合计",
          less: "{where}：{what} {text} 小于{label} {shown} 万元；行政单位（含参公单位）二者一般相等，请核实",
          more: "{where}：{what} {text} 大于{label} {shown} 万元，机关运行经费不应超过公用经费",
          lessMark: "小于公用经费合计",
          moreMark: "大于公用经费合计",
        },
      ],
      also: runningYear,
    },
  ],
};

export const S11: StatementTable = { sections: ["S11"], rule: "N11", cells: {}, entries: [{ hand: procurement }] };

export const S12: StatementTable = { sections: ["S12"], rule: "N12", cells: {}, entries: [{ hand: carStockAgain }] };
