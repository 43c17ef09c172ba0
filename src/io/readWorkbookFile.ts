/**
 * File on disk → WorkbookSnapshot, for the command line. Never throws: every failure becomes one Chinese sentence
 * that tells an accountant what is wrong with the file and, where possible, what to do.
 *
 * The format is decided by content, not by extension: 决算软件 exports .xls, and people rename files freely.
 *   PK..           → ZIP: .xlsx/.xlsm (also .xlsb/.ods, which SheetJS reads); checked for zip bombs first
 *   D0 CF 11 E0 .. → OLE compound file: legacy .xls, or an .xlsx encrypted with an open password
 *   <?xml … urn:schemas-microsoft-com:office:spreadsheet → Excel 2003 XML Spreadsheet
 */
import * as fs from "fs";
import type * as XLSX from "@e965/xlsx";
import { sheetjs } from "./sheetjs";
import type { WorkbookSnapshot } from "../engine";
import { DEFAULT_MAX_CELLS, SHEETJS_READ_OPTIONS, SnapshotRefusedError, SnapshotTooLargeError, snapshotFromSheetJS } from "./sheetjsSnapshot";
import { Parts, readXlsxFast } from "./fastXlsx";
import { DEFAULT_ZIP_LIMITS, ZipEntry, ZipLimits, looksLikeZip } from "./zipGuard";
import { inflateGuarded, storedCopy } from "./zipCopy";
import { MESSAGES, mb, zipProblemMessage } from "./readMessages";

/** The messages live in readMessages.ts (pure, shared with the browser preview); re-exported for existing importers. */
export { MESSAGES, zipProblemMessage };

export type ReadResult = { ok: true; snapshot: WorkbookSnapshot } | { ok: false; error: string };

export interface ReadLimits extends Partial<ZipLimits> {
  /** Largest file read from disk at all (an .xls is not compressed, so this bounds it too). */
  maxFileBytes?: number;
  /**
   * Cells over all sheets: checked on the <c> elements of the sheet XML before parsing (.xlsx), then on the
   * bounding boxes the snapshot would allocate (every format), see snapshotFromSheetJS.
   */
  maxCells?: number;
  /**
   * false: SheetJS reads the original bytes instead of the guard's stored copy, but only when every entry reads the
   * same either way (ZipEntry.plain); tests compare both.
   */
  storedCopy?: boolean;
  /** false: always read with SheetJS, never with the fast .xlsx reader (fastXlsx.ts; tests compare both). */
  fast?: boolean;
}

/** How many reads each path made (tests check which path ran). */
export const readPaths = { fast: 0, sheetjs: 0 };

export const DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024;

function fail(error: string): ReadResult {
  return { ok: false, error: error };
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/** HTML saved with an .xls name (some systems export that way); checked on the first bytes only. */
function looksLikeHtml(b: Uint8Array): boolean {
  let head = "";
  for (let i = 0; i < Math.min(b.length, 512); i++) head += String.fromCharCode(b[i]);
  return /^(\xef\xbb\xbf)?\s*<(!doctype\s+html|html|table|meta|head)\b/i.test(head);
}

function looksLikeXmlSpreadsheet(b: Uint8Array): boolean {
  let head = "";
  for (let i = 0; i < Math.min(b.length, 2048); i++) head += String.fromCharCode(b[i]);
  return /^(\xef\xbb\xbf)?\s*<\?xml[^>]*>/.test(head) && head.indexOf("urn:schemas-microsoft-com:office:spreadsheet") >= 0;
}

function cellsMessage(cells: number, limit: number): string {
  return "工作簿单元格过多（至少 " + cells + " 个，上限 " + limit + " 个），无法审核。";
}

function hasEntry(entries: ZipEntry[], test: (name: string) => boolean): boolean {
  for (let i = 0; i < entries.length; i++) if (test(entries[i].name)) return true;
  return false;
}

/** Bytes already in memory → snapshot. `source` names the file in the snapshot. Never throws. */
export function readWorkbookBuffer(buf: Buffer, source?: string, limits: ReadLimits = {}): ReadResult {
  try {
    return readBuffer(buf, source, limits);
  } catch (_e) {
    return fail(MESSAGES.corrupt);
  }
}

function readBuffer(buf: Buffer, source: string | undefined, limits: ReadLimits): ReadResult {
  if (buf.length === 0) return fail(MESSAGES.empty);
  if (looksLikeZip(buf)) {
    const zipLimits: ZipLimits = {
      maxTotalUncompressed: limits.maxTotalUncompressed !== undefined ? limits.maxTotalUncompressed : DEFAULT_ZIP_LIMITS.maxTotalUncompressed,
      maxRatio: limits.maxRatio !== undefined ? limits.maxRatio : DEFAULT_ZIP_LIMITS.maxRatio,
      ratioFloor: limits.ratioFloor !== undefined ? limits.ratioFloor : DEFAULT_ZIP_LIMITS.ratioFloor,
      maxEntries: limits.maxEntries !== undefined ? limits.maxEntries : DEFAULT_ZIP_LIMITS.maxEntries,
    };
    // The fast reader needs the inflated parts; entries whose names differ only in case are SheetJS's to resolve.
    let parts: Parts | null = limits.fast === false ? null : new Map();
    const maxCells = limits.maxCells !== undefined ? limits.maxCells : DEFAULT_MAX_CELLS;
    const g = inflateGuarded(buf, zipLimits, parts, maxCells);
    if (!g.ok) {
      const p = g.problem;
      return fail(p.kind === "size-mismatch" ? MESSAGES.sizeMismatch : p.kind === "cells" ? cellsMessage(p.cells, p.limit) : zipProblemMessage(p));
    }
    const entries = g.entries;
    const isExcel =
      (hasEntry(entries, (n) => n === "[Content_Types].xml") && hasEntry(entries, (n) => /^xl\/.*workbook[^/]*\.(xml|bin)$/i.test(n))) ||
      (hasEntry(entries, (n) => n === "mimetype") && hasEntry(entries, (n) => n === "content.xml"));
    if (!isExcel) return fail(MESSAGES.zipNotExcel);
    if (parts) {
      const seen = new Set<string>();
      for (let i = 0; i < entries.length && parts; i++) {
        const lower = entries[i].name.toLowerCase();
        if (seen.has(lower)) parts = null;
        else seen.add(lower);
      }
    }
    // .xlsx/.xlsm (sheet XML): SheetJS need not format each cell's text, the snapshot does it faster and the same.
    const xml = hasEntry(entries, (n) => /^xl\/.*workbook[^/]*\.xml$/i.test(n));
    if (xml && parts) {
      const fast = readXlsxFast(parts);
      if (fast) {
        readPaths.fast++;
        return finish(fast.wb, source, limits, fast.protectedSheets);
      }
    }
    // SheetJS reads the copy the guard wrote, never the original (zipCopy.ts); the original only when a test asks for
    // it and every entry reads alike either way.
    const original = limits.storedCopy === false && g.plain;
    return parse(original ? buf : storedCopy(buf, entries, g.data), source, limits, xml ? XLSX_TEXT_OPTIONS : {});
  }
  if (startsWith(buf, CFB_MAGIC)) {
    let names: string[];
    try {
      const cfb = sheetjs().CFB.read(buf, { type: "buffer" });
      names = (cfb.FullPaths as string[]).map((p: string) => p.replace(/\/$/, "").split("/").pop() || "");
    } catch (_e) {
      return fail(MESSAGES.corrupt);
    }
    // An .xlsx with an open password is an OLE file holding EncryptionInfo + EncryptedPackage (MS-OFFCRYPTO).
    if (names.indexOf("EncryptionInfo") >= 0 || names.indexOf("EncryptedPackage") >= 0) return fail(MESSAGES.encrypted);
    if (names.indexOf("Workbook") < 0 && names.indexOf("Book") < 0 && names.indexOf("WORKBOOK") < 0 && names.indexOf("BOOK") < 0) {
      return fail(MESSAGES.cfbNotExcel);
    }
    return parse(buf, source, limits, {});
  }
  // Excel 2003 XML Spreadsheet (some systems export it as .xls): plain text, so the file-size limit bounds it.
  if (looksLikeXmlSpreadsheet(buf)) return parse(buf, source, limits, {});
  if (looksLikeHtml(buf)) return fail(MESSAGES.html);
  return fail(MESSAGES.notWorkbook);
}

/**
 * For sheet XML (.xlsx/.xlsm) only, where SheetJS's cell parser (parse_ws_xml_data/safe_format) is known to leave the
 * rest of the cell as it is: no `w` (convertCell makes the same text, see numberFormat.ts; SSF's interpreter was a
 * fifth of the read time on a 60k-row workbook) and no `h` (HTML of each string, never used). The other formats keep
 * SheetJS's text. test/io/sheetjsSnapshot.test.ts compares both reads of the same workbooks.
 */
export const XLSX_TEXT_OPTIONS: XLSX.ParsingOptions = { cellText: false, cellHTML: false };

function parse(buf: Buffer, source: string | undefined, limits: ReadLimits, extra: XLSX.ParsingOptions): ReadResult {
  let wb: XLSX.WorkBook;
  try {
    // dense: rows as arrays, faster and smaller than one object key per cell on big sheets.
    wb = sheetjs().read(buf, { ...SHEETJS_READ_OPTIONS, ...extra, type: "buffer", dense: true, WTF: false });
  } catch (e) {
    const msg = String((e && (e as Error).message) || e);
    // A legacy .xls with a password (FILEPASS record) is reported by SheetJS in English.
    if (/password|encrypt/i.test(msg)) return fail(MESSAGES.encrypted);
    return fail(MESSAGES.corrupt);
  }
  readPaths.sheetjs++;
  return finish(wb, source, limits, undefined);
}

function finish(wb: XLSX.WorkBook, source: string | undefined, limits: ReadLimits, protectedSheets: { [name: string]: true } | undefined): ReadResult {
  if (!wb || !wb.SheetNames || wb.SheetNames.length === 0) return fail(MESSAGES.noData);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = snapshotFromSheetJS(wb, source, {
      maxCells: limits.maxCells !== undefined ? limits.maxCells : DEFAULT_MAX_CELLS,
      protectedSheets: protectedSheets,
    });
  } catch (e) {
    if (e instanceof SnapshotTooLargeError) {
      return fail(cellsMessage(e.cells, e.limit));
    }
    if (e instanceof SnapshotRefusedError) return fail(e.message);
    return fail(MESSAGES.corrupt);
  }
  let anyData = false;
  for (let i = 0; i < snapshot.sheets.length && !anyData; i++) anyData = snapshot.sheets[i].values.length > 0;
  if (!anyData) return fail(MESSAGES.noData);
  return { ok: true, snapshot: snapshot };
}

/** Path → snapshot (source = the path as given). Never throws. */
export function readWorkbookFile(path: string, limits: ReadLimits = {}): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    return fail(ioMessage(e));
  }
  if (stat.isDirectory()) return fail(MESSAGES.directory);
  if (!stat.isFile()) return fail(MESSAGES.notWorkbook);
  if (stat.size === 0) return fail(MESSAGES.empty);
  const maxFile = limits.maxFileBytes !== undefined ? limits.maxFileBytes : DEFAULT_MAX_FILE_BYTES;
  if (stat.size > maxFile) return fail("文件过大（约 " + mb(stat.size) + " MB，上限 " + mb(maxFile) + " MB），无法审核。");
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path);
  } catch (e) {
    return fail(ioMessage(e));
  }
  return readWorkbookBuffer(buf, path, limits);
}

function ioMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT" || code === "ENOTDIR") return MESSAGES.missing;
  if (code === "EACCES" || code === "EPERM") return MESSAGES.noAccess;
  if (code === "EISDIR") return MESSAGES.directory;
  return "读取文件时出错（" + (code || "未知错误") + "）。";
}
