/**
 * What the narrative checks produce: findings in the report's shape plus one mark per checked figure, so the
 * pane can show the text with every figure coloured by its result (ties included).
 */
import { Finding, NotChecked } from "../types";

export type MarkStatus = "ok" | "tail" | "error" | "warning";

export interface FigureMark {
  /** Offsets in NarrativeResult.text (the text as written). */
  start: number;
  end: number;
  status: MarkStatus;
  rule: string;
  /** Index in NarrativeResult.findings of the finding about this figure (absent when it ties). */
  findingIndex?: number;
  /** Table cells it was checked against, sheet-qualified. */
  related: string[];
  /** The recomputation in one Chinese sentence (shown on click). */
  explain: string;
  /** Where the text figure itself sits in the workbook (sheet route). */
  cell?: { sheet: string; addr: string } | null;
}

export interface NarrativeResult {
  /** Where the text came from: a workbook sheet, pasted or --narrative text, or nothing found. */
  source: "sheet" | "external" | "none";
  /** Sheet holding the narrative (sheet route). */
  sheet: string | null;
  /** The narrative text the engine used (sheet route: the text cells joined by line breaks). */
  text: string;
  findings: Finding[];
  figures: FigureMark[];
  checks: number;
  passed: number;
  /** Statements whose checks could not be made (RULES.md §0.3), each with its reason. */
  notChecked: NotChecked[];
}

export const EXTERNAL_SHEET = "情况说明（外部文本）";
