/**
 * 相关单元格 as ranges (issue 10 item 7): "公开06表!C7:C18、F7:F33" instead of up to 50 quoted cells. Cells of one
 * sheet are joined into runs down a column, then runs with the same rows in adjacent columns into rectangles.
 * Anything that is not a single cell (a range already, junk) is kept as written. Pure; ES5-safe.
 */
import { parseCell, splitQualified, toA1 } from "../present/address";

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function boxesOf(cells: { row: number; col: number }[]): Box[] {
  const byCol: { [c: number]: number[] } = {};
  const cols: number[] = [];
  cells.forEach(function (c) {
    if (!byCol[c.col]) {
      byCol[c.col] = [];
      cols.push(c.col);
    }
    if (byCol[c.col].indexOf(c.row) < 0) byCol[c.col].push(c.row);
  });
  cols.sort(function (a, b) {
    return a - b;
  });
  const runs: Box[] = [];
  cols.forEach(function (col) {
    const rows = byCol[col].sort(function (a, b) {
      return a - b;
    });
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      runs.push({ top: start, bottom: rows[i - 1], left: col, right: col });
      start = rows[i];
    }
  });
  // Runs over the same rows in adjacent columns become one rectangle.
  const out: Box[] = [];
  runs.forEach(function (r) {
    const prev = out.filter(function (b) {
      return b.top === r.top && b.bottom === r.bottom && b.right === r.left - 1;
    })[0];
    if (prev) prev.right = r.right;
    else out.push(r);
  });
  return out;
}

function boxText(b: Box): string {
  const tl = toA1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : tl + ":" + toA1(b.bottom, b.right);
}

/** ["'公开06表'!C7", "'公开06表'!C8", …] → ["公开06表!C7:C8", …]; `fallbackSheet` for unqualified refs. */
export function compactRefs(refs: string[], fallbackSheet: string): string[] {
  const sheets: string[] = [];
  const cells: { [sheet: string]: { row: number; col: number }[] } = {};
  const other: string[] = [];
  refs.forEach(function (ref) {
    const q = splitQualified(ref);
    const sheet = q.sheet || fallbackSheet;
    const at = parseCell(q.address.replace(/\$/g, ""));
    if (!at) {
      other.push(ref);
      return;
    }
    if (!cells[sheet]) {
      cells[sheet] = [];
      sheets.push(sheet);
    }
    cells[sheet].push({ row: at.row, col: at.col });
  });
  const out: string[] = [];
  sheets.forEach(function (sheet) {
    boxesOf(cells[sheet]).forEach(function (b, i) {
      out.push((i === 0 ? sheet + "!" : "") + boxText(b));
    });
  });
  return out.concat(other);
}
