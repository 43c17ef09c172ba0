/**
 * 六 基本支出: the 「主要包括」 list after 人员经费 / 公用经费 (N6). Handwritten, not a statement table row, because
 * it compares a list of names, not a figure: each 款 of 公开06 with an amount must be named, none at 0 and no
 * name that is not a 款 of that lane; the names are split and normalised, and the verdict is one 疑点 naming all
 * three kinds of gap.
 */
import { Decimal } from "../../decimal";
import { money } from "../../messages";
import { TRow } from "../../model";
import { normKey } from "../../text";
import { Para } from "../normalise";
import { Ctx } from "../scan";
import { Match, Run } from "../statements/model";
import { dict } from "../../dict";

function listCheck(c: Ctx, where: string, p: Para, listStart: number, list: string, lane: "personnel" | "public", what: string): void {
  const ck = c.ck;
  const t = ck.tables["公开06"];
  if (!t) return;
  const names = list.split(/[、,，]/).map((x) => normKey(x).replace(/^等|等$/g, "")).filter((x) => !!x);
  const nonzero = t.rows.filter((r) => r.lane === lane && r.level === 2 && r.cells.amt && r.cells.amt.value && !r.cells.amt.value.isZero());
  const byName = dict<TRow>();
  for (const r of t.rows) if (r.lane === lane && r.level === 2) byName[normKey(r.label)] = r;
  const clause = { start: listStart, end: listStart + list.length };
  const missing = nonzero.filter((r) => names.indexOf(normKey(r.label)) < 0).map((r) => r.label + " " + money(r.cells.amt.value as Decimal, 2));
  const zero = names.filter((n) => byName[n] && byName[n].cells.amt && byName[n].cells.amt.value && byName[n].cells.amt.value!.isZero());
  const unknown = names.filter((n) => !byName[n]);
  if (!missing.length && !zero.length && !unknown.length) {
    ck.ok();
    return;
  }
  ck.bad();
  const parts: string[] = [];
  if (missing.length) parts.push("未列公开06 中有金额的 " + missing.join("、"));
  if (zero.length) parts.push("列了公开06 中为 0 的 " + zero.join("、"));
  if (unknown.length) parts.push("“" + unknown.join("、") + "”不是公开06 " + what + "的款名");
  ck.emit("N6", "warning", p, clause, where + "：" + what + "“主要包括”" + parts.join("；"), { expected: nonzero.map((r) => r.label).join("、"), actual: names.join("、") });
}

/** The list captured as group 3 of the statement's match, checked against the 款 of `lane`. */
export function mainItems(lane: "personnel" | "public", what: string): (run: Run, p: Para, where: string, x: Match) => void {
  return (run, p, where, x) => {
    const list = x.m[3];
    if (list) listCheck(run.c, where, p, x.start + x.m[0].lastIndexOf(list), list, lane, what);
  };
}
