/** Pieces every table reader shares: cells, units, the table model's frame. */
import { readAmount } from "../amount";
import { a1, rangeA1 } from "../address";
import { Decimal, halfOfDecimals, ZERO } from "../decimal";
import { Grid } from "../grid";
import { TCell, TableModel, TRow } from "../model";
import { TemplatePack, TemplateSet } from "../templates";
import { TableId } from "../types";
import { readHead } from "./header";

export interface Region {
  grid: Grid;
  id: TableId;
  title: string;
  titleRow: number;
  r1: number; // first row after the title
  r2: number; // last row of the region (inclusive)
  c1: number;
  c2: number;
  /** The template pack the document is read with (selected by its year from `templates`). */
  pack: TemplatePack;
  /** The declared packs, for a table that prints its own year (公开06's 经济分类 names). */
  templates: TemplateSet;
}

export function makeCell(grid: Grid, r: number, c: number, dp: number): TCell {
  // The amount object becomes the cell: one allocation per cell (large tables have hundreds of thousands).
  // The formula matters only to a cell that shows nothing (a formula without a result is an error, not a blank):
  // looked up then, not for every cell.
  let cell = readAmount(grid.value(r, c), grid.text(r, c), grid.format(r, c), dp, null) as TCell;
  if (cell.state === "blank") {
    const f = grid.formula(r, c);
    if (f) cell = readAmount(grid.value(r, c), grid.text(r, c), grid.format(r, c), dp, f) as TCell;
  }
  cell.sheet = grid.name;
  cell.addr = a1(r, c);
  cell.row = r;
  cell.col = c;
  return cell;
}

const UNIT_YUAN: { [u: string]: number } = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/**
 * Half a unit of the last displayed decimal. Figures are kept in 元 to the 分 (0.01 元); a display no coarser than
 * that rounds nothing, so its tolerance is 0 (a 0.01 gap in a 元 table is an error, in a 万元 table a 尾差).
 * Decided on integers (factor · 10^−dp ≤ 0.01 ⟺ factor ≤ 10^(dp−2)) and the half taken from halfOfDecimals' shared
 * constants: no decimal arithmetic per table (every operand asks). Odd dp (never a count of decimals) keep the
 * decimal computation; test/engine/tableFast.test.ts checks both ways agree.
 */
export function halfUnitFor(unit: string): (dp: number) => Decimal {
  // own keys only: a unit is document text ("toString" must not find Object.prototype's); other units are 万元 (§0.2)
  const factor = Object.prototype.hasOwnProperty.call(UNIT_YUAN, unit) ? UNIT_YUAN[unit] : 10000;
  return (dp: number) => {
    if (dp >= 0 && dp <= 22 && dp === Math.floor(dp)) return dp >= 2 && factor <= Math.pow(10, dp - 2) ? ZERO : halfOfDecimals(dp);
    const step = new Decimal(10).pow(-dp);
    return step.times(factor).lte("0.01") ? ZERO : step.div(2);
  };
}

/**
 * The most common number of decimals among the amounts (2 when there is none; of equal counts, the one reached
 * first), and blanks and dashes read before it was known take it. One pass over the cells: they are many.
 */
export function settleDp(rows: TRow[]): number {
  const counts: number[] = [];
  const others: TCell[] = [];
  let best = 2;
  let bestN = 0;
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i].cells;
    for (const k in cells) {
      const c = cells[k];
      if (c.state !== "number") {
        others.push(c);
        continue;
      }
      const n = (counts[c.dp] || 0) + 1;
      counts[c.dp] = n;
      if (n > bestN) {
        bestN = n;
        best = c.dp;
      }
    }
  }
  for (let i = 0; i < others.length; i++) others[i].dp = best;
  return best;
}

/** Template instruction text left in a published table (RULES.md §8.1 item 4: a TEXT finding). */
const TEMPLATE_TEXT = /仍(?:需|应)?保留(?:该|本)?表(?:格式)?|在本表下方作(?:下述|如下)?说明|(?:作|按)下述说明[:：]?$/;

export function frame(reg: Region, headEnd: number, lastRow: number, rows: TRow[], columns: { key: string; name: string }[], notes: string[], problems: string[]): TableModel {
  const head = readHead(reg.grid, reg.titleRow, Math.max(reg.titleRow, headEnd), reg.c1, reg.c2);
  if (!head.year || !head.department) {
    const above = lineAboveTitle(reg);
    head.year = head.year || above.year;
    head.department = head.department || above.department;
  }
  const unit = head.unit || "万元";
  const dp = settleDp(rows);
  const remarks = notes.filter((n) => TEMPLATE_TEXT.test(n.replace(/\s/g, ""))).map((n) => "表下保留了填表说明文字“" + n.trim().slice(0, 60) + "”，应删去或改为本单位的说明");
  return {
    remarks: remarks.length ? remarks : undefined,
    id: reg.id,
    title: reg.title,
    sheet: reg.grid.name,
    sheetHidden: reg.grid.sheet.visibility !== "visible" && reg.grid.sheet.visibility !== undefined,
    range: rangeA1(reg.titleRow, reg.c1, Math.max(lastRow, reg.titleRow), reg.c2),
    unit,
    halfUnit: halfUnitFor(unit),
    dp,
    rows,
    columns,
    notes,
    year: head.year,
    department: head.department,
    problems,
    pack: reg.pack,
  };
}

/**
 * A line just above the title that names the department and the year (「某某局 2025 年度」, as Shanghai prints it,
 * RULES.md §8.1 items 5/9): read when the head below the title names neither. A sentence (a note of a table above)
 * is not such a line.
 */
function lineAboveTitle(reg: Region): { year?: string; department?: string } {
  const { grid } = reg;
  for (let r = reg.titleRow - 1; r >= Math.max(grid.top, reg.titleRow - 2); r--)
    for (let c = reg.c1; c <= reg.c2; c++) {
      const t = String(grid.text(r, c) || "").replace(/[\s\u3000]/g, "");
      if (!t || t.length > 60 || /[，。；,;:：]/.test(t)) continue;
      const m = /^(.*?)(\d{4})年(?:度)?(?:部门决算)?$/.exec(t);
      if (m) return { year: m[2], department: /[\u4e00-\u9fa5]{2,}/.test(m[1]) ? m[1] : undefined };
    }
  return {};
}

/** Made once (a regular-expression literal in a function is a new object at every call; these run per cell). */
const SPACES = /[\s\u3000]/g;
const DIGITS = /^\d+$/;
const CJK = /[\u4e00-\u9fa5]/;

/** Code digits from a cell ("2010301", 2010301, " 201 "), or "". */
export function codeText(grid: Grid, r: number, c: number): string {
  if (c < 0) return "";
  const t = String(grid.text(r, c) || "").replace(SPACES, "");
  return DIGITS.test(t) ? t : "";
}

export function collectNotes(grid: Grid, r1: number, r2: number, c1: number, c2: number): string[] {
  const out: string[] = [];
  for (let r = r1; r <= r2; r++)
    for (let c = c1; c <= c2; c++) {
      const t = String(grid.text(r, c) || "").trim();
      if (t && !grid.mergeOf(r, c) && CJK.test(t) && t.length > 6) out.push(t);
    }
  return out;
}
