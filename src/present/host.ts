/**
 * The pane's only window on a workbook. Two implementations: src/excel/excelHost.ts (office-js) and
 * src/preview/previewHost.ts (a DOM grid). The pane receives one as a parameter, so it runs unchanged in Excel,
 * in the browser preview and under jsdom with a fake.
 */
import { AuditResult, Finding, WorkbookSnapshot } from "../engine";
import { ReviewMark } from "./review";

export interface HostCapabilities {
  /** How flags are drawn: conditional formats (ExcelApi 1.6+), saved-and-restored fills (below 1.6), or the preview grid. */
  flagMode: "conditionalFormat" | "fill" | "preview";
  /** 「在单元格备注中写入说明」 can work (ExcelApi 1.18, or the preview). */
  notes: boolean;
  /** The host tells the pane when the user selects a cell (ExcelApi 1.7, or the preview). */
  selectionEvents: boolean;
  /** 导出审核报告 is available. */
  exportReport: boolean;
  /** Highest ExcelApi set the host reports, for the status line ("1.6"); absent in the preview. */
  apiLevel?: string;
}

export interface ReadProgress {
  /** Work units done and total (sheets or row blocks). */
  done: number;
  total: number;
  message: string;
}

/** Set `cancelled` to stop a long read between chunks; the read then rejects with CancelledError. */
export interface CancelToken {
  cancelled: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super("已取消");
    this.name = "CancelledError";
    // ES5 target: keep instanceof working after transpilation.
    Object.setPrototypeOf(this, CancelledError.prototype);
  }
}

export interface FlagOptions {
  /** Write a note with the findings on each flagged cell (where capabilities.notes). */
  notes?: boolean;
}

export interface FlagOutcome {
  /** Cells flagged (checked values and related operands). */
  flagged: number;
  /** Sheets skipped because they are protected. */
  skippedSheets: string[];
  /** Set when some or all flags could not be written; the findings are still listed. */
  problem?: string;
}

export interface ClearOutcome {
  /** Flags removed (rules, fills, notes). */
  cleared: number;
  /** Sheets whose flags could not be removed, and why (「工作表受保护」). */
  notCleared: { sheet: string; reason: string }[];
  /** One Chinese sentence for the user when something was left or ignored. */
  problem?: string;
}

/**
 * A host's clearing result as the pane shows it: one sentence when sheets were left (`message`, the hosts' shared
 * wording, passed in because the Excel pane loads it with the flag writer) or the flag registry was ignored.
 */
export function clearOutcome(r: { cleared: number; notCleared: { sheet: string; reason: string }[]; registryProblem?: string }, message: (cleared: number, notCleared: { sheet: string; reason: string }[]) => string): ClearOutcome {
  const out: ClearOutcome = { cleared: r.cleared, notCleared: r.notCleared };
  if (r.notCleared.length || r.registryProblem) out.problem = (r.notCleared.length ? message(r.cleared, r.notCleared) : "") + (r.registryProblem || "");
  return out;
}

/** AuditHost.clearFlags from clearFlagsReport: the count, or what was left as the Error the pane shows. */
export function clearedCount(report: Promise<ClearOutcome>): Promise<number> {
  // .then, not async: the pane is compiled to ES5, where every async function carries a state machine
  return report.then((r) => {
    if (r.problem) throw new Error(r.problem);
    return r.cleared;
  });
}

/** Per-document add-in settings the pane shows and the user changes (stored with the workbook). */
export interface HostSettings {
  /** Write flags into the cells after every audit. Off by default: flags are written only when the user asks. */
  autoFlag: boolean;
}

export const DEFAULT_SETTINGS: HostSettings = { autoFlag: false };

export interface AuditHost {
  capabilities(): HostCapabilities;
  readSnapshot(onProgress?: (p: ReadProgress) => void, cancel?: CancelToken): Promise<WorkbookSnapshot>;
  /** Replaces any flags from an earlier audit with flags for these findings. */
  applyFlags(findings: Finding[], options: FlagOptions): Promise<FlagOutcome>;
  /** Removes every flag the add-in made (and only those); resolves to the number of cells cleared. */
  clearFlags(): Promise<number>;
  /** The same, saying which sheets kept their flags and why (protected sheets are skipped, the others cleared). */
  clearFlagsReport?(): Promise<ClearOutcome>;
  /** Activates the sheet and selects the cell (A1). */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls back with the sheet and top-left cell of each new selection (when capabilities.selectionEvents). */
  onSelectionChanged?(cb: (sheet: string, cell: string) => void): Promise<void>;
  /** Writes the report as a new sheet (with the review marks, when given); resolves to the sheet's name. */
  exportReport?(result: AuditResult, marks?: ReviewMark[]): Promise<string>;
  /**
   * Review marks kept in the workbook (they travel with the file; see present/review.ts for the keys). Invalid
   * stored entries are dropped on load. The Excel host also leaves reviewed findings out of applyFlags.
   */
  loadReviewMarks?(): Promise<ReviewMark[]>;
  saveReviewMarks?(marks: ReviewMark[]): Promise<void>;
  /** The per-document settings (defaults when none are stored). */
  loadSettings?(): Promise<HostSettings>;
  saveSettings?(settings: HostSettings): Promise<void>;
  /** True when flags of ours are in the workbook (to warn before saving or exporting). */
  flagsPresent?(): Promise<boolean>;
}
