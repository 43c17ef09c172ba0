/**
 * Change over the prior year stated in a sentence (N1 b–e, N4, N5a, N10), shared by several sections.
 * Handwritten, not a statement table row, because it is a chain of judgements rather than a binding: the
 * direction words must agree first, the prior year is derived from the current figure ∓ the stated change, a
 * negative or zero prior year replaces the rate check by its own finding, the change mark depends on the rate's
 * verdict, a missing 原因 is a 疑点, and every change is kept for the consistency check between sections.
 * `yoyOf` runs it from a statement table, against one of the table's named cells.
 */
import { plain } from "../../decimal";
import { money } from "../../messages";
import { Ref } from "../checker";
import { Para } from "../normalise";
import { P } from "../patterns";
import { Handwritten } from "../statements/model";
import { Ctx, derived, each, figs, HALF } from "../scan";

// change over the prior year (N1 b–e, N4, N5a, N10)

/** `current` may be a function: the cell is then looked up at the first stated change only (most paragraphs state none). */
export function yoy(c: Ctx, rule: string, where: string, p: Para, currentOrLookup: Ref | null | (() => Ref | null), subject: string): void {
  const ck = c.ck;
  let known: Ref | null | undefined = typeof currentOrLookup === "function" ? undefined : currentOrLookup;
  each(p, P.yoy, (m, s, e) => {
    const [df, pf] = figs(p, m, s, [
      [2, 3],
      [5, "%"],
    ]);
    if (!df || !pf) return;
    if (known === undefined) known = (currentOrLookup as () => Ref | null)();
    const current = known;
    if (!current) return;
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
    const priorRef = derived(prior, "上年数（" + money(current.value, 2) + (up ? " − " : " + ") + money(delta, 2) + "）", HALF.times(2), current.ref ? [current.ref] : []);
    c.shared.changes.push({ rule, where, current: current.value, delta: up ? delta : delta.negated(), dir, pct: pf.value, p, fig: df, clause: { start: s, end: e } });
    if (prior.lt(0)) {
      ck.bad();
      const i = ck.emit(rule, "error", p, { start: s, end: e }, where + "：本年" + subject + " " + money(current.value, 2) + " 万元，增加额 " + df.text + " 大于本年数，推出的上年数为负", { actual: plain(delta), expected: null, related: current.ref ? [current.ref] : [] });
      ck.mark(p, df, "error", rule, [], "上年数为负", i);
      return;
    }
    if (prior.abs().lte(HALF.times(2))) {
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
    // (a passed change is explained when read, as Checker's passed checks are)
    const explain = () => dir + "额 " + df.text + "：上年数 " + money(prior, 2) + " 万元，" + dir2 + "率见后";
    ck.mark(p, df, st === "exact" ? "ok" : st === "tail" ? "tail" : "error", rule, current.ref ? [current.ref] : [], st === "exact" ? explain : explain(), st === "exact" ? undefined : last);
    if (!/原因/.test(p.text)) {
      ck.bad();
      ck.emit(rule, "warning", p, { start: s, end: e }, where + "：说明了" + dir + " " + df.text + "，但未说明主要原因");
    } else ck.ok();
  });
}

/** The change stated in each paragraph, against the named cell `current` of the table being run. */
export function yoyOf(current: string, subject: string): Handwritten {
  return { hand: (run, p, where) => yoy(run.c, run.rule, where, p, () => run.cell(current), subject) };
}
