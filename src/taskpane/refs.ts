/**
 * 相关单元格 as ranges (issue 10 item 7): "公开06表!C7:C18、F7:F33" instead of up to 50 quoted cells. The cells of
 * each sheet go through the same run-and-rectangle folding the flags use (present/flagPlan cellsToAreas); anything
 * that is not a single cell (a range already, junk) is kept as written. Pure; ES5-safe.
 */
import { parseCell, splitQualified } from "../present/address";
import { cellsToAreas } from "../present/flagPlan";

/** ["'公开06表'!C7", "'公开06表'!C8", …] → ["公开06表!C7:C8", …]; `fallbackSheet` for unqualified refs. */
export function compactRefs(refs: string[], fallbackSheet: string): string[] {
  const sheets: string[] = [];
  const cells: { [sheet: string]: string[] } = {};
  const other: string[] = [];
  refs.forEach(function (ref) {
    const q = splitQualified(ref);
    const sheet = q.sheet || fallbackSheet;
    const cell = q.address.replace(/\$/g, "");
    if (!parseCell(cell)) {
      other.push(ref);
      return;
    }
    if (!cells[sheet]) {
      cells[sheet] = [];
      sheets.push(sheet);
    }
    cells[sheet].push(cell);
  });
  const out: string[] = [];
  sheets.forEach(function (sheet) {
    cellsToAreas(cells[sheet]).forEach(function (a, i) {
      out.push((i === 0 ? sheet + "!" : "") + a);
    });
  });
  return out.concat(other);
}
