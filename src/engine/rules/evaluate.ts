/** Evaluators for the shapes of the catalogue: each reads its cells and hands the comparison to the Context. */
import { T01_LINES, T04_LINES } from "../layouts";
import { childRows, columnName, rowByKey, rowTitle, TableModel, TRow } from "../model";
import { TableId } from "../types";
import { Condition, Ref, RuleSpec } from "./catalogue";
import { Decimal } from "../decimal";
import { Context, Operand } from "./context";

function isSummary(t: TableModel): boolean {
  return t.id === "公开01" || t.id === "公开04";
}

/** How a row is named when the table is not obvious from context. */
function label(t: TableModel, row: TRow | undefined, col: string, withTable: boolean): string {
  let s: string;
  if (t.id === "公开09") s = columnName(t, col);
  else if (t.id === "公开06") s = row ? rowTitle(row) : "";
  else if (isSummary(t)) s = row ? row.label.replace(/^[一二三四五六七八九十]+、/, "") + (t.id === "公开04" && row.side === "expense" ? "（" + columnName(t, col).replace(/^支出/, "") + "）" : "") : "";
  else s = (row ? rowTitle(row) + " " : "") + columnName(t, col);
  return withTable ? t.id + " " + s : s;
}

function operand(ctx: Context, ref: Ref, withTable: boolean): Operand | null | undefined {
  const t = ctx.table(ref.t);
  if (!t) return undefined;
  const row = rowByKey(t, ref.row);
  if (!row || !row.cells[ref.col]) return undefined;
  const o = ctx.operand(t, row.cells[ref.col], label(t, row, ref.col, withTable));
  if (o && ref.neg) return o.negated();
  return o;
}

function classKey(t: TableModel, code: string): string {
  return isSummary(t) ? "C" + code : code;
}

function classCodes(t: TableModel): string[] {
  const out: string[] = [];
  for (const r of t.rows) {
    if (isSummary(t) && r.key.charAt(0) === "C") out.push(r.key.slice(1));
    else if (!isSummary(t) && r.level === 1 && r.code) out.push(r.code);
  }
  return out;
}


function anyTableLabel(a: TableId, b: TableId): boolean {
  return a !== b;
}

/** 公开01 lines that must all show 0 for a condition to hold (blank counts as 0, text never). */
const CONDITIONS: { [c in Condition]: [string, string][] } = {
  noCarryOver: [["L28", "c1"], ["L29", "c1"], ["L58", "c2"], ["L59", "c2"]],
  onlyGeneralBudget: [["L2", "c1"], ["L3", "c1"], ["L4", "c1"], ["L5", "c1"], ["L6", "c1"], ["L7", "c1"], ["L8", "c1"], ["L28", "c1"], ["L29", "c1"], ["L58", "c2"], ["L59", "c2"]],
};

function holds(ctx: Context, c: Condition): boolean {
  const t1 = ctx.table("公开01");
  if (!t1) return false;
  for (const [k, col] of CONDITIONS[c]) {
    const row = rowByKey(t1, k);
    const cell = row && row.cells[col];
    if (!cell) continue;
    if (cell.state === "text" || cell.state === "error") return false;
    if (cell.state === "number" && !(cell.value as Decimal).isZero()) return false;
  }
  return true;
}

/** Rules written for one of 公开08's two forms apply only to that form. */
function variantApplies(ctx: Context, spec: RuleSpec): boolean {
  if (!("variant" in spec) || !spec.variant) return true;
  const t = ctx.table("公开08");
  return !t || (t.variant || "plain") === spec.variant;
}

export function evaluate(ctx: Context, spec: RuleSpec): void {
  if (!variantApplies(ctx, spec)) return;
  switch (spec.kind) {
    case "sum": {
      const total = operand(ctx, spec.total, false);
      const parts = spec.parts.map((p) => operand(ctx, p, false));
      if (total === undefined || parts.some((p) => p === undefined)) return;
      ctx.sum(spec.id, spec.sev, spec.total.t + " " + spec.title.split(" = ")[0], total, parts as (Operand | null)[]);
      return;
    }
    case "rowSum": {
      const t = ctx.table(spec.t);
      if (!t) return;
      const diffs = ((ctx.rowDiffs[spec.id] = ctx.rowDiffs[spec.id] || {})[t.id] = {} as { [k: string]: import("../decimal").Decimal });
      for (const row of t.rows) {
        if (!row.cells[spec.total]) continue;
        // A part written "-c3" is subtracted (年末 = 年初 + 收入 − 支出).
        const parts = spec.parts
          .filter((c) => row.cells[c.replace(/^-/, "")])
          .map((c) => {
            const neg = c.charAt(0) === "-";
            const key = c.replace(/^-/, "");
            const o = ctx.operand(t, row.cells[key], columnName(t, key));
            return o && neg ? o.negated() : o;
          });
        if (!parts.length) continue;
        const total = ctx.operand(t, row.cells[spec.total], columnName(t, spec.total));
        const d = ctx.sum(spec.id, spec.sev, t.id + " " + rowTitle(row), total, parts, { rowKey: row.key });
        if (d) diffs[row.key] = d;
      }
      return;
    }
    case "tree": {
      const t = ctx.table(spec.t);
      if (!t) return;
      for (const parent of t.rows.filter((r) => r.level === spec.level)) {
        const kids = childRows(t, parent);
        if (!kids.length) continue;
        for (const c of t.columns) {
          if (!parent.cells[c.key]) continue;
          const total = ctx.operand(t, parent.cells[c.key], () => rowTitle(parent));
          const parts = kids.map((k) => ctx.operand(t, k.cells[c.key], k.code || k.label));
          ctx.sum(spec.id, spec.sev, t.id + " " + c.name + "栏", total, parts, { rowKey: parent.key });
        }
      }
      return;
    }
    case "classLines":
    case "itemLines": {
      const t = ctx.table(spec.t);
      if (!t) return;
      const totalRow = rowByKey(t, spec.total);
      if (!totalRow) return;
      const lines = spec.t === "公开01" ? T01_LINES : T04_LINES;
      const itemKeys = lines.filter((l) => l.item).map((l) => l.key);
      const partsRows = spec.kind === "classLines" ? t.rows.filter((r) => r.key.charAt(0) === "C") : t.rows.filter((r) => itemKeys.indexOf(r.key) >= 0);
      const cols = spec.kind === "classLines" ? spec.cols : [spec.col];
      for (const c of cols) {
        if (!totalRow.cells[c]) continue;
        const total = ctx.operand(t, totalRow.cells[c], label(t, totalRow, c, false));
        const parts = partsRows.filter((r) => r.cells[c]).map((r) => ctx.operand(t, r.cells[c], () => label(t, r, c, false)));
        ctx.sum(spec.id, spec.sev, t.id + " " + spec.title.split(" = ")[0], total, parts);
      }
      return;
    }
    case "same": {
      const cross = spec.b.some((b) => anyTableLabel(spec.a.t, b.t));
      const a = operand(ctx, spec.a, cross);
      const bs = spec.b.map((b) => operand(ctx, b, cross));
      if (a === undefined || bs.some((b) => b === undefined)) return;
      const where = cross ? "跨表核对" : spec.a.t;
      if (bs.length === 1) ctx.same(spec.id, spec.sev, where, a, bs[0] as Operand | null);
      else ctx.sum(spec.id, spec.sev, where, a, bs as (Operand | null)[]);
      return;
    }
    case "le": {
      const part = operand(ctx, spec.part, true);
      const whole = operand(ctx, spec.whole, true);
      if (part === undefined || whole === undefined) return;
      ctx.le(spec.id, spec.sev, "跨表核对", part, whole);
      return;
    }
    case "perClass": {
      const ta = ctx.table(spec.a.t);
      const tb = ctx.table(spec.b.t);
      if (!ta || !tb) return;
      const codes = classCodes(ta);
      for (const c of classCodes(tb)) if (codes.indexOf(c) < 0) codes.push(c);
      for (const code of codes) {
        const ra = rowByKey(ta, classKey(ta, code));
        const rb = rowByKey(tb, classKey(tb, code));
        if (ra && !ra.cells[spec.a.col]) continue;
        if (rb && !rb.cells[spec.b.col]) continue;
        const name = code + " " + ((ra && ra.label) || (rb && rb.label) || "").replace(/^[一二三四五六七八九十]+、/, "");
        const oa = ra ? ctx.operand(ta, ra.cells[spec.a.col], () => ta.id + " " + name + " " + columnName(ta, spec.a.col)) : ctx.operand(ta, undefined, () => ta.id + " 未列示 " + code + " 类（按 0 计）");
        const ob = rb ? ctx.operand(tb, rb.cells[spec.b.col], () => tb.id + " " + name + (isSummary(tb) ? "" : " " + columnName(tb, spec.b.col))) : ctx.operand(tb, undefined, () => tb.id + " 未列示 " + code + " 类（按 0 计）");
        if (!ra && oa && ob && ob.value.isZero()) continue;
        if (spec.op === "same") ctx.same(spec.id, spec.sev, "跨表核对", oa, ob);
        else ctx.le(spec.id, spec.sev, "跨表核对", oa, ob);
      }
      return;
    }
    case "perCode": {
      const ta = ctx.table(spec.a);
      const tb = ctx.table(spec.b);
      if (!ta || !tb) return;
      if (spec.when && !holds(ctx, spec.when)) return;
      const op = spec.equalWhen && holds(ctx, spec.equalWhen) ? "same" : spec.op;
      for (const ra of ta.rows) {
        const rb = rowByKey(tb, ra.key);
        for (const [ca, cb] of spec.cols) {
          if (!ra.cells[ca]) continue;
          const oa = ctx.operand(ta, ra.cells[ca], () => ta.id + " " + rowTitle(ra) + " " + columnName(ta, ca));
          const ob = rb && rb.cells[cb] ? ctx.operand(tb, rb.cells[cb], () => tb.id + " " + rowTitle(rb) + " " + columnName(tb, cb)) : ctx.operand(tb, undefined, () => tb.id + " 未列示 " + ra.key + "（按 0 计）");
          if (op === "same") ctx.same(spec.id, spec.sev, "跨表核对", oa, ob);
          else ctx.le(spec.id, spec.sev, "跨表核对", oa, ob);
        }
      }
      return;
    }
  }
}
