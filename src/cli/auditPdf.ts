/**
 * One PDF → one FileReport (issue 11): read with the PDF reader (src/io/readPdfFile.ts), audited by the same engine
 * as a workbook, findings located by page. Never throws.
 */
import * as fs from "fs";
import { locateFindings, textlessPages } from "../io/pdfLocate";
import { readPdfBuffer } from "../io/readPdfFile";
import { looksLikePdf } from "../io/pdfText";
import { DEFAULT_MAX_FILE_BYTES } from "../io/readWorkbookFile";
import { auditSnapshot, PreviousDoc } from "./audit";
import type { WorkbookSnapshot } from "../engine";
import { FileReport, failedReport } from "./report";

/** True when the file starts like a PDF (%PDF- in its first KB), whatever its name. */
export function isPdfFile(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, "r");
    const head = Buffer.alloc(1024);
    const n = fs.readSync(fd, head, 0, 1024, 0);
    return looksLikePdf(head.subarray(0, n));
  } catch (_e) {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** A PDF read to a snapshot only (last year's document, issue 12): the same size limit and reader as auditPdfFile. */
export async function readPdfSnapshot(file: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<{ ok: true; snapshot: WorkbookSnapshot } | { ok: false; error: string }> {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileBytes) return { ok: false, error: "文件过大（约 " + Math.round(size / 1048576) + " MB，上限 " + Math.round(maxFileBytes / 1048576) + " MB）" };
    buf = fs.readFileSync(file);
  } catch (_e) {
    return { ok: false, error: "读取文件时出错" };
  }
  const read = await readPdfBuffer(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), file);
  return read.ok ? { ok: true, snapshot: read.snapshot } : { ok: false, error: read.error };
}

export async function auditPdfFile(file: string, narrative: string | undefined, strict = true, maxCells?: number, previous?: PreviousDoc, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileReport> {
  let buf: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileBytes) return failedReport(file, "文件过大（约 " + Math.round(size / 1048576) + " MB，上限 " + Math.round(maxFileBytes / 1048576) + " MB），无法审核。");
    buf = fs.readFileSync(file);
  } catch (_e) {
    return failedReport(file, "读取文件时出错，无法审核。");
  }
  const read = await readPdfBuffer(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), file);
  if (!read.ok) return failedReport(file, read.error);
  return auditSnapshot(file, read.snapshot, narrative, strict, maxCells, previous, (result) => {
    locateFindings(read, result);
    textlessPages(read, result);
  });
}
