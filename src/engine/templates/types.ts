/**
 * The shape of a template pack: everything the engine knows about how one year's (and one region's) tables are
 * laid out and named. A pack is data; the engine reads it through `templates/index.ts`. Keys follow RULES.md:
 * columns are 栏次 ("c1" = 栏1), 公开01/04 lines are the 2024 行次 ("L27" = 行27), 功能分类 classes by 类 code.
 */
import { TableId } from "../types";

export type TableKind = "summary" | "coded" | "basic" | "sangong";

export interface ColumnSpec {
  key: string;
  /** Chinese name used in messages. */
  name: string;
  /** Matches the normalised header path of the column (all header rows above it, top to bottom, joined). */
  match: RegExp;
}

export interface TableSpec {
  id: TableId;
  kind: TableKind;
  /** Normalised titles (no spaces, no quotes); the longest title that ends a cell's text wins. */
  titles: string[];
  /** Short name for messages. */
  name: string;
  /** Amount columns of coded tables, in matching order (specific before general). */
  columns?: ColumnSpec[];
  /** A variant column set chosen when the header matches `when` (公开08 published as 收入支出 table). */
  variant?: { when: RegExp; columns: ColumnSpec[] };
  /** The table may be printed with headers and a sentence only, no amount row (RULES.md §8.1 item 4). */
  mayBeEmpty?: boolean;
}

/** One line of 公开01/04 found by its label (RULES.md §0.1: rows by label, 行次 only as a cross-check). */
export interface LineSpec {
  key: string;
  name: string;
  side: "income" | "expense";
  match: RegExp;
  /** The line only counts after this line was seen on its side (公开04 repeats the fund names under 行28). */
  after?: string;
  /** Lines summed by T01.1 / T04.1. */
  item?: boolean;
  /** A 合计 or 总计 line: when absent the reason is 缺合计行, and a blank cell in it is never a certain 0. */
  total?: boolean;
}

/**
 * A 功能分类 类 with the name printed in 公开01/04, other names accepted when reading, and `outdated`: an old name
 * and the last fiscal year it was in use (a document of a later year that still writes it is flagged by the
 * narrative's wording check, RULES.md §4.5).
 */
export interface ClassSpec {
  code: string;
  name: string;
  aliases?: string[];
  outdated?: { name: string; lastYear: number }[];
}

/** Conditions on 公开01 that decide whether a conditional cross-table rule applies (RULES.md X.11, X.22). */
export type Condition = "noCarryOver" | "onlyGeneralBudget";

export interface TemplatePack {
  /** The fiscal year the pack describes ("2024"), or the year it was derived for. */
  year: string;
  /**
   * What the published document must contain besides the nine tables (issue 12 item 5, completeness.ts): the
   * 情况说明 sections (by the section kinds of narrative/sections.ts, "S1"…"S13", with the heading named in messages)
   * and whether a 名词解释 part is required. Absent: nothing is required.
   */
  document?: DocumentSpec;
  tables: TableSpec[];
  classes: ClassSpec[];
  t01Lines: LineSpec[];
  t04Lines: LineSpec[];
  /** 公开04 expense columns (栏2–5) by header text; 公开01 has one amount column per side. */
  t04ExpenseColumns: ColumnSpec[];
  /** The one amount column of each side of 公开01 (and 公开04's income side): its 栏 key and its name in messages. */
  summaryAmounts: { income: { key: string; name: string }; expense: { key: string; name: string } };
  /**
   * 公开09: the items, matched on one header part at a time from the leaf upwards. `offset` is the item's 栏 in the
   * 预算数 block (栏1…n); the 决算数 block repeats them (栏n+1…2n, templates `sangongKey`).
   */
  sangongItems: { offset: number; name: string; match: RegExp }[];
  /**
   * 公开09's header: a cell matching `start` begins it; `budget` / `actual` tell a column's block from its header
   * path (预算数 / 决算数, named `budgetName` / `actualName` in messages); `rowName` names its one data row.
   */
  sangongHead: { start: RegExp; budget: RegExp; actual: RegExp; budgetName: string; actualName: string; rowName: string };
  /**
   * 公开06's closing totals by lane (RULES.md §4.2): the row key the rules use and the printed name. A cell reading
   * the name, or the name without 合计 (the lane's group header), starts the total; a header path containing the
   * name without 合计 puts a lane of codes in that lane.
   */
  basicTotals: { key: string; name: string; lane: "personnel" | "public" }[];
  /** 项 names that carry only 基本支出 (RULES.md T03.6 / T05.6: 行政运行). */
  basicOnlyItems: string[];
  /**
   * X.13 (hints, RULES.md X.13): 功能分类 项 of 公开05 whose 基本支出 usually equals these 经济分类 款 of 公开06, and the
   * retirement pay (经济分类) that should not exceed the 离退休 功能分类 items' 基本支出; names for the messages.
   */
  functionEconomicPairs: { functions: string[]; economic: string[] }[];
  retirementPair: { functions: string[]; functionsName: string; economic: string[]; economicName: string };
  /** 公开06 lanes: 人员经费 classes and 公用经费 classes (RULES.md §4.2). */
  personnelClasses: string[];
  publicClasses: string[];
  /** 经济分类 类 and 款 by name: one string per 类, "code name" pairs separated by "|", the 类 first. */
  economic: string[];
  /** Names whose code differs in this year's 经济分类 (before the 2018 reform), name → code; read before `economic`. */
  economicOld: { [name: string]: string };
  /** 公开01 lines (and their column) that must all be 0 for a condition to hold. */
  conditions: { [c in Condition]: [string, string][] };
  /** Regional table numbering (一…九) → table, where a region numbers its tables instead of 公开NN; data only. */
  numbering?: { [numeral: string]: TableId };
}

/**
 * A year or a region declared as the differences from the 2024 pack. Everything not named stays as in 2024.
 *   titles:  extra titles per table (accepted besides the base ones); `replaceTitles` replaces them instead.
 *   names:   a table's short name in messages.
 *   classes: per 类 code a new printed name (the base name becomes an alias), extra aliases, or `absent`.
 */
export interface TemplatePatch {
  titles?: Partial<Record<TableId, string[]>>;
  replaceTitles?: Partial<Record<TableId, string[]>>;
  names?: Partial<Record<TableId, string>>;
  classes?: { [code: string]: { name?: string; aliases?: string[]; absent?: boolean } };
  absentTables?: TableId[];
  economicOld?: { [name: string]: string };
  numbering?: { [numeral: string]: TableId };
  /**
   * Any other layout fact of the pack, replaced as a whole (the 公开01/04 lines, 公开09's items and header words,
   * 公开06's lanes and totals, the conditions, the X.13 pairs, the 基本支出-only items …).
   */
  layout?: Partial<Pick<TemplatePack, LayoutKey>>;
}

/** The parts of the published document a template requires (TemplatePack.document). */
export interface DocumentSpec {
  sections: { kind: string; name: string }[];
  glossary: boolean;
}

/** The pack's layout facts a patch may replace wholesale (`TemplatePatch.layout`). */
export type LayoutKey =
  | "document"
  | "t01Lines"
  | "t04Lines"
  | "t04ExpenseColumns"
  | "summaryAmounts"
  | "sangongItems"
  | "sangongHead"
  | "basicTotals"
  | "basicOnlyItems"
  | "functionEconomicPairs"
  | "retirementPair"
  | "personnelClasses"
  | "publicClasses"
  | "economic"
  | "conditions";
