/**
 * One change stated in 一, 四 and 五(一) for the same current amount should be the same change.
 * Split out of sectionChecks.ts (RULES.md §3.3); see there for the whole N1–N13 picture.
 */
import { plain } from "../decimal";
import { money } from "../messages";
import { Ctx } from "./scan";

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
