/**
 * Positioned text → lines → regions (tables, the narrative, the 目录, the 名词解释). Plain data, no PDF.js.
 *
 * A line is the items that share a baseline. Running heads, footers and page numbers are dropped: a line that repeats
 * (digits aside) at the same height on at least half the pages, and a lone page number ("- 3 -", "第 3 页", "3/41")
 * standing apart near the top or bottom edge. A table starts at its title line (larger type, or a short line ending in
 * 表) and continues on the next page when that page has no title of its own, repeats the title, or says 续表.
 */
import type { PdfItem, PdfPageText } from "./pdfText";

export interface Line {
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  /** Largest font size on the line. */
  size: number;
  /** Left to right; items closer than a fraction of a character are joined (split amounts and names). */
  items: PdfItem[];
  text: string;
}

export type RegionKind = "table" | "text" | "toc" | "glossary";

export interface Region {
  kind: RegionKind;
  /** The title line of a table (null for text, or a table whose title was not found). */
  title: Line | null;
  lines: Line[];
  /** Pages the region spans, in order. */
  pages: number[];
}

/** Two items on one line closer than this (in points, and in font sizes) are one piece of text. */
const JOIN_GAP_PT = 1;
const JOIN_GAP_EM = 0.1;

export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

/** Items of one page → lines, top to bottom. */
export function pageLines(p: PdfPageText): Line[] {
  const items = p.items.slice().sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const groups: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let y = -1e9;
  let size = 0;
  for (const it of items) {
    // Same baseline within a third of the font (a number set a little lower than its row's name stays on the row).
    if (cur.length > 0 && Math.abs(it.y - y) <= 0.35 * Math.min(size, it.size)) {
      cur.push(it);
      continue;
    }
    if (cur.length > 0) groups.push(cur);
    cur = [it];
    y = it.y;
    size = it.size;
  }
  if (cur.length > 0) groups.push(cur);
  return groups.map((g) => makeLine(p.page, g));
}

/** Advance of a character in ems, roughly: CJK and full-width forms 1, a space 0.3, the rest 0.55. */
function advance(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 0x2e80 || (c >= 0xff00 && c <= 0xffef)) return 1;
  return /\s/.test(ch) ? 0.3 : 0.55;
}

/**
 * One run of text may cross cells: some producers (LibreOffice among them) write a row's neighbouring cells as one
 * string, which PDF.js returns as "556.14 302". Cut it at its blanks; the outer edges stay exact, the inner ones are
 * estimated from character widths and marked so (an estimated edge never makes a column, see pdfGrid.ts).
 */
export function splitRuns(it: PdfItem): PdfItem[] {
  const s = it.str;
  if (!/\S[\s\u3000]+\S/.test(s)) return [it];
  const chars = s.split("");
  const total = chars.reduce((a, ch) => a + advance(ch), 0);
  const unit = total > 0 ? (it.x1 - it.x0) / total : 0;
  const out: PdfItem[] = [];
  let x = it.x0;
  let cur = "";
  let start = x;
  const flush = (end: number) => {
    if (cur) out.push({ str: cur, x0: start, x1: end, y: it.y, size: it.size, ex0: out.length > 0 || it.ex0, ex1: true });
    cur = "";
  };
  for (const ch of chars) {
    if (/[\s\u3000]/.test(ch)) flush(x);
    else {
      if (!cur) start = x;
      cur += ch;
    }
    x += advance(ch) * unit;
  }
  flush(it.x1);
  if (out.length > 0) {
    out[out.length - 1].x1 = it.x1;
    out[out.length - 1].ex1 = it.ex1;
  }
  return out;
}

function makeLine(page: number, raw: PdfItem[]): Line {
  const g: PdfItem[] = [];
  for (const it of raw) for (const piece of splitRuns(it)) g.push(piece);
  g.sort((a, b) => a.x0 - b.x0);
  const joined: PdfItem[] = [];
  for (const it of g) {
    const last = joined[joined.length - 1];
    if (last && it.x0 - last.x1 < Math.min(JOIN_GAP_PT, JOIN_GAP_EM * Math.max(it.size, last.size)) && it.x0 >= last.x0) {
      joined[joined.length - 1] = { str: last.str + it.str, x0: last.x0, x1: Math.max(last.x1, it.x1), y: last.y, size: Math.max(last.size, it.size), ex0: last.ex0, ex1: it.ex1 };
    } else joined.push({ ...it, str: it.str.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "") });
  }
  for (const it of joined) it.str = it.str.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
  let size = 0;
  let y = 0;
  for (const it of joined) {
    size = Math.max(size, it.size);
    y += it.y;
  }
  return { page: page, y: y / joined.length, size: size, items: joined, text: joined.map((i) => i.str).join(" ") };
}

const PAGE_NUMBER = /^([-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$/i;

/** Drops running heads, footers and page numbers from every page's lines (in place). */
export function dropFurniture(pages: Line[][], heights: number[]): void {
  const counts: { [key: string]: { [page: number]: true } } = {};
  const keyOf = (l: Line, h: number) => {
    const zone = l.y < h * 0.12 ? "top" : l.y > h * 0.88 ? "bottom" : "";
    // A table's own lines (its code 公开03表, its unit) are not running heads even when every page has one.
    if (/表$|单位/.test(compact(l.text))) return "";
    return zone ? zone + Math.round(l.y / 6) + "|" + compact(l.text).replace(/\d+/g, "#") : "";
  };
  pages.forEach((lines, i) =>
    lines.forEach((l) => {
      const k = keyOf(l, heights[i]);
      if (k) (counts[k] = counts[k] || {})[i] = true;
    }),
  );
  const many = pages.length >= 3 ? Math.ceil(pages.length / 2) : Infinity;
  pages.forEach((lines, i) => {
    const h = heights[i];
    const keep = lines.filter((l, j) => {
      const k = keyOf(l, h);
      if (k && Object.keys(counts[k]).length >= many) return false;
      if (l.items.length === 1 && (l.y < h * 0.1 || l.y > h * 0.9) && PAGE_NUMBER.test(l.text.trim())) {
        // Only a number standing apart: a table's last row may be a lone 行次 at the bottom of a page cut to size.
        const prev = lines[j - 1];
        const next = lines[j + 1];
        const gap = Math.min(prev ? l.y - prev.y : Infinity, next ? next.y - l.y : Infinity);
        if (gap >= 1.8 * l.size) return false;
      }
      return true;
    });
    lines.length = 0;
    for (const l of keep) lines.push(l);
  });
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const CONTINUED = /^(续表|（续）|\(续\)|续)$|续表[）)]?$|（续表?）$|\(续表?\)$/;

/** A table's title: larger type than the page's text, or a short line of its own that ends in 表. */
export function isTitle(l: Line, bodySize: number): boolean {
  const t = compact(l.text);
  if (!/[\u4e00-\u9fa5]/.test(t) || t.length > 60) return false;
  if (/^(目录|目次)$/.test(t) || /[.…·．]{3,}\s*\d+$/.test(l.text)) return false;
  if (/(情况)?说明$/.test(t) && !/表/.test(t)) return false;
  // A table's code printed beside it (公开03表) is not a title.
  if (/^(公开|部门)?\d+表$/.test(t) || (t.match(/[\u4e00-\u9fa5]/g) || []).length < 4) return false;
  if (l.items.length <= 2 && /表(（续表?）|\(续表?\)|（续）)?$/.test(t) && t.length <= 40 && !/^(注|说明)/.test(t)) return true;
  return l.size >= 1.2 * bodySize && l.items.length <= 2 && /表/.test(t);
}

function isTocHeading(l: Line): boolean {
  return /^(目录|目次)$/.test(compact(l.text));
}

function isGlossaryHeading(l: Line): boolean {
  const t = compact(l.text);
  return t.length <= 20 && /名词解释$/.test(t);
}

function tableLike(lines: Line[]): boolean {
  let multi = 0;
  // Cells of a row stand apart; the words of a sentence (cut at their blanks, see splitRuns) do not.
  for (const l of lines) {
    let wide = false;
    for (let i = 1; i < l.items.length && !wide; i++) wide = l.items[i].x0 - l.items[i - 1].x1 >= 1.5 * l.size;
    if (wide) multi++;
  }
  return multi >= 2 && multi >= 0.3 * lines.length;
}

/** Words of a title that say which table it is: 续表 and brackets removed. */
export function titleKey(t: string): string {
  return compact(t).replace(/（续表?）|\(续表?\)|续表$/g, "");
}

/**
 * Lines of all pages → regions in reading order. `pages` are the lines of each page after dropFurniture; `ruled`
 * says which pages have cell borders or ruling lines drawn (a table page even where its rows hold one text each).
 */
export function regions(pages: Line[][], pageNumbers: number[], ruled: boolean[] = []): Region[] {
  const sizes: number[] = [];
  for (const lines of pages) for (const l of lines) sizes.push(l.size);
  const body = median(sizes);
  const out: Region[] = [];
  let inToc = false;
  let inGlossary = false;
  pages.forEach((lines, pi) => {
    const page = pageNumbers[pi];
    // Cut the page at its title lines.
    const segments: { title: Line | null; lines: Line[] }[] = [{ title: null, lines: [] }];
    // A 目录 page lists the tables' titles: they start no table there.
    const tocPage = lines.some(isTocHeading);
    for (const l of lines) {
      if (!tocPage && isTitle(l, body)) segments.push({ title: l, lines: [] });
      else segments[segments.length - 1].lines.push(l);
    }
    segments.forEach((seg, si) => {
      if (si === 0 && seg.lines.length === 0) return;
      const prev = out[out.length - 1];
      const first = seg.lines[0];
      const continued =
        prev &&
        prev.kind === "table" &&
        ((seg.title && prev.title && (CONTINUED.test(compact(seg.title.text)) || titleKey(seg.title.text) === titleKey(prev.title.text))) ||
          (!seg.title &&
            si === 0 &&
            ((first && CONTINUED.test(compact(first.text))) ||
              tableLike(seg.lines) ||
              // a ruled page without a title of its own, not opening a part of the text: the table goes on
              (ruled[pi] && first !== undefined && !/部分|说明$|情况$/.test(compact(first.text))))));
      if (continued && prev) {
        let from = 0;
        if (first && CONTINUED.test(compact(first.text))) from = 1;
        // The header repeated on the new page: skip the lines that repeat the region's first lines.
        const head = prev.lines.slice(0, 8).map((l) => compact(l.text));
        while (from < seg.lines.length && head.indexOf(compact(seg.lines[from].text)) >= 0) from++;
        for (let k = from; k < seg.lines.length; k++) prev.lines.push(seg.lines[k]);
        if (prev.pages.indexOf(page) < 0) prev.pages.push(page);
        return;
      }
      if (seg.title) {
        inToc = false;
        inGlossary = false;
        out.push({ kind: "table", title: seg.title, lines: seg.lines.slice(), pages: [page] });
        return;
      }
      // Text: the 目录 and the 名词解释 apart from the 情况说明; a heading switches between them.
      for (const l of seg.lines) {
        if (tocPage) {
          // the 目录's entries name the parts; they switch nothing
        } else if (isTocHeading(l)) {
          inToc = true;
          inGlossary = false;
        } else if (isGlossaryHeading(l)) {
          inGlossary = true;
          inToc = false;
        } else if (inToc && !/[.…·．]{2,}|\d+\s*$/.test(l.text)) inToc = false;
        const kind: RegionKind = inToc || tocPage ? "toc" : inGlossary ? "glossary" : "text";
        const last = out[out.length - 1];
        if (last && last.kind === kind && last.pages[last.pages.length - 1] >= page - 1) {
          last.lines.push(l);
          if (last.pages.indexOf(page) < 0) last.pages.push(page);
        } else out.push({ kind: kind, title: null, lines: [l], pages: [page] });
      }
    });
  });
  return out;
}
