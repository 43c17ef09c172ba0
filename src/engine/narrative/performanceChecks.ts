/**
 * 绩效 rules (RULES.md §3.4) on the tables found by performance.ts:
 *  P.1 预算执行率 = 全年执行数 / 全年预算数 (interval); P.2 全年执行数 = 系统查询全年执行数;
 *  P.3 自评得分 vs the 执行率-weighted model (hint); P.4 Σ 全年执行数 = 公开05 项目支出 (X.24);
 *  P.5 一级指标 得分率, Σ 分值 = 100, Σ 得分 = 合计 = total score of the report; P.6 三级指标 sums and counts;
 *  P.7 偏差度 of “≤” indicators; P.8 部门整体表 vs 五(三) and 公开05; P.9 预算执行 score; P.10 derived rates.
 */
import { Decimal, plain, ZERO, halfOfDecimals } from "../decimal";
import { money } from "../messages";
import { Tables } from "../model";
import { Finding, Severity } from "../types";
import { Checker, Ref } from "./checker";
import { Para } from "./normalise";
import { judgeRatio, pct4 } from "./ratio";
import { EXTERNAL_SHEET } from "./result";
import { PCell, Performance, ProjectRow } from "./performance";
import { AMT, locate, PCT } from "./tokens";
import { CENT, HALF, halfOf, HUNDRED, inferWeights, num, q, rateShortfall } from "./performanceCells";

export class PerfChecks {
  constructor(
    readonly ck: Checker,
    readonly tables: Tables,
    readonly perf: Performance,
    /** True when the table came from a converted document (no workbook cell to point at). */
    readonly external: { projects: boolean; whole: boolean },
  ) {}

  private add(rule: string, severity: Severity, at: PCell | { sheet: string; addr: string } | null, message: string, extra: Partial<Finding>, external: boolean): void {
    const sheet = external ? EXTERNAL_SHEET : at ? at.sheet : EXTERNAL_SHEET;
    const cell = external ? null : at ? at.addr : null;
    this.ck.emit(rule, severity, null, null, message, { table: "绩效", sheet, cell, ...extra, related: external ? [] : extra.related || [] });
  }

  /** A rate cell (number of percent) against x / y by interval. */
  private rate(rule: string, where: string, rateCell: PCell, x: PCell | Decimal, y: PCell | Decimal, what: string, external: boolean, sev: Severity = "error"): void {
    const stated = num(rateCell);
    if (!stated || !rateCell.percent) return;
    const xv = x instanceof Decimal ? x : num(x);
    const yv = y instanceof Decimal ? y : num(y);
    if (!xv || !yv) return;
    const r = judgeRatio({ value: xv, half: x instanceof Decimal ? HALF : halfOf(x) }, { value: yv, half: y instanceof Decimal ? HALF : halfOf(y) }, stated, rateCell.dp);
    const related = ([] as string[]).concat(x instanceof Decimal ? [] : [q(x)], y instanceof Decimal ? [] : [q(y)]);
    if (r.state === "exact") {
      this.ck.ok();
      return;
    }
    this.ck.bad();
    if (r.state === "undefined") {
      this.add(rule, "error", rateCell, where + "：" + what + "的分母为 0，不应列示 " + rateCell.text, { related, actual: plain(stated) }, external);
      return;
    }
    const tail = r.state === "tail";
    this.add(
      rule,
      tail ? "tail" : sev,
      rateCell,
      where + "：" + what + " " + rateCell.text + "，按 " + plain(xv) + " / " + plain(yv) + " 重算为 " + pct4(r.ratio) + "%（保留 " + rateCell.dp + " 位为 " + r.rounded!.toFixed(rateCell.dp) + "%）" + (tail ? "，在四舍五入允许区间内，属比率尾差" : "，超出四舍五入允许区间 [" + pct4(r.lo) + "%, " + (r.hi ? pct4(r.hi) : "∞") + "%]，不符"),
      { related, expected: r.rounded!.toFixed(rateCell.dp), actual: plain(stated), difference: plain(stated.minus(r.rounded!)), tolerance: r.tolerance ? plain(r.tolerance) : null },
      external,
    );
  }

  /**
   * P.3 (model-based hint): 得分 = 100 − 10 × (1 − 执行率) − Σ w × (1 − 得分率) over the other 得分率 columns,
   * 预算执行率 weighing 10 (财预〔2020〕10号) and the other weights inferred from this table (rows where one
   * column alone falls short). Rows with a shortfall in a column whose weight is unknown are not judged.
   */
  private scoreModel(r: ProjectRow, where: string, weights: { [k: string]: Decimal }, ext: boolean): void {
    const score = num(r.score);
    const rate = num(r.rate);
    if (!r.score || !score || rate === null || !r.rate || !r.rate.percent) return;
    const H = HUNDRED;
    let model = H.minus(rateShortfall(rate));
    // 10 × ½ unit of the rate's last decimal × 0.01: ½ unit of one decimal more (the same decimal)
    let tol = halfOfDecimals(r.rate.dp + 1).plus(halfOfDecimals(r.score.dp));
    const short: string[] = [];
    for (const k in r.rates) {
      const v = r.rates[k];
      if (v.state !== "number" || !v.value || v.value.gte(100)) continue;
      const w = weights[k];
      if (!w) return;
      model = model.minus(w.times(H.minus(v.value)).times(CENT));
      tol = tol.plus(w.times(halfOfDecimals(v.dp)).times(CENT));
      short.push(k);
    }
    if (model.minus(score).abs().lte(tol)) {
      this.ck.ok();
      return;
    }
    this.ck.bad();
    const parts = ["预算执行率 10 分"];
    for (const k of short) parts.push(k.replace(/得分率$/, "") + " " + plain(weights[k]) + " 分");
    const m2 = model.toDecimalPlaces(2);
    this.add("P.3", "warning", r.score, where + "：按权重（" + parts.join("、") + "）和各项得分率计，自评得分应为 " + m2.toFixed(2) + "，表中为 " + r.score.text + "，请核实", { related: [q(r.rate)], expected: m2.toFixed(2), actual: plain(score), difference: plain(score.minus(m2)) }, ext);
  }

  projects(projectSpending: { value: Decimal; ref: string } | null): void {
    const t = this.perf.projects;
    if (!t) return;
    const ext = this.external.projects;
    let sum = ZERO;
    let n = 0;
    const refs: string[] = [];
    const weights = inferWeights(t.rows);
    for (const r of t.rows) {
      const where = "项目自评表“" + r.name + "”";
      // P.1
      if (r.rate && r.exec && r.budget) this.rate("P.1", where, r.rate, r.exec, r.budget, "预算执行率", ext);
      // P.2
      const e = num(r.exec);
      const s = num(r.sys);
      if (r.exec && r.sys && e && s) {
        if (e.equals(s)) this.ck.ok();
        else {
          this.ck.bad();
          const b = num(r.budget);
          const implied = b && !b.isZero() ? "；按系统查询数，执行率应为 " + s.dividedBy(b).times(100).toDecimalPlaces(2).toFixed(2) + "%" : "";
          this.add("P.2", "error", r.exec, where + "：全年执行数 " + r.exec.text + " 与系统查询全年执行数 " + r.sys.text + " 不符，差 " + plain(e.minus(s)) + implied, { related: [q(r.sys)], expected: plain(s), actual: plain(e), difference: plain(e.minus(s)), tolerance: "0" }, ext);
        }
      }
      this.scoreModel(r, where, weights, ext);
      if (e) {
        sum = sum.plus(e);
        n++;
        if (r.exec) refs.push(q(r.exec));
      }
    }
    // P.4
    if (projectSpending && n) {
      const d = sum.minus(projectSpending.value);
      if (d.isZero()) this.ck.ok();
      else {
        this.ck.bad();
        const tol = HALF.times(n + 1);
        const within = d.abs().lte(tol);
        const anchor = t.rows[t.rows.length - 1].exec;
        this.add("P.4", within ? "tail" : "warning", anchor, "项目自评表全年执行数合计 " + money(sum, 2) + " 与公开05 项目支出 " + money(projectSpending.value, 2) + " 不符，差 " + plain(d) + (within ? "，在四舍五入允许范围内，属尾差" : "；若自评覆盖全部项目，二者应相等"), { related: [projectSpending.ref].concat(ext ? [] : refs.slice(0, 20)), expected: plain(projectSpending.value), actual: plain(sum), difference: plain(d), tolerance: plain(tol) }, ext);
      }
    }
  }

  /** P.8–P.10 on the 部门整体支出绩效自评表, P.5–P.7 on the indicator tables. */
  whole(initialBudgetText: Decimal | null, t05Total: { value: Decimal; ref: string } | null, reportParas: Para[]): void {
    const w = this.perf.whole;
    const ext = this.external.whole;
    const totalScoreText = this.totalScore(reportParas);
    if (w) {
      const where = "部门整体支出绩效自评表";
      const init = num(w.initial);
      const budget = num(w.budget);
      const exec = num(w.exec);
      if (w.initial && init && initialBudgetText) {
        if (init.equals(initialBudgetText)) this.ck.ok();
        else {
          this.ck.bad();
          this.add("P.8", "error", w.initial, where + "：年初预算数 " + w.initial.text + " 与说明五(三) 年初预算 " + money(initialBudgetText, 2) + " 万元不符", { expected: plain(initialBudgetText), actual: plain(init), difference: plain(init.minus(initialBudgetText)) }, ext);
        }
      }
      if (w.exec && exec && t05Total) {
        if (exec.equals(t05Total.value)) this.ck.ok();
        else {
          this.ck.bad();
          this.add("P.8", "error", w.exec, where + "：全年执行数 " + w.exec.text + " 与公开05 一般公共预算财政拨款支出合计 " + money(t05Total.value, 2) + " 不符", { related: [t05Total.ref], expected: plain(t05Total.value), actual: plain(exec), difference: plain(exec.minus(t05Total.value)) }, ext);
        }
      }
      if (w.rate && w.exec && w.budget) this.rate("P.8", where, w.rate, w.exec, w.budget, "执行率", ext);
      // P.9: 预算执行 score = 分值 × 执行率
      const weight = num(w.weight);
      const score = num(w.score);
      if (w.score && weight && score && exec && budget && !budget.isZero()) {
        const model = weight.times(exec).dividedBy(budget);
        const rounded = model.toDecimalPlaces(Math.max(w.score.dp, 2));
        if (rounded.equals(score)) this.ck.ok();
        else {
          this.ck.bad();
          this.add("P.9", "warning", w.score, where + "：预算执行得分 " + w.score.text + "，按 分值 " + plain(weight) + " × 执行率 " + pct4(exec.dividedBy(budget).times(100)) + "% 计为 " + rounded.toFixed(2) + "（得分率 " + score.dividedBy(weight).times(100).toDecimalPlaces(2).toFixed(2) + "% ≠ 执行率），请核实评分口径", { expected: rounded.toFixed(2), actual: plain(score), difference: plain(score.minus(rounded)) }, ext);
        }
      }
      // P.10 derived indicators in the 三级指标 table
      const ind = this.perf.indicators;
      if (ind && budget && exec && init !== null) {
        for (const r of ind.rows) {
          const actual = num(r.actual);
          if (!r.actual || actual === null || !r.actual.percent) continue;
          let expected: Decimal | null = null;
          let what = "";
          if (/预算调整率/.test(r.name) && init && !init.isZero()) {
            expected = budget.minus(init).dividedBy(init).times(100);
            what = "（全年预算数 − 年初预算数）/ 年初预算数 = (" + plain(budget) + " − " + plain(init) + ") / " + plain(init);
          } else if (/结转结余率/.test(r.name) && !budget.isZero()) {
            expected = budget.minus(exec).dividedBy(budget).times(100);
            what = "（全年预算数 − 全年执行数）/ 全年预算数 = (" + plain(budget) + " − " + plain(exec) + ") / " + plain(budget);
          } else if (/三公.{0,30}控制率/.test(r.name)) {
            const b = this.cell09("c1");
            const d = this.cell09("c7");
            if (b && d && !b.isZero()) {
              expected = d.dividedBy(b).times(100);
              what = "“三公”经费决算 / 预算 = " + plain(d) + " / " + plain(b);
            }
          }
          if (!expected) continue;
          const rounded = expected.toDecimalPlaces(r.actual.dp);
          const close = expected.minus(actual).abs().lte(halfOfDecimals(r.actual.dp).plus(new Decimal("0.05")));
          if (rounded.equals(actual) || close) this.ck.ok();
          else {
            this.ck.bad();
            const flag = /控制率/.test(r.name) && actual.equals(100);
            this.add("P.10", flag ? "info" : "warning", { sheet: ind.sheet, addr: r.addr }, "三级指标“" + r.name + "”实际完成值 " + r.actualText + "，按 " + what + " 重算为 " + pct4(expected) + "%" + (flag ? "；表中的 100% 是“达标”的意思，不是比率本身" : "，请核实"), { expected: expected.toDecimalPlaces(2).toFixed(2), actual: plain(actual), difference: plain(actual.minus(expected.toDecimalPlaces(2))) }, ext);
          }
        }
      }
    }
    this.levels(totalScoreText);
    this.indicators(reportParas);
    this.reportText(reportParas, initialBudgetText, t05Total);
  }

  /** Figures of the 整体绩效自评报告 prose: 年初预算数, 实际（全年）预算数, 实际执行, 执行率 (P.8). */
  private reportText(paras: Para[], initialBudgetText: Decimal | null, t05Total: { value: Decimal; ref: string } | null): void {
    const w = this.perf.whole;
    const ck = this.ck;
    const ref = (c: PCell | null, label: string): Ref | null => {
      const v = num(c);
      if (!c || v === null) return null;
      return { value: v, dp: c.dp, ref: this.external.whole ? "" : q(c), label, blank: false, half: halfOf(c) };
    };
    const init = w ? ref(w.initial, "部门整体支出绩效自评表 年初预算数") : initialBudgetText ? { value: initialBudgetText, dp: 2, ref: "", label: "说明五(三) 年初预算", blank: false, half: HALF } : null;
    const budget = w ? ref(w.budget, "部门整体支出绩效自评表 全年预算数") : null;
    const exec: Ref | null = t05Total ? { value: t05Total.value, dp: 2, ref: t05Total.ref, label: "公开05 合计 本年支出小计", blank: false, half: HALF } : w ? ref(w.exec, "部门整体支出绩效自评表 全年执行数") : null;
    const where = "整体绩效自评报告";
    const before = ck.table;
    ck.table = "绩效";
    for (const p of paras) {
      if (p.table) continue;
      const pats: [RegExp, Ref | null, string][] = [
        [new RegExp("年初预算数?(?:为)?" + AMT), init, "年初预算数"],
        [new RegExp("(?:实际|全年|调整后)预算数?(?:为)?" + AMT), budget, "全年预算数"],
        [new RegExp("(?:实际|全年)执行(?:数)?(?:为)?" + AMT), exec, "全年执行数"],
      ];
      for (const [re, r, what] of pats) {
        const m = re.exec(p.text);
        if (!m || !r) continue;
        const f = locate(p.text, m[1], m[2], m.index);
        if (f) ck.amount("P.8", where, p, { start: m.index, end: m.index + m[0].length }, f, what, r);
      }
      const rm = new RegExp("执行率(?:为)?" + PCT).exec(p.text);
      if (rm && exec && budget) {
        const f = locate(p.text, rm[1], "%", rm.index);
        if (f) ck.ratio("P.8", where, p, { start: rm.index, end: rm.index + rm[0].length }, f, "执行率", exec, budget, "全年未安排预算，不计算执行率");
      }
    }
    ck.table = before;
  }

  private cell09(col: string): Decimal | null {
    const t = this.tables["公开09"];
    if (!t || !t.rows.length) return null;
    const c = t.rows[0].cells[col];
    return c && c.value ? c.value : c && c.state !== "text" ? ZERO : null;
  }

  private totalScore(paras: Para[]): { v: Decimal; p: Para } | null {
    for (const p of paras) {
      const m = /整体支出绩效自评(?:得分|总分)(?:为)?(\d+(?:\.\d+)?)分/.exec(p.text);
      if (m) return { v: new Decimal(m[1]), p };
    }
    return null;
  }

  /** P.5 一级指标 table. */
  private levels(total: { v: Decimal; p: Para } | null): void {
    const L = this.perf.levels;
    if (!L || !L.rows.length) return;
    const ext = this.external.whole;
    let sw = ZERO;
    let ss = ZERO;
    for (const r of L.rows) {
      const w = num(r.weight);
      const s = num(r.score);
      if (w) sw = sw.plus(w);
      if (s) ss = ss.plus(s);
      if (r.rate && w && s && r.score && r.weight) this.rate("P.5", "一级指标“" + r.name + "”", r.rate, r.score, r.weight, "得分率", ext);
    }
    if (sw.equals(100)) this.ck.ok();
    else {
      this.ck.bad();
      this.add("P.5", "error", { sheet: L.sheet, addr: L.rows[0].addr }, "一级指标分值合计 " + plain(sw) + "，应为 100", { expected: "100", actual: plain(sw) }, ext);
    }
    const tot = L.total ? num(L.total.score) : null;
    if (tot) {
      if (tot.equals(ss)) this.ck.ok();
      else {
        this.ck.bad();
        this.add("P.5", "error", { sheet: L.sheet, addr: L.total!.addr }, "一级指标得分合计应为 " + plain(ss) + "，表中合计 " + plain(tot), { expected: plain(ss), actual: plain(tot), difference: plain(tot.minus(ss)) }, ext);
      }
    }
    if (total && (tot || ss)) {
      const v = tot || ss;
      if (total.v.equals(v)) this.ck.ok();
      else {
        this.ck.bad();
        this.ck.emit("P.5", "error", total.p, null, "整体绩效自评报告：文中自评得分 " + plain(total.v) + " 分，一级指标得分合计 " + plain(v) + " 分", { table: "绩效", expected: plain(v), actual: plain(total.v) });
      }
    }
  }

  /** P.6 三级指标 sums and counts; P.7 偏差度. */
  private indicators(paras: Para[]): void {
    const I = this.perf.indicators;
    if (!I || !I.rows.length) return;
    const ext = this.external.whole;
    const groupOf = (l1: string) => (/产出/.test(l1) ? "产出" : /效益|满意/.test(l1) ? "效益" : /预算执行/.test(l1) ? "预算执行" : "投入管理");
    const groups: { [g: string]: { n: number; w: Decimal; s: Decimal; l2: string[] } } = {};
    for (const r of I.rows) {
      const g = groupOf(r.level1);
      const x = groups[g] || (groups[g] = { n: 0, w: ZERO, s: ZERO, l2: [] });
      x.n++;
      const w = num(r.weight);
      const s = num(r.score);
      if (w) x.w = x.w.plus(w);
      if (s) x.s = x.s.plus(s);
      if (r.level2 && x.l2.indexOf(r.level2) < 0) x.l2.push(r.level2);
      // P.7: 偏差度 of a “≤ target” indicator = (actual − target) / target × 100
      const dev = num(r.deviation);
      const tm = /^≤(\d+(?:\.\d+)?)%$/.exec(r.target);
      const act = num(r.actual);
      if (r.deviation && dev !== null && tm && act !== null && r.actual && r.actual.percent) {
        const target = new Decimal(tm[1]);
        const over = Decimal.max(act.minus(target), ZERO);
        const res = judgeRatio({ value: over, half: halfOfDecimals(r.actual.dp) }, { value: target, half: ZERO }, dev, r.deviation.dp);
        if (res.state === "exact" || res.state === "tail") this.ck.ok();
        else {
          this.ck.bad();
          this.add("P.7", "error", { sheet: I.sheet, addr: r.addr }, "三级指标“" + r.name + "”偏差度 " + plain(dev) + "，按（" + plain(act) + " − " + plain(target) + "）/ " + plain(target) + " × 100 重算为 " + pct4(res.ratio), { expected: res.rounded ? res.rounded.toFixed(r.deviation.dp) : null, actual: plain(dev) }, ext);
        }
      }
    }
    // sums per 一级 vs the 一级指标 table
    const L = this.perf.levels;
    if (L) {
      for (const lr of L.rows) {
        const g = groups[groupOf(lr.name)];
        if (!g) continue;
        const w = num(lr.weight);
        const s = num(lr.score);
        if (w && s) {
          if (g.w.equals(w) && g.s.equals(s)) this.ck.ok();
          else {
            this.ck.bad();
            this.add("P.6", "error", { sheet: L.sheet, addr: lr.addr }, "一级指标“" + lr.name + "”分值/得分 " + plain(w) + "/" + plain(s) + "，三级指标合计 " + plain(g.w) + "/" + plain(g.s), { expected: plain(g.w) + "/" + plain(g.s), actual: plain(w) + "/" + plain(s) }, ext);
          }
        }
      }
    }
    // counts stated in the report: “产出”指标由 … 细化为 N 个三级指标
    for (const p of paras) {
      // bounded (issue 13): 100 characters between 指标由 and the count, counts of at most 15 digits
      const re = /[“"]?(投入管理|产出|效益)[”"]?指标由[^;；。]{0,100}?(\d{1,15})个二级指标构成[,，]?二级指标细化为(\d{1,15})个三级指标/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(p.text))) {
        const g = groups[m[1]];
        if (!g) continue;
        const n3 = parseInt(m[3], 10);
        const n2 = parseInt(m[2], 10);
        const clause = { start: m.index, end: m.index + m[0].length };
        if (n3 === g.n) this.ck.ok();
        else {
          this.ck.bad();
          this.ck.emit("P.6", "error", p, clause, "整体绩效自评报告：“" + m[1] + "”指标细化为 " + n3 + " 个三级指标，但绩效指标表中有 " + g.n + " 个", { table: "绩效", actual: String(n3), expected: String(g.n), difference: String(n3 - g.n) });
        }
        if (n2 === g.l2.length) this.ck.ok();
        else {
          this.ck.bad();
          this.ck.emit("P.6", "error", p, clause, "整体绩效自评报告：“" + m[1] + "”指标由 " + n2 + " 个二级指标构成，但绩效指标表中有 " + g.l2.length + " 个（" + g.l2.join("、") + "）", { table: "绩效", actual: String(n2), expected: String(g.l2.length) });
        }
      }
    }
  }
}

