/**
 * The recognised tables: what the rules read. Each table is a set of rows with a stable key (a 功能/经济分类 code,
 * "合计", a 公开01/04 line key such as "L27" or a class line "C201") and cells keyed by 栏 ("c1"…).
 */
import { Amount } from "./amount";
import { Decimal } from "./decimal";
import { TemplatePack } from "./templates/types";
import { TableId } from "./types";
import { dict } from "./dict";

export interface TCell extends Amount {
  sheet: string;
  /** A1 address on `sheet`. */
  addr: string;
  row: number;
  col: number;
}

export interface TRow {
  key: string;
  /** Label as printed (科目名称 or line label). */
  label: string;
  /** 功能/经济分类 code for coded rows. */
  code?: string;
  /** 1 = 类, 2 = 款, 3 = 项 (by code length); 0 = 合计. */
  level?: number;
  /** 公开06: which lane the row sits in. */
  lane?: "personnel" | "public";
  /** 公开01/04 side. */
  side?: "income" | "expense";
  row: number;
  cells: { [col: string]: TCell };
  /**
   * Set when the row was matched by inference rather than read (a code inferred from a printed name, a fuzzy
   * label): the reason, in Chinese. RULES.md §0.3: a finding that uses such a row is at most a 疑点.
   */
  inferred?: string;
  /**
   * Columns of this row that hold no figure at all, with the reason (RULES.md §8.1 items 1 and 7): on a 合计 row
   * that doubles as a header row, a cell covered by a merged header cell from above, or a sub-header text such as
   * 基本支出 standing where the 合计 amount would be. Such a cell is absent (not in `cells`), never blank: rules
   * that need it are 未审核, never a finding. A blank cell that is not covered stays in `cells` as blank.
   */
  absent?: { [col: string]: string };
}

export interface TableModel {
  id: TableId;
  title: string;
  sheet: string;
  sheetHidden: boolean;
  /** A1 range, title to last data row. */
  range: string;
  /** 万元, 元 …; RULES.md §0.2 default 万元. */
  unit: string;
  /** Half a unit of the last displayed decimal, in the table's unit, per decimals shown; 0 where nothing was rounded. */
  halfUnit: (dp: number) => Decimal;
  /** Typical decimals of the table's amounts (blank cells take it). */
  dp: number;
  rows: TRow[];
  /** Column keys found, with their header names. */
  columns: { key: string; name: string }[];
  /** Free text lines found in the table's area below the data (注/说明). */
  notes: string[];
  /** Year (YYYY) and department named in the table's head, when printed. */
  year?: string;
  department?: string;
  /** Structural problems met while reading (messages for the report). */
  problems: string[];
  /** 公开08 published as 收入支出 table. */
  variant?: "fund";
  /** Columns matched by inference (column key → reason); findings that use them are at most 疑点. */
  inferredColumns?: { [col: string]: string };
  /**
   * 公开07/08/09 printed without any amount row (title, headers and a sentence such as 「…故本表无数据」, RULES.md
   * §8.1 item 4): the sentence that says so, or "" when there is none. The table is present and empty.
   */
  emptyStatement?: string;
  /** Remarks on how the table was read that are presentation only (info), e.g. template instruction text left in. */
  remarks?: string[];
  /** The template pack the table was read with (class names, lanes …): code that has a table needs no other source. */
  pack?: TemplatePack;
}

interface Index {
  byKey: { [key: string]: TRow };
  kids: { [parentKey: string]: TRow[] };
}
/** Lookups by key and by parent are indexed once per table, so large tables stay linear. */
const indexes = typeof WeakMap !== "undefined" ? new WeakMap<TableModel, Index>() : null;

function indexOf(t: TableModel): Index {
  const cached = indexes && indexes.get(t);
  if (cached && (cached as Index & { n: number }).n === t.rows.length) return cached;
  return buildIndex(t);
}

/** Apart from indexOf, which runs at every lookup: V8 then compiles the small lookup, not the building loops. */
function buildIndex(t: TableModel): Index {
  const idx: Index & { n: number } = { byKey: dict<TRow>(), kids: dict<TRow[]>(), n: t.rows.length };
  for (const r of t.rows) if (!Object.prototype.hasOwnProperty.call(idx.byKey, r.key)) idx.byKey[r.key] = r;
  for (const r of t.rows) {
    if (r.level === undefined || r.level < 1) continue;
    const parent = r.level === 1 ? "合计" : (r.code || "").slice(0, (r.code || "").length - 2);
    (idx.kids[parent] = idx.kids[parent] || []).push(r);
  }
  if (indexes) indexes.set(t, idx);
  return idx;
}

export function rowByKey(t: TableModel, key: string): TRow | undefined {
  const r = indexOf(t).byKey;
  return Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined;
}

/** The rows one level down: 类 under 合计, 款 under a 类, 项 under a 款 (by code prefix). */
export function childRows(t: TableModel, parent: TRow): TRow[] {
  const key = parent.level === 0 ? "合计" : parent.code || parent.key;
  return indexOf(t).kids[key] || [];
}

export function cellAt(t: TableModel, key: string, col: string): TCell | undefined {
  const r = rowByKey(t, key);
  return r ? r.cells[col] : undefined;
}

export function columnName(t: TableModel, key: string): string {
  for (const c of t.columns) if (c.key === key) return c.name;
  return key;
}

/** Label of a row for messages: "2010301 行政运行", "合计", "本年收入合计". */
export function rowTitle(r: TRow): string {
  if (r.code) return r.code + " " + r.label;
  return r.label;
}

export type Tables = { [id in TableId]?: TableModel };
