/**
 * The engine's whole interface with the outside world: a workbook snapshot goes in, a report comes out.
 *
 * Both the Excel adapter (src/excel) and the command line (src/io, src/cli) build a WorkbookSnapshot;
 * nothing in src/engine knows where it came from. Keep these types small, plain JSON and documented:
 * they are the contract between the hosts and the engine.
 */

/** A cell value as stored. Excel errors (#REF!, #DIV/0! …) arrive as their text, e.g. "#REF!". */
export type CellValue = number | string | boolean | null;

export interface SheetSnapshot {
  /** Sheet name as shown on its tab. */
  name: string;
  /** Excel's visibility; hidden sheets are still audited (the finding says so). */
  visibility: "visible" | "hidden" | "veryHidden";
  /** True when the sheet is protected: the adapter cannot flag cells there (the pane still lists findings). */
  protected?: boolean;
  /** 0-based row and column of values[0][0] on the sheet (the used range need not start at A1). */
  top: number;
  left: number;
  /** Stored values, row-major, all rows of equal length. Empty cell = null. */
  values: CellValue[][];
  /**
   * Displayed text of each cell (what Excel shows, following its number format), same shape as values.
   * This is what the audit checks: it is what gets published.
   */
  text: string[][];
  /** Number format of each cell ("General", "#,##0.00", "0.00%" …), same shape; may be omitted. */
  formats?: string[][];
  /** Merged areas as A1 ranges on the sheet ("A1:F1"). Only the top-left cell of an area holds a value. */
  merges: string[];
  /** Formula text where a cell has a formula (optional; used to say "formula without a cached result"). */
  formulas?: (string | null)[][];
}

export interface WorkbookSnapshot {
  /** Sheets in workbook order. */
  sheets: SheetSnapshot[];
  /** Where the snapshot came from (file name, "Excel" …), only for messages. */
  source?: string;
}

export type TableId =
  | "公开01"
  | "公开02"
  | "公开03"
  | "公开04"
  | "公开05"
  | "公开06"
  | "公开07"
  | "公开08"
  | "公开09";

export const TABLE_IDS: TableId[] = ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开07", "公开08", "公开09"];

/**
 * error = 不符 (outside what rounding can explain); tail = 尾差 (rounding of the displayed figures explains it);
 * warning = 疑点 (needs a human look); info = 说明 (no action needed).
 */
export type Severity = "error" | "warning" | "tail" | "info";

/** One finding, exactly as in shared/contracts/audit-report.schema.json. Decimals are plain strings. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** 公开01..公开09, 情况说明, 绩效, or null for workbook-level findings. */
  table: string | null;
  sheet: string;
  /** A1 address of the checked value on `sheet` (the total that disagrees, or the text cell). */
  cell: string | null;
  /** Sheet-qualified addresses of the other operands: '公开03表'!D7. */
  related: string[];
  expected: string | null;
  actual: string | null;
  difference: string | null;
  tolerance: string | null;
  /** One Chinese sentence naming both sides. */
  message: string;
  excerpt?: string;
  /** For an echo: the rule and cell of the finding that causes it, e.g. "T03.1 '公开03表'!C10". */
  cause?: string | null;
  /**
   * The same root finding as `cause`, as a structured reference (schema v2, additive): readers group by it and
   * never parse `cause`. Null or absent when `cause` is. Set only through engine/cause.ts (linkCause).
   */
  causeRef?: CauseRef | null;
  /**
   * A comparison with last year's document (issue 12 item 1, additive): where that document holds the figure and
   * what it shows there. `file` is the document's name as given; `cell` null when the figure is in its text.
   */
  previous?: PreviousRef | null;
  /** Set by the host, never by the engine (issue 11): the PDF page of the checked value, 1-based. */
  page?: number;
  /** Set by the host for a PDF: 「第 12 页 · 支出决算表 · 行 201 · 列 基本支出」. */
  location?: string;
}

/** Last year's figure a finding compared with: its document, sheet, cell and displayed value (plain decimal). */
export interface PreviousRef {
  file: string;
  sheet: string;
  cell: string | null;
  value: string | null;
}

/**
 * Points to the root finding an echo or consequence follows from: the root's own identifying fields, so a reader
 * finds it among the findings by equality (engine/cause.ts `refersTo`). Plain JSON.
 */
export interface CauseRef {
  rule: string;
  table: string | null;
  sheet: string;
  cell: string | null;
}

export interface TableLocation {
  id: TableId;
  title: string;
  sheet: string;
  /** A1 range of the table on its sheet, header included. */
  range: string;
}

export interface Summary {
  checks: number;
  passed: number;
  errors: number;
  warnings: number;
  tails: number;
  infos: number;
  /** Rule instances that could not be evaluated (RULES.md §0.3 NOT CHECKED); never counted in `passed`. Schema v2. */
  notChecked: number;
}

/**
 * Why a check could not be made (RULES.md §0.3). The reason is one of a short list of Chinese words so that
 * reports can group them; `detail` says what exactly was absent.
 */
export type NotCheckedReason = "缺表" | "缺合计行" | "缺栏" | "缺行" | "取数不足" | "无法确定对应科目" | "无文本" | "其他";

/** One rule instance that ended 未审核: its operands were absent, unreadable or not recognised with certainty. */
export interface NotChecked {
  rule: string;
  /** 公开01..公开09, 情况说明, 绩效, or null. */
  table: string | null;
  reason: NotCheckedReason;
  /** One Chinese sentence: what was absent and what could therefore not be checked. */
  detail: string;
  /** Sheet-qualified addresses of the operands that were present (may be empty). */
  cells: string[];
}

/** Per table (and 情况说明 / 绩效): how its checks ended. Schema v2. */
export interface TableStats {
  table: string;
  checks: number;
  passed: number;
  /** Checks that ended with a finding (any severity). */
  withFindings: number;
  notChecked: number;
}

/** The engine's result for one workbook (the per-file part of the JSON report, without file/ok). */
export interface AuditResult {
  unit?: string;
  /**
   * The department and year (YYYY) most of the found tables print in their heads; absent when none does. Used by the
   * bureau's batch outputs (issue 12); not part of the JSON contract.
   */
  department?: string;
  year?: string;
  tables: TableLocation[];
  missing: TableId[];
  summary: Summary;
  findings: Finding[];
  /** Every check that ended 未审核, with its reason (schema v2). */
  notChecked: NotChecked[];
  /** Per-table outcome counts, in table order (schema v2). */
  tableStats: TableStats[];
}
