/**
 * One PDF → one FileReport (issue 11): read with the PDF reader (src/io/readPdfFile.ts), audited by the same engine
 * as a workbook, findings located by page. Never throws.
 */
import * as fs from "fs";
import { locateFindings, textlessPages } from "../io/pdfLocate";
import { readPdfBuffer } from "../io/readPdfFile";
import { looksLikePdf } from "../io/pdfText";
import { DEFAULT_MAX_FILE_BYTES } from "../io/readWorkbookFile";
import { auditSnapshot } from "./audit";
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

export async function auditPdfFile(file: string, narrative: string | undefined, strict = true, maxCells?: number, previous?: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): Promise<FileReport> {
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
