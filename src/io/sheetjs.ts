/**
 * SheetJS, loaded on its first use (issue 9, speed). Loading @e965/xlsx in Node also loads its code-page tables
 * (dist/cpexcel.js): about 150 ms of CPU per thread, paid by every worker of the audit command although the fast
 * reader (fastXlsx.ts) reads an ordinary .xlsx without SheetJS. Now a thread loads it only when a file needs it
 * (.xls, strict OOXML, anything the fast reader leaves to SheetJS) or a number format the fast formatter does not
 * cover (numberFormat.ts).
 *
 * The browser bundle takes sheetjsBrowser.ts instead (webpack.config.js), a plain import webpack can tree-shake.
 */
import type * as SheetJS from "@e965/xlsx";

/** The parts of SheetJS that src/io uses. */
export type SheetJSUse = Pick<typeof SheetJS, "CFB" | "SSF" | "read">;

let lib: SheetJSUse | undefined;

export function sheetjs(): SheetJSUse {
  if (lib === undefined) lib = require("@e965/xlsx") as SheetJSUse;
  return lib;
}
