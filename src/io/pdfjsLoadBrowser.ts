/**
 * Loads PDF.js in the browser preview (`npm run demo`); webpack puts this module in place of pdfjsLoad.ts (Node) by
 * NormalModuleReplacementPlugin, as it does for SheetJS (webpack.config.js). The rest of the PDF reader
 * (pdfText → pdfLayout → pdfGrid → pdfSnapshot) is plain data and is shared with the CLI unchanged.
 *
 * Decisions (the issue is silent):
 *  - PDF.js and its worker module come in one chunk of their own ("pdfjs"), fetched only when a PDF is opened; the
 *    pane and the preview's first load never carry them.
 *  - Workerless: the worker module is set as `globalThis.pdfjsWorker`, so PDF.js parses in the page's thread (its
 *    "fake worker"), as the CLI does in Node. A preview reads one PDF of a few dozen pages at a time; a real worker
 *    would need a worker URL and a CSP `worker-src` for no gain a user would see.
 *  - The packed CMaps and standard fonts are copied to dist/pdfjs/ (webpack.config.js) and asked for only when a PDF
 *    needs them (Chinese text without embedded fonts).
 */
import type { PdfJs } from "./pdfjsLoad";

export type { PdfJs, PdfDocument, PdfPage, PdfTextItem } from "./pdfjsLoad";

let loaded: Promise<PdfJs> | null = null;

/** PDF.js, loaded once per page. */
export function loadPdfJs(): Promise<PdfJs> {
  if (!loaded) {
    loaded = Promise.all([
      // @ts-ignore — an ES module without types under this project's CommonJS resolution; typed by PdfJs.
      import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/build/pdf.mjs"),
      // @ts-ignore — likewise.
      import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/build/pdf.worker.mjs"),
    ]).then(function (mods: unknown[]) {
      (globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = mods[1];
      return mods[0] as PdfJs;
    });
    loaded.catch(function () {
      loaded = null;
    });
  }
  return loaded;
}

/** Relative to the page: dist/pdfjs/ (copied from pdfjs-dist by webpack.config.js). */
export function pdfjsDataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  return { cMapUrl: "pdfjs/cmaps/", standardFontDataUrl: "pdfjs/standard_fonts/" };
}
