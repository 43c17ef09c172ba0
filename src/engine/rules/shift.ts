/**
 * S.10 金额列与科目编码错行 (RULES.md §8.1 item 8): from some row on, the amounts of a coded table stand k rows
 * away from their codes, a real accident of PDF conversion and copy-paste. Dozens of identities then fail at
 * once. This finds the offset and reports it as ONE error, with every finding that reads a displaced amount
 * linked to it via `cause`.
 *
 * Test of a hypothesis (start row s, offset k, set of amount columns): read the amount of the code in row i
 * from row i + k for every i ≥ s (rows outside the table are unknown). The hypothesis holds when every 类 = Σ款,
 * 款 = Σ项, 合计 = Σ类 and row identity (本年支出合计 = 基本 + 项目 …) that can still be evaluated holds within
 * its rounding envelope, none that held before breaks, and at least three that failed now hold.
 *
 * Decisions where the issue is silent:
 * - Offsets of 1 to 3 rows either way are tried, for all amount columns together and for each column alone;
 *   the hypothesis that repairs the most identities wins, then the smaller offset.
 * - Only the table's own identities decide (cross-table equalities are not needed to find the offset, and a
 *   mirror table shifted the same way must not hide it); the cross-table findings that read a displaced amount
 *   are linked to S.10 all the same.
 * - Tables over 400 coded rows are not searched (no published table comes near; the search is quadratic).
 */
import { qualified } from "../address";
import { Decimal } from "../decimal";
import { money } from "../messages";
import { childRows, rowTitle, TCell, TableModel, TRow } from "../model";
import { Finding, TableId } from "../types";
import { CATALOGUE } from "./catalogue";
import { Context } from "./context";
import { causeOf, linkUnder } from "./rootcause";

const CODED: TableId[] = ["公开02", "公开03", "公开05", "公开07", "公开08"];
const MAX_ROWS = 400;
const MAX_K = 3;

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

/** More identities repaired, then more that hold at all, then the smaller offset, then more columns. */
function preferred(a: Shift, b: Shift): boolean {
  if (a.fixed !== b.fixed) return a.fixed > b.fixed;
  if (a.holding !== b.holding) return a.holding > b.holding;
  if (Math.abs(a.k) !== Math.abs(b.k)) return Math.abs(a.k) < Math.abs(b.k);
  return a.cols.length > b.cols.length;
}

export function detectShift(t: TableModel): Shift | null {
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
            if (now[j] === false) fixed++;
          }
        }
        if (!ok || fixed < 3 || fixed * 2 < badNow) continue;
        const cand: Shift = { start: s, k, cols: set.map((i) => cols[i]), fixed, holding };
        if (!best || preferred(cand, best)) best = cand;
      }
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
    const shift = detectShift(t);
    if (shift) report(ctx, t, shift);
  }
}

function report(ctx: Context, t: TableModel, sh: Shift): void {
  const rows = t.rows.filter((r) => r.level !== undefined).sort((a, b) => a.row - b.row);
  const first = rows[sh.start];
  const from = rows[Math.min(rows.length - 1, sh.start + sh.k)];
  const affected = new Set<TCell>();
  for (let i = Math.max(0, sh.start + Math.min(sh.k, 0)); i < rows.length; i++) for (const c of sh.cols) if (rows[i].cells[c]) affected.add(rows[i].cells[c]);
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
  f.message =
    t.id + " 金额列与科目编码错行：自第 " + (first.row + 1) + " 行（" + rowTitle(first) + "）起，" + names + "栏的金额比科目编码" + (sh.k > 0 ? "低" : "高") + " " + Math.abs(sh.k) + " 行，" +
    "该科目的金额印在了第 " + (from.row + 1) + " 行（" + shown(moved) + "），本行现为 " + shown(anchor) +
    "；按错行 " + Math.abs(sh.k) + " 行（金额向" + dir + "错位）还原后，本表 " + sh.fixed + " 项类、款、项及行内勾稽关系由不成立变为成立，且无一项因此不成立；" +
    "另有 " + n + " 项结果由此引起，已归于本项之下。请按科目编码重新对齐金额列后再审核";
}
