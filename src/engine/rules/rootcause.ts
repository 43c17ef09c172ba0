/**
 * One root cause instead of a flood (issue 8 §2, RULES.md §5.2 applied to 不符): a single misprinted cell
 * fails every identity it enters — its row, its 款 or 类, and the same figure's mirror in another table. Here
 * each failing comparison proposes corrections ("this operand should have been v"), each correction is tried
 * against every recorded comparison (ctx.log) that reads the cell, and the correction that makes the most
 * failing comparisons hold while breaking none that held is taken as the root. Its findings are linked to one
 * root finding via `cause`; the root's message names the cell, its likely correct figure and how many findings
 * follow from it.
 *
 * Decisions where the issue is silent:
 * - A figure printed in two tables that a passing 1-to-1 equality ties together (公开03↔05 per code, 05↔04
 *   per 类, 02↔01 …), or a passing ≤ that holds with equality on a non-zero figure (公开05 ≤ 03 when other
 *   funds exist), is one figure: a correction moves all its copies by the same amount. So a misprint copied
 *   into the mirror table is one cause, and the mirror's failures are consequences.
 * - A correction may also move the cell and the cells of its 款, 类 (and 合计) in the same column together, a
 *   wrong figure that was carried up before publication (a 款 and its 类 both printed with a dropped digit);
 *   the single cell is preferred when both explain as much, then the shorter chain.
 * - A correction is accepted only when it breaks no comparison that held and explains at least two findings;
 *   otherwise the findings stay as they are (never a guess that moves blame onto a correct figure).
 * - The root finding is an error when one is explained (so a +1.00 change always shows as 不符), then one with
 *   a cell (the pane finds causes by cell), preferably anchored on the culprit cell, else in the culprit's table.
 */
import { qualified } from "../address";
import { causeOf, linkCause, refersTo } from "../cause";
import { Decimal } from "../decimal";
import { displayUnit, tolerance } from "../rounding";
import { money } from "../messages";
import { rowTitle, TCell, TableModel, TRow } from "../model";
import { Finding, TABLE_IDS } from "../types";
import { CheckRecord, coefOf, Context } from "./context";

export { causeOf };

type Status = "ok" | "close" | "bad";

/** d of a record (Σ coef·value) and its tolerance, as Context decided them. */
export function measure(rec: CheckRecord): { d: Decimal; tol: Decimal } {
  let d = new Decimal(0);
  rec.ops.forEach((o, i) => {
    d = d.plus(o.value.times(coefOf(i)));
  });
  // The same tolerances as the check itself (src/engine/rounding): Σ half-widths for a sum, one display unit for a pair.
  return { d, tol: rec.kind === "sum" ? tolerance(rec.ops) : displayUnit(rec.ops[0], rec.ops[1]) };
}

export function status(kind: CheckRecord["kind"], d: Decimal, tol: Decimal): Status {
  if (kind === "sum") return d.abs().lte(tol) ? "ok" : "bad";
  if (kind === "le" ? d.lte(0) : d.isZero()) return "ok";
  return !tol.isZero() && d.abs().lte(tol) ? "close" : "bad";
}

/** Where each amount cell sits: table, row and column key. */
export interface Place {
  t: TableModel;
  row: TRow;
  col: string;
}

export function places(ctx: Context): Map<TCell, Place> {
  const out = new Map<TCell, Place>();
  for (const id of TABLE_IDS) {
    const t = ctx.tables[id];
    if (!t) continue;
    for (const row of t.rows) for (const col in row.cells) out.set(row.cells[col], { t, row, col });
  }
  return out;
}

const bad = (f: Finding | null): f is Finding => !!f && (f.severity === "error" || f.severity === "warning");
const correctable = (c: TCell | null): c is TCell => !!c && (c.state === "number" || c.state === "blank");

/** Link `f` and everything already linked to it under `root`. */
export function linkUnder(ctx: Context, root: Finding, f: Finding, note: string): void {
  for (const g of ctx.findings) if (g !== root && refersTo(g.causeRef, f)) linkCause(g, root);
  if (f === root) return;
  linkCause(f, root);
  f.message += note;
}

interface Hypothesis {
  cells: TCell[];
  /** The cell the correction starts from (the deepest row in the culprit's table). */
  origin: TCell;
  delta: Decimal;
  fixed: CheckRecord[];
  chain: boolean;
}

export function linkRootCauses(ctx: Context): void {
  const pool = ctx.log.filter((r) => bad(r.finding) && !r.finding!.cause);
  if (pool.length < 2) return;
  const where = places(ctx);
  const index = new Map<TCell, CheckRecord[]>();
  const m = new Map<CheckRecord, { d: Decimal; tol: Decimal; st: Status }>();
  for (const rec of ctx.log) {
    for (const o of rec.ops) {
      if (!o.cell) continue;
      const list = index.get(o.cell);
      if (!list) index.set(o.cell, [rec]);
      else if (list[list.length - 1] !== rec) list.push(rec);
    }
  }
  const measured = (rec: CheckRecord) => {
    let x = m.get(rec);
    if (!x) {
      const { d, tol } = measure(rec);
      x = { d, tol, st: status(rec.kind, d, tol) };
      m.set(rec, x);
    }
    return x;
  };

  // Copies of one figure: cells tied by a passing 1-to-1 equality (union-find).
  const parent = new Map<TCell, TCell>();
  const find = (c: TCell): TCell => {
    let p = parent.get(c) || c;
    while (parent.get(p) && parent.get(p) !== p) p = parent.get(p)!;
    return p;
  };
  for (const rec of ctx.log) {
    if (rec.ops.length !== 2 || rec.kind === "sum") continue;
    const [a, b] = rec.ops;
    if (!a.cell || !b.cell || a.sign !== b.sign) continue;
    const eq = rec.kind === "same" ? measured(rec).d.isZero() : measured(rec).d.isZero() && !a.value.isZero();
    if (!eq) continue;
    const ra = find(a.cell);
    const rb = find(b.cell);
    if (ra !== rb) parent.set(rb, ra);
  }
  const copies = new Map<TCell, TCell[]>();
  for (const c of Array.from(index.keys())) {
    const r = find(c);
    const list = copies.get(r);
    if (list) list.push(c);
    else copies.set(r, [c]);
  }
  const copiesOf = (c: TCell) => copies.get(find(c)) || [c];

  /** The cell with its 款, 类 and 合计 cells of the same column, as prefixes: [项, 款], [项, 款, 类], [项, 款, 类, 合计]. */
  const chainsOf = (c: TCell): TCell[][] => {
    const p = where.get(c);
    if (!p || p.row.level === undefined || p.row.level < 1) return [];
    const up: TCell[] = [c];
    let code = p.row.code || "";
    while (code.length > 3) {
      code = code.slice(0, code.length - 2);
      const row = p.t.rows.filter((r) => r.code === code)[0];
      if (!row || !row.cells[p.col]) break;
      up.push(row.cells[p.col]);
    }
    if (up.length === p.row.level) {
      const total = p.t.rows.filter((r) => r.level === 0)[0];
      if (total && total.cells[p.col]) up.push(total.cells[p.col]);
    }
    const out: TCell[][] = [];
    for (let n = 2; n <= up.length; n++) out.push(up.slice(0, n));
    return out;
  };

  const seen: { [k: string]: boolean } = {};
  const hyps: Hypothesis[] = [];
  const cellId = (c: TCell) => c.sheet + "!" + c.addr;
  const tryHyp = (rec: CheckRecord, origin: TCell, base: TCell[], chain: boolean) => {
    const cells: TCell[] = [];
    for (const b of base) for (const c of copiesOf(b)) if (cells.indexOf(c) < 0 && correctable(c)) cells.push(c);
    let coef = 0;
    rec.ops.forEach((o, i) => {
      if (o.cell && cells.indexOf(o.cell) >= 0) coef += coefOf(i) * o.sign;
    });
    if (!coef) return;
    const delta = measured(rec).d.negated().dividedBy(coef);
    const key = cells.map(cellId).sort().join(",") + "|" + delta.toFixed();
    if (seen[key]) return;
    seen[key] = true;
    const touched: CheckRecord[] = [];
    for (const c of cells) for (const r of index.get(c) || []) if (touched.indexOf(r) < 0) touched.push(r);
    const fixed: CheckRecord[] = [];
    for (const r of touched) {
      let k = 0;
      r.ops.forEach((o, i) => {
        if (o.cell && cells.indexOf(o.cell) >= 0) k += coefOf(i) * o.sign;
      });
      if (!k) continue;
      const before = measured(r);
      const after = status(r.kind, before.d.plus(delta.times(k)), before.tol);
      if (before.st === "ok" && after !== "ok") return; // would break an identity that holds
      if (before.st !== "ok" && after === "ok" && bad(r.finding)) fixed.push(r);
    }
    if (fixed.length >= 2) hyps.push({ cells, origin, delta, fixed, chain });
  };
  for (const rec of pool)
    for (const o of rec.ops) {
      if (!correctable(o.cell)) continue;
      tryHyp(rec, o.cell, [o.cell], false);
      for (const chain of chainsOf(o.cell)) tryHyp(rec, o.cell, chain, true);
    }

  // Greedy: the correction that explains the most findings not yet explained, single cells before chains.
  const explained = new Set<Finding>();
  for (;;) {
    let best: Hypothesis | null = null;
    let bestN = 1;
    for (const h of hyps) {
      const n = h.fixed.filter((r) => !explained.has(r.finding!) && !r.finding!.cause).length;
      if (n > bestN || (n === bestN && best && better(h, best))) {
        best = h;
        bestN = n;
      }
    }
    if (!best) return;
    const group = best.fixed.map((r) => r.finding!).filter((f) => !explained.has(f) && !f.cause);
    group.forEach((f) => explained.add(f));
    applyRoot(ctx, best, group, where);
  }
}

/** Trailing zeros of the correction in hundredths: 10.00 before 10.01, whose last digit is a rounding tail. */
function roundness(d: Decimal): number {
  let n = d.abs().times(100).round();
  let z = 0;
  while (!n.isZero() && n.mod(10).isZero() && z < 12) {
    n = n.dividedBy(10);
    z++;
  }
  return z;
}

/** Between corrections that explain as much: a single cell before a chain, then the rounder correction. */
function better(h: Hypothesis, best: Hypothesis): boolean {
  if (h.chain !== best.chain) return !h.chain;
  if (roundness(h.delta) !== roundness(best.delta)) return roundness(h.delta) > roundness(best.delta);
  return h.cells.length < best.cells.length;
}

const rank = (c: TCell, where: Map<TCell, Place>) => {
  const p = where.get(c);
  return p ? TABLE_IDS.indexOf(p.t.id) : TABLE_IDS.length;
};

function applyRoot(ctx: Context, h: Hypothesis, group: Finding[], where: Map<TCell, Place>): void {
  // The culprit: the origin's copy in the first table (公开01 before 03 before 05 …), deepest row first.
  const home = h.cells.slice().sort((a, b) => rank(a, where) - rank(b, where))[0];
  const homeTable = where.get(home)?.t.id;
  const level = (c: TCell) => (c === h.origin ? 0.5 : 0) + (where.get(c)?.row.level || 0);
  const culprit = h.cells.filter((c) => where.get(c)?.t.id === homeTable).sort((a, b) => level(b) - level(a))[0] || home;
  const score = (f: Finding) => (f.severity === "error" ? 8 : 0) + (f.cell ? 4 : 0) + (f.sheet === culprit.sheet && f.cell === culprit.addr ? 2 : 0) + (f.table === homeTable ? 1 : 0);
  const root = group.slice().sort((a, b) => score(b) - score(a))[0];
  const p = where.get(culprit);
  const now = culprit.value || new Decimal(0);
  const should = now.plus(h.delta);
  const dp = culprit.dp;
  const name = p ? p.t.id + " " + rowTitle(p.row) + " " + (p.t.columns.filter((c) => c.key === p.col)[0]?.name || p.col) : qualified(culprit.sheet, culprit.addr);
  const others = h.cells.filter((c) => c !== culprit && c.sheet !== culprit.sheet).map((c) => qualified(c.sheet, c.addr));
  const above = h.cells.filter((c) => c !== culprit && c.sheet === culprit.sheet).map((c) => qualified(c.sheet, c.addr));
  const chainNote = above.length ? "，同栏上级 " + above.join("、") + " 同差" : "";
  for (const f of group) linkUnder(ctx, root, f, "；与 " + qualified(culprit.sheet, culprit.addr) + " 一格同源（见 " + causeOf(root) + "），不另计原因");
  const n = ctx.findings.filter((f) => refersTo(f.causeRef, root)).length;
  root.message +=
    "；【根源】" + name + "（" + qualified(culprit.sheet, culprit.addr) + "）印为 " + (culprit.state === "blank" ? "空白" : money(now, dp)) + "，按勾稽关系推算应为 " + money(should, dp) + "（差 " + money(h.delta.abs(), dp) + "）" + chainNote +
    (others.length ? "，" + others.join("、") + " 同此" : "") +
    "；改正这一数可使 " + h.fixed.length + " 项勾稽关系成立，另有 " + n + " 项结果由此引起，已归于本项之下";
}
