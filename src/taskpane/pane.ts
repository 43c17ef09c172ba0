/**
 * The audit task pane: plain TypeScript and DOM, ES5-safe (runs in IE11 webviews of Office 2016/2019).
 * Everything about the workbook goes through the AuditHost it is given (Excel, the preview, or a test fake).
 */
import { AuditOptions, AuditResult, Finding, NarrativeResult, Severity, WorkbookSnapshot } from "../engine";
import { qualify } from "../present/address";
import { countBySeverity, Filters, groupFindings, rank, tableKey } from "../present/groups";
import { AuditHost, CancelledError, CancelToken } from "../present/host";
import { SEVERITY_LABEL, SEVERITY_ORDER } from "../present/labels";
import { S } from "./labels";
import { clear, el, renderGroups, renderSummary, renderTableOptions } from "./render";
import { mountNarrativeView } from "./narrativeView";

export interface PaneDeps {
  audit: (snapshot: WorkbookSnapshot, options?: AuditOptions) => AuditResult;
  /** Where the notes option is remembered (localStorage in a browser); optional. */
  storage?: { getItem(k: string): string | null; setItem(k: string, v: string): void } | null;
}

export interface Pane {
  audit(): Promise<void>;
  clearFlags(): Promise<void>;
  exportReport(): Promise<void>;
  result(): AuditResult | null;
  /** Shows the findings on a cell, as when the user selects it in the grid. */
  showCell(sheet: string, cell: string): void;
}

const NOTES_KEY = "juesuanAudit.notes";

const SHELL =
  '<header class="jp-header"><h1 class="jp-title"></h1><span class="jp-level"></span></header>' +
  '<div class="jp-toolbar" role="toolbar">' +
  '<button type="button" class="jp-btn jp-primary" data-action="audit"></button>' +
  '<button type="button" class="jp-btn" data-action="clear"></button>' +
  '<button type="button" class="jp-btn" data-action="export"></button>' +
  '<button type="button" class="jp-btn jp-cancel" data-action="cancel"></button>' +
  "</div>" +
  '<label class="jp-option"><input type="checkbox" data-option="notes"> <span class="jp-option-text"></span></label>' +
  '<div class="jp-status" role="status" aria-live="polite"></div>' +
  '<div class="jp-progress"><div class="jp-progress-bar"></div></div>' +
  '<section class="jp-summary"></section>' +
  '<div class="jp-filters"></div>' +
  '<div class="jp-selected" aria-live="polite"></div>' +
  '<div class="jp-results"></div>';

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
  q(root, ".jp-title").textContent = S.title;
  if (caps.apiLevel) q(root, ".jp-level").textContent = "ExcelApi " + caps.apiLevel;

  const btnAudit = q(root, '[data-action="audit"]') as HTMLButtonElement;
  const btnClear = q(root, '[data-action="clear"]') as HTMLButtonElement;
  const btnExport = q(root, '[data-action="export"]') as HTMLButtonElement;
  const btnCancel = q(root, '[data-action="cancel"]') as HTMLButtonElement;
  btnAudit.textContent = S.audit;
  btnClear.textContent = S.clear;
  btnExport.textContent = S.export;
  btnCancel.textContent = S.cancel;
  show(btnCancel, false);
  show(btnExport, caps.exportReport);
  btnExport.disabled = true;

  const notesBox = q(root, '[data-option="notes"]') as HTMLInputElement;
  q(root, ".jp-option-text").textContent = S.notesOption + (caps.notes ? "" : S.notesUnavailable);
  notesBox.disabled = !caps.notes;
  notesBox.checked = caps.notes && readSetting() === "1";

  const status = q(root, ".jp-status");
  const progress = q(root, ".jp-progress");
  const bar = q(root, ".jp-progress-bar");
  const summary = q(root, ".jp-summary");
  const filtersBox = q(root, ".jp-filters");
  const selectedBox = q(root, ".jp-selected");
  const results = q(root, ".jp-results");
  show(progress, false);
  show(selectedBox, false);

  const filters: Filters = { severities: { error: true, warning: true, tail: true, info: true }, table: "" };
  let result: AuditResult | null = null;
  let busy = false;
  let token: CancelToken | null = null;
  let watching = false;
  const tableSelect = buildFilters();
  // 情况说明核对: paste box and the checked text with every figure marked (narrativeView.ts)
  const narrativeBox = el("section", "jp-narrative");
  root.insertBefore(narrativeBox, filtersBox);
  const narrative = mountNarrativeView(narrativeBox, host, function () {
    void audit();
  });

  function readSetting(): string | null {
    try {
      return deps.storage ? deps.storage.getItem(NOTES_KEY) : null;
    } catch (_e) {
      return null;
    }
  }

  function setStatus(text: string, kind?: "error" | "warning" | "ok"): void {
    status.textContent = text;
    status.className = "jp-status" + (kind ? " jp-status-" + kind : "");
  }

  function setBusy(on: boolean): void {
    busy = on;
    root.setAttribute("data-state", on ? "busy" : "done");
    btnAudit.disabled = on;
    btnClear.disabled = on;
    btnExport.disabled = on || !result;
    show(btnCancel, on);
    show(progress, on);
    if (!on) bar.style.width = "0";
  }

  function buildFilters(): HTMLSelectElement {
    filtersBox.appendChild(el("span", "jp-filter-label", S.filterSeverity + "："));
    SEVERITY_ORDER.forEach(function (sev: Severity) {
      const label = el("label", "jp-filter jp-sev-" + sev);
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-filter-severity", sev);
      box.onchange = function () {
        filters.severities[sev] = box.checked;
        renderList();
      };
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + SEVERITY_LABEL[sev]));
      filtersBox.appendChild(label);
    });
    const select = document.createElement("select");
    select.setAttribute("data-filter", "table");
    select.setAttribute("aria-label", S.filterTable);
    select.onchange = function () {
      filters.table = select.value;
      renderList();
    };
    filtersBox.appendChild(select);
    show(filtersBox, false);
    return select;
  }

  function renderList(): void {
    if (!result) return;
    renderGroups(results, groupFindings(result.findings, filters), result.findings);
    if (!result.findings.length) results.appendChild(el("p", "jp-empty", S.noFindings));
  }

  function renderResult(r: AuditResult): void {
    result = r;
    btnAudit.textContent = S.reaudit;
    renderSummary(summary, r);
    const tables: string[] = [];
    r.findings.forEach(function (f) {
      const t = tableKey(f);
      if (tables.indexOf(t) < 0) tables.push(t);
    });
    tables.sort(function (a, b) {
      return rank(a) - rank(b) || (a < b ? -1 : 1);
    });
    renderTableOptions(tableSelect, tables, filters.table);
    filters.table = tableSelect.value;
    show(filtersBox, r.findings.length > 0);
    show(selectedBox, false);
    renderList();
  }

  function countsText(r: AuditResult): string {
    const n = countBySeverity(r.findings);
    return "审核完成：不符 " + n.error + " 处，疑点 " + n.warning + " 处，尾差 " + n.tail + " 处。";
  }

  async function audit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    const t: CancelToken = { cancelled: false };
    token = t;
    try {
      setStatus(S.reading);
      const snapshot = await host.readSnapshot(function (p) {
        setStatus(p.message);
        bar.style.width = (p.total ? Math.round((100 * p.done) / p.total) : 0) + "%";
      }, t);
      if (t.cancelled) throw new CancelledError();
      setStatus(S.auditing);
      await yieldUi();
      const r = deps.audit(snapshot, narrative.options());
      renderResult(r);
      narrative.update(snapshot, (r as { narrative?: NarrativeResult | null }).narrative);
      setStatus(S.flagging);
      const out = await host.applyFlags(r.findings, { notes: notesBox.checked });
      if (out.problem) setStatus(countsText(r) + out.problem, "warning");
      else setStatus(countsText(r), r.findings.length ? undefined : "ok");
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

  async function clearFlags(): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      const n = await host.clearFlags();
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
      const name = await host.exportReport(result);
      setStatus(S.exported + "「" + name + "」，共 " + result.findings.length + " 条。", "ok");
    } catch (e) {
      setStatus("导出未完成：" + message(e), "error");
    } finally {
      setBusy(false);
    }
  }

  function items(): HTMLElement[] {
    const list = results.querySelectorAll(".jp-item");
    const out: HTMLElement[] = [];
    for (let i = 0; i < list.length; i++) out.push(list[i] as HTMLElement);
    return out;
  }

  function itemOf(node: Node | null): HTMLElement | null {
    // Element.closest is missing in IE11: walk up by hand.
    while (node && node !== results) {
      if (node.nodeType === 1 && (node as HTMLElement).getAttribute("data-index") !== null) return node as HTMLElement;
      node = node.parentNode;
    }
    return null;
  }

  function markCurrent(indexes: number[], cls: string): HTMLElement[] {
    const hit: HTMLElement[] = [];
    items().forEach(function (li) {
      const on = indexes.indexOf(Number(li.getAttribute("data-index"))) >= 0;
      li.className = li.className.replace(new RegExp("\\s*" + cls + "\\b", "g"), "") + (on ? " " + cls : "");
      if (on) hit.push(li);
    });
    return hit;
  }

  function go(li: HTMLElement): void {
    if (!result) return;
    const i = Number(li.getAttribute("data-index"));
    const f: Finding = result.findings[i];
    markCurrent([i], "jp-current");
    if (!f.cell) return;
    host.select(f.sheet, f.cell).catch(function (e) {
      setStatus("无法定位到 " + f.sheet + "!" + f.cell + "：" + message(e), "error");
    });
  }

  function showCell(sheet: string, cell: string): void {
    if (!result) return;
    const hits: number[] = [];
    const qualified = [sheet + "!" + cell, qualify(sheet, cell)];
    result.findings.forEach(function (f, i) {
      const main = f.sheet === sheet && f.cell !== null && f.cell.replace(/\$/g, "") === cell;
      const rel = (f.related || []).some(function (r) {
        return qualified.indexOf(r.replace(/\$/g, "")) >= 0;
      });
      if (main || rel) hits.push(i);
    });
    clear(selectedBox);
    if (!hits.length) {
      show(selectedBox, false);
      markCurrent([], "jp-hit");
      return;
    }
    selectedBox.appendChild(el("div", "jp-selected-title", S.selectedCell + " " + sheet + "!" + cell + "："));
    hits.forEach(function (i) {
      const f = result!.findings[i];
      selectedBox.appendChild(el("div", "jp-selected-line jp-sev-" + f.severity, SEVERITY_LABEL[f.severity] + " " + f.rule + "：" + f.message));
    });
    show(selectedBox, true);
    const shown = markCurrent(hits, "jp-hit");
    // jsdom has no scrollIntoView; every webview does.
    if (shown.length && typeof shown[0].scrollIntoView === "function") shown[0].scrollIntoView(false);
  }

  results.onclick = function (e: MouseEvent) {
    const li = itemOf(e.target as Node);
    if (li) go(li);
  };
  results.onkeydown = function (e: KeyboardEvent) {
    const li = itemOf(e.target as Node);
    if (!li) return;
    const key = e.key || "";
    if (key === "Enter" || key === " " || key === "Spacebar") {
      e.preventDefault();
      go(li);
    } else if (key === "ArrowDown" || key === "Down" || key === "ArrowUp" || key === "Up") {
      e.preventDefault();
      const all = items();
      const at = all.indexOf(li) + (key === "ArrowDown" || key === "Down" ? 1 : -1);
      if (at >= 0 && at < all.length) all[at].focus();
    }
  };
  btnAudit.onclick = function () {
    void audit();
  };
  btnClear.onclick = function () {
    void clearFlags();
  };
  btnExport.onclick = function () {
    void exportReport();
  };
  btnCancel.onclick = function () {
    if (token) token.cancelled = true;
  };
  notesBox.onchange = function () {
    try {
      if (deps.storage) deps.storage.setItem(NOTES_KEY, notesBox.checked ? "1" : "0");
    } catch (_e) {
      // Storage can be unavailable in some webviews; the option then lasts for this session only.
    }
    if (result && !busy) {
      const r = result;
      setBusy(true);
      host
        .applyFlags(r.findings, { notes: notesBox.checked })
        .then(function (out) {
          setStatus(countsText(r) + (out.problem || ""), out.problem ? "warning" : undefined);
        })
        .catch(function (e) {
          setStatus("未能更新标记：" + message(e), "error");
        })
        .then(function () {
          setBusy(false);
        });
    }
  };

  return {
    audit: audit,
    clearFlags: clearFlags,
    exportReport: exportReport,
    result: function () {
      return result;
    },
    showCell: showCell,
  };
}
