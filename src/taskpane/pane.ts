/**
 * The audit task pane: plain TypeScript and DOM, ES5-safe (runs in IE11 webviews of Office 2016/2019).
 * Everything about the workbook goes through the AuditHost it is given (Excel, the preview, or a test fake).
 *
 * Layout, most important first (issue 10): a sticky toolbar (and, while flags are in the workbook, one line
 * saying so with a button to clear them), the status line, the board of the tables, the findings (不符 first,
 * consequences folded under their root), 已复核, the overview (checks, 未审核), the 情况说明 panel folded, settings.
 * Flags are written only when the user asks (标记单元格) or when the setting 审核后自动标记单元格 is on.
 */
import { AuditOptions, AuditResult, Finding, NarrativeResult, WorkbookSnapshot } from "../engine";
import { Filters } from "../present/groups";
import { AuditHost, CancelledError, CancelToken } from "../present/host";
import { ReviewStatus } from "../present/review";
import { boardCells, renderBoard } from "./board";
import { headline } from "./headline";
import { S } from "./labels";
import { ListNav } from "./listNav";
import { mountNarrativeView } from "./narrativeView";
import { clusters } from "./order";
import { mountPrevious, PreviousReader } from "./previous";
import { el, renderClusters, renderOverview } from "./render";
import { renderReviewed, reviewForm, Reviews } from "./reviewUi";
import { renderSelected } from "./selection";
import { buildFilters, buildSettings, SHELL } from "./shell";

export interface PaneDeps {
  audit: (snapshot: WorkbookSnapshot, options?: AuditOptions) => AuditResult;
  /** Where the notes option is remembered (localStorage in a browser); optional. */
  storage?: { getItem(k: string): string | null; setItem(k: string, v: string): void } | null;
  /** Loads the reader of last year's document (src/io/previousYear.ts, with import()); no 「上年决算文件」 without it. */
  previous?: () => Promise<PreviousReader>;
}

export interface Pane {
  audit(): Promise<void>;
  /** Writes the flags of the open findings into the workbook (the 标记单元格 button). */
  flag(): Promise<void>;
  clearFlags(): Promise<void>;
  exportReport(): Promise<void>;
  result(): AuditResult | null;
  /** Shows the findings on a cell, as when the user selects it in the grid. */
  showCell(sheet: string, cell: string): void;
  /** Uses last year's document from now on (the 「上年决算文件」 button); true when it could be read. */
  loadPrevious(bytes: ArrayBuffer, name: string): Promise<boolean>;
}

function q(root: HTMLElement, sel: string): HTMLElement {
  return root.querySelector(sel) as HTMLElement;
}

function show(node: HTMLElement, on: boolean): void {
  node.style.display = on ? "" : "none";
}

function yieldUi(): Promise<void> {
  return new Promise(function (r) {
    setTimeout(r, 0);
  });
}

function message(e: unknown): string {
  const err = e as { message?: string };
  return (err && err.message) || String(e);
}

export function mountPane(root: HTMLElement, host: AuditHost, deps: PaneDeps): Pane {
  const caps = host.capabilities();
  root.innerHTML = SHELL;
  root.className = (root.className ? root.className + " " : "") + "jp-pane";
  root.setAttribute("data-state", "idle");

  const btn = function (a: string): HTMLButtonElement {
    return q(root, '.jp-toolbar [data-action="' + a + '"]') as HTMLButtonElement;
  };
  const btnAudit = btn("audit");
  const btnFlag = btn("flag");
  const btnClear = btn("clear");
  const btnExport = btn("export");
  const btnCancel = btn("cancel");
  show(btnCancel, false);
  show(btnExport, caps.exportReport);
  btnExport.disabled = true;
  btnFlag.disabled = true;

  const notice = q(root, ".jp-flags-notice");
  const status = q(root, ".jp-status");
  const progress = q(root, ".jp-progress");
  const bar = q(root, ".jp-progress-bar");
  const board = q(root, ".jp-board");
  const filtersBox = q(root, ".jp-filters");
  const selectedBox = q(root, ".jp-selected");
  const results = q(root, ".jp-results");
  const reviewedBox = q(root, ".jp-reviewed");
  const overview = q(root, ".jp-overview");
  const previous = mountPrevious((status.parentNode as HTMLElement).insertBefore(document.createElement("div"), status.nextSibling), deps.previous, function () {
    void audit();
  });
  show(progress, false);
  show(selectedBox, false);
  show(notice, false);

  const filters: Filters = { severities: { error: true, warning: true, tail: true, info: true }, table: "" };
  let result: AuditResult | null = null;
  let busy = false;
  let token: CancelToken | null = null;
  let watching = false;
  let flagsOn = false;
  let autoFlag = false;
  const reviews = new Reviews(host);
  const nav = new ListNav(results);
  const tableChip = buildFilters(filtersBox, filters, renderAll, function () {
    pickTable("");
  });
  const narrative = mountNarrativeView(q(root, ".jp-narrative"), host, function () {
    void audit();
  });
  const settings = buildSettings(q(root, ".jp-settings"), caps, deps.storage || null, function (on) {
    autoFlag = on;
    if (host.saveSettings) host.saveSettings({ autoFlag: on }).catch(function () {});
    if (on && result && !flagsOn) void flag();
  });
  if (host.loadSettings)
    host.loadSettings().then(function (s) {
      autoFlag = s.autoFlag;
      settings.autoFlag.checked = s.autoFlag;
    }, function () {});

  function setStatus(text: string, kind?: "error" | "warning" | "ok"): void {
    status.textContent = text;
    status.className = "jp-status" + (kind ? " jp-status-" + kind : "");
  }

  function setBusy(on: boolean): void {
    busy = on;
    root.setAttribute("data-state", on ? "busy" : "done");
    btnAudit.disabled = on;
    btnClear.disabled = on;
    btnFlag.disabled = on || !result;
    btnExport.disabled = on || !result;
    show(btnCancel, on);
    show(progress, on);
    if (!on) bar.style.width = "0";
  }

  function setFlagsOn(on: boolean): void {
    flagsOn = on;
    show(notice, on);
    root.setAttribute("data-flags", on ? "on" : "off");
  }

  function pickTable(t: string): void {
    filters.table = t;
    renderAll();
  }

  function summaryText(): string {
    if (!result) return "";
    if (!result.findings.length) return S.noFindings;
    const text = headline(reviews.open(), result.missing, reviews.reviewedCount());
    return text + (narrative.pasted() ? "情况说明按粘贴的文字核对。" : "");
  }

  /** Board, list, 已复核 and overview from the current result, marks and filters. */
  function renderAll(): void {
    if (!result) return;
    const r = result;
    const narr = narrative.result();
    renderBoard(board, boardCells(r, reviews.open(), r.findings, !!narr && narr.source !== "none"), filters.table, pickTable);
    tableChip(filters.table);
    show(filtersBox, r.findings.length > 0);
    const list = clusters(r.findings, filters, function (i) {
      return reviews.markOf(i) !== null;
    });
    renderClusters(results, list, r.findings, {});
    if (!r.findings.length) results.appendChild(el("p", "jp-empty", S.noFindings));
    else if (!list.length) results.appendChild(el("p", "jp-empty-filter", "按当前筛选没有需要处理的结果。"));
    renderReviewed(reviewedBox, r.findings, reviews);
    nav.reset();
  }

  async function writeFlags(): Promise<string> {
    if (!result) return "";
    setStatus(S.flagging);
    const out = await host.applyFlags(reviews.open(), { notes: settings.notes.checked });
    setFlagsOn(out.flagged > 0);
    return out.problem || "";
  }

  async function audit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    const t: CancelToken = { cancelled: false };
    token = t;
    try {
      setStatus(S.reading);
      if (host.flagsPresent && !flagsOn) setFlagsOn(await host.flagsPresent().catch(function () {
        return false;
      }));
      const snap = await host.readSnapshot(function (p) {
        setStatus(p.message);
        bar.style.width = (p.total ? Math.round((100 * p.done) / p.total) : 0) + "%";
      }, t);
      if (t.cancelled) throw new CancelledError();
      setStatus(S.auditing);
      await Promise.all([yieldUi(), reviews.load()]);
      const r = previous.audit(deps.audit, snap, narrative.options());
      result = r;
      reviews.apply(r.findings, snap);
      btnAudit.textContent = S.reaudit;
      narrative.update(snap, (r as { narrative?: NarrativeResult | null }).narrative);
      renderOverview(overview, r);
      renderAll();
      show(selectedBox, false);
      const problem = autoFlag || flagsOn ? await writeFlags() : "";
      setStatus(summaryText() + problem, problem ? "warning" : r.findings.length ? undefined : "ok");
      watchSelection();
    } catch (e) {
      if (e instanceof CancelledError || (t.cancelled && (e as Error).name === "CancelledError")) setStatus(S.cancelled);
      else setStatus("审核未完成：" + message(e), "error");
    } finally {
      token = null;
      setBusy(false);
    }
  }

  function watchSelection(): void {
    if (watching || !caps.selectionEvents || !host.onSelectionChanged) return;
    watching = true;
    host.onSelectionChanged(showCell).catch(function () {
      watching = false;
    });
  }

  async function flag(): Promise<void> {
    if (busy || !result) return;
    setBusy(true);
    try {
      const problem = await writeFlags();
      setStatus(summaryText() + problem, problem ? "warning" : undefined);
    } catch (e) {
      setStatus("未能标记单元格：" + message(e), "error");
    } finally {
      setBusy(false);
    }
  }

  async function clearFlags(): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      // clearFlagsReport clears what it can and names the sheets it could not (protected after the audit, a
      // normal step before 报送); the flags there are still in the workbook, so the notice stays.
      if (host.clearFlagsReport) {
        const r = await host.clearFlagsReport();
        const left = r.notCleared.length > 0;
        setFlagsOn(left);
        const done = S.cleared + "（" + r.cleared + " 处）。";
        setStatus(r.problem ? done + r.problem : done, r.problem ? "warning" : "ok");
        return;
      }
      const n = await host.clearFlags();
      setFlagsOn(false);
      setStatus(S.cleared + "（" + n + " 处）。", "ok");
    } catch (e) {
      setStatus("清除标记未完成：" + message(e), "error");
    } finally {
      setBusy(false);
    }
  }

  async function exportReport(): Promise<void> {
    if (busy || !result || !host.exportReport) return;
    setBusy(true);
    try {
      const name = await host.exportReport(result, reviews.all());
      setStatus(S.exported + "「" + name + "」，共 " + result.findings.length + " 条。", "ok");
    } catch (e) {
      setStatus("导出未完成：" + message(e), "error");
    } finally {
      setBusy(false);
    }
  }

  /** 核实/忽略/撤销 on the card at `li`: a small form first (note or reason), then the mark is stored. */
  function review(li: HTMLElement, action: string): void {
    const i = Number(li.getAttribute("data-index"));
    if (action === "unreview") {
      void commit(i, null, "");
      return;
    }
    const status: ReviewStatus = action === "ignore" ? "忽略" : "已核实";
    const actions = nav.ownActions(li);
    const foot = actions && (actions.parentNode as HTMLElement);
    const next = foot && (foot.nextSibling as HTMLElement | null);
    if (!foot || (next && next.getAttribute && next.getAttribute("data-review-form"))) return;
    const form = reviewForm(
      status,
      function (note) {
        void commit(i, status, note);
      },
      function () {
        li.removeChild(form);
        li.focus();
      },
    );
    li.insertBefore(form, foot.nextSibling);
    (form.querySelector("input") as HTMLInputElement).focus();
  }

  async function commit(i: number, status: ReviewStatus | null, note: string): Promise<void> {
    if (!result) return;
    // Keyboard users keep their place: focus goes to the card now at the position of the one marked.
    const at = nav.shown().indexOf(q(results, '.jp-item[data-index="' + i + '"]'));
    try {
      await reviews.set(i, status, note);
    } catch (e) {
      setStatus("复核标记未能存入工作簿：" + message(e) + "。本次会话内仍有效。", "warning");
    }
    renderAll();
    const cards = nav.shown();
    const next = at >= 0 ? cards[Math.min(at, cards.length - 1)] : null;
    if (next) {
      nav.setCurrent(next);
      next.focus();
    }
    let problem = "";
    if (flagsOn && !busy) {
      try {
        problem = await writeFlags();
      } catch (e) {
        problem = "未能更新标记：" + message(e);
      }
    }
    setStatus(summaryText() + problem, problem ? "warning" : undefined);
  }

  function go(li: HTMLElement): void {
    if (!result) return;
    const i = Number(li.getAttribute("data-index"));
    const f: Finding = result.findings[i];
    nav.mark([i], "jp-current");
    if (!f.cell) return;
    host.select(f.sheet, f.cell).catch(function (e) {
      setStatus("无法定位到 " + f.sheet + "!" + f.cell + "：" + message(e), "error");
    });
  }

  function showCell(sheet: string, cell: string): void {
    if (!result) return;
    const hits = renderSelected(selectedBox, result.findings, reviews.markOf.bind(reviews), sheet, cell);
    const shown = nav.mark(hits, "jp-hit");
    // jsdom has no scrollIntoView; every webview does.
    if (shown.length && typeof shown[0].scrollIntoView === "function") shown[0].scrollIntoView(false);
  }

  nav.onGo = go;
  nav.onAction = function (li, action) {
    if (action === "verify" || action === "ignore" || action === "unreview") review(li, action);
  };
  reviewedBox.onclick = function (e: MouseEvent) {
    const t = e.target as HTMLElement;
    const action = t && t.getAttribute ? t.getAttribute("data-action") : null;
    const li = nav.itemOf(t, reviewedBox);
    if (li && action === "unreview") review(li, action);
  };
  btnAudit.onclick = function () {
    void audit();
  };
  btnFlag.onclick = function () {
    void flag();
  };
  btnClear.onclick = function () {
    void clearFlags();
  };
  (q(notice, '[data-action="clear-flags"]') as HTMLButtonElement).onclick = function () {
    void clearFlags();
  };
  btnExport.onclick = function () {
    void exportReport();
  };
  btnCancel.onclick = function () {
    if (token) token.cancelled = true;
  };
  settings.notes.onchange = function () {
    settings.saveNotes();
    if (flagsOn) void flag();
  };

  return {
    audit: audit,
    flag: flag,
    clearFlags: clearFlags,
    exportReport: exportReport,
    result: function () {
      return result;
    },
    showCell: showCell,
    loadPrevious: previous.load,
  };
}
