/** The pane's AuditHost over office-js: composes reading, flags, navigation and the report sheet. */
import { AuditResult, Finding, WorkbookSnapshot } from "../engine";
import { AuditHost, CancelToken, FlagOptions, FlagOutcome, HostCapabilities, HostSettings, ReadProgress } from "../present/host";
import { applyReview, ReviewMark } from "../present/review";
import { loadHostSettings, loadMarks, saveHostSettings, saveMarks } from "./reviewStore";
import { loadRegistry } from "./registry";
import { ExcelCapabilities, officeCapabilities } from "./capabilities";
import { applyFlags, clearFlags, FlagEnv } from "./flags";
import { selectCell, watchSelection } from "./navigate";
import { readSnapshot } from "./readSnapshot";
import { exportReport } from "./report";

function describe(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err && err.code === "AccessDenied") return "工作表受保护或文件为只读";
  return (err && err.message) || String(e);
}

export class ExcelHost implements AuditHost {
  private readonly caps: ExcelCapabilities;
  private last: WorkbookSnapshot | null = null;
  private sheetIds: { [id: string]: string } = {};

  constructor(caps?: ExcelCapabilities) {
    this.caps = caps || officeCapabilities();
  }

  capabilities(): HostCapabilities {
    return {
      flagMode: this.caps.conditionalFormats ? "conditionalFormat" : "fill",
      notes: this.caps.notes,
      selectionEvents: this.caps.selectionEvents,
      exportReport: true,
      apiLevel: this.caps.level,
    };
  }

  async readSnapshot(onProgress?: (p: ReadProgress) => void, cancel?: CancelToken): Promise<WorkbookSnapshot> {
    const r = await readSnapshot(this.caps, onProgress, cancel);
    this.last = r.snapshot;
    this.sheetIds = r.sheetIds;
    return r.snapshot;
  }

  private env(): FlagEnv {
    const known: string[] = [];
    const prot: { [n: string]: boolean } = {};
    (this.last ? this.last.sheets : []).forEach(function (s) {
      known.push(s.name);
      if (s.protected) prot[s.name] = true;
    });
    return { caps: this.caps, knownSheets: known, protectedSheets: prot };
  }

  async applyFlags(findings: Finding[], options: FlagOptions): Promise<FlagOutcome> {
    const env = this.env();
    // Reviewed findings (已核实/忽略) are never flagged, whatever the caller passes.
    const open = applyReview(findings, loadMarks().marks, this.last || undefined).open;
    try {
      const out = await applyFlags(open, options, env);
      if (out.skippedSheets.length) out.problem = "以下工作表受保护，未作标记：" + out.skippedSheets.join("、") + "。请在任务窗格中查看结果。";
      return out;
    } catch (e) {
      return { flagged: 0, skippedSheets: [], problem: "未能在单元格中写入标记（" + describe(e) + "）。审核结果仍列在任务窗格中。" };
    }
  }

  clearFlags(): Promise<number> {
    return clearFlags(this.env());
  }

  select(sheet: string, cell: string): Promise<void> {
    return selectCell(sheet, cell);
  }

  onSelectionChanged(cb: (sheet: string, cell: string) => void): Promise<void> {
    if (!this.caps.selectionEvents) return Promise.resolve();
    return watchSelection(this.sheetIds, cb);
  }

  exportReport(result: AuditResult): Promise<string> {
    return exportReport(result, this.caps);
  }

  loadReviewMarks(): Promise<ReviewMark[]> {
    return Promise.resolve(loadMarks().marks);
  }

  saveReviewMarks(marks: ReviewMark[]): Promise<void> {
    return saveMarks(marks);
  }

  loadSettings(): Promise<HostSettings> {
    return Promise.resolve(loadHostSettings());
  }

  saveSettings(settings: HostSettings): Promise<void> {
    return saveHostSettings(settings);
  }

  flagsPresent(): Promise<boolean> {
    return Promise.resolve(loadRegistry() !== null);
  }
}
