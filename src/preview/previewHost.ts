/**
 * The AuditHost of the browser preview: the same calls the pane makes on Excel, answered by the DOM grid.
 * Flag placement uses the same planFlags as the Excel adapter, so the preview shows what Excel would.
 */
import { AuditResult, Finding, WorkbookSnapshot } from "../engine";
import { CellFlag, noteText, planFlags } from "../present/flagPlan";
import { AuditHost, CancelToken, CancelledError, DEFAULT_SETTINGS, FlagOptions, FlagOutcome, HostCapabilities, HostSettings, ReadProgress } from "../present/host";
import { applyReview, ReviewMark, validateMarks } from "../present/review";
import { freeSheetName, reportRows } from "../present/reportRows";
import { Grid } from "./grid";

export class PreviewHost implements AuditHost {
  /** The preview's "document": marks and settings live as long as the page (in memory, like an unsaved workbook). */
  private marks: ReviewMark[] = [];
  private settings: HostSettings = { autoFlag: DEFAULT_SETTINGS.autoFlag };
  private flagged = false;

  constructor(private readonly grid: Grid) {}

  capabilities(): HostCapabilities {
    return { flagMode: "preview", notes: true, selectionEvents: true, exportReport: true };
  }

  readSnapshot(onProgress?: (p: ReadProgress) => void, cancel?: CancelToken): Promise<WorkbookSnapshot> {
    if (cancel && cancel.cancelled) return Promise.reject(new CancelledError());
    const book = this.grid.snapshot();
    if (onProgress) onProgress({ done: 1, total: 1, message: "已读取 " + book.sheets.length + " 张工作表" });
    return Promise.resolve(book);
  }

  applyFlags(findings: Finding[], options: FlagOptions): Promise<FlagOutcome> {
    const prot: { [n: string]: boolean } = {};
    this.grid.snapshot().sheets.forEach(function (s) {
      if (s.protected) prot[s.name] = true;
    });
    const skipped: string[] = [];
    // Reviewed findings (已核实/忽略) are never flagged, as in Excel.
    const book = this.grid.snapshot();
    findings = applyReview(findings, this.marks, book).open;
    const plan = planFlags(findings, book).filter(function (f: CellFlag) {
      if (!prot[f.sheet]) return true;
      if (skipped.indexOf(f.sheet) < 0) skipped.push(f.sheet);
      return false;
    });
    const notes: { [key: string]: string } = {};
    if (options.notes) {
      plan.forEach(function (f) {
        if (!f.related) notes[f.sheet + "!" + f.cell] = noteText(f, findings);
      });
    }
    this.grid.setFlags(plan, notes);
    this.flagged = plan.length > 0;
    const out: FlagOutcome = { flagged: plan.length, skippedSheets: skipped };
    if (skipped.length) out.problem = "以下工作表受保护，未作标记：" + skipped.join("、") + "。请在任务窗格中查看结果。";
    return Promise.resolve(out);
  }

  clearFlags(): Promise<number> {
    this.flagged = false;
    return Promise.resolve(this.grid.clearFlags());
  }

  select(sheet: string, cell: string): Promise<void> {
    this.grid.select(sheet, cell);
    return Promise.resolve();
  }

  onSelectionChanged(cb: (sheet: string, cell: string) => void): Promise<void> {
    this.grid.onSelect(cb);
    return Promise.resolve();
  }

  exportReport(result: AuditResult, marks?: ReviewMark[]): Promise<string> {
    const names = this.grid.sheetNames();
    const name = freeSheetName(names);
    const rows = reportRows(result, { marks: marks || this.marks, book: this.grid.snapshot(), sheets: names });
    this.grid.addSheet({ name: name, visibility: "visible", top: 0, left: 0, values: rows, text: rows, merges: [] });
    return Promise.resolve(name);
  }

  loadReviewMarks(): Promise<ReviewMark[]> {
    return Promise.resolve(this.marks.slice());
  }

  saveReviewMarks(marks: ReviewMark[]): Promise<void> {
    // Same validation as a stored document gets, so the preview cannot hold what Excel would refuse.
    this.marks = validateMarks(marks).marks;
    return Promise.resolve();
  }

  loadSettings(): Promise<HostSettings> {
    return Promise.resolve({ autoFlag: this.settings.autoFlag });
  }

  saveSettings(settings: HostSettings): Promise<void> {
    this.settings = { autoFlag: settings.autoFlag === true };
    return Promise.resolve();
  }

  flagsPresent(): Promise<boolean> {
    return Promise.resolve(this.flagged);
  }
}
