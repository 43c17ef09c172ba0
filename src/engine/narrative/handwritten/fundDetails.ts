/**
 * 七/八 政府性基金 and 国有资本经营 (N7/N8), the parts of their statement table (statements/funds.ts) that are not a
 * figure bound to a cell:
 * - item statements bound to their 项 by code or name (items.ts: a match, not a binding), and after the section
 *   every 项 with an amount covered (itemsSummary);
 * - 「没有政府性基金…」/「无政府性基金预算财政拨款收入和支出」: the whole table must then hold no non-zero amount (a
 *   property of the table, not one cell). One check for both wordings, so a sentence that matches both is judged
 *   twice at most with the same verdict.
 */
import { TableId } from "../../types";
import { checkItem, ItemResult, itemsSummary, itemStatements } from "../items";
import { Para } from "../normalise";
import { P } from "../patterns";
import { each, whereOf } from "../scan";
import { Run } from "../statements/model";

const NONE = /无(?:使用)?(政府性基金|国有资本经营)预算财政拨款(?:收入|支出)/;

interface FundState {
  items: ItemResult[];
  taken: string[];
}

function state(run: Run): FundState {
  return (run.state.fund as FundState) || (run.state.fund = { items: [], taken: [] });
}

export function fundItems(id: TableId, col: string) {
  return (run: Run, p: Para, where: string): void => {
    const s = state(run);
    for (const st of itemStatements(p)) s.items.push(checkItem(run.c.ck, run.rule, where, st, id, col, s.taken));
  };
}

export function fundItemsEnd(id: TableId, col: string) {
  return (run: Run): void => {
    itemsSummary(run.c.ck, whereOf(run.sec, ""), state(run).items, null, id, col);
  };
}

export function statedEmpty(id: TableId) {
  return (run: Run, p: Para, where: string): void => {
    const ck = run.c.ck;
    const t = ck.tables[id];
    for (const re of [NONE, id === "公开07" ? P.noFund : P.noState])
      each(p, re, (m, s, e) => {
        if (!t) return ck.unchecked(run.rule, "缺表", where + "：未找到" + id + "，文中“" + m[0] + "”未与表核对");
        const nonzero: string[] = [];
        for (const r of t.rows) for (const k in r.cells) if (r.cells[k].value && !r.cells[k].value!.isZero()) nonzero.push("'" + r.cells[k].sheet + "'!" + r.cells[k].addr);
        if (!nonzero.length) return ck.ok();
        ck.bad();
        ck.emit(run.rule, "error", p, { start: s, end: e }, where + "：文中说“" + m[0] + "”，但" + id + " 有 " + nonzero.length + " 个非零金额", { related: nonzero });
      });
  };
}
