/**
 * sheetjs.ts for the WPS add-in's bundles (webpack.wps.config.js replaces one by the other): the pages there only
 * format numbers (numberFormat.ts, through SSF); they never read a file, so CFB and read are left out.
 */
import { SSF } from "@e965/xlsx";
import type { SheetJSUse } from "./sheetjs";

const lib = { SSF: SSF } as SheetJSUse;

export function sheetjs(): SheetJSUse {
  return lib;
}
