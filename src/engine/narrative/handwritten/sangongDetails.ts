/**
 * 九 三公经费: the checks of section 九 that are not statement table rows (N9b/N9c), each with why.
 *   - shareOf: the three item shares are collected across paragraphs and must make 100 % only when all three are
 *     stated and there is 三公 spending (a condition over the whole section, not one sentence); the term
 *     「…运行费」 is a wording note, once per section.
 *   - carCount, abroadGroups, carStock: a count (cars, groups) cannot be compared with an amount; only whether
 *     there is one must agree (有购置费应有车辆), a plausibility test rather than a binding.
 *   - receptionSum (at the end): 外宾接待 + 国内公务接待 = 公开09 公务接待费 over figures that may sit in different
 *     paragraphs, whichever of the two is stated; and the 批次/人次 must be disclosed when there is spending.
 *   - the rates, changes and item amounts of sangong.ts (checkSangongExtra), which compare the text with itself.
 */
import { money } from "../../messages";
import { printed, Rounded } from "../../rounding";
import { Ref } from "../checker";
import { Para } from "../normalise";
import { P } from "../patterns";
import { checkSangongExtra, RECEPTION_DISCLOSED } from "../sangong";
import { each, figs, sharesMakeWhole } from "../scan";
import { Match, Run } from "../statements/model";
import { Figure } from "../tokens";

interface State {
  termNoted: boolean;
  domestic: { p: Para; fig: Figure; clause: { start: number; end: number } } | null;
  foreign: { p: Para; fig: Figure } | null;
  domesticGroups: boolean;
  stated: { [k: string]: Figure };
  shares: Rounded[];
  sharesAt: { p: Para | null; start: number; end: number };
}

function state(run: Run): State {
  if (!run.state.sangong) run.state.sangong = { termNoted: false, domestic: null, foreign: null, domesticGroups: false, stated: {}, shares: [], sharesAt: { p: null, start: 0, end: 0 } } as State;
  return run.state.sangong as State;
}

/** After each 「…决算 A，完成预算的 r%，占 s%」: keep s for the 100 % check; note the short term 「…运行费」 once. */
export function shareOf(run: Run, p: Para, where: string, x: Match): void {
  const st = state(run);
  const sf = x.figs.share;
  if (sf) {
    if (!st.sharesAt.p) st.sharesAt.start = x.start;
    st.sharesAt.p = p;
    st.sharesAt.end = x.end;
    st.shares.push(printed(sf.value, sf.dp));
  }
  if (!st.termNoted && /运行费$/.test(x.m[1])) {
    st.termNoted = true;
    run.c.ck.emit("N9b", "info", p, { start: x.start, end: x.start + x.m[1].length }, where + "：文中称“" + x.m[1] + "”，公开09 的栏目名称为“公务用车购置及运行维护费”，建议统一");
  }
}

/** After 「公务用车购置支出 A」: 「购置车辆 N 辆」 agrees with whether there is a 购置费. */
export function carCount(run: Run, p: Para, where: string): void {
  const ck = run.c.ck;
  const n = P.carCount.exec(p.text);
  // the cell only where the text counts cars
  const r = n ? run.cell("购置费") : null;
  if (!n || !r) return;
  const cars = parseInt(n[1], 10);
  if (cars > 0 === r.value.gt(0)) return ck.ok();
  ck.bad();
  ck.emit("N9c", "warning", p, { start: n.index, end: n.index + n[0].length }, where + "：购置车辆 " + cars + " 辆与公务用车购置费 " + money(r.value, 2) + " 万元不相称（有购置费应有车辆，反之亦然）", { related: [r.ref] });
}

/** 保有量, the two 接待 amounts, 出国团组, the 批次/人次 disclosure and the text's own 三公 arithmetic, in that order. */
export function details(run: Run, p: Para, where: string): void {
  const ck = run.c.ck;
  const st = state(run);
  each(p, P.carStock, (m, s, e) => {
    const n = parseInt(m[1], 10);
    run.c.shared.carStock = { n, p };
    const r = run.cell("运行费");
    if (n === 0 && r && r.value.gt(0)) {
      ck.bad();
      ck.emit("N9c", "warning", p, { start: s, end: e }, where + "：公务用车保有量为 0，却有公务用车运行维护费 " + money(r.value, 2) + " 万元，请核实", { related: [r.ref] });
    } else ck.ok();
  });
  each(p, P.foreignGuest, (m, s) => {
    const [f] = figs(p, m, s, [[1, 2]]);
    if (f) st.foreign = { p, fig: f };
  });
  each(p, P.domesticGuest, (m, s, e) => {
    const [f] = figs(p, m, s, [[1, 2]]);
    if (f) st.domestic = { p, fig: f, clause: { start: s, end: e } };
  });
  each(p, P.abroadGroups, (m, s, e) => {
    const r = run.cell("出国费");
    if (!r) return;
    const n = parseInt(m[1], 10);
    if (n > 0 === r.value.gt(0)) ck.ok();
    else {
      ck.bad();
      ck.emit("N9c", "warning", p, { start: s, end: e }, where + "：因公出国（境）团组 " + n + " 个与因公出国（境）费 " + money(r.value, 2) + " 万元不相称", { related: [r.ref] });
    }
  });
  if (P.domesticGroups.test(p.text) || RECEPTION_DISCLOSED.test(p.text)) st.domesticGroups = true;
  checkSangongExtra(ck, p, where, st.stated);
}

/** The end of section 九: the three shares make 100 %; the 接待 amounts add up to 公务接待费; 批次/人次 disclosed. */
export function sangongEnd(run: Run): void {
  const ck = run.c.ck;
  const st = state(run);
  const tot = run.cell("决算合计");
  if (st.shares.length === 3 && st.sharesAt.p && tot && tot.value.gt(0)) {
    sharesMakeWhole(ck, "N9b", st.sharesAt.p, { start: st.sharesAt.start, end: st.sharesAt.end }, "说明九(二)：三项“三公”经费占比合计", st.shares);
  }
  const rec = run.cell("接待费");
  const domestic = st.domestic;
  if (!rec || !(domestic || st.foreign)) return;
  const parts: Ref[] = [];
  const marks: { p: Para; fig: Figure }[] = [];
  let anchor: { p: Para; fig: Figure } | null = null;
  for (const x of [st.foreign, domestic]) {
    if (!x) continue;
    parts.push(ck.textRef(x.fig, /外宾/.test(x.p.text.slice(Math.max(0, x.fig.start - 8), x.fig.start)) ? "外宾接待支出" : "国内公务接待支出"));
    marks.push(x);
    anchor = x;
  }
  const a = (domestic || anchor) as { p: Para; fig: Figure };
  ck.sum("N9c", "说明九(二)", a.p, { start: Math.max(0, a.fig.start - 12), end: a.fig.end }, null, rec, parts, "外宾接待支出与国内公务接待支出之和应等于公开09 公务接待费决算", marks);
  if (rec.value.gt(0) && !st.domesticGroups && domestic) {
    ck.bad();
    ck.emit("N9c", "warning", domestic.p, null, "说明九(二)：有国内公务接待费，但未说明接待批次和人次");
  }
}
