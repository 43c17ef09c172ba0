/**
 * sheetjs.ts for the browser bundle (webpack.config.js replaces one by the other): a plain import, which webpack
 * tree-shakes together with the preview's own, where sheetjs.ts's lazy require() would keep all of SheetJS.
 */
import { CFB, SSF, read } from "@e965/xlsx";
import type { SheetJSUse } from "./sheetjs";

const lib: SheetJSUse = { CFB: CFB, SSF: SSF, read: read };

export function sheetjs(): SheetJSUse {
  return lib;
}
