/**
 * 五(一): the prior year's 一般公共预算财政拨款支出 stated outright (「上年为 P 万元」, 「比 2023 年度的 P 万元增加 Δ 万元」)
 * must be the current amount ∓ the stated change. (When it is not stated, the change and the rate are judged
 * against the implied prior year, current ∓ Δ, by the yoy check.) A year other than the fiscal year − 1 is not
 * read as the prior year.
 */
import { Checker, Ref } from "./checker";
import { Para } from "./normalise";
import { P } from "./patterns";
import { figs } from "./scan";
import { AMT } from "./tokens";

const PRIOR = new RegExp("(?:上年|(\\d{4})年(?:度)?)(?:一般公共预算财政拨款支出)?(?:决算数|支出决算数|支出决算|支出)?(?:为|的|是)" + AMT);

export function priorStated(ck: Checker, rule: string, where: string, p: Para, current: Ref | null, fiscalYear: number | undefined): void {
  const pm = PRIOR.exec(p.text);
  const ym = P.yoy.exec(p.text);
  if (!pm || !ym || !current) return;
  if (pm[1] && (!fiscalYear || parseInt(pm[1], 10) !== fiscalYear - 1)) return;
  const [pf] = figs(p, pm, pm.index, [[2, 3]]);
  const [df] = figs(p, ym, ym.index, [[2, 3]]);
  if (!pf || !df || ym[1] === "持平") return;
  const delta = ck.textRef(df, ym[1] + "额");
  if (ym[1] === "减少") delta.value = delta.value.negated();
  const clause = { start: Math.min(pm.index, ym.index), end: Math.max(pm.index + pm[0].length, ym.index + ym[0].length) };
  ck.sum(rule, where, p, clause, pf, current, [ck.textRef(pf, "上年数"), delta], "本年数应等于上年数" + (ym[1] === "增加" ? "加" : "减") + "变动额");
}
