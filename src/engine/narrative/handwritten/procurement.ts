/**
 * 十一 政府采购 (N11), handwritten: every figure is compared with another figure of the same paragraph, not with a
 * table (政府采购 is in none of the nine), in a chain that exists only within one paragraph: the total = 货物 + 工程 +
 * 服务 when all three are stated there, 授予中小企业 ≤ the total and its share of it, 授予小微企业 ≤ 中小企业 only
 * when the 中小企业 amount was stated. Each pattern takes its first match in the paragraph. Run from the S11 table
 * (statements/others.ts).
 */
import { plain } from "../../decimal";
import { Para } from "../normalise";
import { P } from "../patterns";
import { Figure } from "../tokens";
import { Ctx, figs } from "../scan";
import { Run } from "../statements/model";

export function procurement(run: Run, p: Para, where: string): void {
  const c = run.c;
  const ck = c.ck;
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
