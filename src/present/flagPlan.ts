/**
 * Which cell gets which flag: findings → one flag per cell, shared by the Excel adapter and the preview grid.
 *
 * A cell named by several findings shows the most severe one (不符 over 疑点 over 尾差); a cell that is the checked
 * value of one finding and an operand of another shows the stronger "main" flag. 说明 (info) never flags a cell.
 */
import { Finding } from "../engine";
import { parseCell, splitQualified } from "./address";

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

/** Excel-like colours: the "light red fill" family, kept distinct for colour-blind users by the pane's labels too. */
export const FLAG_STYLE: { [k in FlagKind]: { fill: string; font: string; relatedFill: string; label: string } } = {
  error: { fill: "#FFC7CE", font: "#9C0006", relatedFill: "#FDEBEE", label: "不符" },
  warning: { fill: "#FFD8A8", font: "#8A4B00", relatedFill: "#FFF0DE", label: "疑点" },
  tail: { fill: "#FFEB9C", font: "#7A5C00", relatedFill: "#FFF8DA", label: "尾差" },
};

/** Normalises "$C$10"/"c10" to "C10"; leaves ranges and junk unchanged (they are skipped by callers). */
function normCell(a: string): string | null {
  const c = parseCell(a);
  return c ? a.replace(/\$/g, "").toUpperCase() : null;
}

export function planFlags(findings: Finding[]): CellFlag[] {
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
    (f.related || []).forEach(function (ref) {
      const q = splitQualified(ref);
      const c = normCell(q.address);
      if (c) put(q.sheet || f.sheet, c, kind, true, i);
    });
  });
  return order.map(function (k) {
    return byKey[k];
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
