/**
 * 六 基本支出, 七、八 政府性基金 / 国有资本经营 (N6–N8).
 * Split out of sectionChecks.ts (RULES.md §3.3); see there for the whole N1–N13 picture.
 */
import { Decimal } from "../decimal";
import { money } from "../messages";
import { TRow } from "../model";
import { normKey } from "../text";
import { Para } from "./normalise";
import { P } from "./patterns";
import { Section } from "./sections";
import { checkFundSection } from "./funds";
import { Ctx, each, figs, walk } from "./scan";

// 六 基本支出

function listCheck(c: Ctx, where: string, p: Para, listStart: number, list: string, lane: "personnel" | "public", what: string): void {
  const ck = c.ck;
  const t = ck.tables["公开06"];
  if (!t) return;
  const names = list.split(/[、,，]/).map((x) => normKey(x).replace(/^等|等$/g, "")).filter((x) => !!x);
  const nonzero = t.rows.filter((r) => r.lane === lane && r.level === 2 && r.cells.amt && r.cells.amt.value && !r.cells.amt.value.isZero());
  const byName: { [k: string]: TRow } = {};
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

export function checkS6(c: Ctx, sec: Section): void {
  const ck = c.ck;
  walk(sec, (p, where) => {
    each(p, P.basic, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount("N6", where, p, { start: s, end: e }, f, "基本支出", ck.cell("公开05", "合计", "c2", "合计 基本支出"));
    });
    each(p, P.personnel, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount("N6", where, p, { start: s, end: e }, f, "人员经费", ck.cell("公开06", "P.total", "amt", "人员经费合计"));
      if (m[3]) listCheck(c, where, p, s + m[0].lastIndexOf(m[3]), m[3], "personnel", "人员经费");
    });
    each(p, P.publicExp, (m, s, e) => {
      const [f] = figs(p, m, s, [[1, 2]]);
      if (f) ck.amount("N6", where, p, { start: s, end: e }, f, "公用经费", ck.cell("公开06", "G.total", "amt", "公用经费合计"));
      if (m[3]) listCheck(c, where, p, s + m[0].lastIndexOf(m[3]), m[3], "public", "公用经费");
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// 七、八 政府性基金 / 国有资本经营

export function checkS7S8(c: Ctx, sec: Section): void {
  checkFundSection(c.ck, sec);
}
