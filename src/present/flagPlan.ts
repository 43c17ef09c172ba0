/**
 * Which cell gets which flag: findings → one flag per cell, shared by the Excel adapter and the preview grid.
 *
 * A cell named by several findings shows the most severe one (不符 over 疑点 over 尾差); a cell that is the checked
 * value of one finding and an operand of another shows the stronger "main" flag. 提示 (info) never flags a cell.
 * The terms of a sum are flagged only where they carry a figure: an empty or zero term ("其余 3 项为 0") adds
 * nothing, and flagging it painted whole rows (issue 10). A finding's only operand is flagged even when it is 0.
 */
import { Finding, WorkbookSnapshot } from "../engine";
import { parseCell, RangeRef, splitQualified, toA1 } from "./address";

export type FlagKind = "error" | "warning" | "tail";

export interface CellFlag {
  sheet: string;
  /** A1 of one cell. */
  cell: string;
  kind: FlagKind;
  /** True when the cell is only an operand of the finding(s) (related), not the checked value itself. */
  related: boolean;
  /** Indexes into the findings array of the findings whose checked value is this cell (for notes). */
  findings: number[];
}

const RANK: { [k: string]: number } = { error: 3, warning: 2, tail: 1 };

export function isFlagKind(s: string): s is FlagKind {
  return s === "error" || s === "warning" || s === "tail";
}

/**
 * The flag palette, one definition for Excel, the preview and the pane's legend. Decision (issue 10 found 疑点
 * orange and 尾差 yellow hard to tell apart): three hues far apart on the colour wheel and in lightness — red
 * (Excel's own "light red fill with dark red text"), violet, yellow — and one neutral blue for every operand
 * ("相关单元格"), whatever the severity: the operand only says "this figure takes part", the severity is on the
 * checked cell. One rule per severity plus one for operands keeps Excel's rule list to ≤ 4 per sheet (3 on the sample).
 */
export const RELATED_STYLE = { fill: "#D6E4F0", label: "相关单元格" };

export const FLAG_STYLE: { [k in FlagKind]: { fill: string; font: string; relatedFill: string; label: string } } = {
  error: { fill: "#FFC7CE", font: "#9C0006", relatedFill: RELATED_STYLE.fill, label: "不符" },
  warning: { fill: "#E4D2F4", font: "#5B2A86", relatedFill: RELATED_STYLE.fill, label: "疑点" },
  tail: { fill: "#FFEB9C", font: "#7A5C00", relatedFill: RELATED_STYLE.fill, label: "尾差" },
};

/** The legend, in the order the pane shows it: key, label, fill and text colour (font null = unchanged). */
export const FLAG_LEGEND: { key: FlagKind | "related"; label: string; fill: string; font: string | null }[] = [
  { key: "error", label: FLAG_STYLE.error.label, fill: FLAG_STYLE.error.fill, font: FLAG_STYLE.error.font },
  { key: "warning", label: FLAG_STYLE.warning.label, fill: FLAG_STYLE.warning.fill, font: FLAG_STYLE.warning.font },
  { key: "tail", label: FLAG_STYLE.tail.label, fill: FLAG_STYLE.tail.fill, font: FLAG_STYLE.tail.font },
  { key: "related", label: RELATED_STYLE.label, fill: RELATED_STYLE.fill, font: null },
];

/** Every fill colour we paint (upper case), to recognise our own fills before restoring anything. */
export const OUR_FILLS: string[] = [FLAG_STYLE.error.fill, FLAG_STYLE.warning.fill, FLAG_STYLE.tail.fill, RELATED_STYLE.fill];

/** True when the operand at sheet!cell shows no figure (empty, 0, or an accounting dash) in `book`. */
function isBlankOperand(book: WorkbookSnapshot | undefined, sheet: string, cell: string): boolean {
  if (!book) return false;
  const s = book.sheets.filter(function (x) {
    return x.name === sheet;
  })[0];
  const p = parseCell(cell);
  if (!s || !p) return false;
  const row = s.values[p.row - s.top];
  if (!row) return true;
  const v = row[p.col - s.left];
  const t = ((s.text[p.row - s.top] || [])[p.col - s.left] || "").replace(/\s+/g, "");
  if (v === null || v === undefined || v === "") return t === "" || /^[-\u2013\u2014]$/.test(t);
  if (typeof v === "number") return v === 0;
  return /^[-\u2013\u2014]$/.test(t) || /^0+(\.0+)?$/.test(t);
}

/** Normalises "$C$10"/"c10" to "C10"; leaves ranges and junk unchanged (they are skipped by callers). */
function normCell(a: string): string | null {
  const c = parseCell(a);
  return c ? a.replace(/\$/g, "").toUpperCase() : null;
}

/** One flag per cell; pass the audited workbook so that empty or zero operands stay unflagged. */
export function planFlags(findings: Finding[], book?: WorkbookSnapshot): CellFlag[] {
  const byKey: { [key: string]: CellFlag } = {};
  const order: string[] = [];

  function put(sheet: string, cell: string, kind: FlagKind, related: boolean, index: number): void {
    const key = sheet + "\u0000" + cell;
    const cur = byKey[key];
    if (!cur) {
      byKey[key] = { sheet: sheet, cell: cell, kind: kind, related: related, findings: related ? [] : [index] };
      order.push(key);
      return;
    }
    if (!related) cur.findings.push(index);
    // Main beats related; within the same role the more severe kind wins.
    if (cur.related && !related) {
      cur.related = false;
      cur.kind = kind;
    } else if (cur.related === related && RANK[kind] > RANK[cur.kind]) {
      cur.kind = kind;
    }
  }

  findings.forEach(function (f, i) {
    if (!isFlagKind(f.severity)) return;
    const kind = f.severity;
    if (f.cell) {
      const c = normCell(f.cell);
      if (c) put(f.sheet, c, kind, false, i);
    }
    // Only a sum's zero terms are left out; a lone operand (the table figure a text contradicts) is the evidence
    // even when it is 0.
    const terms = (f.related || []).length > 1;
    (f.related || []).forEach(function (ref) {
      const q = splitQualified(ref);
      const c = normCell(q.address);
      const sheet = q.sheet || f.sheet;
      if (c && !(terms && isBlankOperand(book, sheet, c))) put(sheet, c, kind, true, i);
    });
  });
  return order.map(function (k) {
    return byKey[k];
  });
}

/** The four conditional-format rules a sheet can get: one per severity and one for all operands. */
export type FlagGroup = FlagKind | "related";

export const FLAG_GROUPS: FlagGroup[] = ["error", "warning", "tail", "related"];

export function groupOf(f: CellFlag): FlagGroup {
  return f.related ? "related" : f.kind;
}

/** Flags by sheet and group, the groups in FLAG_GROUPS order; sheets in order of first appearance. */
export function groupFlags(plan: CellFlag[]): { sheet: string; group: FlagGroup; cells: string[] }[] {
  const bySheet: { [s: string]: { [g: string]: string[] } } = Object.create(null);
  const sheets: string[] = [];
  plan.forEach(function (f) {
    if (!bySheet[f.sheet]) {
      bySheet[f.sheet] = Object.create(null);
      sheets.push(f.sheet);
    }
    const g = groupOf(f);
    (bySheet[f.sheet][g] = bySheet[f.sheet][g] || []).push(f.cell);
  });
  const out: { sheet: string; group: FlagGroup; cells: string[] }[] = [];
  sheets.forEach(function (s) {
    FLAG_GROUPS.forEach(function (g) {
      if (bySheet[s][g]) out.push({ sheet: s, group: g, cells: bySheet[s][g] });
    });
  });
  return out;
}

/**
 * Cells → few rectangles: vertical runs per column, then side-by-side columns with the same run merged. Flags
 * come in columns of a table (a 合计 column, an operand row), so a sheet's cells collapse to a handful of areas.
 */
export function cellsToAreas(cells: string[]): string[] {
  const cols: { [c: number]: number[] } = Object.create(null);
  cells.forEach(function (a) {
    const p = parseCell(a);
    if (p) (cols[p.col] = cols[p.col] || []).push(p.row);
  });
  const runs: RangeRef[] = [];
  Object.keys(cols)
    .map(Number)
    .sort(function (a, b) {
      return a - b;
    })
    .forEach(function (c) {
      const rows = cols[c].sort(function (a, b) {
        return a - b;
      });
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && (rows[i] === rows[i - 1] || rows[i] === rows[i - 1] + 1)) continue;
        const run = { top: start, bottom: rows[i - 1], left: c, right: c };
        // Extend the area to the left when the previous column had exactly the same run.
        const prev = runs.filter(function (r) {
          return r.right === c - 1 && r.top === run.top && r.bottom === run.bottom;
        })[0];
        if (prev) prev.right = c;
        else runs.push(run);
        if (i < rows.length) start = rows[i];
      }
    });
  return runs.map(function (r) {
    const tl = toA1(r.top, r.left);
    return r.top === r.bottom && r.left === r.right ? tl : tl + ":" + toA1(r.bottom, r.right);
  });
}

/** Text for a cell note: one line per finding on that cell, prefixed so our notes are recognisable. */
export const NOTE_PREFIX = "【决算审核】";

export function noteText(flag: CellFlag, findings: Finding[]): string {
  const lines = flag.findings.map(function (i) {
    const f = findings[i];
    const label = isFlagKind(f.severity) ? FLAG_STYLE[f.severity].label + " " : "";
    return label + f.rule + "：" + f.message;
  });
  return NOTE_PREFIX + "\n" + lines.join("\n");
}
