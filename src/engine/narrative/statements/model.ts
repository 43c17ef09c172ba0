/**
 * Narrative statements as data (issue 9 item 4). A section of the 情况说明 is checked by one `StatementTable`:
 * for each sentence pattern, which captures are figures, what each figure binds to (a table cell, a ratio of two
 * bindings, a sum, a figure of another statement) and which rule fires. interpret.ts runs a table; the checks
 * that cannot be data are functions in ../handwritten/, named from the table where they run, each saying why.
 *
 * Texts in a table are templates (fill.ts): `{1}` is capture 1 of the match, `{item.col}` a field of the
 * looked-up item, `{where}` the section and sub-heading.
 */
import { TableId } from "../../types";
import { Ref } from "../checker";
import { Para } from "../normalise";
import { Figure } from "../tokens";
import { Ctx } from "../scan";
import { Section } from "../sections";

/** A figure of a match: the capture of its number and its unit ("%", a capture index of the unit, or ""). */
export interface FigureSpec {
  name: string;
  num: number;
  unit: string | number;
}

/** A table cell: table, row key, column key and label (label and column may be templates). */
export type CellSpec = [TableId, string, string, string];

/**
 * What a figure is compared with: a named cell of the table (string, may be a template), a cell written out,
 * Σ of bindings (its half-width the tolerance of its operands), or a figure stated earlier in the section by
 * another statement ("statement.figure"), read as a text operand.
 */
export type Binding = string | { cell: CellSpec } | { sum: Binding[]; label: string } | { figure: string; label: string; refs?: Binding };

/** A stated amount equals its binding (Checker.amount, RULES.md §5.4). */
export interface AmountCheck {
  amount: string;
  /** How the text calls it, in messages. */
  what: string;
  to: Binding;
  /**
   * When the binding's table is there but its cell is blank under a non-zero stated figure, or absent or not a
   * figure, the check is 未审核 with this detail ({where}, {what}, {text}): a blank 合计 of 公开07/08 is the table's
   * own finding, so the text is not held to it (funds.ts before issue 9).
   */
  unfilled?: string;
}

/**
 * A stated amount is at most its binding, and normally equal (机关运行经费 ≤ 公用经费合计, N10): equal passes, less
 * is a 疑点 (`less`), more an error (`more`); compared exactly, as printed. Templates over {where}, {what}, {text},
 * {label}, {shown}; `lessMark`/`moreMark` label the figure in the text.
 */
export interface AtMostCheck {
  atMost: string;
  what: string;
  to: Binding;
  less: string;
  more: string;
  lessMark: string;
  moreMark: string;
}

/** A stated percentage = num / den × 100, judged by interval (Checker.ratio, RULES.md §5.3). */
export interface RatioCheck {
  ratio: string;
  what: string;
  num: Binding;
  den: Binding;
  /** Wording to suggest when den is 0. */
  zero: string;
  /** Wording when num and den are both 0 (nothing budgeted, nothing spent), if it differs. */
  zeroBoth?: string;
}

/** total = Σ parts, both sides figures or bindings (Checker.sum, RULES.md §5.2). */
export interface SumCheck {
  sum: string;
  what: string;
  total: Binding;
  parts: Binding[];
}

export type Check = AmountCheck | AtMostCheck | RatioCheck | SumCheck;

/** A capture looked up in a list (an item name → its column): the first entry whose `when` matches, or whose name equals it. */
export interface Lookup {
  capture: number;
  entries: LookupEntry[];
}

export interface LookupEntry {
  name: string;
  when?: RegExp;
  [field: string]: string | RegExp | undefined;
}

/** The figures and captures of one match, for handwritten hooks. */
export interface Match {
  /** The statement's id. */
  id: string;
  m: RegExpExecArray;
  start: number;
  end: number;
  figs: { [name: string]: Figure | null };
  item: LookupEntry | null;
  /** The words the lookup read (its capture), for messages. */
  said?: string;
}

export interface Statement {
  id: string;
  pattern: RegExp;
  figures: FigureSpec[];
  /** Rule of this statement when it is not the table's. */
  rule?: string;
  /** Look a capture up (an item name): a match whose capture is in no entry is skipped. */
  item?: Lookup;
  /** "all": the statement is skipped unless every figure was located; otherwise each check needs its own. */
  need?: "all";
  checks: Check[];
  /** A handwritten check run before the data checks of each match (a wording note that precedes them). */
  before?: (run: Run, p: Para, where: string, x: Match) => void;
  /** A handwritten check run after the data checks of each match, whatever figures were found. */
  also?: (run: Run, p: Para, where: string, x: Match) => void;
}

/** A check that is not data, run for each paragraph at its place in the table's order; true ends the paragraph. */
export interface Handwritten {
  hand: (run: Run, p: Para, where: string) => void | boolean;
}

/**
 * The items of a breakdown listed in one paragraph (收入/支出 by kind): every item whose cell is not 0 must be
 * named, and then the shares make 100 %.
 */
export interface Breakdown {
  statement: string;
  share: string;
  /** The cell of an entry of the statement's lookup (templates over `{item.…}`). */
  cell: CellSpec;
  /** Wording of the missing list, e.g. "{where}：未说明 {missing} 万元及其占比". */
  missing: string;
  whole: string;
}

export interface StatementTable {
  /** Sections it checks (SectionKind). */
  sections: string[];
  rule: string;
  /** Named cells the bindings use. */
  cells: { [name: string]: CellSpec };
  entries: (Statement | Handwritten)[];
  breakdown?: Breakdown;
  /** A handwritten check over the whole section, after its paragraphs. */
  end?: (run: Run) => void;
}

/** One run of a table over a section: what handwritten checks may read and keep. */
export interface Run {
  c: Ctx;
  sec: Section;
  table: StatementTable;
  rule: string;
  /** A named cell of the table (null when absent or not a figure). */
  cell(name: string): Ref | null;
  /** The last figure a statement located in this section ("statement.figure"). */
  figure(key: string): { p: Para; fig: Figure } | null;
  /** State a table's handwritten checks keep across paragraphs of one section. */
  state: { [k: string]: unknown };
}
