/**
 * 十 机关运行经费, 十一 政府采购, 十二 国有资产 (N10–N12).
 * Split out of sectionChecks.ts (RULES.md §3.3); see there for the whole N1–N13 picture.
 */
import { plain } from "../decimal";
import { money } from "../messages";
import { Para } from "./normalise";
import { P } from "./patterns";
import { Section } from "./sections";
import { Figure } from "./tokens";
import { Ctx, derived, each, figs, HALF, walk } from "./scan";
import { yoy } from "./handwritten/yoy";

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
