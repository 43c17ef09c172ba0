/**
 * The interpreter of the statement tables (model.ts): walks a section paragraph by paragraph and, in the
 * table's order, matches each statement's pattern, locates its figures, resolves their bindings and runs its
 * checks through the Checker (one rounding core, src/engine/rounding/); handwritten entries run at their place.
 */
import { money } from "../../messages";
import { ZERO } from "../../decimal";
import { Rounded, tolerance, printed } from "../../rounding";
import { Ref } from "../checker";
import { Para } from "../normalise";
import { Ctx, each, figs, sharesMakeWhole, walk } from "../scan";
import { Section } from "../sections";
import { Figure } from "../tokens";
import { fill } from "./fill";
import { Binding, CellSpec, Check, Lookup, LookupEntry, Match, Run, Statement, StatementTable } from "./model";

function lookup(l: Lookup, m: RegExpExecArray): LookupEntry | null {
  const v = m[l.capture];
  if (v === undefined) return null;
  for (const e of l.entries) if (e.when ? e.when.test(v) : e.name === v) return e;
  return null;
}

export function runTable(c: Ctx, sec: Section, table: StatementTable): void {
  const ck = c.ck;
  const seen: { [key: string]: { p: Para; fig: Figure } } = {};
  const cellOf = (spec: CellSpec, m: RegExpExecArray | null, item: LookupEntry | null): Ref | null => ck.cell(spec[0], fill(spec[1], m, item), fill(spec[2], m, item), fill(spec[3], m, item));
  const bind = (b: Binding, m: RegExpExecArray | null, item: LookupEntry | null): Ref | null => {
    if (typeof b === "string") {
      const spec = table.cells[fill(b, m, item)];
      return spec ? cellOf(spec, m, item) : null;
    }
    if ("cell" in b) return cellOf(b.cell, m, item);
    if ("figure" in b) {
      const f = seen[b.figure];
      return f ? ck.textRef(f.fig, fill(b.label, m, item)) : null;
    }
    const parts: Ref[] = [];
    for (const x of b.sum) {
      const r = bind(x, m, item);
      if (!r) return null;
      parts.push(r);
    }
    let value = ZERO;
    const refs: string[] = [];
    for (const r of parts) {
      value = value.plus(r.value);
      for (const q of r.refs || (r.ref ? [r.ref] : [])) refs.push(q);
    }
    return { value, dp: Math.max(2, ...parts.map((r) => r.dp)), ref: "", label: fill(b.label, m, item), blank: false, half: tolerance(parts), refs };
  };
  const run: Run = {
    c,
    sec,
    table,
    rule: table.rule,
    cell: (name) => (table.cells[name] ? cellOf(table.cells[name], null, null) : null),
    figure: (key) => seen[key] || null,
    state: {},
  };

  const check = (rule: string, where: string, p: Para, x: Match, ch: Check): void => {
    const clause = { start: x.start, end: x.end };
    if ("amount" in ch) {
      const fig = x.figs[ch.amount];
      if (fig) ck.amount(rule, where, p, clause, fig, fill(ch.what, x.m, x.item), bind(ch.to, x.m, x.item));
      return;
    }
    if ("ratio" in ch) {
      const fig = x.figs[ch.ratio];
      const num = bind(ch.num, x.m, x.item);
      const den = bind(ch.den, x.m, x.item);
      if (!fig || !num || !den) return;
      const zero = ch.zeroBoth && num.value.isZero() && den.value.isZero() ? ch.zeroBoth : ch.zero;
      ck.ratio(rule, where, p, clause, fig, fill(ch.what, x.m, x.item), num, den, fill(zero, x.m, x.item));
      return;
    }
    const total = bind(ch.total, x.m, x.item);
    const parts = ch.parts.map((b) => bind(b, x.m, x.item));
    if (!total || parts.some((r) => !r)) return;
    const marks = ch.parts.map((b) => (typeof b === "object" && "figure" in b ? seen[b.figure] : null)).filter((f) => !!f) as { p: Para; fig: Figure }[];
    ck.sum(rule, where, p, clause, x.figs[ch.sum] || null, total, parts as Ref[], fill(ch.what, x.m, x.item), marks.length ? marks : undefined);
  };

  walk(sec, (p, where) => {
    const bd = table.breakdown;
    const listed: string[] = [];
    const shares: Rounded[] = [];
    let first: number | null = null;
    for (const e of table.entries) {
      if ("hand" in e) {
        e.hand(run, p, where);
        continue;
      }
      const st: Statement = e;
      each(p, st.pattern, (m, s, end) => {
        const located = figs(p, m, s, st.figures.map((f) => [f.num, f.unit] as [number, string | number]));
        if (st.need === "all" && located.some((f) => !f)) return;
        const item = st.item ? lookup(st.item, m) : null;
        if (st.item && !item) return;
        const x: Match = { m, start: s, end, figs: {}, item };
        st.figures.forEach((f, i) => {
          x.figs[f.name] = located[i];
          if (located[i]) seen[st.id + "." + f.name] = { p, fig: located[i] as Figure };
        });
        if (bd && bd.statement === st.id && item) {
          if (first === null) first = s;
          listed.push(item.name);
          const sf = x.figs[bd.share];
          if (sf) shares.push(printed(sf.value, sf.dp));
        }
        for (const ch of st.checks) check(st.rule || table.rule, where, p, x, ch);
        if (st.also) st.also(run, p, where, x);
      });
    }
    if (bd && first !== null) breakdownEnd(run, bd, p, where, listed, shares, first);
  });
  if (table.end) table.end(run);
}

/** Every item of the breakdown whose cell is not 0 is named in the paragraph, and then the shares make 100 %. */
function breakdownEnd(run: Run, bd: NonNullable<StatementTable["breakdown"]>, p: Para, where: string, listed: string[], shares: Rounded[], first: number): void {
  const ck = run.c.ck;
  if (!ck.tables[bd.cell[0]]) return;
  const st = run.table.entries.filter((e) => "id" in e && e.id === bd.statement)[0] as Statement;
  const missing: string[] = [];
  for (const item of st.item ? st.item.entries : []) {
    const r = ck.cell(bd.cell[0], fill(bd.cell[1], null, item), fill(bd.cell[2], null, item), fill(bd.cell[3], null, item));
    if (r && !r.value.isZero() && listed.indexOf(item.name) < 0) missing.push(item.name + " " + money(r.value, 2));
  }
  const clause = { start: first, end: p.text.length };
  if (missing.length) {
    ck.bad();
    ck.emit(run.rule, "warning", p, clause, fill(bd.missing, null, null, { where, missing: missing.join("、") }));
    return;
  }
  ck.ok();
  sharesMakeWhole(ck, run.rule, p, clause, fill(bd.whole, null, null, { where }), shares);
}
