/**
 * 一 to 四: totals, income and expenditure of the 情况说明 (N1–N4).
 * Split out of sectionChecks.ts (RULES.md §3.3); see there for the whole N1–N13 picture.
 */
import { money } from "../messages";
import { printed, Rounded } from "../rounding";
import { P } from "./patterns";
import { Section } from "./sections";
import { Ctx, each, figs, sharesMakeWhole, walk } from "./scan";
import { yoy } from "./sectionYoy";

export function checkS1S4(c: Ctx, sec: Section): void {
  const ck = c.ck;
  const s4 = sec.kind === "S4";
  const rule = s4 ? "N4" : "N1";
  const a = s4 ? ck.cell("公开04", "L32", "c1", "收入总计") : ck.cell("公开01", "L30", "c1", "收入总计");
  const b = s4 ? ck.cell("公开04", "L64", "c2", "支出总计") : ck.cell("公开01", "L60", "c2", "支出总计");
  walk(sec, (p, where) => {
    each(p, P.total, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (!f) return;
      ck.amount(rule, where, p, { start: s, end: e }, f, "收入总计", a);
      ck.amount(rule, where, p, { start: s, end: e }, f, "支出总计", b);
    });
    each(p, P.totalApart, (m, s, e) => {
      const [f] = figs(p, m, s, [[2, 3]]);
      if (f) ck.amount(rule, where, p, { start: s, end: e }, f, m[1] + "总计", m[1] === "收入" ? a : b);
    });
    yoy(c, rule, where, p, a, s4 ? "财政拨款收支总计" : "收支总计");
  });
}

function shares(c: Ctx, rule: string, sec: Section, re: RegExp, total: RegExp, tableId: "公开02" | "公开03", cols: { [name: string]: string }): void {
  const ck = c.ck;
  const t = ck.tables[tableId];
  const den = ck.cell(tableId, "合计", "c1", tableId === "公开02" ? "本年收入合计" : "本年支出合计");
  walk(sec, (p, where) => {
    each(p, total, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount(rule, where, p, { start: s, end: e }, f, tableId === "公开02" ? "收入合计" : "支出合计", den);
    });
    const listed: string[] = [];
    const shares: Rounded[] = [];
    let first: { s: number; e: number } | null = null;
    each(p, re, (m, s, e) => {
      const [f, pf] = figs(p, m, s, [
        [2, 3],
        [4, "%"],
      ]);
      const col = cols[m[1]];
      if (!f || !pf || !col) return;
      if (!first) first = { s, e };
      listed.push(col);
      const num = ck.cell(tableId, "合计", col, m[1]);
      ck.amount(rule, where, p, { start: s, end: e }, f, m[1], num);
      if (num && den) ck.ratio(rule, where, p, { start: s, end: e }, pf, m[1] + "占", num, den, "本年" + (tableId === "公开02" ? "收入" : "支出") + "合计为 0，不计算占比");
      shares.push(printed(pf.value, pf.dp));
    });
    if (!listed.length || !t) return;
    // completeness: every non-zero column of the 合计 row is named, and then the shares add up to 100
    const missing: string[] = [];
    for (const name in cols) {
      const r = ck.cell(tableId, "合计", cols[name], name);
      if (r && !r.value.isZero() && listed.indexOf(cols[name]) < 0) missing.push(name + " " + money(r.value, 2));
    }
    const clause = { start: first!.s, end: p.text.length };
    if (missing.length) {
      ck.bad();
      ck.emit(rule, "warning", p, clause, where + "：未说明 " + missing.join("、") + " 万元及其占比");
      return;
    }
    ck.ok();
    sharesMakeWhole(ck, rule, p, clause, where + "：各项占比合计", shares);
  });
}

export function checkS2(c: Ctx, sec: Section): void {
  shares(c, "N2", sec, P.incomeItem, P.incomeTotal, "公开02", { 财政拨款收入: "c2", 上级补助收入: "c3", 事业收入: "c4", 经营收入: "c5", 附属单位上缴收入: "c6", 其他收入: "c7" });
}

export function checkS3(c: Ctx, sec: Section): void {
  shares(c, "N3", sec, P.expenseItem, P.expenseTotal, "公开03", { 基本支出: "c2", 项目支出: "c3", 上缴上级支出: "c4", 经营支出: "c5", 对附属单位补助支出: "c6" });
}
