/**
 * Reads the open workbook into the engine's WorkbookSnapshot.
 *
 * Sync budget (the "at most 3 syncs whatever the number of sheets"):
 *   1. worksheet names, ids, visibility (+ protection from ExcelApi 1.2);
 *   2. every sheet's used-range dimensions (+ merged areas from 1.13);
 *   3. values, displayed text, number formats and formulas of every used range, in one request when the estimate
 *      (readBlocks.ts) stays under ~4 MB. Huge sheets are cut into row blocks that each get a request of their
 *      own, so only they add syncs. Between those requests we yield to the UI and honour a cancel.
 * If the merged-area query fails (Excel refuses past 512 areas in one range) sync 2 is repeated without it.
 * Every batch waits out cell-edit mode (delayForCellEdit): "correct a cell, click 重新审核 without pressing Enter"
 * then reads the corrected value instead of failing.
 * Used ranges are capped (MAX_SHEET_CELLS, MAX_BOOK_CELLS): the nine tables take a few thousand cells, and a sheet
 * whose used range reaches far past its data (a stray value in row 1,048,576) would otherwise be read cell by cell.
 * Past a cap the read stops with one sentence naming the sheet and what to do.
 */
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../engine";
import { CancelToken, CancelledError, ReadProgress } from "../present/host";
import { splitAreaList, toA1 } from "../present/address";
import { ExcelCapabilities } from "./capabilities";
import { planReadBlocks } from "./readBlocks";
import { userError } from "./errors";
import { RUN_OPTIONS } from "./runOptions";
import { MAX_BOOK_CELLS, MAX_SHEET_CELLS, tooLargeMessage } from "../present/readLimits";

export { MAX_BOOK_CELLS, MAX_SHEET_CELLS, tooLargeMessage } from "../present/readLimits";

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** Worksheet.id → name, to resolve selection events. */
  sheetIds: { [id: string]: string };
}

interface Dims {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const VISIBILITY: { [k: string]: SheetSnapshot["visibility"] } = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

function yieldToUi(): Promise<void> {
  return new Promise(function (resolve) {
    setTimeout(resolve, 0);
  });
}

export function readSnapshot(
  caps: ExcelCapabilities,
  onProgress?: (p: ReadProgress) => void,
  cancel?: CancelToken,
  cellsPerRequest?: number
): Promise<ReadResult> {
  function progress(done: number, total: number, message: string): void {
    if (onProgress) onProgress({ done: done, total: total, message: message });
  }
  function checkCancel(): void {
    if (cancel && cancel.cancelled) throw new CancelledError();
  }

  return Excel.run(RUN_OPTIONS, async function (context) {
    const worksheets = context.workbook.worksheets;
    worksheets.load(caps.protection ? "items/name,items/id,items/visibility,items/protection/protected" : "items/name,items/id,items/visibility");
    await context.sync();
    checkCancel();
    const sheets = worksheets.items;
    progress(0, sheets.length, "正在读取 " + sheets.length + " 张工作表的范围…");

    function queueUsed(withMerges: boolean): { used: Excel.Range[]; merges: Excel.RangeAreas[] | null } {
      const used = sheets.map(function (ws) {
        const r = caps.usedRangeValuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
        r.load("rowIndex,columnIndex,rowCount,columnCount");
        return r;
      });
      const merges = withMerges
        ? used.map(function (r) {
            const m = r.getMergedAreasOrNullObject();
            m.load("address");
            return m;
          })
        : null;
      return { used: used, merges: merges };
    }

    let q = queueUsed(caps.mergedAreas);
    try {
      await context.sync();
    } catch (e) {
      if (!q.merges) throw e;
      // Most likely more than 512 merged areas in one used range: read without merges rather than fail.
      q = queueUsed(false);
      await context.sync();
    }
    checkCancel();

    const dims: Dims[] = q.used.map(function (r) {
      return { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
    });
    let total = 0;
    dims.forEach(function (d, i) {
      total += d.rows * d.cols;
      if (d.rows * d.cols > MAX_SHEET_CELLS) throw userError(tooLargeMessage("工作表「" + sheets[i].name + "」", d.rows + " 行 × " + d.cols + " 列", MAX_SHEET_CELLS));
    });
    if (total > MAX_BOOK_CELLS) throw userError(tooLargeMessage("工作簿", "合计 " + total + " 个单元格", MAX_BOOK_CELLS));
    const snaps: SheetSnapshot[] = sheets.map(function (ws, i) {
      const d = dims[i];
      const s: SheetSnapshot = {
        name: ws.name,
        visibility: VISIBILITY[ws.visibility] || "visible",
        top: d.top,
        left: d.left,
        values: new Array(d.rows),
        text: new Array(d.rows),
        formats: new Array(d.rows),
        merges: [],
      };
      if (caps.protection && ws.protection.protected) s.protected = true;
      const m = q.merges && q.merges[i];
      if (m && !m.isNullObject && m.address) s.merges = splitAreaList(m.address);
      return s;
    });
    const formulas: (string | null)[][][] = snaps.map(function (s) {
      return new Array(s.values.length);
    });
    const hasFormula: boolean[] = snaps.map(function () {
      return false;
    });

    const requests = planReadBlocks(
      dims.map(function (d) {
        return { rows: d.rows, cols: d.cols };
      }),
      cellsPerRequest
    );
    for (let n = 0; n < requests.length; n++) {
      checkCancel();
      const loaded = requests[n].map(function (b) {
        const d = dims[b.sheet];
        const whole = b.rowStart === 0 && b.rowCount === d.rows;
        const range = whole
          ? q.used[b.sheet]
          : sheets[b.sheet].getRange(toA1(d.top + b.rowStart, d.left) + ":" + toA1(d.top + b.rowStart + b.rowCount - 1, d.left + d.cols - 1));
        range.load("values,text,numberFormat,formulas");
        return { block: b, range: range };
      });
      await context.sync();
      loaded.forEach(function (l) {
        const s = snaps[l.block.sheet];
        for (let r = 0; r < l.block.rowCount; r++) {
          const at = l.block.rowStart + r;
          s.values[at] = l.range.values[r].map(toCellValue);
          s.text[at] = l.range.text[r].map(String);
          (s.formats as string[][])[at] = l.range.numberFormat[r].map(String);
          formulas[l.block.sheet][at] = l.range.formulas[r].map(function (f) {
            if (typeof f === "string" && f.charAt(0) === "=") {
              hasFormula[l.block.sheet] = true;
              return f;
            }
            return null;
          });
        }
      });
      progress(n + 1, requests.length, "已读取 " + (n + 1) + "/" + requests.length + " 批单元格");
      if (n + 1 < requests.length) await yieldToUi();
    }
    snaps.forEach(function (s, i) {
      if (hasFormula[i]) s.formulas = formulas[i];
    });

    const sheetIds: { [id: string]: string } = {};
    sheets.forEach(function (ws) {
      sheetIds[ws.id] = ws.name;
    });
    return { snapshot: { sheets: snaps, source: "Excel" }, sheetIds: sheetIds };
  });
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}
