/**
 * 十三 绩效 (N13a, N13c, P.11), the parts of its statement table (statements/performance.ts) that are not a figure
 * bound to a table cell:
 * - 「项目 N 个，共涉及资金 A」: N against the project paragraphs and the 项目自评表's rows, A against Σ 全年执行数 of
 *   the 自评表 (a 绩效 sheet read by performance.ts, not one of the nine tables);
 * - each project paragraph matched to a row of the 自评表 (same 预算 and 执行 first, then the same or the closest
 *   name): a match, not a binding; then its figures, score and name against that row (P.11);
 * - when a share of 「整体支出绩效评价」 is wrong, the denominator that would give it is named.
 */
import { Decimal, plain, ZERO, halfOfDecimals } from "../../decimal";
import { money } from "../../messages";
import { normKey } from "../../text";
import { dict } from "../../dict";
import { Ref } from "../checker";
import { Para } from "../normalise";
import { P } from "../patterns";
import { ProjectRow } from "../performance";
import { Figure } from "../tokens";
import { Ctx, derived, figs, HALF, whereOf } from "../scan";
import { Match, Run } from "../statements/model";

interface Claim {
  n: number;
  p: Para;
  s: number;
  e: number;
  full: boolean;
}

interface ProjectState {
  projects: TextProject[];
  claimed: Claim | null;
}

function state(run: Run): ProjectState {
  return (run.state.projects as ProjectState) || (run.state.projects = { projects: [], claimed: null });
}

/** 「项目 N 个，共涉及资金 A，占…的 P%」 (before its share is checked): the claim kept, A = Σ 全年执行数 of the 自评表. */
export function projectsClaim(run: Run, p: Para, where: string, x: Match): void {
  const ck = run.c.ck;
  const f = x.figs.amount;
  const pf = x.figs.share;
  state(run).claimed = { n: parseInt(x.m[1], 10), p, s: x.start, e: x.end, full: !!pf && pf.value.equals(100) };
  const tbl = run.c.perf.projects;
  if (f && tbl) {
    let sum = ZERO;
    const refs: string[] = [];
    for (const r of tbl.rows)
      if (r.exec && r.exec.value) {
        sum = sum.plus(r.exec.value);
        refs.push("'" + r.exec.sheet + "'!" + r.exec.addr);
      }
    ck.sum("N13a", where, p, { start: x.start, end: x.end }, f, ck.textRef(f, "共涉及资金"), [derived(sum, "项目自评表全年执行数合计", HALF.times(tbl.rows.length), refs)], "共涉及资金应等于各项目全年执行数之和");
  }
}

/** Before the 整体支出绩效评价 checks: where the findings stand, so `wholeDenominator` sees only its own. */
export function wholeMark(run: Run): void {
  run.state.wholeFrom = run.c.ck.findings.length;
}

/** After them: a share that is wrong but right over another total names that total. */
export function wholeDenominator(run: Run, p: Para, where: string, x: Match): void {
  const ck = run.c.ck;
  const f = x.figs.amount;
  const pf = x.figs.share;
  const last = ck.findings.length > (run.state.wholeFrom as number) ? ck.findings[ck.findings.length - 1] : null;
  if (!f || !pf || !last || last.rule !== "N13b" || last.severity !== "error" || last.actual !== plain(pf.value) || last.message.indexOf("重算为") < 0) return;
  const alt = [ck.cell("公开05", "合计", "c1", "一般公共预算财政拨款支出合计"), ck.cell("公开03", "合计", "c1", "支出合计")].filter((c) => c && c.value.gt(0) && f.value.dividedBy(c.value).times(100).toDecimalPlaces(pf.dp).equals(pf.value))[0];
  if (alt) last.message += "；按 " + alt.label + " " + money(alt.value, 2) + " 计算才是 " + pf.text + "，句中分母应改为“" + (/公开05/.test(alt.label) ? "一般公共预算支出总额" : "支出总额") + "”";
}

/** 「X 项目绩效自评情况：」 paragraphs with their score and 预算/执行/完成率, kept for `projectsEnd`. */
export function projectHead(run: Run, p: Para): void {
  const head = P.projectHead.exec(p.text);
  if (!head) return;
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
  state(run).projects.push(tp);
}

export function projectsEnd(run: Run): void {
  const s = state(run);
  run.c.shared.projectCount = s.projects.length;
  projectChecks(run.c, s.projects, s.claimed, whereOf(run.sec, "二"));
}

/** A project name as `similar` compares it: normalised without a final 项目, and its pairs of characters. */
interface NameKey {
  key: string;
  grams: string[];
}

function nameKey(name: string): NameKey {
  const key = normKey(name).replace(/项目$/, "");
  const grams: string[] = [];
  for (let i = 0; i + 1 < key.length; i++) grams.push(key.substr(i, 2));
  return { key, grams };
}

/** Dice similarity of two names' character pairs (1 when equal). */
function similar(x: NameKey, y: NameKey): number {
  if (x.key === y.key) return 1;
  const gx = x.grams;
  const gy = y.grams;
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

function projectChecks(c: Ctx, projects: TextProject[], claimed: Claim | null, where: string): void {
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
  // match text projects to table rows: same 预算 and 执行 first, then the same name, then the closest name (each
  // name normalised once, not at every comparison)
  const pk = projects.map((tp) => nameKey(tp.name));
  const rk = rows.map((r) => nameKey(r.name));
  const match: (ProjectRow | null)[] = projects.map(() => null);
  const used: boolean[] = rows.map(() => false);
  const amountsEqual = (tp: TextProject, r: ProjectRow) => !!(tp.budget && tp.exec && r.budget && r.exec && r.budget.value && r.exec.value && tp.budget.value.equals(r.budget.value) && tp.exec.value.equals(r.exec.value));
  for (let i = 0; i < projects.length; i++) {
    const cands = rows.map((r, j) => j).filter((j) => !used[j] && amountsEqual(projects[i], rows[j]));
    if (cands.length >= 1) {
      cands.sort((a, b) => similar(pk[i], rk[b]) - similar(pk[i], rk[a]));
      if (cands.length === 1 || similar(pk[i], rk[cands[0]]) > similar(pk[i], rk[cands[1]])) {
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
        const sc = similar(pk[i], rk[j]);
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
  const seen = dict<number>();
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
