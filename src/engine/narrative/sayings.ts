/**
 * The wording of the narrative's comparisons (Checker.amount, ratio, sum) as templates, in the style of
 * messages.ts: one sentence per verdict with named holes (statements/fill.ts), instead of long concatenations.
 * Holes: {where} section, {what} how the text calls the figure, {text} the figure as written, {label}/{shown} the
 * operand and its value, {diff}, {tol}, {ops}, {ratio}, {dp}, {rounded}, {interval}, {zero}, {parts}, {sum}, {total}.
 */
import { fill } from "./statements/fill";

export const SAY = {
  amountNotFilled: "{where}：{label} 未填（其各项不为 0），文中{what} {text} 未与表核对",
  amountRounded: "{where}：文中{what} {text} 是 {label} {shown} 舍入后的写法，舍去了非零的尾数，建议与表一致写作 {shown}",
  amountOk: "{what} {text} = {label} {shown}{blank}",
  amountDiffers: "{where}：文中{what} {text} 与 {label} {shown} 不符，差 {diff} 万元{blank}{cap}",
  ratioNotFilled: "{where}：{label} 未填（其各项不为 0），文中{what}{text} 未能重算",
  ratioUndefined: "{where}：{label}为 0，文中却写“{what}{text}”，分母为 0 的比率无意义，不应列示；建议改为“{zero}”",
  ratioRecomputed: "按 {ops} 重算为 {ratio}%（保留 {dp} 位为 {rounded}%）",
  ratioOk: "{what}{text}：{recomputed}，相符",
  ratioTail: "{where}：文中{what}{text}，{recomputed}；两数四舍五入后比率可在 {interval} 之间，与所述相交，属比率尾差",
  ratioDiffers: "{where}：文中{what}{text}，{recomputed}；即使考虑两数的四舍五入，比率也只能在 {interval} 之间，不符",
  sumOk: "{what}：{label} {total} = {parts}",
  sumTail: "{where}：{what}，{label} {total}，{parts} = {sum}，差 {diff}，在四舍五入允许范围 ±{tol} 内，属尾差",
  sumDiffers: "{where}：{what}，{label} {total}，{parts} = {sum}，差 {diff}，超出四舍五入允许范围 ±{tol}，不符",
};

export function say(template: string, vars: { [k: string]: string }): string {
  return fill(template, null, null, vars);
}
