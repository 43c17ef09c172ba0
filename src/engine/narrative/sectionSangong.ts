/**
 * 九 三公经费 (N9).
 * Split out of sectionChecks.ts (RULES.md §3.3); see there for the whole N1–N13 picture.
 */
import { money } from "../messages";
import { printed, Rounded } from "../rounding";
import { Ref } from "./checker";
import { Para } from "./normalise";
import { P } from "./patterns";
import { Section } from "./sections";
import { Figure } from "./tokens";
import { checkSangongExtra, key, KEYS, RECEPTION_DISCLOSED } from "./sangong";
import { Ctx, each, figs, sharesMakeWhole, walk } from "./scan";

// 九 三公

export function checkS9(c: Ctx, sec: Section): void {
  const ck = c.ck;
  const cell = (col: string, label: string) => ck.cell("公开09", "row", col, label);
  let termNoted = false;
  let domestic: { p: Para; fig: Figure; clause: { start: number; end: number } } | null = null;
  let foreign: { p: Para; fig: Figure } | null = null;
  let domesticGroups = false;
  const sgStated: { [k: string]: Figure } = {};
  const shareSum = { shares: [] as Rounded[], n: 0, p: null as Para | null, start: 0, end: 0 };
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
      const k = KEYS[key(m[1])];
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
        shareSum.shares.push(printed(sf.value, sf.dp));
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
      const k = KEYS[key(m[1])];
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
    sharesMakeWhole(ck, "N9b", shareSum.p, { start: shareSum.start, end: shareSum.end }, "说明九(二)：三项“三公”经费占比合计", shareSum.shares);
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
