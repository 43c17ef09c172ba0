/**
 * The interpreter of the statement tables (model.ts): walks a section paragraph by paragraph and, in the
 * table's order, matches each statement's pattern, locates its figures, resolves their bindings and runs its
 * checks through the Checker (one rounding core, src/engine/rounding/); handwritten entries run at their place.
 */
import { money } from "../../messages";
import { NotCheckedReason, TableId } from "../../types";
import { plain, ZERO } from "../../decimal";
import { Rounded, tolerance, printed } from "../../rounding";
import { Ref } from "../checker";
import { Para } from "../normalise";
import { Ctx, each, figs, sharesMakeWhole, walk } from "../scan";
import { Section } from "../sections";
import { Figure } from "../tokens";
import { fill } from "./fill";
import { AtMostCheck, Binding, CellSpec, Check, Lookup, LookupEntry, Match, Run, Statement, StatementTable } from "./model";

/** An operand, an absent one with its reason (未审核), or one that is silently not there (a figure the text never stated). */
type Operand = Ref | { missing: { reason: NotCheckedReason; what: string; cells: string[] } } | { silent: true };

function isRef(o: Operand): o is Ref {
  return "value" in o;
}

function lookup(l: Lookup, m: RegExpExecArray): LookupEntry | null {
  const v = m[l.capture];
  if (v === undefined) return null;
  for (const e of l.entries) if (e.when ? e.when.test(v) : e.name === v) return e;
  return null;
}

export function runTable(c: Ctx, sec: Section, table: StatementTable): void {
  const ck = c.ck;
  const seen: { [key: string]: { p: Para; fig: Figure } } = {};
  // the table too may come from the looked-up item ("{item.t}", the denominators of 十三)
  const cellOf = (spec: CellSpec, m: RegExpExecArray | null, item: LookupEntry | null): Ref | null => ck.cell(fill(spec[0], m, item) as TableId, fill(spec[1], m, item), fill(spec[2], m, item), fill(spec[3], m, item));
  /** A binding's operand, or why there is none: a missing cell is 未审核 (RULES.md §0.3), never skipped or 0. */
  const cellOrWhy = (spec: CellSpec, m: RegExpExecArray | null, item: LookupEntry | null): Operand => {
    const r = cellOf(spec, m, item);
    if (r) return r;
    const w = ck.absent(fill(spec[0], m, item) as TableId, fill(spec[1], m, item), fill(spec[2], m, item), fill(spec[3], m, item));
    return w ? { missing: w } : { silent: true };
  };
  const bind = (b: Binding, m: RegExpExecArray | null, item: LookupEntry | null, own?: Match): Operand => {
    if (typeof b === "string") {
      const spec = table.cells[fill(b, m, item)];
      // a cell placed by the looked-up item, where the words matched no known entry: 无法确定对应科目
      if (spec && item && typeof item.unknown === "string" && spec.some((x) => x.indexOf("{item.") >= 0)) {
        return { missing: { reason: "无法确定对应科目", what: fill(item.unknown, m, item, { said: own && own.said !== undefined ? own.said : "" }), cells: [] } };
      }
      return spec ? cellOrWhy(spec, m, item) : { missing: { reason: "其他", what: "语句表中没有名为“" + fill(b, m, item) + "”的单元格", cells: [] } };
    }
    if ("cell" in b) return cellOrWhy(b.cell, m, item);
    if ("figure" in b) {
      // a figure the text did not state: nothing to compare with (the sentence that would state it is absent); a
      // figure of the statement itself is this match's, never one an earlier match left
      const own1 = own && b.figure.indexOf(own.id + ".") === 0 ? own.figs[b.figure.slice(own.id.length + 1)] : undefined;
      const f = own1 !== undefined ? own1 : seen[b.figure] ? seen[b.figure].fig : null;
      if (!f) return { silent: true };
      const r = ck.textRef(f, fill(b.label, m, item));
      if (b.refs) {
        // the cell the stated figure stands for, named in the finding (absent: the figure is still the operand)
        const behind = bind(b.refs, m, item, own);
        r.refs = isRef(behind) && behind.ref ? [behind.ref] : [];
      }
      return r;
    }
    const parts: Ref[] = [];
    for (const x of b.sum) {
      const r = bind(x, m, item, own);
      if (!isRef(r)) return r;
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

  /** The first operand that is absent ends the check as 未审核 with its reason (not in text-alone mode: N-TABLES says it once). */
  const unchecked = (rule: string, where: string, fig: Figure | null, what: string, ops: Operand[]): boolean => {
    for (const o of ops) {
      if (isRef(o)) continue;
      if ("missing" in o && !(ck.textOnly && o.missing.reason === "缺表")) {
        ck.unchecked(rule, o.missing.reason, where + "：" + o.missing.what + "，文中" + what + (fig ? " " + fig.text : "") + " 未与表核对", o.missing.cells);
      }
      return true;
    }
    return false;
  };

  /** `AmountCheck.unfilled`: a blank cell under a non-zero figure, or an unreadable one, in a table that is there. */
  const unfilled = (rule: string, where: string, fig: Figure, what: string, to: Operand, detail: string): boolean => {
    const missing = !isRef(to);
    if (missing && "missing" in to && to.missing.reason === "缺表") return false;
    if (!missing && !((to as Ref).blank && !fig.value.isZero())) return false;
    const ref = missing ? null : (to as Ref);
    ck.unchecked(rule, ref ? "缺合计行" : "取数不足", fill(detail, null, null, { where, what, text: fig.text }), ref && ref.ref ? [ref.ref] : []);
    return true;
  };

  const check = (rule: string, where: string, p: Para, x: Match, ch: Check): void => {
    const clause = { start: x.start, end: x.end };
    if ("amount" in ch) {
      const fig = x.figs[ch.amount];
      if (!fig) return;
      const what = fill(ch.what, x.m, x.item);
      const to = bind(ch.to, x.m, x.item, x);
      if (ch.unfilled && unfilled(rule, where, fig, what, to, ch.unfilled)) return;
      if (unchecked(rule, where, fig, what, [to])) return;
      ck.amount(rule, where, p, clause, fig, what, to as Ref);
      return;
    }
    if ("atMost" in ch) {
      const fig = x.figs[ch.atMost];
      if (!fig) return;
      const what = fill(ch.what, x.m, x.item);
      const to = bind(ch.to, x.m, x.item, x);
      if (unchecked(rule, where, fig, what, [to])) return;
      atMost(ck, rule, where, p, clause, fig, what, to as Ref, ch);
      return;
    }
    if ("ratio" in ch) {
      const fig = x.figs[ch.ratio];
      if (!fig) return;
      const what = fill(ch.what, x.m, x.item);
      const num = bind(ch.num, x.m, x.item, x);
      const den = bind(ch.den, x.m, x.item, x);
      if (unchecked(rule, where, fig, what, [num, den])) return;
      const n = num as Ref;
      const d = den as Ref;
      const zero = ch.zeroBoth && n.value.isZero() && d.value.isZero() ? ch.zeroBoth : ch.zero;
      ck.ratio(rule, where, p, clause, fig, what, n, d, fill(zero, x.m, x.item));
      return;
    }
    const what = fill(ch.what, x.m, x.item);
    const total = bind(ch.total, x.m, x.item, x);
    const parts = ch.parts.map((b) => bind(b, x.m, x.item, x));
    if (unchecked(rule, where, x.figs[ch.sum] || null, what, [total].concat(parts))) return;
    const marks = ch.parts.map((b) => (typeof b === "object" && "figure" in b ? seen[b.figure] : null)).filter((f) => !!f) as { p: Para; fig: Figure }[];
    ck.sum(rule, where, p, clause, x.figs[ch.sum] || null, total as Ref, parts as Ref[], what, marks.length ? marks : undefined);
  };

  walk(sec, (p, where) => {
    const bd = table.breakdown;
    const listed: string[] = [];
    const shares: Rounded[] = [];
    let first: number | null = null;
    for (const e of table.entries) {
      if ("hand" in e) {
        if (e.hand(run, p, where) === true) break;
        continue;
      }
      const st: Statement = e;
      each(p, st.pattern, (m, s, end) => {
        const located = figs(p, m, s, st.figures.map((f) => [f.num, f.unit] as [number, string | number]));
        if (st.need === "all" && located.some((f) => !f)) return;
        const item = st.item ? lookup(st.item, m) : null;
        if (st.item && !item) return;
        const x: Match = { id: st.id, m, start: s, end, figs: {}, item, said: st.item ? m[st.item.capture] : undefined };
        st.figures.forEach((f, i) => {
          x.figs[f.name] = located[i];
          if (located[i]) seen[st.id + "." + f.name] = { p, fig: located[i] as Figure };
        });
        if (st.before) st.before(run, p, where, x);
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

/** `AtMostCheck`: equal passes, less is a 疑点, more an error (exact, as printed). */
function atMost(ck: Run["c"]["ck"], rule: string, where: string, p: Para, clause: { start: number; end: number }, f: Figure, what: string, g: Ref, ch: AtMostCheck): void {
  const vars = { where, what, text: f.text, label: g.label, shown: money(g.value, 2) };
  if (f.value.equals(g.value)) {
    ck.ok();
    ck.mark(p, f, "ok", rule, [g.ref], fill("{what} {text} = {label} {shown}", null, null, vars));
    return;
  }
  ck.bad();
  const less = f.value.lt(g.value);
  const sev = less ? "warning" : "error";
  const i = ck.emit(rule, sev, p, clause, fill(less ? ch.less : ch.more, null, null, vars), { related: [g.ref], expected: plain(g.value), actual: plain(f.value), difference: plain(f.value.minus(g.value)) });
  ck.mark(p, f, sev, rule, [g.ref], less ? ch.lessMark : ch.moreMark, i);
}

/** Every item of the breakdown whose cell is not 0 is named in the paragraph, and then the shares make 100 %. */
function breakdownEnd(run: Run, bd: NonNullable<StatementTable["breakdown"]>, p: Para, where: string, listed: string[], shares: Rounded[], first: number): void {
  const ck = run.c.ck;
  if (!ck.tables[bd.cell[0]]) {
    if (!ck.textOnly) ck.unchecked(run.rule, "缺表", where + "：未找到" + bd.cell[0] + "，各项是否都已说明未与表核对");
    return;
  }
  const st = run.table.entries.filter((e) => "id" in e && e.id === bd.statement)[0] as Statement;
  const missing: string[] = [];
  let unknown: ReturnType<typeof ck.absent> = null;
  for (const item of st.item ? st.item.entries : []) {
    const spec = bd.cell.map((x) => fill(x, null, item)) as CellSpec;
    const r = ck.cell(spec[0], spec[1], spec[2], spec[3]);
    if (!r) unknown = unknown || ck.absent(spec[0], spec[1], spec[2], spec[3]);
    else if (!r.value.isZero() && listed.indexOf(item.name) < 0) missing.push(item.name + " " + money(r.value, 2));
  }
  const clause = { start: first, end: p.text.length };
  if (!missing.length && unknown) {
    // a kind whose cell is absent may be one the text leaves out: completeness (and so the 100 %) is 未审核
    ck.unchecked(run.rule, unknown.reason, where + "：" + unknown.what + "，各项是否都已说明未与表核对", unknown.cells);
    return;
  }
  if (missing.length) {
    ck.bad();
    ck.emit(run.rule, "warning", p, clause, fill(bd.missing, null, null, { where, missing: missing.join("、") }));
    return;
  }
  ck.ok();
  sharesMakeWhole(ck, run.rule, p, clause, fill(bd.whole, null, null, { where }), shares);
}
