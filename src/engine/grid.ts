/**
 * Read access to one sheet of the snapshot by absolute 0-based row/column, with merged areas honoured:
 * a cell covered by a merge reads as its area's top-left cell when asked through `shown`.
 */
import { Area, parseRange } from "./address";
import { CellValue, SheetSnapshot } from "./types";

/** Areas larger than this are looked up by scanning instead of being expanded into a map (bounded memory). */
const EXPAND_LIMIT = 4096;

export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number; // exclusive
  readonly right: number; // exclusive
  private readonly covered = new Map<number, Area>();
  private readonly bigAreas: Area[] = [];
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
    for (const ref of Array.isArray(sheet.merges) ? sheet.merges : []) {
      const a = typeof ref === "string" ? parseRange(ref) : null;
      if (!a) continue;
      this.areas.push(a);
      const r2 = Math.min(a.r2, this.bottom - 1);
      const c2 = Math.min(a.c2, this.right - 1);
      const cells = (r2 - a.r1 + 1) * (c2 - a.c1 + 1);
      if (cells > EXPAND_LIMIT) {
        this.bigAreas.push(a);
        continue;
      }
      for (let r = a.r1; r <= r2; r++) for (let c = a.c1; c <= c2; c++) if (r !== a.r1 || c !== a.c1) this.covered.set(this.key(r, c), a);
    }
  }

  private key(r: number, c: number): number {
    return r * 20000 + c;
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
    if (t !== undefined && t !== null) return String(t);
    const v = this.value(r, c);
    return v === null ? "" : String(v);
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
    const a = this.covered.get(this.key(r, c));
    if (a) return a;
    for (const b of this.bigAreas) if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2 && (r !== b.r1 || c !== b.c1)) return b;
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
