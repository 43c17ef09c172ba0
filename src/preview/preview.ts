/**
 * The browser preview: the real pane, engine and flag logic beside a rendering of a workbook, without Excel.
 * Opens the bundled sample (三门峡市行政审批和政务信息管理局 2024 年度部门决算) and any .xlsx the user picks.
 * A .pdf is read by the CLI's PDF reader in a chunk loaded only then (./pdfOpen, PDF.js in a further chunk) into the
 * same snapshot, audited and flagged like a sheet, its findings located by page.
 * `?layout=pane` shows only the pane, 350 px wide, as the task pane of Excel (the e2e test and docs/ screenshots).
 */
import * as XLSX from "@e965/xlsx";
import { AuditResult, auditWithNarrative, WorkbookSnapshot } from "../engine";
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
/** For a PDF: adds page and location to the findings (pdfLocate.ts), as the CLI does; null for a workbook. */
let afterAudit: ((r: AuditResult) => void) | null = null;

/** "%PDF-" within the first 1024 bytes, as src/io/pdfText.ts looksLikePdf (not imported: it would pull the reader in). */
function isPdf(bytes: ArrayBuffer): boolean {
  const b = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1024));
  for (let i = 0; i + 5 <= b.length; i++) if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
  return false;
}

/** Every workbook, the sample and a picked file alike, passes the CLI's zip guard before SheetJS inflates it. */
function open(bytes: ArrayBuffer, name: string): void {
  if (isPdf(bytes)) {
    openPdf(bytes, name);
    return;
  }
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
    show(snapshotFromSheetJS(wb, name), name, null);
  } catch (e) {
    fileLabel.textContent = "无法打开「" + name + "」：" + ((e as Error).message || String(e));
  }
}

/** A PDF: the reader comes in its own chunk, fetched the first time a PDF is opened (the pane never carries it). */
function openPdf(bytes: ArrayBuffer, name: string): void {
  fileLabel.textContent = "正在读取 PDF「" + name + "」…";
  import(/* webpackChunkName: "pdf" */ "./pdfOpen")
    .then(function (m) {
      return m.readPdfBuffer(new Uint8Array(bytes), name).then(function (read) {
        if (!read.ok) {
          fileLabel.textContent = "无法打开「" + name + "」：" + read.error;
          return;
        }
        show(read.snapshot, name + "（PDF，" + read.pages + " 页）", function (r) {
          m.locateFindings(read, r);
          m.textlessPages(read, r);
        });
      });
    })
    .catch(function (e) {
      fileLabel.textContent = "无法打开「" + name + "」：" + ((e as Error).message || String(e));
    });
}

function show(book: WorkbookSnapshot, label: string, after: ((r: AuditResult) => void) | null): void {
  grid.load(book);
  afterAudit = after;
  fileLabel.textContent = label;
  if (!pane) {
    pane = mountPane(byId("app"), new PreviewHost(grid), {
      audit: function (s, o) {
        const r = auditWithNarrative(s, o);
        if (afterAudit) afterAudit(r);
        return r;
      },
      storage: window.localStorage,
      previous: function () {
        return import(/* webpackChunkName: "previous-year" */ "../io/previousYear");
      },
    });
  }
  void pane.audit();
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
