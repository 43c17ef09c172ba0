/**
 * The pane's fixed parts: the page skeleton, the 按结果筛选 bar and the settings (auto-flag, notes, the colour
 * legend of the flags). Kept apart from pane.ts, which wires them to the host.
 */
import { Severity } from "../engine";
import { FLAG_LEGEND } from "../present/flagPlan";
import { Filters } from "../present/groups";
import { HostCapabilities } from "../present/host";
import { SEVERITY_LABEL, SEVERITY_ORDER } from "../present/labels";
import { S } from "./labels";
import { button, el } from "./render";

export const SHELL =
  '<div class="jp-top">' +
  '<div class="jp-toolbar" role="toolbar" aria-label="' + S.title + '">' +
  '<button type="button" class="jp-btn jp-primary" data-action="audit">' + S.audit + "</button>" +
  '<button type="button" class="jp-btn" data-action="flag">' + S.flag + "</button>" +
  '<button type="button" class="jp-btn" data-action="clear">' + S.clear + "</button>" +
  '<button type="button" class="jp-btn" data-action="export">' + S.export + "</button>" +
  '<button type="button" class="jp-btn jp-cancel" data-action="cancel">' + S.cancel + "</button>" +
  "</div>" +
  '<div class="jp-flags-notice" data-flags-notice=""><span>' + S.flagsPresent + '</span><button type="button" class="jp-btn jp-small" data-action="clear-flags">' + S.clear + "</button></div>" +
  '<div class="jp-progress"><div class="jp-progress-bar"></div></div>' +
  "</div>" +
  '<h1 class="jp-sr">' + S.title + "</h1>" +
  '<div class="jp-status" role="status" aria-live="polite"></div>' +
  '<div class="jp-board"></div>' +
  '<div class="jp-filters"></div>' +
  '<div class="jp-selected" aria-live="polite"></div>' +
  '<div class="jp-results"></div>' +
  '<div class="jp-reviewed"></div>' +
  '<section class="jp-overview"></section>' +
  '<section class="jp-narrative"></section>' +
  '<section class="jp-settings"></section>';

/**
 * The 按结果筛选 bar: one checkbox per severity, and the table chosen on the board (with ✕ to show all again).
 * Returns the function that shows the current table.
 */
export function buildFilters(box: HTMLElement, filters: Filters, changed: () => void, clearTable: () => void): (table: string) => void {
  box.appendChild(el("span", "jp-filter-label", S.filterSeverity + "："));
  SEVERITY_ORDER.forEach(function (sev: Severity) {
    const label = el("label", "jp-filter jp-sev-" + sev);
    const check = document.createElement("input");
    check.type = "checkbox";
    check.checked = true;
    check.setAttribute("data-filter-severity", sev);
    check.onchange = function () {
      filters.severities[sev] = check.checked;
      changed();
    };
    label.appendChild(check);
    label.appendChild(document.createTextNode(SEVERITY_LABEL[sev]));
    box.appendChild(label);
  });
  const chip = button("jp-table-chip", "", "clear-table");
  chip.onclick = clearTable;
  box.appendChild(chip);
  box.style.display = "none";
  return function (table: string) {
    chip.style.display = table ? "" : "none";
    chip.textContent = "只看 " + table + " ✕";
    chip.setAttribute("aria-label", "只看 " + table + "，点此" + S.filterTableClear);
    chip.setAttribute("data-filter-table", table);
  };
}

type Storage = { getItem(k: string): string | null; setItem(k: string, v: string): void } | null;

const NOTES_KEY = "juesuanAudit.notes";

function read(storage: Storage, key: string): string | null {
  try {
    return storage ? storage.getItem(key) : null;
  } catch (_e) {
    return null;
  }
}

function checkbox(box: HTMLElement, option: string, text: string): HTMLInputElement {
  // The notes option keeps the class .jp-option it always had (test/excel looks it up); the others are .jp-setting.
  const label = el("label", option === "notes" ? "jp-option" : "jp-setting");
  const input = document.createElement("input");
  input.type = "checkbox";
  input.setAttribute("data-option", option);
  label.appendChild(input);
  label.appendChild(el("span", "jp-option-text", text));
  box.appendChild(label);
  return input;
}

/** The colour legend of the flags, from the palette the adapter and the preview draw with (present/flagPlan). */
export function legend(): HTMLElement {
  const box = el("div", "jp-legend");
  box.setAttribute("data-legend", "");
  box.appendChild(el("span", "jp-legend-title", S.legend + "："));
  FLAG_LEGEND.forEach(function (k) {
    const sw = el("span", "jp-swatch", k.label);
    sw.style.backgroundColor = k.fill;
    if (k.font) sw.style.color = k.font;
    sw.setAttribute("data-legend-kind", k.key);
    box.appendChild(sw);
  });
  return box;
}

export interface SettingsView {
  autoFlag: HTMLInputElement;
  notes: HTMLInputElement;
  saveNotes(): void;
}

export function buildSettings(box: HTMLElement, caps: HostCapabilities, storage: Storage, onAutoFlag: (on: boolean) => void): SettingsView {
  box.appendChild(el("h2", "jp-settings-title", S.settings));
  const autoFlag = checkbox(box, "auto-flag", S.autoFlagOption);
  autoFlag.onchange = function () {
    onAutoFlag(autoFlag.checked);
  };
  box.appendChild(
    el("p", "jp-hint", "标记只改变单元格的显示（条件格式或填充色），不改数值；标记会随文件保存，报送前请清除。写入标记可能清空 Excel 的撤销记录。"),
  );
  const notes = checkbox(box, "notes", S.notesOption + S.notesNeeds);
  notes.disabled = !caps.notes;
  notes.checked = caps.notes && read(storage, NOTES_KEY) === "1";
  box.appendChild(legend());
  if (caps.apiLevel) box.appendChild(el("div", "jp-level", "ExcelApi " + caps.apiLevel));
  return {
    autoFlag: autoFlag,
    notes: notes,
    saveNotes: function () {
      try {
        if (storage) storage.setItem(NOTES_KEY, notes.checked ? "1" : "0");
      } catch (_e) {
        // Storage can be unavailable in some webviews; the option then lasts for this session only.
      }
    },
  };
}
