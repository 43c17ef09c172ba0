/**
 * PDF bytes → WorkbookSnapshot (+ where each cell stands in the PDF). Never throws: a PDF that cannot be read becomes
 * one Chinese sentence, like an unreadable workbook (readWorkbookFile.ts).
 */
import { dropFurniture, Line, pageLines, regions } from "./pdfLayout";
import { PdfPlaces, snapshotOfRegions } from "./pdfSnapshot";
import { PDF_MESSAGES, PdfBox, PdfLimits, PdfPageText, readPdfText } from "./pdfText";
import type { WorkbookSnapshot } from "../engine";

export interface PdfRead {
  ok: true;
  snapshot: WorkbookSnapshot;
  places: PdfPlaces;
  sheetPages: { [sheet: string]: number[] };
  pages: number;
  /** Pages without a text layer (scanned): nothing on them could be read. */
  textless: number[];
}

export type PdfReadResult = PdfRead | { ok: false; error: string };

export async function readPdfBuffer(data: Uint8Array, source?: string, limits: Partial<PdfLimits> = {}): Promise<PdfReadResult> {
  try {
    const text = await readPdfText(data, limits);
    if (!text.ok) return text;
    const textless = text.pages.filter((p) => p.items.length === 0 && p.images > 0).map((p) => p.page);
    const withText = text.pages.filter((p) => p.items.length > 0);
    const lines: Line[][] = withText.map(pageLines);
    dropFurniture(
      lines,
      withText.map((p) => p.height),
    );
    const snap = snapshotOfRegions(
      regions(
        lines,
        withText.map((p) => p.page),
        withText.map((p) => p.boxes.length >= 10),
      ),
      source,
      boxesByPage(withText),
    );
    return { ok: true, snapshot: snap.snapshot, places: snap.places, sheetPages: snap.sheetPages, pages: text.pages.length, textless: textless };
  } catch (e) {
    if (process.env.PDF_DEBUG) console.error(e);
    return { ok: false, error: PDF_MESSAGES.corrupt };
  }
}

function boxesByPage(pages: PdfPageText[]): { [page: number]: PdfBox[] } {
  const out: { [page: number]: PdfBox[] } = {};
  for (const p of pages) out[p.page] = p.boxes;
  return out;
}

/** The sentence for pages without a text layer. */
export function textlessSentence(pages: number[]): string {
  return "第 " + pages.join("、") + " 页没有文字层（可能是扫描件），其上的表格和文字无法取数，相关检查未审核；需要先做文字识别（OCR）或提供原始的 Excel 文件。";
}
