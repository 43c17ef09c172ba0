/**
 * SheetJS workbook → engine WorkbookSnapshot.
 *
 * Pure and browser-safe: the add-in's preview calls this on a file dropped into the pane, the CLI on a file read
 * from disk. No Node APIs here. Read the workbook with
 *   XLSX.read(buf, { cellNF: true, cellDates: false, cellFormula: true })
 * (`dense: true` is supported too and faster on big sheets). cellNF keeps each cell's number format in `z`,
 * cellDates:false keeps dates as the serial numbers Excel stores. Add `bookFiles: true` to learn which .xlsx sheets
 * are protected: SheetJS parses sheet protection only from .xls, so for .xlsx we look at the sheet XML ourselves.
 */
import { sheetjs } from "./sheetjs";
import type { CellObject, ParsingOptions, WorkBook, WorkSheet } from "@e965/xlsx";
import { formatNumber } from "./numberFormat";
import { CellValue, MAX_MERGES_PER_SHEET, rangeA1, SheetSnapshot, WorkbookSnapshot } from "../engine";
import { Bounds, CellGetter, Dense, MergeRange, coveredCells, denseBounds, keptMerges, sparseBounds } from "./snapshotGrid";
import { xlsxProtectedSheets } from "./xlsxProtection";
export { xlsxProtectedSheets };

/** The XLSX.read options this module expects (add `type`, and `dense: true` for big files). */
export const SHEETJS_READ_OPTIONS: ParsingOptions = { cellNF: true, cellDates: false, cellFormula: true, bookFiles: true };

export interface SnapshotOptions {
  /**
   * Upper bound on the cells the snapshot may hold, summed over all sheets (bounding box of the non-empty cells of
   * each sheet). A sheet with one cell at A1 and one at XFD1048576 would otherwise allocate billions of entries.
   */
  maxCells?: number;
  /** Protected sheets when known already (the fast .xlsx reader); otherwise found with xlsxProtectedSheets. */
  protectedSheets?: { [name: string]: true };
}

export const DEFAULT_MAX_CELLS = 5000000;

/** Thrown when the workbook is larger than `maxCells`; callers turn it into a message for the user. */
export class SnapshotTooLargeError extends Error {
  readonly cells: number;
  readonly limit: number;
  constructor(cells: number, limit: number) {
    super("工作簿单元格数量（" + cells + "）超过上限（" + limit + "），无法审核。");
    this.cells = cells;
    this.limit = limit;
    // ES5 target: restore the prototype so instanceof works after transpilation.
    Object.setPrototypeOf(this, SnapshotTooLargeError.prototype);
  }
}

/** Thrown for a workbook refused for another reason than its size; `message` is the Chinese sentence to show. */
export class SnapshotRefusedError extends Error {
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, SnapshotRefusedError.prototype);
  }
}

/** BIFF error codes, for cells whose `w` SheetJS did not fill in (it usually does). */
const ERROR_TEXT: { [code: number]: string } = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
  0xff: "#WTF?",
};

/** Excel serial for a JS Date (only when a caller read with cellDates: true despite the advice above). */
function dateToSerial(d: Date): number {
  const epoch = Date.UTC(1899, 11, 30);
  const local = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return (local - epoch) / 86400000;
}

function safeFormat(z: string, v: number): string | null {
  try {
    return sheetjs().SSF.format(z, v);
  } catch (_e) {
    return null;
  }
}

function generalNumber(v: number): string {
  const s = safeFormat("General", v);
  return s === null ? String(v) : s;
}

interface CellOut {
  value: CellValue;
  text: string;
  format: string;
  formula: string | null;
}

/** How the workbook was read, for the cells whose `w` SheetJS did not fill in. */
export interface CellContext {
  /** The workbook counts dates from 1904 (WBProps.date1904): SheetJS formats date serials accordingly. */
  date1904?: boolean;
}

/**
 * One SheetJS cell → value, displayed text, format and formula. `null` for a cell that holds nothing.
 *
 * A number's text is made here from its format as Excel shows it (numberFormat.ts: Excel's rounding, then SheetJS's
 * formatting), whether or not SheetJS filled in `w` (with `cellText: false`, as the CLI reads .xlsx, it does not).
 * Other cells keep SheetJS's `w` when present, else the string itself for text in General or "@".
 */
export function convertCell(cell: CellObject | undefined, context: CellContext = {}): CellOut | null {
  if (!cell) return null;
  const format = typeof cell.z === "string" ? cell.z : typeof cell.z === "number" ? String(cell.z) : "General";
  const formula = cell.f ? "=" + cell.f : null;
  const hasValue = cell.v !== undefined && cell.v !== null && cell.t !== "z";
  if (!hasValue) {
    // A formula whose result was never cached (files written by scripts): no value, the engine says so.
    if (formula) return { value: null, text: "", format: format, formula: formula };
    return null;
  }
  switch (cell.t) {
    case "e": {
      const t = typeof cell.w === "string" && cell.w ? cell.w : ERROR_TEXT[cell.v as number] || "#VALUE!";
      return { value: t, text: t, format: format, formula: formula };
    }
    case "b": {
      const b = !!cell.v;
      return { value: b, text: b ? "TRUE" : "FALSE", format: format, formula: formula };
    }
    case "n": {
      const v = cell.v as number;
      return { value: v, text: numberText(cell, v, format, context), format: format, formula: formula };
    }
    case "d": {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      const serial = dateToSerial(d);
      const text = typeof cell.w === "string" ? cell.w : safeFormat(format, serial) || generalNumber(serial);
      return { value: serial, text: text, format: format, formula: formula };
    }
    default: {
      const s = String(cell.v);
      // A text cell shows its text in General or "@"; a format with a text section (…;…;…;"x"@) can add to it.
      const text = typeof cell.w === "string" ? cell.w : format === "General" || format === "@" ? s : stringText(format, s);
      return { value: s, text: text, format: format, formula: formula };
    }
  }
}

function stringText(format: string, s: string): string {
  try {
    return sheetjs().SSF.format(format, s);
  } catch (_e) {
    return s;
  }
}

/**
 * The text Excel shows, made here for every number even when SheetJS filled in `w` (it does for .xls and with
 * cellText: true): SheetJS rounds the binary value and shows 1.00 for 1.005, Excel shows 1.01 (numberFormat.ts).
 * Making it in one place also keeps the fast reader, the SheetJS path and the preview identical.
 * SheetJS's `w`, else General, only where the format cannot be applied.
 */
function numberText(cell: CellObject, v: number, format: string, context: CellContext): string {
  const s = formatNumber(format, v, context.date1904);
  if (s !== null) return s;
  return typeof cell.w === "string" ? cell.w : generalNumber(v);
}

function visibilityOf(wb: WorkBook, index: number, name: string): SheetSnapshot["visibility"] {
  const meta = wb.Workbook && wb.Workbook.Sheets;
  if (!meta) return "visible";
  let entry = meta[index];
  if (!entry || (entry.name !== undefined && entry.name !== name)) {
    entry = meta.filter((s) => s.name === name)[0] || entry;
  }
  const h = entry ? entry.Hidden : 0;
  return h === 2 ? "veryHidden" : h === 1 ? "hidden" : "visible";
}

/** Converts one sheet; `budget` is what is left of maxCells before this sheet. Returns the sheet and cells used. */
function convertSheet(
  wb: WorkBook,
  index: number,
  name: string,
  budget: number,
  limit: number,
  protectedXlsx: { [name: string]: true },
  context: CellContext,
): { sheet: SheetSnapshot; cells: number } {
  const ws = wb.Sheets[name] as WorkSheet;
  const visibility = visibilityOf(wb, index, name);
  const isProtected = !!(ws && (ws as { "!protect"?: unknown })["!protect"]) || protectedXlsx[name] === true;
  const stated: MergeRange[] = (ws && (ws["!merges"] as MergeRange[] | undefined)) || [];
  if (stated.length > MAX_MERGES_PER_SHEET) throw new SnapshotRefusedError("工作表“" + name + "”有 " + stated.length + " 处合并单元格（上限 " + MAX_MERGES_PER_SHEET + " 处），不像正常的决算表，已拒绝读取。");
  // Overlapping merges (Excel never writes them) are dropped: the loop below then touches each cell at most once.
  const keep = keptMerges(stated);
  const mergeList = stated.filter((_m, i) => keep[i]);
  const merges = mergeList.map((m) => rangeA1(m.s.r, m.s.c, m.e.r, m.e.c));
  const base: SheetSnapshot = { name: name, visibility: visibility, top: 0, left: 0, values: [], text: [], formats: [], merges: merges };
  if (isProtected) base.protected = true;
  if (!ws) return { sheet: base, cells: 0 };

  const dense = (ws as { "!data"?: Dense })["!data"] || null;
  let get: CellGetter | null = null;
  let b: Bounds | null;
  if (dense) b = denseBounds(dense);
  else {
    const found = sparseBounds(ws);
    b = found.bounds;
    get = found.get;
  }
  if (!b) return { sheet: base, cells: 0 };
  const area = (b.bottom - b.top + 1) * (b.right - b.left + 1);
  if (area > budget) throw new SnapshotTooLargeError(limit - budget + area, limit);

  const grid = convertRows(dense, get, b, coveredCells(mergeList, b, area), context);
  const sheet: SheetSnapshot = { name: name, visibility: visibility, top: b.top, left: b.left, values: grid.values, text: grid.text, formats: grid.formats, merges: merges };
  if (isProtected) sheet.protected = true;
  if (grid.formulas) sheet.formulas = grid.formulas;
  return { sheet: sheet, cells: area };
}

interface Grid {
  values: CellValue[][];
  text: string[][];
  formats: string[][];
  formulas: (string | null)[][] | null;
}

/** The box's cells converted, row by row: the hot loop of the conversion, kept apart from the sheet's set-up. */
function convertRows(dense: Dense | null, get: CellGetter | null, b: Bounds, covered: Uint8Array | null, context: CellContext): Grid {
  const rows = b.bottom - b.top + 1;
  const cols = b.right - b.left + 1;
  const values: CellValue[][] = [];
  const text: string[][] = [];
  const formats: string[][] = [];
  let formulas: (string | null)[][] | null = null;
  for (let r = b.top; r <= b.bottom; r++) {
    const vRow: CellValue[] = new Array(cols);
    const tRow: string[] = new Array(cols);
    const fRow: string[] = new Array(cols);
    const cells = dense ? dense[r] : undefined;
    for (let c = b.left; c <= b.right; c++) {
      const j = c - b.left;
      const cell = dense ? (cells ? cells[c] : undefined) : get!(r, c);
      const out = cell && !(covered && covered[(r - b.top) * cols + j]) ? convertCell(cell, context) : null;
      if (out) {
        vRow[j] = out.value;
        tRow[j] = out.text;
        fRow[j] = out.format;
        if (out.formula) {
          if (!formulas) {
            formulas = [];
            for (let k = 0; k < rows; k++) formulas.push(nullRow(cols));
          }
          formulas[r - b.top][j] = out.formula;
        }
      } else {
        vRow[j] = null;
        tRow[j] = "";
        fRow[j] = cell && typeof cell.z === "string" ? cell.z : "General";
      }
    }
    values.push(vRow);
    text.push(tRow);
    formats.push(fRow);
  }
  return { values: values, text: text, formats: formats, formulas: formulas };
}

function nullRow(n: number): null[] {
  const row: null[] = new Array(n);
  for (let i = 0; i < n; i++) row[i] = null;
  return row;
}

/**
 * The whole workbook, sheets in tab order. Throws SnapshotTooLargeError past `maxCells`, SnapshotRefusedError past
 * MAX_MERGES_PER_SHEET, nothing else.
 */
export function snapshotFromSheetJS(wb: WorkBook, source?: string, options: SnapshotOptions = {}): WorkbookSnapshot {
  const limit = options.maxCells === undefined ? DEFAULT_MAX_CELLS : options.maxCells;
  let used = 0;
  const protectedXlsx = options.protectedSheets || xlsxProtectedSheets(wb);
  const props = wb.Workbook && (wb.Workbook.WBProps as { date1904?: unknown } | undefined);
  const d1904 = props ? props.date1904 : undefined;
  const context: CellContext = { date1904: d1904 === true || d1904 === 1 || d1904 === "1" || d1904 === "true" };
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < wb.SheetNames.length; i++) {
    const out = convertSheet(wb, i, wb.SheetNames[i], limit - used, limit, protectedXlsx, context);
    used += out.cells;
    sheets.push(out.sheet);
  }
  const snap: WorkbookSnapshot = { sheets: sheets };
  if (source !== undefined) snap.source = source;
  return snap;
}
