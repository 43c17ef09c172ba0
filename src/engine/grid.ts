/**
 * Read access to one sheet of the snapshot by absolute 0-based row/column, with merged areas honoured:
 * a cell covered by a merge reads as its area's top-left cell when asked through `shown`.
 */
import { Area, parseRange } from "./address";
import { disjointAreas } from "./merges";
import { CellValue, SheetSnapshot } from "./types";

/**
 * Merged areas are indexed in one Int32Array over the sheet's box (area index + 1 per covered cell), so a lookup is
 * O(1) whatever the number of merges (issue 13 item 2: scanning a list of big areas on every lookup ran for
 * minutes). Overlapping areas are dropped first (merges.ts), so filling the index costs at most the box's size.
 * Areas reaching outside the box are also kept in `beyond` and scanned for lookups outside the box only.
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number; // exclusive
  readonly right: number; // exclusive
  private readonly index: Int32Array | null = null;
  private readonly beyond: Area[] = [];
  readonly areas: Area[] = [];

  constructor(readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.top = sheet.top || 0;
    this.left = sheet.left || 0;
    const rows = Array.isArray(sheet.values) ? sheet.values : [];
    let width = 0;
    for (const r of rows) if (Array.isArray(r) && r.length > width) width = r.length;
    this.bottom = this.top + rows.length;
    this.right = this.left + width;
    const stated: Area[] = [];
    for (const ref of Array.isArray(sheet.merges) ? sheet.merges : []) {
      const a = typeof ref === "string" ? parseRange(ref) : null;
      if (a) stated.push(a);
    }
    const keep = disjointAreas(stated);
    for (let i = 0; i < stated.length; i++) if (keep[i]) this.areas.push(stated[i]);
    if (this.areas.length === 0) return;
    if (width > 0 && rows.length > 0) this.index = new Int32Array(rows.length * width);
    for (let i = 0; i < this.areas.length; i++) {
      const a = this.areas[i];
      if (a.r1 < this.top || a.c1 < this.left || a.r2 >= this.bottom || a.c2 >= this.right) this.beyond.push(a);
      if (!this.index) continue;
      const r2 = Math.min(a.r2, this.bottom - 1);
      const c2 = Math.min(a.c2, this.right - 1);
      for (let r = Math.max(a.r1, this.top); r <= r2; r++) {
        const base = (r - this.top) * width - this.left;
        for (let c = Math.max(a.c1, this.left); c <= c2; c++) if (r !== a.r1 || c !== a.c1) this.index[base + c] = i + 1;
      }
    }
  }

  value(r: number, c: number): CellValue {
    const row = this.sheet.values[r - this.top];
    if (!row) return null;
    const v = row[c - this.left];
    return v === undefined ? null : v;
  }

  text(r: number, c: number): string {
    const row = this.sheet.text && this.sheet.text[r - this.top];
    const t = row ? row[c - this.left] : undefined;
    // typeof first: String(t) is a call even when t is a string already (it nearly always is); asked per cell, often
    if (t !== undefined && t !== null) return typeof t === "string" ? t : String(t);
    const v = this.value(r, c);
    return v === null ? "" : typeof v === "string" ? v : String(v);
  }

  format(r: number, c: number): string {
    const row = this.sheet.formats && this.sheet.formats[r - this.top];
    const f = row ? row[c - this.left] : undefined;
    return f ? String(f) : "General";
  }

  formula(r: number, c: number): string | null {
    const row = this.sheet.formulas && this.sheet.formulas[r - this.top];
    const f = row ? row[c - this.left] : null;
    return f ? String(f) : null;
  }

  /** The merged area covering (r, c) when (r, c) is not its top-left cell. */
  mergeOf(r: number, c: number): Area | null {
    if (r >= this.top && r < this.bottom && c >= this.left && c < this.right) {
      const i = this.index ? this.index[(r - this.top) * (this.right - this.left) + (c - this.left)] : 0;
      return i > 0 ? this.areas[i - 1] : null;
    }
    for (const b of this.beyond) if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2 && (r !== b.r1 || c !== b.c1)) return b;
    return null;
  }

  /** Text as the reader sees it: a covered cell shows its merged area's text. */
  shown(r: number, c: number): string {
    const a = this.mergeOf(r, c);
    return a ? this.text(a.r1, a.c1) : this.text(r, c);
  }

  isEmpty(r: number, c: number): boolean {
    const v = this.value(r, c);
    return (v === null || v === "") && this.text(r, c).trim() === "";
  }
}
