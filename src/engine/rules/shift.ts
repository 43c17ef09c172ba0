/**
 * S.10 金额列与科目编码错行 (RULES.md §8.1 item 8): from some row on, the amounts of a coded table stand k rows
 * away from their codes, a real accident of PDF conversion and copy-paste. Dozens of identities then fail at
 * once. This finds the offset and reports it as ONE error, with every finding that reads a displaced amount
 * linked to it via `cause`.
 *
 * Test of a hypothesis (start row s, offset k, set of amount columns): read the amount of the code in row i
 * from row i + k for every i ≥ s (rows outside the table are unknown). The hypothesis holds when every 类 = Σ款,
 * 款 = Σ项, 合计 = Σ类 and row identity (本年支出合计 = 基本 + 项目 …) that can still be evaluated holds within
 * its rounding envelope, none that held before breaks, and at least three that failed now hold, each with a
 * non-zero figure read from a moved column (zeros moved onto zeros prove nothing).
 *
 * Decisions where the issue is silent:
 * - Offsets of 1 to 3 rows either way are tried, for all amount columns together and for each column alone;
 *   the hypothesis that repairs the most identities wins, then the smaller offset. When no single offset
 *   holds for the rest of the table, stretches with growing offsets are tried (piecewise below): codes listed
 *   without an amount push the amounts further away, up to 6 rows.
 * - The table's own identities find the offset. The cross-table comparisons that read the table (公开05 ≤/=
 *   公开03 per code, 类 against 公开01/04 …) only veto: a hypothesis is dropped when more of them that hold now
 *   would break than failing ones it repairs (a misprinted figure in a chain of equal rows must not pass for a
 *   shift; a mirror table shifted the same way would then go undetected). The cross-table findings that read a
 *   displaced amount are linked to S.10 all the same.
 * - Tables over 400 coded rows are not searched (no published table comes near; the search is quadratic).
 */
import { qualified } from "../address";
import { Decimal } from "../decimal";
import { money } from "../messages";
import { childRows, rowTitle, TCell, TableModel, TRow } from "../model";
import { Finding, TableId } from "../types";
import { CATALOGUE } from "./catalogue";
import { coefOf, Context } from "./context";
import { displayUnit } from "../rounding";
import { causeOf, linkUnder } from "./rootcause";

const CODED: TableId[] = ["公开02", "公开03", "公开05", "公开07", "公开08"];
const MAX_ROWS = 400;
const MAX_K = 3;

/**
 * The sheet-qualified amount cells each S.10 finding found displaced, so the narrative is not held to them
 * (narrative/blame.ts: a comparison with such a cell is 未审核).
 */
export const DISPLACED = new WeakMap<Finding, Set<string>>();

/** One identity over the table's grid of amounts: Σ coef·value(row, col) = 0 within Σ half-units. */
interface Identity {
  terms: { i: number; c: string; coef: number }[];
}

export interface Shift {
  start: number;
  k: number;
  cols: string[];
  fixed: number;
  /** Identities that hold under the hypothesis (fixed or not): between equal `fixed`, fewer unknown rows win. */
  holding: number;
  /** Cross-table comparisons repaired minus broken under the hypothesis. */
  cross: number;
  /** When the offset changes further down (codes listed that have no amount): each stretch with its offset. */
  segments?: Segment[];
}

function identities(t: TableModel, rows: TRow[], cols: string[]): Identity[] {
  const idx = new Map<TRow, number>();
  rows.forEach((r, i) => idx.set(r, i));
  const out: Identity[] = [];
  for (const p of rows) {
    const kids = childRows(t, p).filter((k) => idx.has(k));
    if (!kids.length) continue;
    for (const c of cols) {
      if (!p.cells[c]) continue;
      out.push({ terms: [{ i: idx.get(p)!, c, coef: 1 }].concat(kids.filter((k) => k.cells[c]).map((k) => ({ i: idx.get(k)!, c, coef: -1 }))) });
    }
  }
  for (const spec of CATALOGUE) {
    if (spec.kind !== "rowSum" || spec.t !== t.id || (spec.variant && (t.variant || "plain") !== spec.variant)) continue;
    rows.forEach((r, i) => {
      if (!r.cells[spec.total]) return;
      const parts = spec.parts.filter((c) => r.cells[c.replace(/^-/, "")]);
      out.push({ terms: [{ i, c: spec.total, coef: 1 }].concat(parts.map((c) => ({ i, c: c.replace(/^-/, ""), coef: c.charAt(0) === "-" ? 1 : -1 }))) });
    });
  }
  return out;
}

/** Amounts as numbers in units of the smallest displayed decimal (exact for published magnitudes); null = unreadable. */
function grid(rows: TRow[], cols: string[], scale: number): (number | null)[][] {
  return rows.map((r) =>
    cols.map((c) => {
      const cell = r.cells[c];
      if (!cell || cell.state === "blank") return 0;
      if (cell.state !== "number" || !cell.value) return null;
      return Math.round((cell.value as Decimal).times(scale).toNumber());
    }),
  );
}

/** More identities repaired, then more cross-table agreement, then more that hold at all, then the smaller offset, then more columns. */
function preferred(a: Shift, b: Shift): boolean {
  if (a.fixed !== b.fixed) return a.fixed > b.fixed;
  if (a.cross !== b.cross) return a.cross > b.cross;
  if (a.holding !== b.holding) return a.holding > b.holding;
  if (Math.abs(a.k) !== Math.abs(b.k)) return Math.abs(a.k) < Math.abs(b.k);
  return a.cols.length > b.cols.length;
}

/**
 * A cross-table comparison that reads one amount cell of the table (row i, column c): d = coef·value + rest;
 * "same" holds at d = 0, "le" at d ≤ 0; beyond `unit` it fails. Equalities that hold now and would break under
 * a hypothesis weigh against it (the mirror table still agrees with the amounts as printed).
 */
export interface Cross {
  i: number;
  c: string;
  coef: number;
  rest: Decimal;
  kind: "same" | "le";
  unit: Decimal;
}

export function detectShift(t: TableModel, cross: Cross[] = []): Shift | null {
  const rows = t.rows.filter((r) => r.level !== undefined).sort((a, b) => a.row - b.row);
  if (rows.length < 4 || rows.length > MAX_ROWS) return null;
  const cols = t.columns.map((c) => c.key).filter((k) => rows.some((r) => r.cells[k])).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  let dp = 0;
  for (const r of rows) for (const c of cols) if (r.cells[c] && r.cells[c].state === "number") dp = Math.max(dp, r.cells[c].dp);
  dp = Math.min(dp, 6);
  const scale = Math.pow(10, dp);
  const half = t.halfUnit(t.dp).times(scale).toNumber();
  const V = grid(rows, cols, scale);
  const col = (c: string) => cols.indexOf(c);
  const ids = identities(t, rows, cols).map((id) => id.terms.map((x) => ({ i: x.i, c: col(x.c), coef: x.coef })));
  const holds = (terms: { i: number; c: number; coef: number }[], val: (i: number, c: number) => number | null | undefined): boolean | null => {
    let d = 0;
    for (const x of terms) {
      const v = val(x.i, x.c);
      if (v === null || v === undefined) return null;
      d += x.coef * v;
    }
    return Math.abs(d) <= half * terms.length + 1e-9;
  };
  const now = ids.map((terms) => holds(terms, (i, c) => V[i][c]));
  const badNow = now.filter((h) => h === false).length;
  if (badNow < 3) return null;
  const xs = cross.filter((x) => col(x.c) >= 0).map((x) => ({ i: x.i, c: col(x.c), coef: x.coef, rest: x.rest.times(scale).toNumber(), kind: x.kind, unit: x.unit.times(scale).toNumber() }));
  const status = (x: (typeof xs)[0], v: number | null | undefined): "ok" | "bad" | null => {
    if (v === null || v === undefined) return null;
    const d = x.coef * v + x.rest;
    if (x.kind === "same" ? Math.abs(d) < 1e-9 : d < 1e-9) return "ok";
    return (x.kind === "same" ? Math.abs(d) : d) > x.unit + 1e-9 ? "bad" : null;
  };
  const xNow = xs.map((x) => status(x, V[x.i][x.c]));
  /** Cross-table comparisons repaired minus those broken: a veto when negative, and a tie-break between hypotheses. */
  const mirrors = (val: Val): number => {
    let fixed = 0;
    let broken = 0;
    xs.forEach((x, j) => {
      const after = status(x, val(x.i, x.c));
      if (xNow[j] === "ok" && after === "bad") broken++;
      if (xNow[j] === "bad" && after === "ok") fixed++;
    });
    return fixed - broken;
  };
  /** At least three amounts read differently: fewer is one wrong figure (rootcause.ts), not a shifted column. */
  const movesEnough = (val: Val): boolean => {
    let n = 0;
    for (let i = 0; i < V.length && n < 3; i++)
      for (let c = 0; c < cols.length; c++) {
        const v = val(i, c);
        if (v !== null && v !== undefined && v !== V[i][c]) n++;
      }
    return n >= 3;
  };
  const plausible = (val: Val) => movesEnough(val) && mirrors(val) >= 0;
  let best: Shift | null = null;
  const sets: number[][] = [cols.map((_, i) => i)].concat(cols.length > 1 ? cols.map((_, i) => [i]) : []);
  for (const set of sets)
    for (let k = -MAX_K; k <= MAX_K; k++) {
      if (!k) continue;
      for (let s = Math.max(0, -k); s < rows.length; s++) {
        const inSet = (c: number) => set.indexOf(c) >= 0;
        const val = (i: number, c: number): number | null | undefined => {
          if (!inSet(c)) return V[i][c];
          if (i >= s) return i + k < rows.length ? V[i + k][c] : undefined;
          if (k < 0 && i >= s + k) return undefined;
          return V[i][c];
        };
        let fixed = 0;
        let holding = 0;
        let ok = true;
        for (let j = 0; j < ids.length && ok; j++) {
          const h = holds(ids[j], val);
          if (h === false) ok = false;
          else if (h === true) {
            holding++;
            if (now[j] === false && ids[j].some((x) => inSet(x.c) && !!val(x.i, x.c))) fixed++;
          }
        }
        if (!ok || fixed < 3 || fixed * 2 < badNow || !plausible(val)) continue;
        const cand: Shift = { start: s, k, cols: set.map((i) => cols[i]), fixed, holding, cross: mirrors(val) };
        if (!best || preferred(cand, best)) best = cand;
      }
    }
  return best || piecewise(rows.length, cols, sets, V, ids, holds, now, plausible, mirrors);
}

type Terms = { i: number; c: number; coef: number }[];
type Val = (i: number, c: number) => number | null | undefined;
/** A stretch of rows read `k` rows away; the `gap` code rows just before it have no amount (read as 0). */
export interface Segment {
  start: number;
  end: number;
  k: number;
  gap: number;
}

/**
 * The offset changes further down: typically the code column lists codes that have no amount in this table
 * (政府性基金 codes in the 一般公共预算 table), so each such code pushes the following amounts one row further
 * from their codes. Stretches are found one after the other: each new stretch (start, offset) may cut the
 * previous one short; when the offset grows by g, the g codes just before the stretch have no amount and are
 * read as 0 — RULES.md §0.1 (b): a blank is 0 when the table's own identities hold with it set to 0, which is
 * exactly what is tested. Rows after the last stretch are unknown. A stretch is kept only when it repairs at
 * least two more identities and breaks none; a repaired identity must involve a non-zero figure.
 */
function piecewise(m: number, cols: string[], sets: number[][], V: (number | null)[][], ids: Terms[], holds: (t: Terms, v: Val) => boolean | null, now: (boolean | null)[], plausible: (v: Val) => boolean, mirrors: (v: Val) => number): Shift | null {
  let best: Shift | null = null;
  const badNow = now.filter((h) => h === false).length;
  for (const set of sets) {
    const inSet = (c: number) => set.indexOf(c) >= 0;
    const srcOf = (segs: Segment[], i: number): number => {
      if (!segs.length || i < segs[0].start - segs[0].gap) return i;
      for (const g of segs) {
        if (i >= g.start - g.gap && i < g.start) return -2;
        if (i >= g.start && i < g.end) return i + g.k >= 0 && i + g.k < m ? i + g.k : -1;
      }
      return -1;
    };
    const valOf = (segs: Segment[]): Val => (i, c) => {
      if (!inSet(c)) return V[i][c];
      const src = srcOf(segs, i);
      return src === -2 ? 0 : src < 0 ? undefined : V[src][c];
    };
    const score = (segs: Segment[]): { ok: boolean; fixed: number; holding: number } => {
      const val = valOf(segs);
      let fixed = 0;
      let holding = 0;
      for (let j = 0; j < ids.length; j++) {
        const h = holds(ids[j], val);
        if (h === false) return { ok: false, fixed, holding };
        if (h === true) {
          holding++;
          if (now[j] === false && ids[j].some((x) => inSet(x.c) && !!val(x.i, x.c))) fixed++;
        }
      }
      return { ok: true, fixed, holding };
    };
    let segs: Segment[] = [];
    let have = 0;
    for (let round = 0; round < 12; round++) {
      const prev = segs[segs.length - 1];
      let pick: { segs: Segment[]; fixed: number; holding: number; k: number; cross: number } | null = null;
      for (let k = -2 * MAX_K; k <= 2 * MAX_K; k++) {
        if (!k || (prev && k === prev.k)) continue;
        const gap = prev ? Math.max(0, prev.k - k) : Math.max(0, -k);
        for (let s = prev ? prev.start + 1 + gap : gap; s < m; s++) {
          const head = prev ? segs.slice(0, -1).concat([{ ...prev, end: Math.min(prev.end, s - gap) }]) : [];
          const with_ = (end: number) => head.concat([{ start: s, end, k, gap }]);
          // The largest end with no failing identity (failures only grow with the end).
          let lo = s;
          let hi = m;
          while (lo < hi) {
            const mid = Math.floor((lo + hi + 1) / 2);
            if (score(with_(mid)).ok) lo = mid;
            else hi = mid - 1;
          }
          if (lo <= s) continue;
          const r = score(with_(lo));
          if (!r.ok || r.fixed < have + (prev ? 2 : 3)) continue;
          const x = mirrors(valOf(with_(lo)));
          const better = !pick || r.fixed > pick.fixed || (r.fixed === pick.fixed && (x > pick.cross || (x === pick.cross && (r.holding > pick.holding || (r.holding === pick.holding && Math.abs(k) < Math.abs(pick.k))))));
          if (better) pick = { segs: with_(lo), fixed: r.fixed, holding: r.holding, k, cross: x };
        }
      }
      if (!pick) break;
      segs = pick.segs;
      have = pick.fixed;
      if (segs[segs.length - 1].end >= m) break;
    }
    if (!segs.length) continue;
    const total = score(segs);
    if (!total.ok || total.fixed < 3 || total.fixed * 2 < badNow || !plausible(valOf(segs))) continue;
    const cand: Shift = { start: segs[0].start, k: segs[0].k, cols: set.map((i) => cols[i]), fixed: total.fixed, holding: total.holding, cross: mirrors(valOf(segs)), segments: segs.length > 1 ? segs : undefined };
    if (!best || preferred(cand, best)) best = cand;
  }
  return best;
}

export function linkShiftedColumns(ctx: Context): void {
  for (const id of CODED) {
    const t = ctx.tables[id];
    if (!t) continue;
    // Cheap gate: a table whose own findings are few cannot hold a shift worth reporting as one.
    const own = ctx.findings.filter((f) => f.table === id && (f.severity === "error" || f.severity === "warning")).length;
    if (own < 3) continue;
    const shift = detectShift(t, crossOf(ctx, t));
    if (shift) report(ctx, t, shift);
  }
}

/** The recorded cross-table comparisons that read one amount cell of `t` against a cell of another table. */
function crossOf(ctx: Context, t: TableModel): Cross[] {
  const rows = t.rows.filter((r) => r.level !== undefined).sort((a, b) => a.row - b.row);
  const at = new Map<TCell, { i: number; c: string }>();
  rows.forEach((r, i) => {
    for (const c in r.cells) at.set(r.cells[c], { i, c });
  });
  const out: Cross[] = [];
  for (const rec of ctx.log) {
    if (rec.kind === "sum" || rec.ops.length !== 2) continue;
    const j = rec.ops.findIndex((o) => !!o.cell && at.has(o.cell));
    const other = rec.ops[1 - j];
    if (j < 0 || !other.cell || at.has(other.cell) || other.table === t) continue;
    const p = at.get(rec.ops[j].cell as TCell)!;
    const unit = displayUnit(rec.ops[0], rec.ops[1]);
    out.push({ i: p.i, c: p.c, coef: coefOf(j) * rec.ops[j].sign, rest: other.value.times(coefOf(1 - j)), kind: rec.kind, unit });
  }
  return out;
}

function report(ctx: Context, t: TableModel, sh: Shift): void {
  const rows = t.rows.filter((r) => r.level !== undefined).sort((a, b) => a.row - b.row);
  const first = rows[sh.start];
  const from = rows[Math.min(rows.length - 1, sh.start + sh.k)];
  const affected = new Set<TCell>();
  const top = sh.segments ? sh.segments[0].start - sh.segments[0].gap : sh.start + Math.min(sh.k, 0);
  for (let i = Math.max(0, top); i < rows.length; i++) for (const c of sh.cols) if (rows[i].cells[c]) affected.add(rows[i].cells[c]);
  const anchor = first.cells[sh.cols[0]];
  const moved = from.cells[sh.cols[0]];
  const names = sh.cols.map((c) => (t.columns.filter((x) => x.key === c)[0] || { name: c }).name).join("、");
  const dir = sh.k > 0 ? "下" : "上";
  const shown = (c: TCell | undefined) => (!c || c.state !== "number" ? "空白" : money(c.value as Decimal, c.dp));
  const f: Finding = {
    rule: "S.10",
    severity: "error",
    table: t.id,
    sheet: t.sheet,
    cell: anchor ? anchor.addr : null,
    related: moved ? [qualified(moved.sheet, moved.addr)] : [],
    actual: anchor && anchor.state === "number" ? (anchor.value as Decimal).toFixed() : "0",
    expected: moved && moved.state === "number" ? (moved.value as Decimal).toFixed() : "0",
    difference: null,
    tolerance: null,
    message: "",
    cause: null,
  };
  ctx.add(f, { rule: "S.10", table: t.id });
  DISPLACED.set(f, new Set(Array.from(affected).map((c) => qualified(c.sheet, c.addr))));
  const root = causeOf(f);
  let n = 0;
  ctx.log.forEach((rec) => {
    const g = rec.finding;
    if (!g || g === f || g.severity === "info" || g.cause) return;
    if (!rec.ops.some((o) => o.cell && affected.has(o.cell))) return;
    linkUnder(ctx, f, g, "；由 " + t.id + " 金额列错行引起（见 " + root + "），不另计原因");
    n++;
  });
  // Hints and unreadable-row notes of this table that sit on displaced amounts follow from it too.
  const lastRow = rows[rows.length - 1].row + 1;
  for (const g of ctx.findings) {
    if (g === f || g.cause || g.table !== t.id || g.severity === "info") continue;
    const onCell = !!g.cell && Array.from(affected).some((c) => c.addr === g.cell && c.sheet === g.sheet);
    const m = /^.*第 (\d+) 行有金额但没有可识别的科目编码/.exec(g.message);
    const dangling = !!m && sh.k > 0 && +m[1] > lastRow && +m[1] <= lastRow + sh.k;
    if (!onCell && !dangling) continue;
    linkUnder(ctx, f, g, "；由 " + t.id + " 金额列错行引起（见 " + root + "），不另计原因");
    n++;
  }
  const offset = (k: number) => "比科目编码" + (k > 0 ? "低" : "高") + " " + Math.abs(k) + " 行";
  const later = (sh.segments || []).slice(1).map((g) => "自第 " + (rows[g.start].row + 1) + " 行（" + rowTitle(rows[g.start]) + "）起" + offset(g.k));
  const gaps: string[] = [];
  for (const g of sh.segments || []) for (let i = Math.max(0, g.start - g.gap); i < g.start; i++) gaps.push(rows[i].code || rows[i].label);
  f.message =
    t.id + " 金额列与科目编码错行：自第 " + (first.row + 1) + " 行（" + rowTitle(first) + "）起，" + names + "栏的金额" + offset(sh.k) + (later.length ? "，" + later.join("，") : "") + "，" +
    "该科目的金额印在了第 " + (from.row + 1) + " 行（" + shown(moved) + "），本行现为 " + shown(anchor) +
    (gaps.length ? "；科目 " + gaps.join("、") + " 在本表没有对应的金额（按 0 计）" : "") +
    "；按" + (later.length ? "上述错行" : "错行 " + Math.abs(sh.k) + " 行（金额向" + dir + "错位）") + "还原后，本表 " + sh.fixed + " 项类、款、项及行内勾稽关系由不成立变为成立，且无一项因此不成立；" +
    "另有 " + n + " 项结果由此引起，已归于本项之下。请按科目编码重新对齐金额列后再审核";
}
