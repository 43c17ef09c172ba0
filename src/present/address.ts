/**
 * A1 addresses as Excel hands them to the adapter: the engine's helpers (src/engine/address.ts) plus splitting of
 * sheet-qualified references and RangeAreas address lists. Free of Office types so the preview and the tests use
 * the same parsing as the Excel adapter. No regex named groups or `u` flag: IE11.
 */

import { a1, colName, parseA1, parseRange as parseArea, qualified } from "../engine";

/** The engine's A1 helpers under the names the adapter and the preview use. */
export { colName as columnName, a1 as toA1, parseA1 as parseCell, qualified as qualify };

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:F1" or "C10" → inclusive 0-based box; null when unparseable. */
export function parseRange(address: string): RangeRef | null {
  const a = parseArea(address);
  return a ? { top: a.r1, left: a.c1, bottom: a.r2, right: a.c2 } : null;
}

/**
 * "'公开03表'!D7" / "公开03表!D7" / "Sheet1!A1:B2" → {sheet, address}. The sheet part is everything before the last
 * "!" (a quoted name may itself contain "!"). Without "!", sheet is null.
 */
export function splitQualified(ref: string): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: ref.trim() };
  let sheet = ref.slice(0, bang).trim();
  if (sheet.length >= 2 && sheet.charAt(0) === "'" && sheet.charAt(sheet.length - 1) === "'") {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet: sheet, address: ref.slice(bang + 1).trim() };
}

/**
 * Splits the address list Excel returns for RangeAreas ("'表'!A1:F1, '表'!A2:B3" or "表!A1:F1,表!A2") into plain
 * A1 ranges without the sheet part. Commas inside a quoted sheet name are kept together.
 */
export function splitAreaList(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list.charAt(i);
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      push(cur);
      cur = "";
    } else cur += ch;
  }
  push(cur);
  return out;

  function push(part: string): void {
    const p = part.trim();
    if (p) out.push(splitQualified(p).address.replace(/\$/g, ""));
  }
}
