/** A1 addresses ↔ 0-based row/column numbers. */

/** A … Z: the column of nearly every cell an audit names (a1 runs for every cell read). */
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

export function colName(c: number): string {
  if (c >= 0 && c < 26 && (c | 0) === c) return LETTERS[c];
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return colName(col) + (row + 1);
}

export function rangeA1(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? a1(r1, c1) : a1(r1, c1) + ":" + a1(r2, c2);
}

export interface CellPos {
  row: number;
  col: number;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const QUOTES = /'/g;

export function parseA1(addr: string): CellPos | null {
  const m = A1.exec(addr.trim());
  if (!m) return null;
  let col = 0;
  const letters = m[1].toUpperCase();
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return { row: parseInt(m[2], 10) - 1, col: col - 1 };
}

export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "A1:F1" or "A1" (a sheet prefix "'Sheet'!" is dropped). */
export function parseRange(ref: string): Area | null {
  const bare = ref.indexOf("!") >= 0 ? ref.slice(ref.lastIndexOf("!") + 1) : ref;
  const parts = bare.split(":");
  const p1 = parseA1(parts[0]);
  const p2 = parts.length > 1 ? parseA1(parts[1]) : p1;
  if (!p1 || !p2) return null;
  return { r1: Math.min(p1.row, p2.row), c1: Math.min(p1.col, p2.col), r2: Math.max(p1.row, p2.row), c2: Math.max(p1.col, p2.col) };
}

/** Sheet-qualified address as Excel writes it: '公开03表'!D7. */
export function qualified(sheet: string, addr: string): string {
  // most sheet names hold no quote: the replace (a new string) only when one does; asked for every finding's cells
  return "'" + (sheet.indexOf("'") < 0 ? sheet : sheet.replace(QUOTES, "''")) + "'!" + addr;
}
