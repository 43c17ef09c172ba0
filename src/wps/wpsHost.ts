/**
 * The pane's AuditHost over WPS 表格's object model (window.Application in a WPS 加载项): the same pane, engine and
 * flag plan as in Excel, with ET behind them. Reading: readSnapshot.ts; flags: flags.ts / flagsFill.ts; review
 * marks, settings and the flag registry: custom document properties (docStore.ts).
 *
 * Decisions where issue 14 is silent:
 *  - the ET calls are synchronous; each AuditHost method runs them at once and answers a settled Promise;
 *  - a sheet is addressed by its name (ET has no id that is documented as stable across renames, as Excel's is);
 *  - no selection events and no cell notes (批注) under WPS (capabilities say so, and the pane hides what a host
 *    cannot do); flags, review marks, navigation, settings and the report sheet (report.ts) work as in Excel;
 *  - conditional formats are probed once per pane (flags.ts probeConditionalFormats); without them, fills.
 */
import { AuditResult, Finding, WorkbookSnapshot } from "../engine";
import { planFlags } from "../present/flagPlan";
import { clearMessage, hiddenSheetMessage, skippedMessage } from "../present/flagMessages";
import { AuditHost, CancelToken, ClearOutcome, clearedCount, clearOutcome, DEFAULT_SETTINGS, FlagOptions, FlagOutcome, HostCapabilities, HostSettings, ReadProgress } from "../present/host";
import { applyReview, ReviewMark, serializeMarks, validateMarks } from "../present/review";
import { DocStore } from "./docStore";
import { activeBook, EtApplication, XL_SHEET_VISIBLE } from "./et";
import { applyFlags, clearFlags, probeConditionalFormats, WpsFlagMode } from "./flags";
import { readSnapshot } from "./readSnapshot";
import { exportReport } from "./report";
import { loadRegistry } from "./registry";

export const REVIEW_KEY = "juesuanAudit.review";
export const SETTINGS_KEY = "juesuanAudit.settings";

/** An Error whose message is one Chinese sentence (the pane shows error.message). */
export function wpsError(e: unknown, action: string): Error {
  const m = e ? String((e as { message?: string }).message || "") : "";
  if (e && (e as { name?: string }).name === "CancelledError") return e as Error;
  if (m && /[\u4e00-\u9fff]/.test(m) && !/^fake ET/.test(m)) return new Error(m);
  return new Error("WPS 在" + action + "时出错" + (m ? "（" + m + "）" : "") + "：请稍后重试；如仍出错，请保存并重新打开工作簿后再审核。");
}

function settle<T>(action: string, body: () => T): Promise<T> {
  try {
    return Promise.resolve(body());
  } catch (e) {
    return Promise.reject(wpsError(e, action));
  }
}

export class WpsHost implements AuditHost {
  private last: WorkbookSnapshot | null = null;
  private mode: WpsFlagMode | null = null;
  private readonly store: DocStore;

  constructor(private readonly app: EtApplication) {
    this.store = new DocStore(function () {
      return activeBook(app);
    });
  }

  private flagMode(): WpsFlagMode {
    if (!this.mode) this.mode = probeConditionalFormats(this.app) ? "conditionalFormat" : "fill";
    return this.mode;
  }

  capabilities(): HostCapabilities {
    return { flagMode: this.flagMode(), notes: false, selectionEvents: false, exportReport: true, apiLevel: "WPS" };
  }

  async readSnapshot(onProgress?: (p: ReadProgress) => void, cancel?: CancelToken): Promise<WorkbookSnapshot> {
    try {
      this.last = await readSnapshot(this.app, onProgress, cancel);
      this.store.reset();
      return this.last;
    } catch (e) {
      throw wpsError(e, "读取工作簿");
    }
  }

  applyFlags(findings: Finding[], _options: FlagOptions): Promise<FlagOutcome> {
    const book = this.last || undefined;
    try {
      // Reviewed findings (已核实/忽略) are never flagged, whatever the caller passes.
      const open = applyReview(findings, this.marks(), book).open;
      const r = applyFlags(this.app, planFlags(open, book), this.store, this.flagMode());
      const out: FlagOutcome = { flagged: r.flagged, skippedSheets: r.skippedSheets };
      const problems = (r.skippedSheets.length ? [skippedMessage(r.skippedSheets)] : []).concat(r.registryProblem ? [r.registryProblem] : []);
      if (problems.length) out.problem = problems.join("");
      return Promise.resolve(out);
    } catch (e) {
      return Promise.resolve({ flagged: 0, skippedSheets: [], problem: wpsError(e, "在单元格中写入标记").message + "审核结果仍列在任务窗格中。" });
    }
  }

  clearFlagsReport(): Promise<ClearOutcome> {
    return settle("清除标记", () => {
      return clearOutcome(clearFlags(this.app, this.store, this.flagMode()), clearMessage);
    });
  }

  clearFlags(): Promise<number> {
    return clearedCount(this.clearFlagsReport());
  }

  select(sheet: string, cell: string): Promise<void> {
    return settle("定位到该单元格", () => {
      const ws = activeBook(this.app).Worksheets.Item(sheet);
      // A hidden sheet is never unhidden: the user is told (as in Excel).
      if (ws.Visible !== XL_SHEET_VISIBLE) throw new Error(hiddenSheetMessage(sheet));
      ws.Activate();
      ws.Range(cell).Select();
    });
  }

  exportReport(result: AuditResult, marks?: ReviewMark[]): Promise<string> {
    return settle("导出审核报告", () => exportReport(this.app, result, { marks: marks || this.marks(), book: this.last || undefined }));
  }

  private marks(): ReviewMark[] {
    const raw = this.store.get(REVIEW_KEY);
    let parsed: unknown = null;
    try {
      parsed = raw ? JSON.parse(raw) : null;
    } catch (_e) {
      parsed = null;
    }
    return validateMarks(parsed).marks;
  }

  loadReviewMarks(): Promise<ReviewMark[]> {
    return settle("读取核实标记", () => this.marks());
  }

  saveReviewMarks(marks: ReviewMark[]): Promise<void> {
    return settle("保存核实标记", () => this.store.set(REVIEW_KEY, marks.length ? serializeMarks(marks) : null));
  }

  loadSettings(): Promise<HostSettings> {
    return settle("读取设置", () => {
      let raw: { autoFlag?: unknown } | null = null;
      try {
        raw = JSON.parse(this.store.get(SETTINGS_KEY) || "null");
      } catch (_e) {
        raw = null;
      }
      return { autoFlag: !!raw && raw.autoFlag === true ? true : DEFAULT_SETTINGS.autoFlag };
    });
  }

  saveSettings(settings: HostSettings): Promise<void> {
    return settle("保存设置", () => this.store.set(SETTINGS_KEY, JSON.stringify({ autoFlag: settings.autoFlag === true })));
  }

  flagsPresent(): Promise<boolean> {
    return settle("检查标记", () => loadRegistry(this.store).registry !== null);
  }
}
