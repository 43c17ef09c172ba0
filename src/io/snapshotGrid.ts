/**
 * The geometry of a SheetJS sheet for the snapshot (sheetjsSnapshot.ts): the box of cells that hold something, the
 * merges kept, the cells merges cover. Apart from the conversion so that each stays small (issue 9, speed: TurboFan
 * compiles the per-cell loops alone). Pure and browser-safe.
 */
import type { CellObject, WorkSheet } from "@e965/xlsx";
import { a1, disjointAreas } from "../engine";

/** Parses "C10" → {r: 9, c: 2}; the SheetJS keys of a sparse sheet. Returns null for "!ref" etc. */
function decodeAddress(key: string): { r: number; c: number } | null {
  let i = 0;
  let c = 0;
  while (i < key.length) {
    const ch = key.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else break;
    i++;
  }
  if (i === 0 || i === key.length) return null;
  const r = Number(key.slice(i));
  if (!(r >= 1) || Math.floor(r) !== r) return null;
  return { r: r - 1, c: c - 1 };
}

export type CellGetter = (r: number, c: number) => CellObject | undefined;

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Dense = (CellObject[] | undefined)[];

/** The cell holds something: a value or a formula. */
function filled(cell: CellObject | undefined): boolean {
  return !!cell && ((cell.v !== undefined && cell.v !== null && cell.t !== "z") || !!cell.f);
}

/**
 * The bounding box of cells that hold something (value or formula); the `!ref` dimension can be wrong or huge.
 * Dense sheets (both readers of the CLI) without closures: this and convertRows are the per-cell loops.
 */
export function denseBounds(dense: Dense): Bounds | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (!filled(row[c])) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  return bottom < 0 ? null : { top: top, left: left, bottom: bottom, right: right };
}

/** The same for a sparse sheet (one key per cell), with the way to get a cell. */
export function sparseBounds(ws: WorkSheet): { bounds: Bounds | null; get: CellGetter } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const keys = Object.keys(ws);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k.charCodeAt(0) === 33 /* ! */) continue;
    const p = decodeAddress(k);
    if (!p || !filled(ws[k] as CellObject)) continue;
    if (p.r < top) top = p.r;
    if (p.r > bottom) bottom = p.r;
    if (p.c < left) left = p.c;
    if (p.c > right) right = p.c;
  }
  const get: CellGetter = (r, c) => ws[a1(r, c)] as CellObject | undefined;
  return { bounds: bottom < 0 ? null : { top: top, left: left, bottom: bottom, right: right }, get: get };
}

export interface MergeRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/**
 * disjointAreas(merges) (which merges to keep), found without it when no two merges overlap, as in every file Excel
 * writes: then all are kept. A pairwise check of up to 128 well-formed merges (8,128 comparisons) is cheaper than the
 * sweep, whose sort and closures TurboFan compiled in every worker (about 40 ms each; issue 9, speed).
 * test/io/sheetjsSnapshot.test.ts compares both on random merges.
 */
export function keptMerges(merges: MergeRange[]): boolean[] {
  const n = merges.length;
  if (n <= 128 && wellFormedAndDisjoint(merges)) {
    const keep: boolean[] = new Array(n);
    for (let i = 0; i < n; i++) keep[i] = true;
    return keep;
  }
  return disjointAreas(merges.map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c })));
}

function wellFormedAndDisjoint(merges: MergeRange[]): boolean {
  for (let i = 0; i < merges.length; i++) {
    const a = merges[i];
    if (!(a.s.r <= a.e.r && a.s.c <= a.e.c)) return false;
    for (let j = 0; j < i; j++) {
      const b = merges[j];
      if (a.s.r <= b.e.r && b.s.r <= a.e.r && a.s.c <= b.e.c && b.s.c <= a.e.c) return false;
    }
  }
  return true;
}

/**
 * Cells covered by a merge but not its top-left: Excel shows nothing there, whatever the file stores. One byte per
 * cell of the box (area ≤ maxCells), only when the sheet has merges.
 */
export function coveredCells(mergeList: MergeRange[], b: Bounds, area: number): Uint8Array | null {
  const cols = b.right - b.left + 1;
  let covered: Uint8Array | null = null;
  for (let i = 0; i < mergeList.length; i++) {
    const m = mergeList[i];
    for (let r = Math.max(m.s.r, b.top); r <= Math.min(m.e.r, b.bottom); r++) {
      for (let c = Math.max(m.s.c, b.left); c <= Math.min(m.e.c, b.right); c++) {
        if (r === m.s.r && c === m.s.c) continue;
        if (!covered) covered = new Uint8Array(area);
        covered[(r - b.top) * cols + (c - b.left)] = 1;
      }
    }
  }
  return covered;
}
