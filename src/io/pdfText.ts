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
  /**
   * Boxes drawn or clipped to on the page (cell borders, ruling lines as thin boxes, cell clip rectangles), in the same
   * coordinates as the items; the page-sized ones left out. Where a table has them they show its columns.
   */
  boxes: PdfBox[];
}

export interface PdfBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Boxes kept per page at most (a page of hatching must not cost unbounded memory). */
const MAX_BOXES = 20000;

type Matrix = number[];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * The bounding boxes of the paths of a page's operator list (PDF.js 5 gives each constructPath its min/max), through
 * the current transformation matrix, turned to top-left coordinates.
 */
export function pathBoxes(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: { [k: string]: number }, view: number[]): PdfBox[] {
  const out: PdfBox[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const width = view[2] - view[0];
  const height = view[3] - view[1];
  for (let i = 0; i < ops.fnArray.length && out.length < MAX_BOXES; i++) {
    const f = ops.fnArray[i];
    if (f === OPS.save) stack.push(ctm);
    else if (f === OPS.restore) ctm = stack.pop() || [1, 0, 0, 1, 0, 0];
    else if (f === OPS.transform) ctm = multiply(ctm, ops.argsArray[i] as number[]);
    else if (f === OPS.constructPath) {
      const args = ops.argsArray[i] as unknown[];
      const mm = args && (args[2] as ArrayLike<number> | null);
      if (!mm || mm.length < 4 || !isFinite(mm[0])) continue;
      const a = apply(ctm, mm[0], mm[1]);
      const b = apply(ctm, mm[2], mm[3]);
      const box = { x0: Math.min(a[0], b[0]) - view[0], x1: Math.max(a[0], b[0]) - view[0], y0: view[3] - Math.max(a[1], b[1]), y1: view[3] - Math.min(a[1], b[1]) };
      if (box.x1 - box.x0 > 0.95 * width && box.y1 - box.y0 > 0.95 * height) continue;
      out.push(box);
    }
  }
  return out;
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
      let boxes: PdfBox[] = [];
      const ops = await page.getOperatorList();
      if (items.length === 0) {
        // A page without text: is it a picture (a scan)?
        for (const f of ops.fnArray) if (imageOps.indexOf(f) >= 0) images++;
      } else boxes = pathBoxes(ops, pdfjs.OPS, view);
      pages.push({ page: n, width: width, height: height, items: items, images: images, boxes: boxes });
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
