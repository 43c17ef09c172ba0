/** 六、基本支出决算情况 as a statement table (RULES.md §3.3 N6): 基本支出, 人员经费 and 公用经费 against 公开05/06. */
import { mainItems } from "../handwritten/basicList";
import { P } from "../patterns";
import { StatementTable } from "./model";

export const S6: StatementTable = {
  sections: ["S6"],
  rule: "N6",
  cells: {
    基本支出: ["公开05", "合计", "c2", "合计 基本支出"],
    人员经费: ["公开06", "P.total", "amt", "人员经费合计"],
    公用经费: ["公开06", "G.total", "amt", "公用经费合计"],
  },
  entries: [
    { id: "basic", pattern: P.basic, figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "基本支出", to: "基本支出" }] },
    { id: "personnel", pattern: P.personnel, figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "人员经费", to: "人员经费" }], also: mainItems("personnel", "人员经费") },
    { id: "public", pattern: P.publicExp, figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "公用经费", to: "公用经费" }], also: mainItems("public", "公用经费") },
  ],
};
