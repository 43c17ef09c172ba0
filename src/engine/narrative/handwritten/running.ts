/**
 * 十 机关运行经费 (N10), the parts of its statement (statements/others.ts S10) that are not a figure bound to a cell:
 * - the heading calls it 机构/机关运行经费 and the text the other (a wording note, once per section, before the
 *   comparison: it is about words, not figures);
 * - 「比 YYYY 年」 must name the prior year (a year, not an amount);
 * - the change over the prior year (yoy.ts: a chain of judgements).
 */
import { P } from "../patterns";
import { derived, HALF } from "../scan";
import { Match, Run } from "../statements/model";
import { Para } from "../normalise";
import { yoy } from "./yoy";

export function runningTerm(run: Run, p: Para, where: string, x: Match): void {
  const f = x.figs.amount;
  if (!f || run.state.termNoted) return;
  const headingWord = /机构运行经费/.test(run.sec.title) ? "机构" : /机关运行经费/.test(run.sec.title) ? "机关" : "";
  if (headingWord && headingWord !== "机" + x.m[1]) {
    run.state.termNoted = true;
    run.c.ck.emit("N10", "info", p, { start: x.start, end: x.start + 6 }, where + "：标题称“" + headingWord + "运行经费”，正文称“机" + x.m[1] + "运行经费”，建议统一");
  }
}

export function runningYear(run: Run, p: Para, where: string, x: Match): void {
  const f = x.figs.amount;
  if (!f) return;
  const ck = run.c.ck;
  const fiscalYear = run.c.shared.fiscalYear;
  const yr = P.runningYear.exec(p.text);
  if (yr && fiscalYear) {
    const y = parseInt(yr[1], 10);
    if (y === fiscalYear - 1) ck.ok();
    else {
      ck.bad();
      ck.emit("N10", "error", p, { start: yr.index, end: yr.index + yr[0].length }, where + "：应与上年（" + (fiscalYear - 1) + " 年）比较，文中写“比" + y + "年”", { actual: String(y), expected: String(fiscalYear - 1) });
    }
  }
  yoy(run.c, "N10", where, p, derived(f.value, "机关运行经费", HALF), "机关运行经费");
}
