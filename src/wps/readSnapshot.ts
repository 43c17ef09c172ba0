/**
 * Reads the open WPS workbook into the engine's WorkbookSnapshot through the ET object model, in as few calls as
 * it allows (every property read or method call crosses from the page into WPS; test/wps counts them).
 *
 *  - per sheet: name, visibility, protection, the used range's position and size;
 *  - values and formulas: Value2 and Formula of the used range, which ET returns as 2-D arrays; a large used range
 *    is read in row blocks of at most CELLS_PER_BLOCK cells, yielding to the UI between blocks (and honouring 取消);
 *  - number formats: NumberFormat of a range is one string when all its cells share it and null otherwise (as in
 *    Excel), so the used range is asked first and split in halves only where the formats differ: a table's few
 *    uniform blocks (header text, amount columns) cost a few dozen calls, not one per cell;
 *  - merges: MergeCells is false for a range without merged cells, true or null otherwise, so the same halving finds
 *    each merged area (MergeArea) without visiting unmerged cells;
 *  - displayed text: Range.Text exists for one cell only (a multi-cell range gives null unless all cells show the
 *    same), so the text is made from the value and its format with the formatter the CLI uses (src/io/numberFormat,
 *    RULES.md §8.3: 15 significant digits, then decimal rounding half away from 0). Only cells it cannot render
 *    (formulas, which may show an error; booleans; text under a format with a text section; formats it does not
 *    know) are asked for their Text, one cell at a time.
 * The result is trimmed to the cells that hold a value or a formula, as the CLI's reader does: ET's used range
 * also counts cells that only carry formatting.
 * Caps: as in Excel (present/readLimits.ts), checked before any cell is read.
 * Dates are formatted on the 1900 date system (Workbook.Date1904 is not read): only a date cell of a workbook saved
 * with the 1904 system would show differently, and the audit checks amounts, not dates.
 * Uncertain in WPS (docs/install-wps.md): that NumberFormat and MergeCells answer null for mixed ranges as Excel
 * does. If WPS answered `false` for a range with some merged cells, merges would be missed; any answer other than
 * false or a string leads to a closer look, never to a wrong value.
 */
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../engine";
import { formatNumber } from "../io/numberFormat";
import { parseRange, toA1 } from "../present/address";
import { CancelledError, CancelToken, ReadProgress } from "../present/host";
import { MAX_BOOK_CELLS, MAX_SHEET_CELLS, tooLargeMessage } from "../present/readLimits";
import { activeBook, EtApplication, EtRange, EtWorksheet, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE } from "./et";

/** Cells per Value2/Formula request: large enough that a 决算 sheet is one request, small enough to keep the UI alive. */
export const CELLS_PER_BLOCK = 50000;

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function address(b: Box): string {
  const tl = toA1(b.top, b.left);
  return b.rows === 1 && b.cols === 1 ? tl : tl + ":" + toA1(b.top + b.rows - 1, b.left + b.cols - 1);
}

function halves(b: Box): Box[] {
  if (b.rows >= b.cols) {
    const h = Math.ceil(b.rows / 2);
    return [
      { top: b.top, left: b.left, rows: h, cols: b.cols },
      { top: b.top + h, left: b.left, rows: b.rows - h, cols: b.cols },
    ];
  }
  const w = Math.ceil(b.cols / 2);
  return [
    { top: b.top, left: b.left, rows: b.rows, cols: w },
    { top: b.top, left: b.left + w, rows: b.rows, cols: b.cols - w },
  ];
}

/** A 2-D array from Value2/Formula: ET gives the bare value for a one-cell range. */
function grid(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1 && !Array.isArray(v)) return [[v]];
  const g = v as unknown[][];
  if (!Array.isArray(g) || g.length !== rows) throw new Error("WPS 返回的单元格区域形状不对（应为 " + rows + " 行）：请重新审核。");
  return g;
}

function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function yieldToUi(): Promise<void> {
  return new Promise(function (resolve) {
    setTimeout(resolve, 0);
  });
}

interface RawSheet {
  ws: EtWorksheet;
  snap: SheetSnapshot;
  used: EtRange;
  box: Box;
}

/** The sheets' names, visibility, protection and used ranges, checked against the caps. */
function readSheets(app: EtApplication): RawSheet[] {
  const wss = activeBook(app).Worksheets;
  const n = wss.Count;
  const out: RawSheet[] = [];
  let total = 0;
  for (let i = 1; i <= n; i++) {
    const ws = wss.Item(i);
    const vis = ws.Visible;
    const snap: SheetSnapshot = {
      name: ws.Name,
      visibility: vis === XL_SHEET_VISIBLE || (vis as unknown) === true ? "visible" : vis === XL_SHEET_VERY_HIDDEN ? "veryHidden" : "hidden",
      top: 0,
      left: 0,
      values: [],
      text: [],
      formats: [],
      merges: [],
    };
    if (ws.ProtectContents === true) snap.protected = true;
    const used = ws.UsedRange;
    const box = { top: used.Row - 1, left: used.Column - 1, rows: used.Rows.Count, cols: used.Columns.Count };
    if (box.rows * box.cols > MAX_SHEET_CELLS) throw new Error(tooLargeMessage("工作表「" + snap.name + "」", box.rows + " 行 × " + box.cols + " 列", MAX_SHEET_CELLS));
    total += box.rows * box.cols;
    out.push({ ws: ws, snap: snap, used: used, box: box });
  }
  if (total > MAX_BOOK_CELLS) throw new Error(tooLargeMessage("工作簿", "合计 " + total + " 个单元格", MAX_BOOK_CELLS));
  return out;
}

/** Fills formats[r][c] (relative to `base`) by halving until NumberFormat answers one string. */
function readFormats(ws: EtWorksheet, base: Box, b: Box, range: EtRange | null, out: string[][]): void {
  const f = (range || ws.Range(address(b))).NumberFormat;
  if (typeof f === "string" || (b.rows === 1 && b.cols === 1)) {
    const s = typeof f === "string" ? f : "General";
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) out[b.top - base.top + r][b.left - base.left + c] = s;
    return;
  }
  halves(b).forEach(function (h) {
    readFormats(ws, base, h, null, out);
  });
}

/** Merged areas inside `b`, found by halving where MergeCells is not false. */
function readMerges(ws: EtWorksheet, b: Box, range: EtRange | null, found: { [a: string]: Box }): void {
  for (const k in found) {
    const m = found[k];
    if (b.top >= m.top && b.left >= m.left && b.top + b.rows <= m.top + m.rows && b.left + b.cols <= m.left + m.cols) return;
  }
  const merged = (range || ws.Range(address(b))).MergeCells;
  if (merged === false) return;
  // Mixed (null): halve without looking at the corner; all merged (true) or one cell: the corner's area may be all.
  if (merged !== true && !(b.rows === 1 && b.cols === 1)) {
    halves(b).forEach(function (h) {
      readMerges(ws, h, null, found);
    });
    return;
  }
  // The area's extent comes from its address (one call), not from Row/Column/Rows/Columns (six).
  const a = String(ws.Range(toA1(b.top, b.left)).MergeArea.Address(false, false)).replace(/\$/g, "");
  const m = parseRange(a);
  if (m && (m.bottom > m.top || m.right > m.left)) {
    const area = { top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 };
    found[a] = area;
    if (m.top <= b.top && m.left <= b.left && m.bottom >= b.top + b.rows - 1 && m.right >= b.left + b.cols - 1) return;
  }
  if (b.rows === 1 && b.cols === 1) return;
  halves(b).forEach(function (h) {
    readMerges(ws, h, null, found);
  });
}

/** The text WPS shows, made as the CLI makes it; null where only the cell itself can say (see the header). */
function madeText(v: CellValue, format: string, formula: boolean): string | null {
  if (formula) return null;
  if (v === null) return "";
  if (typeof v === "number") return formatNumber(format, v);
  if (typeof v === "string") return format === "General" || format === "@" ? v : null;
  return null;
}

/** Drops leading and trailing rows and columns with neither value nor formula (ET counts formatted cells too). */
function trim(s: SheetSnapshot): void {
  const filled = function (r: number, c: number): boolean {
    return s.values[r][c] !== null || !!(s.formulas && s.formulas[r][c]);
  };
  let top = s.values.length;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  s.values.forEach(function (row, r) {
    row.forEach(function (_v, c) {
      if (!filled(r, c)) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (bottom < 0) {
    s.top = 0;
    s.left = 0;
    s.values = [];
    s.text = [];
    s.formats = [];
    delete s.formulas;
    return;
  }
  const cut = function <T>(g: T[][]): T[][] {
    return g.slice(top, bottom + 1).map(function (row) {
      return row.slice(left, right + 1);
    });
  };
  s.top += top;
  s.left += left;
  s.values = cut(s.values);
  s.text = cut(s.text);
  s.formats = cut(s.formats as string[][]);
  if (s.formulas) s.formulas = cut(s.formulas);
}

export async function readSnapshot(app: EtApplication, onProgress?: (p: ReadProgress) => void, cancel?: CancelToken): Promise<WorkbookSnapshot> {
  const checkCancel = function (): void {
    if (cancel && cancel.cancelled) throw new CancelledError();
  };
  const sheets = readSheets(app);
  const out: SheetSnapshot[] = [];
  for (let i = 0; i < sheets.length; i++) {
    checkCancel();
    const raw = sheets[i];
    out.push(readSheet(raw));
    if (onProgress) onProgress({ done: i + 1, total: sheets.length, message: "已读取 " + (i + 1) + "/" + sheets.length + " 张工作表" });
    if (i + 1 < sheets.length) await yieldToUi();
  }
  return { sheets: out, source: "WPS" };
}

function readSheet(raw: RawSheet): SheetSnapshot {
  const s = raw.snap;
  const b = raw.box;
  const ws = raw.ws;
  s.top = b.top;
  s.left = b.left;
  const formats: string[][] = [];
  const formulas: (string | null)[][] = [];
  let hasFormula = false;
  const rowsPerBlock = Math.max(1, Math.floor(CELLS_PER_BLOCK / b.cols));
  for (let start = 0; start < b.rows; start += rowsPerBlock) {
    const n = Math.min(rowsPerBlock, b.rows - start);
    const whole = start === 0 && n === b.rows;
    const block = { top: b.top + start, left: b.left, rows: n, cols: b.cols };
    const range = whole ? raw.used : ws.Range(address(block));
    const values = grid(range.Value2, n, b.cols);
    const forms = grid(range.Formula, n, b.cols);
    for (let r = 0; r < n; r++) {
      s.values.push(values[r].map(toCellValue));
      formulas.push(
        forms[r].map(function (f) {
          if (typeof f === "string" && f.charAt(0) === "=") {
            hasFormula = true;
            return f;
          }
          return null;
        })
      );
      formats.push(new Array(b.cols));
    }
  }
  // Column by column first: a column's cells mostly share a format below its header.
  for (let c = 0; c < b.cols; c++) readFormats(ws, b, { top: b.top, left: b.left + c, rows: b.rows, cols: 1 }, b.cols === 1 ? raw.used : null, formats);
  s.formats = formats;
  const found: { [a: string]: Box } = Object.create(null);
  readMerges(ws, b, raw.used, found);
  s.merges = Object.keys(found);
  s.text = s.values.map(function (row, r) {
    return row.map(function (v, c) {
      const t = madeText(v, formats[r][c], formulas[r][c] !== null);
      if (t !== null) return t;
      const shown = ws.Range(toA1(b.top + r, b.left + c)).Text;
      return shown === null || shown === undefined ? "" : String(shown);
    });
  });
  if (hasFormula) s.formulas = formulas;
  trim(s);
  return s;
}
