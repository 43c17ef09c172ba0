/**
 * A table region's lines → a grid of cells, each with its page and position.
 *
 * Columns come from alignment: in a printed table an amount column is right-aligned (its numbers share a right edge)
 * and a name or code column is left-aligned (its texts share a left edge). Every item votes for the edge it shares with
 * most others; each edge so chosen is a column. Header items then fall into the columns under them: one that spans
 * several columns is a merged header cell, one over no column (a column left empty in the body) makes a column of its
 * own. Rows come from baselines; a line without amounts set closer than a normal row below another is the wrapped
 * rest of its text (a long name, a two-line header) and joins the cell above.
 */
import type { Line } from "./pdfLayout";
import type { PdfBox, PdfItem } from "./pdfText";

export interface GridCell {
  text: string;
  page: number;
  /** Position on the page (points from the top-left): left, right, baseline. */
  x0: number;
  x1: number;
  y: number;
}

export interface PdfGrid {
  rows: (GridCell | null)[][];
  /** 0-based [row, firstColumn, lastColumn] of cells merged across columns. */
  merges: [number, number, number][];
  columns: number;
}

/** Points within which edges count as shared. */
const EDGE_TOL = 2.5;

const AMOUNT = /^[-−(（]?[\d,，]*\d(\.\d+)?[)）]?%?$/;

export function isNumberText(s: string): boolean {
  return AMOUNT.test(s.replace(/\s+/g, ""));
}

interface Edge {
  x: number;
  n: number;
  lo: number;
  hi: number;
}

function clusters(xs: number[]): Edge[] {
  const s = xs.slice().sort((a, b) => a - b);
  const out: Edge[] = [];
  let start = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i === s.length || s[i] - s[i - 1] > EDGE_TOL) {
      const part = s.slice(start, i);
      out.push({ x: part[Math.floor(part.length / 2)], n: part.length, lo: part[0], hi: part[part.length - 1] });
      start = i;
    }
  }
  return out;
}

function edgeOf(edges: Edge[], x: number): Edge | null {
  for (const e of edges) if (x >= e.lo && x <= e.hi) return e;
  return null;
}

interface Column {
  side: "L" | "R";
  edge: number;
  /** Extent of the items that belong to it (a long name overflowing into the next column does not count). */
  from: number;
  to: number;
  /** Right edge of its widest item. */
  max?: number;
  /** Bounded by ruling lines or cell boxes: [from, to] is the cell's extent. */
  ruled?: boolean;
}

/** The body: lines from the first one with an amount (or, without amounts, all but the first). */
function bodyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) for (const it of lines[i].items) if (isNumberText(it.str) && /[.,%]/.test(it.str)) return i;
  return Math.min(1, lines.length);
}

/** A row of a table: two or more pieces of text standing well apart. */
function tableRow(l: Line): boolean {
  for (let i = 1; i < l.items.length; i++) if (l.items[i].x0 - l.items[i - 1].x1 >= 1.5 * l.size) return true;
  return false;
}

function columnsOf(lines: Line[]): Column[] {
  let start = bodyStart(lines);
  let rows = 0;
  for (let i = start; i < lines.length; i++) if (tableRow(lines[i])) rows++;
  // A table with hardly any body (an empty 公开07, a blank template): its header rows show the columns.
  const few = rows < 3;
  if (few) start = 0;
  const body: PdfItem[] = [];
  for (let i = start; i < lines.length; i++) if (!few || tableRow(lines[i])) for (const it of lines[i].items) body.push(it);
  const lefts = clusters(body.filter((i) => !i.ex0).map((i) => i.x0));
  const rights = clusters(body.filter((i) => !i.ex1).map((i) => i.x1));
  const votes: { [key: string]: PdfItem[] } = {};
  for (const it of body) {
    const l = it.ex0 ? null : edgeOf(lefts, it.x0);
    const r = it.ex1 ? null : edgeOf(rights, it.x1);
    if (!l && !r) continue;
    const right = !l || (r !== null && (r.n > l.n || (r.n === l.n && isNumberText(it.str))));
    const key = right ? "R" + (r as Edge).x : "L" + (l as Edge).x;
    (votes[key] = votes[key] || []).push(it);
  }
  const cols: Column[] = [];
  const keys = Object.keys(votes);
  const lone = !few;
  for (const k of keys) {
    const its = votes[k];
    // An edge only one item has is a column only in a small table (one overflowing text must not make a column).
    if (lone && its.length < 2) continue;
    const side = k.charAt(0) as "L" | "R";
    const edge = Number(k.slice(1));
    const x0s = its.map((i) => i.x0).sort((a, b) => a - b);
    const x1s = its.map((i) => i.x1).sort((a, b) => a - b);
    // The typical extent, not the widest: overflow is the exception.
    cols.push(side === "L" ? { side, edge, from: edge, to: x1s[Math.floor(x1s.length / 2)], max: x1s[x1s.length - 1] } : { side, edge, from: x0s[Math.floor(x0s.length / 2)], to: edge });
  }
  cols.sort((a, b) => a.from + a.to - (b.from + b.to));
  // Two edges of one column (a few texts aligned left in an amount column): keep the one with the wider reach.
  const merged: Column[] = [];
  for (const c of cols) {
    const last = merged[merged.length - 1];
    if (last && c.from < last.to - EDGE_TOL && last.from < c.to - EDGE_TOL && overlap(last, c) > 0.6 * Math.min(last.to - last.from, c.to - c.from)) {
      last.from = Math.min(last.from, c.from);
      last.to = Math.max(last.to, c.to);
    } else merged.push({ ...c });
  }
  // Header items beyond the body's columns (a column left empty at either side of the table) make columns of their own.
  for (let i = start - 1; i >= 0 && merged.length > 0; i--) {
    for (const it of lines[i].items) {
      const first = merged[0];
      const last = merged[merged.length - 1];
      if (it.x1 < first.from - EDGE_TOL && first.side === "L") merged.unshift({ side: "L", edge: it.x0, from: it.x0, to: it.x1 });
      else if (it.x0 > last.to + EDGE_TOL && last.side === "R") merged.push({ side: "L", edge: it.x0, from: it.x0, to: it.x1 });
    }
  }
  return merged;
}

function overlap(a: { from: number; to: number }, b: { from: number; to: number }): number {
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}

/**
 * Column boundaries. A right-aligned column owns the blank space to its left, a left-aligned one the space to its
 * right (that is where their headers and short figures stand); between a left- and a right-aligned column the gap is
 * split in the middle.
 */
function bounds(cols: Column[]): number[] {
  const b: number[] = [];
  for (let i = 0; i + 1 < cols.length; i++) {
    const a = cols[i];
    const c = cols[i + 1];
    if (a.ruled && c.ruled) b.push((a.to + c.from) / 2);
    else if (a.side === "R" && c.side === "R") b.push(a.edge + EDGE_TOL);
    else if (a.side === "L" && c.side === "L") b.push(c.edge - EDGE_TOL);
    else if (a.side === "R") b.push((a.edge + c.edge) / 2);
    // Left then right: what starts beyond the widest text of the left column (a header over the amounts) is the right one's.
    else if (a.max !== undefined && a.max + EDGE_TOL < c.from) b.push(a.max + EDGE_TOL);
    else b.push(a.to <= c.from ? (a.to + c.from) / 2 : (a.edge + c.edge) / 2);
  }
  return b;
}

function columnAt(bs: number[], x: number): number {
  let i = 0;
  while (i < bs.length && x >= bs[i]) i++;
  return i;
}

/** Which columns an item covers: by its edges for an aligned item, by its extent for a header that spans columns. */
function placement(it: PdfItem, cols: Column[], bs: number[]): [number, number] {
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if ((c.side === "L" && !it.ex0 && Math.abs(it.x0 - c.edge) <= EDGE_TOL) || (c.side === "R" && !it.ex1 && Math.abs(it.x1 - c.edge) <= EDGE_TOL)) return [i, i];
  }
  const first = columnAt(bs, it.x0 + 0.5);
  const last = columnAt(bs, it.x1 - 0.5);
  if (first === last) return [first, first];
  // Spans columns: keep only those it covers for most of their extent (a centred header), else the one at its middle.
  const covered: number[] = [];
  for (let i = first; i <= last; i++) if (overlap({ from: it.x0, to: it.x1 }, cols[i]) >= 0.5 * Math.max(1, cols[i].to - cols[i].from)) covered.push(i);
  if (covered.length >= 2) return [covered[0], covered[covered.length - 1]];
  const mid = columnAt(bs, (it.x0 + it.x1) / 2);
  return [mid, mid];
}

function cellOf(it: PdfItem, page: number): GridCell {
  return { text: it.str, page: page, x0: it.x0, x1: it.x1, y: it.y };
}

/**
 * Columns from the boxes drawn on the page (cell borders, ruling lines, cell clip rectangles): their vertical edges
 * are the column boundaries, kept where no figure or code of the body crosses one (text may: merged cells). Null when
 * the table has no such boxes.
 */
function ruledColumns(lines: Line[], boxes: PdfBox[]): Column[] | null {
  if (!boxes || boxes.length === 0 || lines.length === 0) return null;
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  for (const l of lines) {
    top = Math.min(top, l.y - 1.5 * l.size);
    bottom = Math.max(bottom, l.y + l.size);
    for (const it of l.items) {
      left = Math.min(left, it.x0);
      right = Math.max(right, it.x1);
    }
  }
  const xs: number[] = [];
  for (const b of boxes) {
    if (b.y1 < top || b.y0 > bottom || b.x1 < left - 50 || b.x0 > right + 50) continue;
    xs.push(b.x0, b.x1);
  }
  if (xs.length < 4) return null;
  const start = bodyStart(lines);
  const body: PdfItem[] = [];
  // Text may span merged cells (a header, a note, the unit); a figure or a code never crosses a column boundary.
  for (let i = start; i < lines.length; i++) for (const it of lines[i].items) if (isNumberText(it.str)) body.push(it);
  const edges = clusters(xs)
    .map((e) => e.x)
    .filter((x) => !body.some((it) => x > it.x0 + 1 && x < it.x1 - 1));
  const cols: Column[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i];
    const b = edges[i + 1];
    if (b - a < 3) continue;
    let used = false;
    for (const l of lines) for (const it of l.items) if ((it.x0 + it.x1) / 2 > a && (it.x0 + it.x1) / 2 < b) used = true;
    if (used) cols.push({ side: "L", edge: a, from: a, to: b, ruled: true });
  }
  return cols.length >= 2 ? cols : null;
}

/** The smallest box holding a point: the cell an item stands in (a wrapped cell's lines share it). */
function boxAt(boxes: PdfBox[], x: number, y: number): PdfBox | null {
  let best: PdfBox | null = null;
  for (const b of boxes) {
    if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1 || b.x1 - b.x0 < 3 || b.y1 - b.y0 < 3) continue;
    if (!best || (b.x1 - b.x0) * (b.y1 - b.y0) < (best.x1 - best.x0) * (best.y1 - best.y0)) best = b;
  }
  return best;
}

function columnsFor(lines: Line[], boxes: PdfBox[]): Column[] {
  return ruledColumns(lines, boxes) || joinPairs(columnsOf(lines), lines);
}

/** Lines of a table region (title excluded) → grid; `boxes` are the boxes drawn on each page. */
export function buildGrid(lines: Line[], boxes: { [page: number]: PdfBox[] } = {}): PdfGrid {
  const firstPage = lines.length ? lines[0].page : 0;
  const cols = columnsFor(
    lines.filter((l) => l.page === firstPage),
    boxes[firstPage] || [],
  );
  const n = Math.max(1, cols.length);
  const bs = bounds(cols);
  // A table continued on another page may stand at other positions there: that page's own columns are used when
  // there are as many of them, else the first page's.
  const pageCols: { [page: number]: { cols: Column[]; bs: number[] } } = {};
  for (const l of lines) {
    if (pageCols[l.page]) continue;
    const own =
      l.page === firstPage
        ? cols
        : columnsFor(
            lines.filter((x) => x.page === l.page),
            boxes[l.page] || [],
          );
    pageCols[l.page] = own.length === cols.length ? { cols: own, bs: bounds(own) } : { cols: cols, bs: bs };
  }
  const rows: (GridCell | null)[][] = [];
  const merges: [number, number, number][] = [];
  const pitch = rowPitch(lines);
  let prev: { line: Line; row: number; amounts: boolean[] } | null = null;
  for (const line of lines) {
    const pc = pageCols[line.page];
    const placed = line.items.map((it) => ({ it: it, at: pc.cols.length ? placement(it, pc.cols, pc.bs) : ([0, 0] as [number, number]) }));
    const amounts: boolean[] = new Array(n).fill(false);
    for (const p of placed) if (isNumberText(p.it.str)) amounts[p.at[0]] = true;
    // A wrapped line: close below the previous one on the same page, no amount of its own, only where text already is.
    const gap = prev ? line.y - prev.line.y : Infinity;
    const pageBoxes = boxes[line.page] || [];
    // The same cell box as the text above it: one cell written on two lines.
    const sameBox =
      prev !== null &&
      pageBoxes.length > 0 &&
      placed.every((p) => {
        const above = rows[(prev as { row: number }).row][p.at[0]];
        if (!above || above.page !== line.page) return false;
        const b = boxAt(pageBoxes, (p.it.x0 + p.it.x1) / 2, p.it.y - p.it.size / 3);
        return b !== null && b === boxAt(pageBoxes, (above.x0 + above.x1) / 2, above.y - p.it.size / 3) && b.y1 - b.y0 > 1.6 * p.it.size;
      });
    if (prev && prev.line.page === line.page && (sameBox || (gap < 1.3 * Math.max(line.size, prev.line.size) && gap < 0.8 * pitch)) && amounts.every((a) => !a)) {
      const row = rows[prev.row];
      if (placed.every((p) => row[p.at[0]] !== null && !isNumberText((row[p.at[0]] as GridCell).text))) {
        for (const p of placed) {
          const c = row[p.at[0]] as GridCell;
          c.text = joinWrapped(c.text, p.it.str);
          c.x0 = Math.min(c.x0, p.it.x0);
          c.x1 = Math.max(c.x1, p.it.x1);
        }
        prev = { line: line, row: prev.row, amounts: prev.amounts };
        continue;
      }
    }
    const row: (GridCell | null)[] = new Array(n).fill(null);
    for (const p of placed) {
      const c = p.at[0];
      if (row[c]) {
        const was = row[c] as GridCell;
        was.text = was.text + (/[\u4e00-\u9fa5]$/.test(was.text) && /^[\u4e00-\u9fa5]/.test(p.it.str) ? "" : " ") + p.it.str;
        was.x1 = Math.max(was.x1, p.it.x1);
      } else row[c] = cellOf(p.it, line.page);
      if (p.at[1] > p.at[0]) merges.push([rows.length, p.at[0], p.at[1]]);
    }
    rows.push(row);
    prev = { line: line, row: rows.length - 1, amounts: amounts };
  }
  return { rows: rows, merges: merges, columns: n };
}

/**
 * A left-aligned column followed by a right-aligned one that no line uses both of is one column: its header and 栏次
 * written from the left of the cell, its amounts from the right (what LibreOffice prints for cells in General).
 */
function joinPairs(cols: Column[], lines: Line[]): Column[] {
  let bs = bounds(cols);
  for (let i = 0; i + 1 < cols.length; i++) {
    if (cols[i].side !== "L" || cols[i + 1].side !== "R") continue;
    let both = false;
    for (const l of lines) {
      let a = false;
      let b = false;
      for (const it of l.items) {
        const p = placement(it, cols, bs);
        if (p[0] <= i && i <= p[1]) a = true;
        if (p[0] <= i + 1 && i + 1 <= p[1]) b = true;
      }
      if (a && b) {
        both = true;
        break;
      }
    }
    if (both) continue;
    cols.splice(i, 2, { side: "R", edge: cols[i + 1].edge, from: cols[i].from, to: cols[i + 1].to });
    bs = bounds(cols);
  }
  return cols;
}

/** The usual distance between rows (the median of the distances between neighbouring lines on one page). */
function rowPitch(lines: Line[]): number {
  const d: number[] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i].page === lines[i - 1].page) d.push(lines[i].y - lines[i - 1].y);
  if (d.length === 0) return Infinity;
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)];
}

/** Chinese wraps without a space; Latin words and numbers keep one. */
export function joinWrapped(a: string, b: string): string {
  return /[\u4e00-\u9fa5（）()、，：]$/.test(a) || /^[\u4e00-\u9fa5（）()、，：]/.test(b) ? a + b : a + " " + b;
}
