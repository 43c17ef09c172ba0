/**
 * A1 addresses, the common language of findings, Excel and the preview grid.
 *
 * Findings name cells as "C10" on a sheet, related operands as "'公开03表'!D7". Kept free of Office types so the
 * preview and the tests use the same parsing as the Excel adapter. No regex named groups or `u` flag: IE11.
 */

export interface CellRef {
  row: number; // 0-based
  col: number; // 0-based
}

export function columnName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number): string {
  return columnName(col) + (row + 1);
}

/** "C10" or "$C$10" → {row: 9, col: 2}; null when it is not a single-cell address. */
export function parseCell(address: string): CellRef | null {
  const s = address.replace(/\$/g, "").toUpperCase();
  let i = 0;
  let col = 0;
  while (i < s.length) {
    const ch = s.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    i++;
  }
  if (i === 0 || i === s.length || i > 3) return null;
  const digits = s.slice(i);
  if (!/^[0-9]+$/.test(digits)) return null;
  const row = parseInt(digits, 10);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:F1" or "C10" → inclusive 0-based box; null when unparseable. */
export function parseRange(address: string): RangeRef | null {
  const parts = address.split(":");
  const a = parseCell(parts[0]);
  const b = parts.length > 1 ? parseCell(parts[1]) : a;
  if (!a || !b || parts.length > 2) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : a + ":" + toA1(r.bottom, r.right);
}

/** Quotes a sheet name the way Excel does in formulas and addresses: '公开03表'!C10. */
export function quoteSheet(sheet: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'";
}

export function qualify(sheet: string, cell: string): string {
  return quoteSheet(sheet) + "!" + cell;
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
