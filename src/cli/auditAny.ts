/**
 * Any file the command takes → its report (what the workers and the serial path call: pool.ts, worker.ts). A module
 * of its own so that audit.ts and auditPdf.ts do not import each other (test/architecture: no import loop).
 */
import { auditFile, PreviousDoc } from "./audit";
import { FileReport } from "./report";

/**
 * Any file the command takes: a PDF (recognised by content) through the PDF reader, which is asynchronous, anything
 * else through auditFile. What the workers and the serial path call (pool.ts, worker.ts).
 */
export async function auditAnyFile(file: string, narrative: string | undefined, strict = true, maxCells?: number, previousFile?: string): Promise<FileReport> {
  // Loaded only for PDFs, so that reading workbooks never loads the PDF reader.
  const pdf = require("./auditPdf") as typeof import("./auditPdf");
  // last year's document may be a PDF too (issue 12): read first, with the same reader and limits
  const previous: PreviousDoc | undefined = previousFile !== undefined && pdf.isPdfFile(previousFile) ? { file: previousFile, read: await pdf.readPdfSnapshot(previousFile) } : previousFile;
  if (pdf.isPdfFile(file)) return pdf.auditPdfFile(file, narrative, strict, maxCells, previous);
  return auditFile(file, narrative, strict, maxCells, previous);
}

