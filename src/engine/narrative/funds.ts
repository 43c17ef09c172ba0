/**
 * 八/九 政府性基金 and 国有资本经营 sections (issue 8 §3): the stated income and spending against the 合计 of
 * 公开07/08, each item statement against its row (items.ts), and 「无政府性基金预算财政拨款收入和支出」 (the
 * Shanghai wording of N7/N8) against a table that must then be empty.
 */
import { Checker } from "./checker";
import { checkItem, ItemResult, itemsSummary, itemStatements, spentColumn } from "./items";
import { Section } from "./sections";
import { each, figs, walk, whereOf } from "./scan";
import { AMT } from "./tokens";
import { Para } from "./normalise";
import { P } from "./patterns";
import { TableId } from "../types";

const INCOME = new RegExp("(政府性基金|国有资本经营)预算财政拨款收入(?:合计)?(?:为|共计|总计)?" + AMT);
const SPENT = new RegExp("(政府性基金|国有资本经营)预算财政拨款支出(?:合计)?(?:为|共计|总计)?" + AMT);
const NONE = /无(?:使用)?(政府性基金|国有资本经营)预算财政拨款(?:收入|支出)/;

/**
 * 「没有政府性基金…」 / 「无政府性基金预算财政拨款收入和支出」: the table must then hold no non-zero amount (N7/N8).
 * One check for both wordings, so a sentence that matches both is judged twice at most with the same verdict.
 */
function statedEmpty(ck: Checker, rule: string, where: string, p: Para, re: RegExp, id: TableId): void {
  const t = ck.tables[id];
  each(p, re, (m, s, e) => {
    if (!t) return ck.unchecked(rule, "缺表", where + "：未找到" + id + "，文中“" + m[0] + "”未与表核对");
    const nonzero: string[] = [];
    for (const r of t.rows) for (const k in r.cells) if (r.cells[k].value && !r.cells[k].value!.isZero()) nonzero.push("'" + r.cells[k].sheet + "'!" + r.cells[k].addr);
    if (!nonzero.length) return ck.ok();
    ck.bad();
    ck.emit(rule, "error", p, { start: s, end: e }, where + "：文中说“" + m[0] + "”，但" + id + " 有 " + nonzero.length + " 个非零金额", { related: nonzero });
  });
}

export function checkFundSection(ck: Checker, sec: Section): void {
  const fund = sec.kind === "S7";
  const id = fund ? "公开07" : "公开08";
  const rule = fund ? "N7" : "N8";
  const t = ck.tables[id];
  const col = spentColumn(t, id);
  const taken: string[] = [];
  const items: ItemResult[] = [];
  walk(sec, (p, where) => {
    for (const st of itemStatements(p)) items.push(checkItem(ck, rule, where, st, id, col, taken));
    const total = (re: RegExp, c: string, what: string) =>
      each(p, re, (m, s, e) => {
        const [f] = figs(p, m, s, [[2, 3]]);
        if (!f) return;
        if (!t) return ck.unchecked(rule, "缺表", where + "：未找到" + id + "，文中" + what + " " + f.text + " 未与表核对");
        const ref = ck.cell(id, "合计", c, "合计 " + what);
        // a blank 合计 over non-zero parts is the table's own finding (合计未填); the text cannot be held to it
        if (!ref || (ref.blank && !f.value.isZero())) return ck.unchecked(rule, ref ? "缺合计行" : "取数不足", where + "：" + id + " 合计行的" + what + "未填或不可读，文中" + what + " " + f.text + " 未与表核对", ref && ref.ref ? [ref.ref] : []);
        ck.amount(rule, where, p, { start: s, end: e }, f, what, ref);
      });
    // the income column exists only in the 收入支出 layout of the table
    if (id === "公开07" || (t && t.variant === "fund")) total(INCOME, "c2", "本年收入");
    total(SPENT, col, "本年支出");
    for (const re of [NONE, fund ? P.noFund : P.noState]) statedEmpty(ck, rule, where, p, re, id);
  });
  itemsSummary(ck, whereOf(sec, ""), items, null, id, col);
}
