/**
 * Operands that are absent (RULES.md §0.3: NOT CHECKED, 未审核). A rule whose table, 合计 row, 栏 or cell is absent,
 * or whose cell is not an amount, is recorded with its reason instead of returning silently; an absent operand is
 * never read as 0. The one exception is a row that a coded table does not list (a 类 or 项 that 公开03 has and
 * 公开05 does not): that row is read as 0, and as an inference, so it caps the finding at 疑点 (see Context.operand).
 */
import { qualified } from "../address";
import { tableSpec, TemplatePack } from "../layouts";
import { columnName, TableModel, TCell, TRow } from "../model";
import { NotCheckedReason, TableId } from "../types";
import { Context, Operand } from "./context";
import { isTotalRow } from "./totals";

export { isTotalRow };

/** Why an operand could not be read; `key` groups the entries of one rule so a missing table gives one entry. */
export interface Gap {
  reason: NotCheckedReason;
  detail: string;
  key: string;
}

export function isGap(x: unknown): x is Gap {
  return !!x && typeof x === "object" && !(x instanceof Operand) && "reason" in (x as object);
}

/** The printed name of a row that was not found (from the template), for the 未审核 detail. */
export function rowName(pack: TemplatePack, t: TableId, key: string): string {
  const lines = t === "公开01" ? pack.t01Lines : t === "公开04" ? pack.t04Lines : [];
  for (const l of lines) if (l.key === key) return l.name;
  for (const b of pack.basicTotals) if (b.key === key) return b.name;
  if (key === "row") return pack.sangongHead.rowName;
  return key;
}

/** The name of a 栏, from the table when it was found there, else from the template. */
export function colName(pack: TemplatePack, t: TableModel | undefined, id: TableId, key: string): string {
  if (t) {
    const n = columnName(t, key);
    if (n !== key) return n;
  }
  const sides = pack.summaryAmounts;
  if (id === "公开01") return key === sides.income.key ? sides.income.name : key === sides.expense.key ? sides.expense.name : key;
  const spec = tableSpec(id, pack);
  const cols = id === "公开04" ? pack.t04ExpenseColumns : (spec.columns || []).concat(spec.variant ? spec.variant.columns : []);
  for (const c of cols) if (c.key === key) return c.name;
  return id === "公开04" && key === sides.income.key ? sides.income.name : key;
}

export function missingTable(id: TableId): Gap {
  return { reason: "缺表", detail: "未找到" + id, key: "缺表|" + id };
}

export function missingRow(pack: TemplatePack, id: TableId, key: string): Gap {
  const total = isTotalRow(pack, id, key);
  return { reason: total ? "缺合计行" : "缺行", detail: id + " 未找到“" + rowName(pack, id, key) + "”行", key: (total ? "缺合计行|" : "缺行|") + id + "|" + key };
}

/** A cell a 合计 row does not print (a header cell over it, RULES.md §8.1 items 1/7; TRow.absent): 未审核, never 0. */
export function absentCell(id: TableId, row: TRow, col: string): Gap {
  return { reason: "缺合计行", detail: id + " " + (row.label || row.key) + "：" + ((row.absent && row.absent[col]) || "该栏没有数"), key: "缺合计行|" + id + "|" + row.key + "|" + col };
}

export function missingColumn(pack: TemplatePack, t: TableModel | undefined, id: TableId, key: string): Gap {
  return { reason: "缺栏", detail: id + " 未找到“" + colName(pack, t, id, key) + "”栏", key: "缺栏|" + id + "|" + key };
}

/** A cell that is present but holds text or an error (S.3 取数不足 names it once; each rule records it here). */
export function unreadable(id: TableId, cell: TCell): Gap {
  const q = qualified(cell.sheet, cell.addr);
  return { reason: "取数不足", detail: id + " " + q + "“" + cell.text + "”不是金额", key: "取数不足|" + q };
}

/** The first unreadable cell among `cells` (text or error), as a gap; null when all are amounts or blank. */
export function firstUnreadable(id: TableId, cells: (TCell | undefined)[]): Gap | null {
  for (const c of cells) if (c && (c.state === "text" || c.state === "error")) return unreadable(id, c);
  return null;
}

/**
 * Record one rule instance as 未审核. `table` is the table the rule's finding would stand in (its total, its first
 * side), not necessarily the absent one; the detail names what is absent. Entries with the same rule, table and gap key are recorded once: a missing
 * table gives one entry per rule id and table, not one per cell or per column.
 */
export function skip(ctx: Context, rule: string, table: TableId | string | null, gap: Gap, what: string, cells: string[] = []): void {
  const k = rule + "|" + (table || "") + "|" + gap.key;
  if (ctx.uncheckedKeys[k]) return;
  ctx.uncheckedKeys[k] = true;
  ctx.unchecked(rule, table, gap.reason, gap.detail + "，未能核对：" + what, cells);
}

/** The first gap among operands, or null when every operand was read. */
export function firstGap(xs: (Operand | Gap | null)[]): Gap | null {
  for (const x of xs) if (isGap(x)) return x;
  return null;
}

/**
 * The operand of `row`'s cell in 栏 `col`, or why there is none: a cell the row does not print (TRow.absent), a
 * cell the row lacks, or one that is not an amount. Never a 0 for an absent cell.
 */
export function readCell(ctx: Context, t: TableModel, row: TRow, col: string, label: string | (() => string)): Operand | Gap {
  const cell = row.cells[col];
  if (!cell) return row.absent && row.absent[col] ? absentCell(t.id, row, col) : { reason: "缺栏", detail: t.id + " " + (row.code ? row.code + " " : "") + row.label + " 没有“" + colName(ctx.template, t, t.id, col) + "”栏的数", key: "缺栏|" + t.id + "|" + row.key + "|" + col };
  return ctx.cellOperand(t, cell, label, row, col) || unreadable(t.id, cell);
}

/** Sheet-qualified addresses of the operands that were read (for the 未审核 entry's cells). */
export function cellsOf(ops: (Operand | null | Gap | undefined)[]): string[] {
  const out: string[] = [];
  for (const o of ops) if (o instanceof Operand && o.cell) out.push(qualified(o.cell.sheet, o.cell.addr));
  return out;
}

/** Convenience: whether a table's header has the 栏. */
export function hasColumn(t: TableModel, key: string): boolean {
  for (const c of t.columns) if (c.key === key) return true;
  return false;
}
