/**
 * PDF bytes → the positioned text of each page (PDF.js), the only module that talks to PDF.js for reading.
 * Everything after this (lines, tables, the snapshot) is plain data in pdfLayout.ts / pdfGrid.ts / pdfSnapshot.ts.
 *
 * Coordinates are turned to the page's top-left origin, in points: x grows right, y grows down (y is the baseline).
 */
import { loadPdfJs, pdfjsDataDirs, PdfTextItem } from "./pdfjsLoad";

export interface PdfItem {
  str: string;
  /** Left and right edge, baseline (from the top of the page), font size; all in points. */
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The left / right edge is estimated (the item was cut out of a longer run of text, see splitRuns). */
  ex0?: boolean;
  ex1?: boolean;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** Images painted on the page (a scanned page has images and no text). */
  images: number;
}

export interface PdfLimits {
  /** Pages read at most; a longer PDF is refused (a 部门决算 has a few dozen). */
  maxPages: number;
  /** Text items over all pages. */
  maxItems: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 2000, maxItems: 2000000 };

export type PdfTextResult = { ok: true; pages: PdfPageText[] } | { ok: false; error: string };

export const PDF_MESSAGES = {
  encrypted: "PDF 文件已加密（设置了打开密码），无法读取；请去除密码后再审核。",
  corrupt: "PDF 文件已损坏或结构无法识别，无法读取，请重新导出 PDF 或使用原始的 Excel 文件审核。",
  tooManyPages: (n: number, limit: number) => "PDF 文件页数过多（" + n + " 页，上限 " + limit + " 页），不像部门决算，无法审核。",
  tooManyItems: (limit: number) => "PDF 文件中的文字对象过多（超过 " + limit + " 个），可能被恶意构造，已停止读取。",
  noText: "PDF 文件没有文字层（可能是扫描件），无法取数；需要先做文字识别（OCR）或提供原始的 Excel 文件。",
};

function isTextItem(x: PdfTextItem | { type: string }): x is PdfTextItem {
  return typeof (x as PdfTextItem).str === "string";
}

/** Reads every page's text; never throws. */
export async function readPdfText(data: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<PdfTextResult> {
  const lim: PdfLimits = { ...DEFAULT_PDF_LIMITS, ...limits };
  let pdfjs;
  try {
    pdfjs = await loadPdfJs();
  } catch (e) {
    return { ok: false, error: "无法加载 PDF 读取组件（pdfjs-dist）：" + String((e as Error).message || e) };
  }
  const dirs = pdfjsDataDirs();
  // PDF.js takes ownership of the array it is given (transfers it): give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: dirs.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: dirs.standardFontDataUrl,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > lim.maxPages) return { ok: false, error: PDF_MESSAGES.tooManyPages(doc.numPages, lim.maxPages) };
    const imageOps = [pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject].filter((x) => typeof x === "number");
    const pages: PdfPageText[] = [];
    let total = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const width = view[2] - view[0];
      const height = view[3] - view[1];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        if (!isTextItem(raw)) continue;
        const t = raw.transform;
        // Horizontal text only (a rotated stamp or watermark is not table content).
        if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01 || t[0] <= 0) continue;
        const str = raw.str;
        if (!str || !/\S/.test(str)) continue;
        const size = Math.abs(t[3]) || Math.abs(t[0]);
        items.push({ str: str, x0: t[4] - view[0], x1: t[4] - view[0] + raw.width, y: view[3] - t[5], size: size });
      }
      total += items.length;
      if (total > lim.maxItems) return { ok: false, error: PDF_MESSAGES.tooManyItems(lim.maxItems) };
      let images = 0;
      if (items.length === 0) {
        // Only a page without text needs to know whether it is a picture (a scan).
        const ops = await page.getOperatorList();
        for (const f of ops.fnArray) if (imageOps.indexOf(f) >= 0) images++;
      }
      pages.push({ page: n, width: width, height: height, items: items, images: images });
      page.cleanup();
    }
    await doc.destroy();
    return { ok: true, pages: pages };
  } catch (e) {
    const name = e && (e as Error).name;
    if (process.env.PDF_DEBUG) console.error(e);
    if (name === "PasswordException") return { ok: false, error: PDF_MESSAGES.encrypted };
    return { ok: false, error: PDF_MESSAGES.corrupt };
  } finally {
    task.destroy().catch(() => undefined);
  }
}

/** %PDF- within the first 1024 bytes (the specification allows leading garbage there). */
export function looksLikePdf(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1024);
  for (let i = 0; i + 5 <= n; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
  }
  return false;
}
