/**
 * Column header paths. Each column gets the texts of the header rows above it, top to bottom. Merged headers
 * read through their area; unmerged group headers (after a PDF-to-Excel conversion) are carried to the right
 * over empty cells that have sub-headers below, so "本年支出 | 基本支出" reads the same merged or not.
 */
import { Grid } from "../grid";
import { normKey } from "../text";
import { dict } from "../dict";

// The patterns of the row tests below, made once: a regular-expression literal inside a function is a new RegExp
// object at every evaluation, and these tests run for every row or cell of every table.
const UP_TO_3_DIGITS = /^\d{1,3}$/;
const ALL_DIGITS = /^\d+$/;
const NOTE_HEAD = /^(?:注|说明|备注|填表说明)\d*[:：]/;
const SENTENCE_MARK = /[。，,]/;
const YEAR_LINE = /^(\d{4})年(?:度)?$/;
const YEAR_IN = /(\d{4})年度/;
const DEPARTMENT_LINE = /^(?:编制单位|单位名称|部门|单位)[:：](.+)$/;
const UNIT_ONLY = /^(?:万元|千元|亿元|元)$/;
const TOTAL_WORD = /^(?:合计|总计)$/;

export function headerParts(grid: Grid, rows: number[], c1: number, c2: number, skip?: (r: number, c: number) => boolean): string[][] {
  const parts: string[][] = [];
  for (let c = c1; c <= c2; c++) parts.push([]);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const below = rows.slice(i + 1);
    const shown = (rr: number, c: number) => (skip && skip(rr, c) ? "" : grid.shown(rr, c));
    const hasBelow = (c: number) => below.some((rb) => normKey(shown(rb, c)) !== "");
    let carry = "";
    let carryHasBelow = false;
    let carryParent = "";
    const parent = (c: number) => parts[c - c1].join("|");
    for (let c = c1; c <= c2; c++) {
      let t = normKey(shown(r, c));
      const merged = grid.mergeOf(r, c) !== null;
      if (t !== "") {
        carry = t;
        carryHasBelow = hasBelow(c);
        carryParent = parent(c);
      } else if (!merged && carry !== "" && carryHasBelow && hasBelow(c) && parent(c) === carryParent) {
        // Carried only under the same group header above: a group ends where the row above starts a new one.
        t = carry;
      } else {
        carry = "";
      }
      const p = parts[c - c1];
      if (t !== "" && p[p.length - 1] !== t) p.push(t);
    }
  }
  return parts;
}

/**
 * A 栏次/行次 row: "栏次" label or the integers 1..n in order and nothing else. One gap is allowed (a column of the
 * template left out, e.g. 栏1 合计 not printed: "2 3 4 …"), then with at least three numbers, so the row is never
 * read as amounts.
 */
export function isSequenceRow(grid: Grid, r: number, c1: number, c2: number): boolean {
  let prev = 0;
  let numbers = 0;
  let gaps = 0;
  let seen = 0;
  for (let c = c1; c <= c2; c++) {
    const t = normKey(grid.text(r, c));
    if (t === "") continue;
    if (t === "栏次" || t === "行次") {
      seen++;
      continue;
    }
    if (!UP_TO_3_DIGITS.test(t)) return false;
    const n = parseInt(t, 10);
    if (n <= prev) return false;
    if (n !== prev + 1) gaps++;
    prev = n;
    numbers++;
    seen++;
  }
  return seen > 0 && (gaps === 0 ? numbers >= 2 : gaps === 1 && numbers >= 3);
}

/** Column numbers from a 栏次 row (c → n), or an empty map. */
export function sequenceNumbers(grid: Grid, r: number, c1: number, c2: number): Map<number, number> {
  const m = new Map<number, number>();
  for (let c = c1; c <= c2; c++) {
    const t = normKey(grid.text(r, c));
    if (/^\d+$/.test(t)) m.set(c, parseInt(t, 10));
  }
  return m;
}

const META_LINE = /^(?:(?:编制|填报|金额)?单位|部门|单位名称)[:：]|^(?:金额)?单位[:：]?(?:万元|元|千元|亿元)$/;

const META = /^(?:(?:编制|填报|金额)?单位|部门|单位名称)[:：]|^\d{4}年(?:度)?$|^\d{4}年度|^公开\d{1,2}表$|^(?:金额)?单位[:：]?(?:万元|元|千元|亿元)$|^(?:万元|元)$|^附?表[\d一二三四五六七八九十]+$/;

/** A line of the table's head that is not a header: department, year, unit, table code. */
export function isMetaRow(grid: Grid, r: number, c1: number, c2: number): boolean {
  let any = false;
  for (let c = c1; c <= c2; c++) {
    if (grid.mergeOf(r, c)) continue;
    const t = normKey(grid.text(r, c));
    if (t === "") continue;
    any = true;
    if (!META.test(t)) return false;
  }
  return any;
}

export function firstNonEmpty(grid: Grid, r: number, c1: number, c2: number): number {
  for (let c = c1; c <= c2; c++) if (normKey(grid.text(r, c)) !== "") return c;
  return -1;
}

/** A note line ends the data: 注/说明/备注, or one long sentence. */
export function isNoteRow(grid: Grid, r: number, c1: number, c2: number): boolean {
  const c = firstNonEmpty(grid, r, c1, c2);
  if (c < 0) return false;
  const t = normKey(grid.text(r, c));
  return NOTE_HEAD.test(t) || (t.length > 30 && SENTENCE_MARK.test(t));
}

const UNIT = /(?:单位|金额单位)[:：]?(万元|千元|亿元|元)/;

export function readHead(grid: Grid, r1: number, r2: number, c1: number, c2: number): { unit?: string; year?: string; department?: string } {
  const out: { unit?: string; year?: string; department?: string } = {};
  for (let r = r1; r <= r2; r++) {
    for (let c = c1; c <= c2; c++) {
      const t = normKey(grid.text(r, c));
      if (!t) continue;
      const u = UNIT.exec(t);
      if (u && !out.unit) out.unit = u[1];
      else if ((t === "万元" || t === "元") && !out.unit) out.unit = t;
      const y = YEAR_LINE.exec(t) || YEAR_IN.exec(t);
      if (y && !out.year) out.year = y[1];
      const d = DEPARTMENT_LINE.exec(t);
      if (d && !UNIT_ONLY.test(d[1]) && !out.department) out.department = d[1];
    }
  }
  return out;
}

/** Texts of the header rows (normalised), to recognise the header when a page break repeats it inside the data. */
export function headerTexts(grid: Grid, rows: number[], c1: number, c2: number): { [t: string]: boolean } {
  const out = dict<boolean>();
  for (const r of rows)
    for (let c = c1; c <= c2; c++) {
      const t = normKey(grid.text(r, c));
      if (t) out[t] = true;
    }
  return out;
}

/** A page footer, page number or continuation mark left by a PDF conversion: 第 2 页、共 3 页、- 2 -、2/3、续表、（续）. */
const PAGE_MARK = /^(?:第\d+页(?:[,，]?共\d+页)?|共\d+页|[-—－]+\d{1,3}[-—－]+|\d{1,3}\/\d{1,3}|\d{1,3}|续表\d*|\(续(?:表)?\)|续|续上表|接上表|page\d+(?:of\d+)?)$/i;

/**
 * A row a page break left in the middle of a table (RULES.md §8.1 item 6): the header repeated (every text is a
 * header text or a 栏次 number), the title repeated with 续表/（续）, a page footer or a page number. Such a row is
 * skipped silently; it is neither data nor the end of the table.
 */
export function isPageBreakRow(grid: Grid, r: number, c1: number, c2: number, head: { [t: string]: boolean }, title: string): boolean {
  if (isSequenceRow(grid, r, c1, c2)) return true;
  const tk = normKey(title);
  // Runs for every data row: it stops at the second text once one text is not page-break matter (a data row: its
  // code and its name), instead of normalising the whole row first.
  let first = "";
  let count = 0;
  let other = false;
  for (let c = c1; c <= c2; c++) {
    if (grid.mergeOf(r, c)) continue;
    const t = normKey(grid.text(r, c));
    if (t === "") continue;
    count++;
    if (count === 1) {
      if (TOTAL_WORD.test(t)) return false;
      first = t;
    }
    if (!other && !isPageBreakText(t, head, tk)) other = true;
    if (other && count >= 2) return false;
  }
  if (count === 0) return false;
  // A lone small number is a page number; among other cells it could be an amount.
  if (count === 1 && UP_TO_3_DIGITS.test(first)) return true;
  return !other;
}

/** A text a page break leaves: a header text, a page mark, a head line, or the title repeated with 续表/（续）. */
function isPageBreakText(t: string, head: { [t: string]: boolean }, tk: string): boolean {
  if (head[t] || (PAGE_MARK.test(t) && !ALL_DIGITS.test(t)) || META_LINE.test(t)) return true;
  return !!tk && t.indexOf(tk) >= 0 && t.length <= tk.length + 8;
}
