/**
 * The browser preview: the real pane, engine and flag logic beside a rendering of a workbook, without Excel.
 * Opens the bundled sample (三门峡市行政审批和政务信息管理局 2024 年度部门决算) and any .xlsx the user picks.
 * `?layout=pane` shows only the pane, 350 px wide, as the task pane of Excel (the e2e test and docs/ screenshots).
 */
import * as XLSX from "@e965/xlsx";
import { auditWithNarrative } from "../engine";
import { snapshotFromSheetJS } from "../io/sheetjsSnapshot";
import { guardZipInBrowser } from "../io/zipGuardBrowser";
import { mountPane, Pane } from "../taskpane/pane";
import { Grid } from "./grid";
import { PreviewHost } from "./previewHost";

const SAMPLE_URL = "sample.xlsx";
const SAMPLE_NAME = "2024-sanmenxia-xzsp.xlsx（示例）";

function byId(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

// /preview.html?layout=pane: the pane alone at 350 px, as Excel shows it (the grid stays, hidden, as the host).
if (/[?&]layout=pane\b/.test(window.location.search)) document.body.className += " pv-pane-only";

const fileLabel = byId("pv-file");
const grid = new Grid(byId("pv-tabs"), byId("pv-grid"), byId("pv-grid-status"));
let pane: Pane | null = null;

/** Every workbook, the sample and a picked file alike, passes the CLI's zip guard before SheetJS inflates it. */
function open(bytes: ArrayBuffer, name: string): void {
  guardZipInBrowser(new Uint8Array(bytes)).then(
    function (problem) {
      if (problem !== null) fileLabel.textContent = "无法打开「" + name + "」：" + problem;
      else openGuarded(bytes, name);
    },
    function (e) {
      fileLabel.textContent = "无法打开「" + name + "」：" + ((e as Error).message || String(e));
    },
  );
}

function openGuarded(bytes: ArrayBuffer, name: string): void {
  try {
    // cellNF keeps number formats (the displayed text is what gets audited); bookFiles lets the reader see
    // sheet protection in .xlsx.
    const wb = XLSX.read(new Uint8Array(bytes), { type: "array", cellNF: true, cellFormula: true, cellDates: false, bookFiles: true });
    grid.load(snapshotFromSheetJS(wb, name));
    fileLabel.textContent = name;
    if (!pane) {
      pane = mountPane(byId("app"), new PreviewHost(grid), {
        audit: function (s, o) {
          return auditWithNarrative(s, o);
        },
        storage: window.localStorage,
      });
    }
    void pane.audit();
  } catch (e) {
    fileLabel.textContent = "无法打开「" + name + "」：" + ((e as Error).message || String(e));
  }
}

(byId("pv-open") as HTMLInputElement).onchange = function (e: Event) {
  const input = e.target as HTMLInputElement;
  const file = input.files && input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = function () {
    open(reader.result as ArrayBuffer, file.name);
  };
  reader.readAsArrayBuffer(file);
  input.value = "";
};

fetch(SAMPLE_URL)
  .then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.arrayBuffer();
  })
  .then(function (b) {
    open(b, SAMPLE_NAME);
  })
  .catch(function (e) {
    fileLabel.textContent = "示例工作簿加载失败：" + e.message + "。请用「打开 .xlsx」选择文件。";
  });
