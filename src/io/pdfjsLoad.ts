/**
 * Loads PDF.js (pdfjs-dist, legacy build) in Node. Kept apart so that nothing else needs to know how.
 *
 * pdfjs-dist ships ES modules only (.mjs) and this project compiles to CommonJS. TypeScript would turn an `import()`
 * into `require()`, and Jest's own `require` refuses ES modules; so the module is loaded by Node's own loader
 * (`Module._load`), which since Node 20.19 loads an ES module without top-level await synchronously (require(esm)).
 * That works alike in `lib/` (scripts/cli.js) and under Jest (ts-jest, CommonJS), without --experimental-vm-modules.
 * Should that ever fail, a real dynamic import made outside TypeScript's reach is the fallback (works in plain Node).
 *
 * The worker module is loaded too and set as `globalThis.pdfjsWorker`, so PDF.js runs its parser in this thread
 * ("fake worker") instead of importing the worker file itself, which Jest could not do either. The CLI already runs
 * each file on a worker thread under its budgets (src/cli/pool.ts).
 */
import * as path from "path";

/** The part of the PDF.js API the reader uses (typed here so that no .d.mts has to resolve under CommonJS). */
export interface PdfJs {
  getDocument(params: { [k: string]: unknown }): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  OPS: { [name: string]: number };
}

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface PdfPage {
  view: number[];
  getTextContent(params?: { [k: string]: unknown }): Promise<{ items: (PdfTextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}

let loaded: Promise<PdfJs> | null = null;

function nodeLoad(request: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require("module") as { _load(request: string, parent: unknown, isMain: boolean): unknown; _nodeModulePaths(dir: string): string[] };
  const parent = { id: __filename, filename: __filename, paths: Module._nodeModulePaths(__dirname) };
  return Module._load(request, parent, false);
}

function nativeImport(request: string): Promise<unknown> {
  // Built at run time so that TypeScript leaves it an ES import (it would compile `import()` to `require()`).
  return (new Function("s", "return import(s)") as (s: string) => Promise<unknown>)(request);
}

async function load(): Promise<PdfJs> {
  let lib: PdfJs;
  let worker: unknown;
  try {
    lib = nodeLoad("pdfjs-dist/legacy/build/pdf.mjs") as PdfJs;
    worker = nodeLoad("pdfjs-dist/legacy/build/pdf.worker.mjs");
  } catch (_e) {
    lib = (await nativeImport("pdfjs-dist/legacy/build/pdf.mjs")) as PdfJs;
    worker = await nativeImport("pdfjs-dist/legacy/build/pdf.worker.mjs");
  }
  (globalThis as unknown as { pdfjsWorker: unknown }).pdfjsWorker = worker;
  return lib;
}

/** PDF.js, loaded once per thread. */
export function loadPdfJs(): Promise<PdfJs> {
  if (!loaded) {
    loaded = load();
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}

/** Where the packed CMaps and standard fonts are (Chinese PDFs without embedded fonts need the CMaps). */
export function pdfjsDataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
  return { cMapUrl: path.join(root, "cmaps") + path.sep, standardFontDataUrl: path.join(root, "standard_fonts") + path.sep };
}
