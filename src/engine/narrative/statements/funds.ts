/**
 * 七、八 政府性基金 and 国有资本经营 as statement tables (issue 8 §3, RULES.md §3.3 N7/N8): the stated 本年收入 and
 * 本年支出 against the 合计 row of 公开07/08; the item statements and 「无…收入和支出」 are handwritten
 * (handwritten/fundDetails.ts). The table depends on the workbook: 公开08's spending column and whether it has an
 * income column follow the layout it was printed in (`variant`), so it is built for each section.
 */
import { TableModel } from "../../model";
import { fundItems, fundItemsEnd, statedEmpty } from "../handwritten/fundDetails";
import { spentColumn } from "../items";
import { AMT } from "../tokens";
import { StatementTable } from "./model";

const INCOME = new RegExp("(政府性基金|国有资本经营)预算财政拨款收入(?:合计)?(?:为|共计|总计)?" + AMT);
const SPENT = new RegExp("(政府性基金|国有资本经营)预算财政拨款支出(?:合计)?(?:为|共计|总计)?" + AMT);
/** A blank 合计 over a non-zero stated figure is the table's own finding (合计未填): the text is not held to it. */
const UNFILLED = "{where}：{table} 合计行的{what}未填或不可读，文中{what} {text} 未与表核对";

export function fundTable(fund: boolean, t: TableModel | undefined): StatementTable {
  const id = fund ? "公开07" : "公开08";
  const col = spentColumn(t, id);
  const unfilled = UNFILLED.replace("{table}", id);
  return {
    sections: [fund ? "S7" : "S8"],
    rule: fund ? "N7" : "N8",
    cells: {
      本年收入: [id, "合计", "c2", "合计 本年收入"],
      本年支出: [id, "合计", col, "合计 本年支出"],
    },
    entries: [
      { hand: fundItems(id, col) },
      // the income column exists only in the 收入支出 layout of the table
      ...(fund || (t && t.variant === "fund") ? [{ id: "income", pattern: INCOME, figures: [{ name: "amount", num: 2, unit: 3 }], checks: [{ amount: "amount", what: "本年收入", to: "本年收入", unfilled }] }] : []),
      { id: "spent", pattern: SPENT, figures: [{ name: "amount", num: 2, unit: 3 }], checks: [{ amount: "amount", what: "本年支出", to: "本年支出", unfilled }] },
      { hand: statedEmpty(id) },
    ],
    end: fundItemsEnd(id, col),
  };
}
