/**
 * The preview's PDF reader, loaded on demand in its own chunk ("pdf") by preview.ts when a .pdf is opened: the CLI's
 * reader (src/io/readPdfFile.ts and the layout modules behind it) with PDF.js loaded by src/io/pdfjsLoadBrowser.ts,
 * itself a further chunk ("pdfjs"). Findings are located by page as in the CLI (pdfLocate.ts).
 */
export { readPdfBuffer } from "../io/readPdfFile";
export type { PdfRead } from "../io/readPdfFile";
export { locateFindings, textlessPages } from "../io/pdfLocate";
