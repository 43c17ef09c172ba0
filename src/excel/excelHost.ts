/** The pane's AuditHost over office-js: composes reading, flags, navigation and the report sheet. */
import { AuditResult, Finding, WorkbookSnapshot } from "../engine";
import { AuditHost, CancelToken, ClearOutcome, clearedCount, clearOutcome, FlagOptions, FlagOutcome, HostCapabilities, HostSettings, ReadProgress } from "../present/host";
import { ReviewMark } from "../present/review";
import { ExcelCapabilities, officeCapabilities } from "./capabilities";
import { describeOfficeError } from "./errors";
import type { FlagEnv } from "./flags";
import { readSnapshot } from "./readSnapshot";
import { loadHostSettings, loadMarks, saveHostSettings, saveMarks } from "./reviewStore";

/** Rejects with an Error whose message is one Chinese sentence (the pane shows error.message). */
function friendly<T>(p: Promise<T>, action: string): Promise<T> {
  return p.catch(function (e: unknown) {
    throw e && (e as { name?: string }).name === "CancelledError" ? e : new Error(describeOfficeError(e, action));
  });
}

/** The on-demand half of the adapter, loaded on first use (actions.ts says why). */
function writer(): Promise<typeof import("./actions")> {
  return import(/* webpackChunkName: "excel-actions" */ "./actions");
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
    const r = await friendly(readSnapshot(this.caps, onProgress, cancel), "读取工作簿");
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
    return { caps: this.caps, knownSheets: known, protectedSheets: prot, book: this.last || undefined };
  }

  async applyFlags(findings: Finding[], options: FlagOptions): Promise<FlagOutcome> {
    const env = this.env();
    try {
      const w = await writer();
      // Reviewed findings (已核实/忽略) are never flagged, whatever the caller passes.
      const r = await w.flagOpen(findings, loadMarks().marks, this.last || undefined, options, env);
      const out: FlagOutcome = { flagged: r.flagged, skippedSheets: r.skippedSheets };
      const problems = (r.skippedSheets.length ? [w.skippedMessage(r.skippedSheets)] : []).concat(r.registryProblem ? [r.registryProblem] : []);
      if (problems.length) out.problem = problems.join("");
      return out;
    } catch (e) {
      return { flagged: 0, skippedSheets: [], problem: describeOfficeError(e, "在单元格中写入标记") + "审核结果仍列在任务窗格中。" };
    }
  }

  async clearFlagsReport(): Promise<ClearOutcome> {
    const w = await writer();
    return clearOutcome(await friendly(w.clearFlags(this.env()), "清除标记"), w.clearMessage);
  }

  clearFlags(): Promise<number> {
    return clearedCount(this.clearFlagsReport());
  }

  select(sheet: string, cell: string): Promise<void> {
    const known = this.last ? this.last.sheets.filter((s) => s.name === sheet)[0] : undefined;
    const id = this.sheetIdOf(sheet);
    return friendly(
      writer().then((w) => w.selectCell(sheet, cell, id, !!known && known.visibility !== "visible")),
      "定位到该单元格"
    );
  }

  private sheetIdOf(name: string): string | null {
    for (const id in this.sheetIds) if (this.sheetIds[id] === name) return id;
    return null;
  }

  onSelectionChanged(cb: (sheet: string, cell: string) => void): Promise<void> {
    if (!this.caps.selectionEvents) return Promise.resolve();
    const ids = this.sheetIds;
    // Handlers know sheets by id and look the name up when they fire: a renamed sheet keeps working.
    return friendly(
      writer().then((w) => w.watchSelection(ids, cb)),
      "跟踪所选单元格"
    );
  }

  async exportReport(result: AuditResult, marks?: ReviewMark[]): Promise<string> {
    const w = await writer();
    return friendly(w.exportReport(result, this.caps, { marks: marks || loadMarks().marks, book: this.last || undefined }), "导出审核报告");
  }

  loadReviewMarks(): Promise<ReviewMark[]> {
    return Promise.resolve(loadMarks().marks);
  }

  saveReviewMarks(marks: ReviewMark[]): Promise<void> {
    return friendly(saveMarks(marks), "保存核实标记");
  }

  loadSettings(): Promise<HostSettings> {
    return Promise.resolve(loadHostSettings());
  }

  saveSettings(settings: HostSettings): Promise<void> {
    return friendly(saveHostSettings(settings), "保存设置");
  }

  async flagsPresent(): Promise<boolean> {
    return (await writer()).loadRegistry().registry !== null;
  }
}
