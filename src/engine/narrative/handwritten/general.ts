/**
 * 五 一般公共预算财政拨款支出 (N5), the parts of its statement table (statements/general.ts) that are not a figure
 * bound to one cell:
 * - 五(三) item statements bound to their 项 (items.ts: a match by code or name, not a binding); a paragraph that
 *   holds them holds nothing else;
 * - the change over the prior year (yoy.ts, growth.ts: chains of judgements), against the amount the paragraph
 *   states (the table's is compared by the data row);
 * - 五(二) class shares: a class is looked up by its name in the template pack (classByLabel, a function of the pack,
 *   not a list), every class with an amount must be listed and the shares make 100 %;
 * - 五(三) the 年初预算/支出决算/完成率 total, compared with 公开05 only before the item list (after it, a statement
 *   naming no item is 未审核), and the items' budgets summed against it (itemsSummary).
 */
import { Decimal, plain } from "../../decimal";
import { classByLabel } from "../../layouts";
import { money } from "../../messages";
import { printed, Rounded } from "../../rounding";
import { normKey } from "../../text";
import { Ref } from "../checker";
import { priorStated } from "../growth";
import { checkItem, ItemResult, itemStatements, itemsSummary } from "../items";
import { Para } from "../normalise";
import { P } from "../patterns";
import { each, eachBudgetRate, figs, sharesMakeWhole, whereOf } from "../scan";
import { Match, Run } from "../statements/model";
import { Figure } from "../tokens";
import { yoy } from "./yoy";

interface GeneralState {
  taken: string[];
  items: ItemResult[];
  totalBudget: { p: Para; fig: Figure; clause: { start: number; end: number } } | null;
  classes: string[];
  statedTotal: Ref | null;
  /** The first 一般公共预算财政拨款支出 the current paragraph states. */
  stated: { p: Para; ref: Ref } | null;
  cs: { p: Para | null; firstS: number; n: number; shares: Rounded[] };
}

function state(run: Run): GeneralState {
  return (run.state.general as GeneralState) || (run.state.general = { taken: [], items: [], totalBudget: null, classes: [], statedTotal: null, stated: null, cs: { p: null, firstS: 0, n: 0, shares: [] } });
}

/** 五(三) items (a paragraph holding item statements holds nothing else: true ends the paragraph). */
export function generalItems(run: Run, p: Para, where: string): boolean {
  const sts = itemStatements(p);
  if (!sts.length) return false;
  const s = state(run);
  for (const st of sts) s.items.push(checkItem(run.c.ck, "N5d", where, st, "公开05", "c1", s.taken));
  return true;
}

/** Before the stated total is compared: keep it for the shares of 五(二) and the change of this paragraph. */
export function keepStated(run: Run, p: Para, where: string, x: Match): void {
  const f = x.figs.amount;
  if (!f) return;
  const s = state(run);
  const ck = run.c.ck;
  if (!s.statedTotal) s.statedTotal = ck.textRef(f, "一般公共预算财政拨款支出");
  if (!s.stated || s.stated.p !== p) {
    // the change is judged against the amount the text states (the table's is compared by the data row)
    const stated = ck.textRef(f, "一般公共预算财政拨款支出");
    const total = run.cell("支出小计");
    stated.refs = total && total.ref ? [total.ref] : [];
    s.stated = { p, ref: stated };
  }
}

/** The change over the prior year, however the comparison is phrased (上年 / 同比 / 与 2024 年度相比 / 较 2024 年). */
export function generalChange(run: Run, p: Para, where: string): void {
  if (!/上年|同比|[比较与]\d{4}年/.test(p.text)) return;
  const s = state(run);
  const current = s.stated && s.stated.p === p ? s.stated.ref : run.cell("支出小计");
  yoy(run.c, "N5a", where, p, current, "一般公共预算财政拨款支出");
  priorStated(run.c.ck, "N5a", where, p, current, run.c.shared.fiscalYear);
}

/** 五(二): classes (one paragraph or one line each; completeness and Σ shares after the section). */
export function classShares(run: Run, p: Para, where: string): void {
  // the pattern needs a 占: without one it cannot match, and its lazy name scan is costly on every paragraph
  if (p.text.indexOf("占") < 0) return;
  const ck = run.c.ck;
  const s = state(run);
  const total = run.cell("支出小计");
  each(p, P.classShare, (m, st, e) => {
    const [f, pf] = figs(p, m, st, [
      [3, 4],
      [5, 6],
    ]);
    if (!f || !pf) return;
    const name = m[1].replace(/^.*[:：]/, "").replace(/^[\d.、．“”"]+/, "");
    const code = classByLabel(normKey(name)) || classByLabel(normKey(name) + "支出");
    // without “（类）” only a real 类 name counts ("基本支出 … 占 …" is not a class)
    if (!code && !/类/.test(m[2])) return;
    if (!s.cs.p) s.cs = { ...s.cs, p, firstS: st };
    s.cs.n++;
    s.cs.shares.push(printed(pf.value, pf.dp));
    if (!code) {
      ck.bad();
      ck.emit("N5b", "warning", p, { start: st, end: e }, where + "：“" + name + "（类）”不是功能分类的类名，未能与公开05核对");
      return;
    }
    s.classes.push(code);
    const r = ck.cell("公开05", code, "c1", code + " " + name + "（类）");
    if (!r && !ck.tables["公开05"]) return; // no 公开05: nothing to compare with (inText.ts checks the text itself)
    if (!r) {
      ck.bad();
      const i = ck.emit("N5b", "error", p, { start: st, end: e }, where + "：公开05 没有“" + name + "”类（" + code + "），文中却列支出 " + f.text, { actual: plain(f.value), expected: "0" });
      ck.mark(p, f, "error", "N5b", [], "公开05 无此类", i);
      return;
    }
    ck.amount("N5b", where, p, { start: st, end: e }, f, name + "（类）支出", r);
    // the share is a figure of the text over a figure of the text (each amount is compared with its cell above)
    const num = ck.textRef(f, name + "（类）支出");
    num.refs = [r.ref];
    if (s.statedTotal) ck.ratio("N5b", where, p, { start: st, end: e }, pf, name + "（类）占", num, s.statedTotal, "一般公共预算财政拨款支出为 0，不计算占比");
    else if (total) ck.ratio("N5b", where, p, { start: st, end: e }, pf, name + "（类）占", r, total, "一般公共预算财政拨款支出为 0，不计算占比");
  });
}

/** 五(三) total: only before the items; a statement after them that names no item is 未审核. */
export function budgetTotal(run: Run, p: Para, where: string): void {
  const ck = run.c.ck;
  const s = state(run);
  // the cell at the first statement only (most paragraphs have none)
  let total: Ref | null | undefined;
  eachBudgetRate(p, (m, st, e, bf, f, pf) => {
    if (total === undefined) total = run.cell("支出小计");
    const clause = { start: st, end: e };
    const num = ck.textRef(f, "支出决算");
    if (s.items.length) {
      ck.unchecked("N5c", "无法确定对应科目", where + "：“" + ck.excerpt(p, st, e) + "”未写明科目，不能确定对应公开05 的哪一项，支出决算未与表核对");
    } else {
      s.totalBudget = { p, fig: bf, clause };
      ck.amount("N5c", where, p, clause, f, "支出决算", total);
      if (total && total.ref) num.refs = [total.ref];
    }
    ck.ratio("N5c", where, p, clause, pf, "完成" + (m[5] || "") + "预算的", num, ck.textRef(bf, "年初预算"), "年初未安排预算，本年支出决算 " + f.text + "，主要原因是……");
  });
}

/** After the section: every class with an amount listed, then Σ shares; the items covered and Σ 年初预算. */
export function generalEnd(run: Run): void {
  const ck = run.c.ck;
  const s = state(run);
  if (s.cs.p) {
    const p = s.cs.p;
    const where = whereOf(run.sec, "二");
    const clause = { start: s.cs.firstS, end: p.text.length };
    const t05 = ck.tables["公开05"];
    const missing = (t05 ? t05.rows : []).filter((r) => r.level === 1 && r.cells.c1 && r.cells.c1.value && !r.cells.c1.value.isZero() && s.classes.indexOf(r.code || r.key) < 0);
    if (missing.length) {
      ck.bad();
      ck.emit("N5b", "error", p, clause, where + "：公开05 中 " + missing.map((r) => r.label + " " + money(r.cells.c1.value as Decimal, 2)).join("、") + " 万元未在结构情况中列出", { related: missing.map((r) => "'" + r.cells.c1.sheet + "'!" + r.cells.c1.addr) });
    } else {
      ck.ok();
      sharesMakeWhole(ck, "N5b", p, clause, where + "：各类占比合计", s.cs.shares);
    }
  }
  const budget = itemsSummary(ck, whereOf(run.sec, "三"), s.items, s.totalBudget, "公开05", "c1");
  if (budget) run.c.shared.initialBudget = budget;
}
