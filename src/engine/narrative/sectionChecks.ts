/**
 * N1–N13 (RULES.md §3.3): every amount, share, completion rate and growth rate of the 情况说明 recomputed
 * from the tables. Each function takes one section; numbers are bound within their sentence.
 */
import { Decimal, plain, ZERO, halfOfDecimals } from "../decimal";
import { classByLabel } from "../layouts";
import { money } from "../messages";
import { TRow } from "../model";
import { normKey } from "../text";
import { Ref } from "./checker";
import { Para } from "./normalise";
import { P } from "./patterns";
import { ProjectRow } from "./performance";
import { Section } from "./sections";
import { Figure } from "./tokens";
import { checkFundSection } from "./funds";
import { priorStated } from "./growth";
import { checkSangongExtra, RECEPTION_DISCLOSED } from "./sangong";
import { checkItem, ItemResult, itemStatements, itemsSummary } from "./items";
import { Ctx, derived, each, eachBudgetRate, figs, HALF, sharesMakeWhole, walk, whereOf } from "./scan";
export type { Shared } from "./scan";


// ---------------------------------------------------------------------------------------------------------
// change over the prior year (N1 b–e, N4, N5a, N10)

function yoy(c: Ctx, rule: string, where: string, p: Para, current: Ref | null, subject: string): void {
  const ck = c.ck;
  each(p, P.yoy, (m, s, e) => {
    const [df, pf] = figs(p, m, s, [
      [2, 3],
      [5, "%"],
    ]);
    if (!df || !pf || !current) return;
    const dir = m[1];
    const dir2 = m[4];
    const up = dir === "增加";
    const up2 = dir2 === "增长" || dir2 === "提高" || dir2 === "增加";
    if (dir !== "持平" && up !== up2) {
      ck.bad();
      const i = ck.emit(rule, "error", p, { start: s, end: e }, where + "：“" + dir + "”与“" + dir2 + "”方向矛盾（增加应对应增长，减少应对应下降）", { actual: dir + "/" + dir2, expected: up ? dir + "/增长" : dir + "/下降" });
      ck.mark(p, pf, "error", rule, [], "增减方向矛盾", i);
    } else ck.ok();
    const delta = df.value;
    const prior = up ? current.value.minus(delta) : current.value.plus(delta);
    const priorRef = derived(prior, "上年数（" + money(current.value, 2) + (up ? " − " : " + ") + money(delta, 2) + "）", new Decimal("0.01"), current.ref ? [current.ref] : []);
    c.shared.changes.push({ rule, where, current: current.value, delta: up ? delta : delta.negated(), dir, pct: pf.value, p, fig: df, clause: { start: s, end: e } });
    if (prior.lt(0)) {
      ck.bad();
      const i = ck.emit(rule, "error", p, { start: s, end: e }, where + "：本年" + subject + " " + money(current.value, 2) + " 万元，增加额 " + df.text + " 大于本年数，推出的上年数为负", { actual: plain(delta), expected: null, related: current.ref ? [current.ref] : [] });
      ck.mark(p, df, "error", rule, [], "上年数为负", i);
      return;
    }
    if (prior.abs().lte(new Decimal("0.01"))) {
      ck.bad();
      const i = ck.emit(rule, "error", p, { start: s, end: e }, where + "：上年数为 0（本年 " + money(current.value, 2) + " ∓ 变动 " + money(delta, 2) + "），不应表述“" + dir2 + pf.text + "”；建议改为“上年无此项支出，本年新增 " + money(current.value, 2) + " 万元”", {
        actual: plain(pf.value),
        expected: null,
        related: current.ref ? [current.ref] : [],
      });
      ck.mark(p, pf, "error", rule, [], "上年数为 0，增长率无意义", i);
      return;
    }
    const st = ck.ratio(rule, where, p, { start: s, end: e }, pf, dir2, derived(delta, dir + "额", HALF), priorRef, "");
    const last = ck.findings.length - 1;
    ck.mark(p, df, st === "exact" ? "ok" : st === "tail" ? "tail" : "error", rule, current.ref ? [current.ref] : [], dir + "额 " + df.text + "：上年数 " + money(prior, 2) + " 万元，" + dir2 + "率见后", st === "exact" ? undefined : last);
    if (!/原因/.test(p.text)) {
      ck.bad();
      ck.emit(rule, "warning", p, { start: s, end: e }, where + "：说明了" + dir + " " + df.text + "，但未说明主要原因");
    } else ck.ok();
  });
}

// ---------------------------------------------------------------------------------------------------------

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
    let sum = ZERO;
    let tol = ZERO;
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
      sum = sum.plus(pf.value);
      tol = tol.plus(halfOfDecimals(pf.dp));
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
    sharesMakeWhole(ck, rule, p, clause, where + "：各项占比合计", sum, tol);
  });
}

export function checkS2(c: Ctx, sec: Section): void {
  shares(c, "N2", sec, P.incomeItem, P.incomeTotal, "公开02", { 财政拨款收入: "c2", 上级补助收入: "c3", 事业收入: "c4", 经营收入: "c5", 附属单位上缴收入: "c6", 其他收入: "c7" });
}

export function checkS3(c: Ctx, sec: Section): void {
  shares(c, "N3", sec, P.expenseItem, P.expenseTotal, "公开03", { 基本支出: "c2", 项目支出: "c3", 上缴上级支出: "c4", 经营支出: "c5", 对附属单位补助支出: "c6" });
}

// ---------------------------------------------------------------------------------------------------------
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
  let cs: { p: Para | null; firstS: number; n: number; sum: Decimal; tol: Decimal } = { p: null, firstS: 0, n: 0, sum: ZERO, tol: ZERO };
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
      cs.sum = cs.sum.plus(pf.value);
      cs.tol = cs.tol.plus(halfOfDecimals(pf.dp));
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
      sharesMakeWhole(ck, "N5b", p, clause, where + "：各类占比合计", cs.sum, cs.tol);
    }
  }
  const budget = itemsSummary(ck, whereOf(sec, "三"), items, totalBudget, "公开05", "c1");
  if (budget) c.shared.initialBudget = budget;
}

// ---------------------------------------------------------------------------------------------------------
// 六 基本支出

function listCheck(c: Ctx, where: string, p: Para, listStart: number, list: string, lane: "personnel" | "public", what: string): void {
  const ck = c.ck;
  const t = ck.tables["公开06"];
  if (!t) return;
  const names = list.split(/[、,，]/).map((x) => normKey(x).replace(/^等|等$/g, "")).filter((x) => !!x);
  const nonzero = t.rows.filter((r) => r.lane === lane && r.level === 2 && r.cells.amt && r.cells.amt.value && !r.cells.amt.value.isZero());
  const byName: { [k: string]: TRow } = {};
  for (const r of t.rows) if (r.lane === lane && r.level === 2) byName[normKey(r.label)] = r;
  const clause = { start: listStart, end: listStart + list.length };
  const missing = nonzero.filter((r) => names.indexOf(normKey(r.label)) < 0).map((r) => r.label + " " + money(r.cells.amt.value as Decimal, 2));
  const zero = names.filter((n) => byName[n] && byName[n].cells.amt && byName[n].cells.amt.value && byName[n].cells.amt.value!.isZero());
  const unknown = names.filter((n) => !byName[n]);
  if (!missing.length && !zero.length && !unknown.length) {
    ck.ok();
    return;
  }
  ck.bad();
  const parts: string[] = [];
  if (missing.length) parts.push("未列公开06 中有金额的 " + missing.join("、"));
  if (zero.length) parts.push("列了公开06 中为 0 的 " + zero.join("、"));
  if (unknown.length) parts.push("“" + unknown.join("、") + "”不是公开06 " + what + "的款名");
  ck.emit("N6", "warning", p, clause, where + "：" + what + "“主要包括”" + parts.join("；"), { expected: nonzero.map((r) => r.label).join("、"), actual: names.join("、") });
}

export function checkS6(c: Ctx, sec: Section): void {
  const ck = c.ck;
  walk(sec, (p, where) => {
    each(p, P.basic, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount("N6", where, p, { start: s, end: e }, f, "基本支出", ck.cell("公开05", "合计", "c2", "合计 基本支出"));
    });
    each(p, P.personnel, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount("N6", where, p, { start: s, end: e }, f, "人员经费", ck.cell("公开06", "P.total", "amt", "人员经费合计"));
      if (m[3]) listCheck(c, where, p, s + m[0].lastIndexOf(m[3]), m[3], "personnel", "人员经费");
    });
    each(p, P.publicExp, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount("N6", where, p, { start: s, end: e }, f, "公用经费", ck.cell("公开06", "G.total", "amt", "公用经费合计"));
      if (m[3]) listCheck(c, where, p, s + m[0].lastIndexOf(m[3]), m[3], "public", "公用经费");
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// 七、八 政府性基金 / 国有资本经营

export function checkS7S8(c: Ctx, sec: Section): void {
  checkFundSection(c.ck, sec);
}

// ---------------------------------------------------------------------------------------------------------
// 九 三公

const SG: { [k: string]: { budget: string; final: string; name: string } } = {
  出国: { budget: "c2", final: "c8", name: "因公出国（境）费" },
  公车: { budget: "c3", final: "c9", name: "公务用车购置及运行维护费" },
  接待: { budget: "c6", final: "c12", name: "公务接待费" },
};

function sgKey(item: string): string {
  return /出国/.test(item) ? "出国" : /用车/.test(item) ? "公车" : "接待";
}

export function checkS9(c: Ctx, sec: Section): void {
  const ck = c.ck;
  const cell = (col: string, label: string) => ck.cell("公开09", "row", col, label);
  let termNoted = false;
  let domestic: { p: Para; fig: Figure; clause: { start: number; end: number } } | null = null;
  let foreign: { p: Para; fig: Figure } | null = null;
  let domesticGroups = false;
  const sgStated: { [k: string]: Figure } = {};
  const shareSum = { sum: ZERO, tol: ZERO, n: 0, p: null as Para | null, start: 0, end: 0 };
  walk(sec, (p, where) => {
    each(p, P.sgTotal, (m, s, e) => {
      const [bf, f, pf] = figs(p, m, s, [
        [1, 2],
        [3, 4],
        [5, "%"],
      ]);
      const b = cell("c1", "预算数 合计");
      const d = cell("c7", "决算数 合计");
      if (bf) ck.amount("N9a", where, p, { start: s, end: e }, bf, "“三公”经费预算", b);
      if (f) ck.amount("N9a", where, p, { start: s, end: e }, f, "“三公”经费决算", d);
      if (pf && b && d) ck.ratio("N9a", where, p, { start: s, end: e }, pf, "完成预算的", d, b, "年初未安排“三公”经费预算");
    });
    each(p, P.sgItemShare, (m, s, e) => {
      const [f, rf, sf] = figs(p, m, s, [
        [2, 3],
        [4, "%"],
        [5, "%"],
      ]);
      const k = SG[sgKey(m[1])];
      const fin = cell(k.final, "决算数 " + k.name);
      const bud = cell(k.budget, "预算数 " + k.name);
      const tot = cell("c7", "决算数 合计");
      if (f) ck.amount("N9b", where, p, { start: s, end: e }, f, m[1] + "决算", fin);
      if (rf && fin && bud) ck.ratio("N9b", where, p, { start: s, end: e }, rf, m[1] + "完成预算的", fin, bud, bud.value.isZero() && fin.value.isZero() ? "未安排" + m[1] + "预算，也未发生支出" : "年初未安排" + m[1] + "预算");
      if (sf && fin && tot) ck.ratio("N9b", where, p, { start: s, end: e }, sf, m[1] + "占“三公”经费决算的", fin, tot, "本年未发生“三公”经费支出，不计算占比");
      if (sf) {
        if (!shareSum.p) shareSum.start = s;
        shareSum.p = p;
        shareSum.end = e;
        shareSum.n++;
        shareSum.sum = shareSum.sum.plus(sf.value);
        shareSum.tol = shareSum.tol.plus(halfOfDecimals(sf.dp));
      }
      if (!termNoted && /运行费$/.test(m[1])) {
        termNoted = true;
        ck.emit("N9b", "info", p, { start: s, end: s + m[1].length }, where + "：文中称“" + m[1] + "”，公开09 的栏目名称为“公务用车购置及运行维护费”，建议统一");
      }
    });
    each(p, P.sgItemBudget, (m, s, e) => {
      const [bf, f, rf] = figs(p, m, s, [
        [2, 3],
        [4, 5],
        [6, "%"],
      ]);
      const k = SG[sgKey(m[1])];
      const fin = cell(k.final, "决算数 " + k.name);
      const bud = cell(k.budget, "预算数 " + k.name);
      if (bf) ck.amount("N9b", where, p, { start: s, end: e }, bf, m[1] + "预算", bud);
      if (f) ck.amount("N9b", where, p, { start: s, end: e }, f, m[1] + "决算", fin);
      if (rf && fin && bud) ck.ratio("N9b", where, p, { start: s, end: e }, rf, "完成预算的", fin, bud, bud.value.isZero() && fin.value.isZero() ? "未安排" + m[1] + "预算，也未发生支出" : "年初未安排" + m[1] + "预算");
    });
    each(p, P.carBuy, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      const r = cell("c10", "决算数 公务用车购置费");
      if (f) ck.amount("N9c", where, p, { start: s, end: e }, f, "公务用车购置支出", r);
      const n = P.carCount.exec(p.text);
      if (n && r) {
        const cars = parseInt(n[1], 10);
        if (cars > 0 === r.value.gt(0)) ck.ok();
        else {
          ck.bad();
          ck.emit("N9c", "warning", p, { start: n.index, end: n.index + n[0].length }, where + "：购置车辆 " + cars + " 辆与公务用车购置费 " + money(r.value, 2) + " 万元不相称（有购置费应有车辆，反之亦然）", { related: [r.ref] });
        }
      }
    });
    each(p, P.carRun, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      const r = cell("c11", "决算数 公务用车运行维护费");
      if (f) ck.amount("N9c", where, p, { start: s, end: e }, f, "公务用车运行维护支出", r);
    });
    each(p, P.carStock, (m, s, e) => {
      const n = parseInt(m[1], 10);
      c.shared.carStock = { n, p };
      const r = cell("c11", "决算数 公务用车运行维护费");
      if (n === 0 && r && r.value.gt(0)) {
        ck.bad();
        ck.emit("N9c", "warning", p, { start: s, end: e }, where + "：公务用车保有量为 0，却有公务用车运行维护费 " + money(r.value, 2) + " 万元，请核实", { related: [r.ref] });
      } else ck.ok();
    });
    each(p, P.foreignGuest, (m, s) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) foreign = { p, fig: f };
    });
    each(p, P.domesticGuest, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) domestic = { p, fig: f, clause: { start: s, end: e } };
    });
    each(p, P.abroadGroups, (m, s, e) => {
      const r = cell("c8", "决算数 因公出国（境）费");
      if (!r) return;
      const n = parseInt(m[1], 10);
      if (n > 0 === r.value.gt(0)) ck.ok();
      else {
        ck.bad();
        ck.emit("N9c", "warning", p, { start: s, end: e }, where + "：因公出国（境）团组 " + n + " 个与因公出国（境）费 " + money(r.value, 2) + " 万元不相称", { related: [r.ref] });
      }
    });
    if (P.domesticGroups.test(p.text) || RECEPTION_DISCLOSED.test(p.text)) domesticGroups = true;
    checkSangongExtra(ck, p, where, sgStated);
  });
  // the three shares of the “三公” breakdown add up to 100 % (when there is any 三公 spending)
  const tot = cell("c7", "决算数 合计");
  if (shareSum.n === 3 && shareSum.p && tot && tot.value.gt(0)) {
    sharesMakeWhole(ck, "N9b", shareSum.p, { start: shareSum.start, end: shareSum.end }, "说明九(二)：三项“三公”经费占比合计", shareSum.sum, shareSum.tol);
  }
  const rec = cell("c12", "决算数 公务接待费");
  if (rec && (domestic || foreign)) {
    const parts: Ref[] = [];
    const marks: { p: Para; fig: Figure }[] = [];
    let anchor: { p: Para; fig: Figure } | null = null;
    for (const x of [foreign, domestic] as ({ p: Para; fig: Figure } | null)[]) {
      if (!x) continue;
      parts.push(ck.textRef(x.fig, /外宾/.test(x.p.text.slice(Math.max(0, x.fig.start - 8), x.fig.start)) ? "外宾接待支出" : "国内公务接待支出"));
      marks.push(x);
      anchor = x;
    }
    const a = (domestic || anchor) as { p: Para; fig: Figure };
    ck.sum("N9c", "说明九(二)", a.p, { start: Math.max(0, a.fig.start - 12), end: a.fig.end }, null, rec, parts, "外宾接待支出与国内公务接待支出之和应等于公开09 公务接待费决算", marks);
    if (rec.value.gt(0) && !domesticGroups && domestic) {
      ck.bad();
      ck.emit("N9c", "warning", (domestic as { p: Para }).p, null, "说明九(二)：有国内公务接待费，但未说明接待批次和人次");
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// 十 机关运行经费

export function checkS10(c: Ctx, sec: Section): void {
  const ck = c.ck;
  const g = ck.cell("公开06", "G.total", "amt", "公用经费合计");
  const headingWord = /机构运行经费/.test(sec.title) ? "机构" : /机关运行经费/.test(sec.title) ? "机关" : "";
  let termNoted = false;
  walk(sec, (p, where) => {
    each(p, P.running, (m, s, e) => {
      const [f] = figs(p, m, s, [[2, 3]]);
      if (!f) return;
      if (!termNoted && headingWord && headingWord !== "机" + m[1]) {
        termNoted = true;
        ck.emit("N10", "info", p, { start: s, end: s + 6 }, where + "：标题称“" + headingWord + "运行经费”，正文称“机" + m[1] + "运行经费”，建议统一");
      }
      if (g) {
        if (f.value.equals(g.value)) {
          ck.ok();
          ck.mark(p, f, "ok", "N10", [g.ref], "机关运行经费 " + f.text + " = " + g.label + " " + money(g.value, 2));
        } else if (f.value.lt(g.value)) {
          ck.bad();
          const i = ck.emit("N10", "warning", p, { start: s, end: e }, where + "：机关运行经费 " + f.text + " 小于公开06 公用经费合计 " + money(g.value, 2) + " 万元；行政单位（含参公单位）二者一般相等，请核实", { related: [g.ref], expected: plain(g.value), actual: plain(f.value), difference: plain(f.value.minus(g.value)) });
          ck.mark(p, f, "warning", "N10", [g.ref], "小于公用经费合计", i);
        } else {
          ck.bad();
          const i = ck.emit("N10", "error", p, { start: s, end: e }, where + "：机关运行经费 " + f.text + " 大于公开06 公用经费合计 " + money(g.value, 2) + " 万元，机关运行经费不应超过公用经费", { related: [g.ref], expected: plain(g.value), actual: plain(f.value), difference: plain(f.value.minus(g.value)) });
          ck.mark(p, f, "error", "N10", [g.ref], "大于公用经费合计", i);
        }
      }
      const yr = P.runningYear.exec(p.text);
      if (yr && c.shared.fiscalYear) {
        const y = parseInt(yr[1], 10);
        if (y === c.shared.fiscalYear - 1) ck.ok();
        else {
          ck.bad();
          ck.emit("N10", "error", p, { start: yr.index, end: yr.index + yr[0].length }, where + "：应与上年（" + (c.shared.fiscalYear - 1) + " 年）比较，文中写“比" + y + "年”", { actual: String(y), expected: String(c.shared.fiscalYear - 1) });
        }
      }
      yoy(c, "N10", where, p, derived(f.value, "机关运行经费", HALF), "机关运行经费");
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// 十一 政府采购

export function checkS11(c: Ctx, sec: Section): void {
  const ck = c.ck;
  walk(sec, (p, where) => {
    const one = (re: RegExp) => {
      const m = re.exec(p.text);
      if (!m) return null;
      const [f] = figs(p, m, m.index, [[1, 2]]);
      return f ? { f, m, clause: { start: m.index, end: m.index + m[0].length } } : null;
    };
    const total = one(P.procTotal);
    const parts = [one(P.procGoods), one(P.procWorks), one(P.procServices)].filter((x) => !!x) as { f: Figure; clause: { start: number; end: number } }[];
    if (total && parts.length === 3) {
      ck.sum("N11", where, p, total.clause, total.f, ck.textRef(total.f, "政府采购支出总额"), parts.map((x, i) => ck.textRef(x.f, ["货物", "工程", "服务"][i] + "支出")), "政府采购支出总额应等于货物、工程、服务支出之和", parts.map((x) => ({ p, fig: x.f })));
    }
    // 「授予X合同金额 A，占 Y 的 P%」: A ≤ its whole, P = A / whole; returns A for the next level down.
    const contract = (re: RegExp, name: string, whole: Figure, wholeName: string, zero: string): Figure | null => {
      const m = re.exec(p.text);
      if (!m) return null;
      const [f, pf] = figs(p, m, m.index, [
        [1, 2],
        [4, "%"],
      ]);
      if (!f) return null;
      const clause = { start: m.index, end: m.index + m[0].length };
      le(c, where, p, clause, f, name, whole, wholeName);
      if (pf) ck.ratio("N11", where, p, clause, pf, "占" + m[3] + "的", ck.textRef(f, name), ck.textRef(whole, wholeName), zero);
      return f;
    };
    const sme = total ? contract(P.procSme, "授予中小企业合同金额", total.f, "政府采购支出总额", "本年未发生政府采购支出，不计算中小企业合同占比") : null;
    if (sme) contract(P.procMicro, "授予小微企业合同金额", sme, "授予中小企业合同金额", "本年未授予中小企业合同，不计算小微企业占比");
  });
}

function le(c: Ctx, where: string, p: Para, clause: { start: number; end: number }, part: Figure, partLabel: string, whole: Figure, wholeLabel: string): void {
  const ck = c.ck;
  if (part.value.lte(whole.value)) {
    ck.ok();
    ck.mark(p, part, "ok", "N11", [], partLabel + " " + part.text + " 不大于" + wholeLabel + " " + whole.text);
    return;
  }
  ck.bad();
  const i = ck.emit("N11", "error", p, clause, where + "：" + partLabel + " " + part.text + " 不应大于" + wholeLabel + " " + whole.text, { actual: plain(part.value), expected: plain(whole.value), difference: plain(part.value.minus(whole.value)) });
  ck.mark(p, part, "error", "N11", [], partLabel + "大于" + wholeLabel, i);
}

// ---------------------------------------------------------------------------------------------------------
// 十二 国有资产

export function checkS12(c: Ctx, sec: Section): void {
  const ck = c.ck;
  walk(sec, (p, where) => {
    each(p, P.cars, (m, s, e) => {
      const stock = c.shared.carStock;
      if (!stock) return;
      const n = parseInt(m[1], 10);
      if (n === stock.n) ck.ok();
      else {
        ck.bad();
        ck.emit("N12", "error", p, { start: s, end: e }, where + "：共有车辆 " + n + " 辆，与说明九所述公务用车保有量 " + stock.n + " 辆不一致", { actual: String(n), expected: String(stock.n) });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// 十三 绩效

function denominatorOf(c: Ctx, name: string): Ref | null {
  const ck = c.ck;
  const k = normKey(name);
  if (/政府性基金/.test(k)) return /项目/.test(k) ? ck.cell("公开07", "合计", "c5", "合计 项目支出") : ck.cell("公开07", "合计", "c3", "合计 本年支出");
  if (/国有资本/.test(k)) return /项目/.test(k) ? ck.cell("公开08", "合计", "c3", "合计 项目支出") : ck.cell("公开08", "合计", "c1", "合计 本年支出");
  if (/项目支出/.test(k)) return ck.cell("公开05", "合计", "c3", "合计 项目支出");
  if (/一般公共预算/.test(k)) return ck.cell("公开05", "合计", "c1", "合计 本年支出小计");
  if (/支出(总额|合计)/.test(k)) return ck.cell("公开03", "合计", "c1", "合计 本年支出合计");
  return null;
}

function similar(a: string, b: string): number {
  const x = normKey(a).replace(/项目$/, "");
  const y = normKey(b).replace(/项目$/, "");
  if (x === y) return 1;
  const grams = (s: string) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < s.length; i++) out.push(s.substr(i, 2));
    return out;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  const used: boolean[] = [];
  for (const g of gx)
    for (let j = 0; j < gy.length; j++)
      if (!used[j] && gy[j] === g) {
        used[j] = true;
        common++;
        break;
      }
  return gx.length + gy.length ? (2 * common) / (gx.length + gy.length) : 0;
}

interface TextProject {
  p: Para;
  name: string;
  score: { v: Decimal; s: number; e: number } | null;
  budget: Figure | null;
  exec: Figure | null;
  rate: Figure | null;
  clause: { start: number; end: number } | null;
}

export function checkS13(c: Ctx, sec: Section): void {
  const ck = c.ck;
  const projects: TextProject[] = [];
  let claimed: { n: number; p: Para; s: number; e: number; full: boolean } | null = null;
  walk(sec, (p, where) => {
    each(p, P.projects, (m, s, e) => {
      const [f, pf] = figs(p, m, s, [
        [2, 3],
        [5, "%"],
      ]);
      const clause = { start: s, end: e };
      claimed = { n: parseInt(m[1], 10), p, s, e, full: !!pf && pf.value.equals(100) };
      const den = denominatorOf(c, m[4]);
      const tbl = c.perf.projects;
      if (f && tbl) {
        let sum = ZERO;
        const refs: string[] = [];
        for (const r of tbl.rows)
          if (r.exec && r.exec.value) {
            sum = sum.plus(r.exec.value);
            refs.push("'" + r.exec.sheet + "'!" + r.exec.addr);
          }
        ck.sum("N13a", where, p, clause, f, ck.textRef(f, "共涉及资金"), [derived(sum, "项目自评表全年执行数合计", HALF.times(tbl.rows.length), refs)], "共涉及资金应等于各项目全年执行数之和");
      }
      if (pf && f && den) ck.ratio("N13a", where, p, clause, pf, "占" + m[4] + "的", ck.textRef(f, "共涉及资金"), den, "本年无此类项目支出，不计算占比");
    });
    each(p, P.fundProjects, (m, s, e) => {
      const [f, pf] = figs(p, m, s, [
        [3, 4],
        [6, "%"],
      ]);
      const clause = { start: s, end: e };
      const den = denominatorOf(c, m[5]);
      if (f && den) ck.amount("N13a", where, p, clause, f, m[2] + "项目涉及资金", den);
      if (f && pf && den) ck.ratio("N13a", where, p, clause, pf, "占" + m[5] + "的", ck.textRef(f, "涉及资金"), den, "本年无" + m[2] + "项目支出，未开展此类项目绩效自评");
    });
    each(p, P.whole, (m, s, e) => {
      const [f, pf] = figs(p, m, s, [
        [1, 2],
        [4, "%"],
      ]);
      const clause = { start: s, end: e };
      const total = ck.cell("公开05", "合计", "c1", "合计 本年支出小计");
      if (f) ck.amount("N13b", where, p, clause, f, "整体支出绩效评价涉及资金", total);
      const den = denominatorOf(c, m[3]);
      if (pf && f && den) {
        const st = ck.ratio("N13b", where, p, clause, pf, "占" + m[3] + "的", ck.textRef(f, "涉及资金"), den, "");
        if (st === "error") {
          // name the denominator that would give the stated share
          const alt = [ck.cell("公开05", "合计", "c1", "一般公共预算财政拨款支出合计"), ck.cell("公开03", "合计", "c1", "支出合计")].filter((x) => x && x.value.gt(0) && f.value.dividedBy(x.value).times(100).toDecimalPlaces(pf.dp).equals(pf.value))[0];
          if (alt) {
            const last = ck.findings[ck.findings.length - 1];
            last.message += "；按 " + alt.label + " " + money(alt.value, 2) + " 计算才是 " + pf.text + "，句中分母应改为“" + (/公开05/.test(alt.label) ? "一般公共预算支出总额" : "支出总额") + "”";
          }
        }
      }
    });
    const head = P.projectHead.exec(p.text);
    if (head) {
      const sc = P.projectScore.exec(p.text);
      const rm = P.projectRate.exec(p.text);
      const tp: TextProject = { p, name: head[1], score: sc ? { v: new Decimal(sc[1]), s: sc.index, e: sc.index + sc[0].length } : null, budget: null, exec: null, rate: null, clause: null };
      if (rm) {
        const [bf, ef, rf] = figs(p, rm, rm.index, [
          [1, 2],
          [3, 4],
          [5, "%"],
        ]);
        tp.budget = bf;
        tp.exec = ef;
        tp.rate = rf;
        tp.clause = { start: rm.index, end: rm.index + rm[0].length };
      }
      projects.push(tp);
    }
  });
  c.shared.projectCount = projects.length;
  projectChecks(c, projects, claimed, whereOf(sec, "二"));
}

function projectChecks(c: Ctx, projects: TextProject[], claimed: { n: number; p: Para; s: number; e: number; full: boolean } | null, where: string): void {
  const ck = c.ck;
  const tbl = c.perf.projects;
  const rows = tbl ? tbl.rows : [];
  // count: 项目 n 个 = project paragraphs = table rows
  if (claimed) {
    const cl = claimed as { n: number; p: Para; s: number; e: number };
    const counts: string[] = [];
    if (projects.length && projects.length !== cl.n) counts.push("说明十三(二) 逐项列出 " + projects.length + " 个");
    if (tbl && rows.length !== cl.n) counts.push("项目自评表有 " + rows.length + " 行");
    if (counts.length) {
      ck.bad();
      ck.emit("N13a", "error", cl.p, { start: cl.s, end: cl.e }, "说明十三(一)：文中称项目 " + cl.n + " 个，但" + counts.join("、"), { actual: String(cl.n), expected: String(tbl ? rows.length : projects.length) });
    } else ck.ok();
  }
  // match text projects to table rows: same 预算 and 执行 first, then the same name, then the closest name
  const match: (ProjectRow | null)[] = projects.map(() => null);
  const used: boolean[] = rows.map(() => false);
  const amountsEqual = (tp: TextProject, r: ProjectRow) => !!(tp.budget && tp.exec && r.budget && r.exec && r.budget.value && r.exec.value && tp.budget.value.equals(r.budget.value) && tp.exec.value.equals(r.exec.value));
  for (let i = 0; i < projects.length; i++) {
    const cands = rows.map((r, j) => j).filter((j) => !used[j] && amountsEqual(projects[i], rows[j]));
    if (cands.length >= 1) {
      cands.sort((a, b) => similar(projects[i].name, rows[b].name) - similar(projects[i].name, rows[a].name));
      if (cands.length === 1 || similar(projects[i].name, rows[cands[0]].name) > similar(projects[i].name, rows[cands[1]].name)) {
        match[i] = rows[cands[0]];
        used[cands[0]] = true;
      }
    }
  }
  for (let pass = 0; pass < 2; pass++)
    for (let i = 0; i < projects.length; i++) {
      if (match[i]) continue;
      let best = -1;
      let bestScore = pass === 0 ? 0.999 : 0.5;
      for (let j = 0; j < rows.length; j++) {
        if (used[j]) continue;
        const sc = similar(projects[i].name, rows[j].name);
        if (sc >= bestScore) {
          bestScore = sc;
          best = j;
        }
      }
      if (best >= 0) {
        match[i] = rows[best];
        used[best] = true;
      }
    }
  const seen: { [k: string]: number } = {};
  for (let i = 0; i < projects.length; i++) {
    const tp = projects[i];
    const r = match[i];
    const w = where + "“" + ck.excerpt(tp.p, 0, tp.name.length) + "”";
    const key = normKey(tp.name);
    if (seen[key] !== undefined) {
      ck.emit("P.11", "info", tp.p, { start: 0, end: tp.name.length }, w + "：项目名称在说明中出现两次（另一处见前文），两处金额不同，请核对项目名称", { table: "绩效", actual: ck.excerpt(tp.p, 0, tp.name.length) });
    }
    seen[key] = i;
    if (tp.budget && tp.exec && tp.rate && tp.clause) {
      const budgetRef = r && r.budget && r.budget.value ? tableRef(r.budget, "项目自评表“" + r.name + "”全年预算数") : null;
      const execRef = r && r.exec && r.exec.value ? tableRef(r.exec, "项目自评表“" + r.name + "”全年执行数") : null;
      if (budgetRef) ck.amount("N13c", w, tp.p, tp.clause, tp.budget, "全年预算数", budgetRef);
      if (execRef) ck.amount("N13c", w, tp.p, tp.clause, tp.exec, "执行数", execRef);
      const refs = ([] as string[]).concat(budgetRef ? [budgetRef.ref] : [], execRef ? [execRef.ref] : []);
      const num = ck.textRef(tp.exec, "执行数");
      const den = ck.textRef(tp.budget, "全年预算数");
      num.refs = execRef ? [execRef.ref] : [];
      den.refs = budgetRef ? [budgetRef.ref] : [];
      ck.ratio("N13c", w, tp.p, tp.clause, tp.rate, "完成预算的", num, den, "年初未安排预算，不计算完成率");
      void refs;
    }
    if (!r) {
      if (tbl) {
        ck.bad();
        ck.emit("P.11", "warning", tp.p, { start: 0, end: tp.name.length }, w + "：项目自评表中找不到对应的项目", { table: "绩效", actual: ck.excerpt(tp.p, 0, tp.name.length) });
      }
      continue;
    }
    if (tp.score && r.score && r.score.value) {
      if (tp.score.v.equals(r.score.value)) ck.ok();
      else {
        ck.bad();
        ck.emit("N13c", "error", tp.p, { start: tp.score.s, end: tp.score.e }, w + "：自评得分 " + plain(tp.score.v) + " 分与项目自评表 " + plain(r.score.value) + " 分不符", { related: ["'" + r.score.sheet + "'!" + r.score.addr], actual: plain(tp.score.v), expected: plain(r.score.value), difference: plain(tp.score.v.minus(r.score.value)) });
      }
    }
    if (normKey(tp.name).replace(/项目$/, "") !== normKey(r.name).replace(/项目$/, "")) {
      ck.emit("P.11", "info", tp.p, { start: 0, end: tp.name.length }, w + "：项目名称与项目自评表“" + r.name + "”不一致，建议统一", { table: "绩效", related: ["'" + r.nameCell.sheet + "'!" + r.nameCell.addr], actual: ck.excerpt(tp.p, 0, tp.name.length), expected: r.name });
    }
  }
  if (tbl && projects.length) {
    const unmatched = rows.filter((r, j) => !used[j]);
    if (unmatched.length) {
      ck.bad();
      ck.emit("N13c", "warning", projects[projects.length - 1].p, null, where + "：项目自评表中 " + unmatched.map((r) => "“" + r.name + "”").join("、") + " 未在说明中列出自评结果", { related: unmatched.map((r) => "'" + r.nameCell.sheet + "'!" + r.nameCell.addr) });
    } else ck.ok();
  }
}

function tableRef(cl: { value: Decimal | null; dp: number; sheet: string; addr: string; state: string }, label: string): Ref {
  return { value: cl.value || ZERO, dp: cl.dp, ref: "'" + cl.sheet.replace(/'/g, "''") + "'!" + cl.addr, label, blank: cl.state !== "number", half: halfOfDecimals(Math.max(cl.dp, 2)) };
}

// ---------------------------------------------------------------------------------------------------------
// one change stated in 一, 四 and 五(一) for the same current amount should be the same change

export function changeConsistency(c: Ctx): void {
  const ck = c.ck;
  const ch = c.shared.changes.filter((x) => x.rule === "N1" || x.rule === "N4" || x.rule === "N5a");
  for (let i = 1; i < ch.length; i++) {
    const a = ch[i - 1];
    const b = ch[i];
    if (!a.current.equals(b.current)) continue;
    if (a.delta.equals(b.delta) && (!a.pct || !b.pct || a.pct.equals(b.pct))) {
      ck.ok();
      continue;
    }
    ck.bad();
    const idx = ck.emit(b.rule, "warning", b.p, b.clause, b.where + "：本年数与" + a.where + "相同（" + money(b.current, 2) + " 万元），但与上年相比的变动不同（" + a.where + " " + plain(a.delta) + " 万元" + (a.pct ? "、" + plain(a.pct) + "%" : "") + "，此处 " + plain(b.delta) + " 万元" + (b.pct ? "、" + plain(b.pct) + "%" : "") + "），请核实", { actual: plain(b.delta), expected: plain(a.delta), difference: plain(b.delta.minus(a.delta)) });
    ck.mark(b.p, b.fig, "warning", b.rule, [], "与" + a.where + "的变动额不同", idx);
  }
}

