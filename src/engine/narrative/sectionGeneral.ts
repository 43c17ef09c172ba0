/**
 * 五 一般公共预算财政拨款支出 (N5).
 * Split out of sectionChecks.ts (RULES.md §3.3); see there for the whole N1–N13 picture.
 */
import { Decimal, plain } from "../decimal";
import { classByLabel } from "../layouts";
import { money } from "../messages";
import { printed, Rounded } from "../rounding";
import { TRow } from "../model";
import { normKey } from "../text";
import { Ref } from "./checker";
import { Para } from "./normalise";
import { P } from "./patterns";
import { Section } from "./sections";
import { Figure } from "./tokens";
import { priorStated } from "./growth";
import { checkItem, ItemResult, itemStatements, itemsSummary } from "./items";
import { Ctx, each, eachBudgetRate, figs, sharesMakeWhole, walk, whereOf } from "./scan";
import { yoy } from "./handwritten/yoy";

// 五 一般公共预算财政拨款支出

function t05Rows(c: Ctx): TRow[] {
  const t = c.ck.tables["公开05"];
  return t ? t.rows : [];
}

export function checkS5(c: Ctx, sec: Section): void {
  const ck = c.ck;
  const total = ck.cell("公开05", "合计", "c1", "合计 本年支出小计");
  const t03 = ck.cell("公开03", "合计", "c1", "合计 本年支出合计");
  const taken: string[] = [];
  const items: ItemResult[] = [];
  let totalBudget: { p: Para; fig: Figure; clause: { start: number; end: number } } | null = null;
  const classes: string[] = [];
  let statedTotal: Ref | null = null;
  let cs: { p: Para | null; firstS: number; n: number; shares: Rounded[] } = { p: null, firstS: 0, n: 0, shares: [] };
  walk(sec, (p, where) => {
    // 五(三) items bind to their 项 (items.ts); a paragraph holding item statements holds nothing else
    const sts = itemStatements(p);
    if (sts.length) {
      for (const st of sts) items.push(checkItem(ck, "N5d", where, st, "公开05", "c1", taken));
      return;
    }
    let stated: Ref | null = null;
    each(p, P.gpbTotal, (m, s, e) => {
      const [f, pf] = figs(p, m, s, [
        [1, 2],
        [4, "%"],
      ]);
      if (f && !statedTotal) statedTotal = ck.textRef(f, "一般公共预算财政拨款支出");
      if (f && !stated) {
        // the change is judged against the amount the text states (the table's is compared just here)
        stated = ck.textRef(f, "一般公共预算财政拨款支出");
        stated.refs = total && total.ref ? [total.ref] : [];
      }
      if (f) ck.amount("N5a", where, p, { start: s, end: e }, f, "一般公共预算财政拨款支出", total);
      if (pf && total && t03) ck.ratio("N5a", where, p, { start: s, end: e }, pf, "占" + m[3] + "的", stated || total, t03, "本年支出合计为 0，不计算占比");
    });
    // the change over the prior year, however the comparison is phrased (上年 / 同比 / 与 2024 年度相比 / 较 2024 年)
    if (/上年|同比|[比较与]\d{4}年/.test(p.text)) {
      yoy(c, "N5a", where, p, stated || total, "一般公共预算财政拨款支出");
      priorStated(ck, "N5a", where, p, stated || total, c.shared.fiscalYear);
    }
    // 五(二): classes (one paragraph or one line each; completeness and Σ shares after the section)
    each(p, P.classShare, (m, s, e) => {
      const [f, pf] = figs(p, m, s, [
        [3, 4],
        [5, 6],
      ]);
      if (!f || !pf) return;
      const name = m[1].replace(/^.*[:：]/, "").replace(/^[\d.、．“”"]+/, "");
      const code = classByLabel(normKey(name)) || classByLabel(normKey(name) + "支出");
      // without “（类）” only a real 类 name counts ("基本支出 … 占 …" is not a class)
      if (!code && !/类/.test(m[2])) return;
      if (!cs.p) cs = { ...cs, p, firstS: s };
      cs.n++;
      cs.shares.push(printed(pf.value, pf.dp));
      if (!code) {
        ck.bad();
        ck.emit("N5b", "warning", p, { start: s, end: e }, where + "：“" + name + "（类）”不是功能分类的类名，未能与公开05核对");
        return;
      }
      classes.push(code);
      const r = ck.cell("公开05", code, "c1", code + " " + name + "（类）");
      if (!r && !ck.tables["公开05"]) return; // no 公开05: nothing to compare with (inText.ts checks the text itself)
      if (!r) {
        ck.bad();
        const i = ck.emit("N5b", "error", p, { start: s, end: e }, where + "：公开05 没有“" + name + "”类（" + code + "），文中却列支出 " + f.text, { actual: plain(f.value), expected: "0" });
        ck.mark(p, f, "error", "N5b", [], "公开05 无此类", i);
        return;
      }
      ck.amount("N5b", where, p, { start: s, end: e }, f, name + "（类）支出", r);
      // the share is a figure of the text over a figure of the text (each amount is compared with its cell above)
      const num = ck.textRef(f, name + "（类）支出");
      num.refs = [r.ref];
      if (statedTotal) ck.ratio("N5b", where, p, { start: s, end: e }, pf, name + "（类）占", num, statedTotal, "一般公共预算财政拨款支出为 0，不计算占比");
      else if (total) ck.ratio("N5b", where, p, { start: s, end: e }, pf, name + "（类）占", r, total, "一般公共预算财政拨款支出为 0，不计算占比");
    });
    // 五(三) total: only before the items; a statement after them that names no item is 未审核
    eachBudgetRate(p, (m, s, e, bf, f, pf) => {
      const clause = { start: s, end: e };
      const num = ck.textRef(f, "支出决算");
      if (items.length) {
        ck.unchecked("N5c", "无法确定对应科目", where + "：“" + ck.excerpt(p, s, e) + "”未写明科目，不能确定对应公开05 的哪一项，支出决算未与表核对");
      } else {
        totalBudget = { p, fig: bf, clause };
        ck.amount("N5c", where, p, clause, f, "支出决算", total);
        if (total && total.ref) num.refs = [total.ref];
      }
      ck.ratio("N5c", where, p, clause, pf, "完成" + (m[5] || "") + "预算的", num, ck.textRef(bf, "年初预算"), "年初未安排预算，本年支出决算 " + f.text + "，主要原因是……");
    });
  });
  if (cs.p) {
    const p = cs.p;
    const where = whereOf(sec, "二");
    const clause = { start: cs.firstS, end: p.text.length };
    const missing = t05Rows(c).filter((r) => r.level === 1 && r.cells.c1 && r.cells.c1.value && !r.cells.c1.value.isZero() && classes.indexOf(r.code || r.key) < 0);
    if (missing.length) {
      ck.bad();
      ck.emit("N5b", "error", p, clause, where + "：公开05 中 " + missing.map((r) => r.label + " " + money(r.cells.c1.value as Decimal, 2)).join("、") + " 万元未在结构情况中列出", { related: missing.map((r) => "'" + r.cells.c1.sheet + "'!" + r.cells.c1.addr) });
    } else {
      ck.ok();
      sharesMakeWhole(ck, "N5b", p, clause, where + "：各类占比合计", cs.shares);
    }
  }
  const budget = itemsSummary(ck, whereOf(sec, "三"), items, totalBudget, "公开05", "c1");
  if (budget) c.shared.initialBudget = budget;
}
