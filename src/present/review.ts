/**
 * Review marks (issue 10 «核实/忽略»): an accountant marks a finding 已核实 (with an optional note) or 忽略 (with a
 * reason). Marks are stored in the workbook by the host (AuditHost.loadReviewMarks/saveReviewMarks) and must
 * still find their finding after a 重新审核 and after small edits elsewhere in the workbook.
 *
 * The key of a finding (findingKey) is therefore built from what identifies it for an accountant, not from where
 * it sits:
 *   rule | table | row identity | column header | figures (计算数, 报表数/文中数)
 * - row identity: the text labels of the finding's row left of its cell (科目编码 and 科目名称, for example),
 *   whitespace removed; a row inserted above moves the cell but not its labels;
 * - column header: the first text cell above the finding's cell in the same column (the 栏 name);
 * - the figures: a mark made on 585.44 vs 585.45 does not silently cover a different discrepancy after the
 *   figure is changed (decision: a changed figure is a new finding and must be reviewed again).
 * Where the row has no labels (a title cell, a narrative paragraph) or the workbook is not given, the message
 * without its cell addresses and row numbers stands in; findings quoting the narrative add their excerpt (a
 * paragraph is not a table row). The cell address itself is never part of the key: it moves with every insert. The sheet name is left out where the table is known, so a renamed sheet keeps its marks.
 *
 * Decision: a mark whose finding is absent in the current result is kept (`unmatched`), not dropped: the finding
 * may come back once a figure is restored, and the mark is the accountant's record. Only the user removes a mark.
 */
import { CellValue, Finding, SheetSnapshot, WorkbookSnapshot } from "../engine";
import { parseCell } from "./address";

export type ReviewStatus = "已核实" | "忽略";

export interface ReviewMark {
  /** findingKey() of the finding the mark is about. */
  key: string;
  status: ReviewStatus;
  /** 已核实: optional note; 忽略: the reason. Plain text, at most MAX_NOTE characters. */
  note: string;
  /** When the mark was made, ISO 8601 (UTC). */
  when: string;
  /** For listing a mark whose finding is gone: the rule and where it was ("T03.1 公开03表!C10"). */
  rule?: string;
  at?: string;
}

export const REVIEW_STATUSES: ReviewStatus[] = ["已核实", "忽略"];
export const MAX_NOTE = 500;
/** More marks than any real workbook has findings; keeps the document settings far below their ~1 MB limit. */
export const MAX_MARKS = 5000;

export interface ReviewedFinding {
  index: number;
  finding: Finding;
  mark: ReviewMark;
}

export interface ReviewSplit {
  /** Findings without a mark: these are flagged and counted. */
  open: Finding[];
  /** Findings with a mark: not flagged, not counted, still listed (and in the report with their notes). */
  reviewed: ReviewedFinding[];
  /** byIndex[i] is the mark of findings[i], or null. */
  byIndex: (ReviewMark | null)[];
  /** Marks whose finding is not in this result (kept in storage, see the header). */
  unmatched: ReviewMark[];
}

function squash(s: string): string {
  // All whitespace, full-width space included; "|" is our separator and may not appear inside a part.
  return s.replace(/[\s\u3000]+/g, "").replace(/\|/g, "/");
}

function isNumberLike(v: CellValue, text: string): boolean {
  if (typeof v === "number") return true;
  return /^[-+(（]?[\d,，.]+[)）%]?$/.test(text.replace(/\s+/g, ""));
}

function cellText(s: SheetSnapshot, r: number, c: number): { v: CellValue; t: string } | null {
  const row = s.values[r];
  if (!row || c < 0 || c >= row.length) return null;
  const v = row[c];
  const t = (s.text[r] && s.text[r][c]) || (v === null ? "" : String(v));
  return { v: v, t: t };
}

/**
 * Labels of the row and the column header above. Row labels: the text cells nearest to the left of the cell, at
 * most two, stopping at the first figure once a label is found — so a table with side-by-side column groups
 * (公开06: 人员经费 | 公用经费) takes the labels of its own group; a 科目编码 (3–9 digits) counts as a label.
 * Column header: the first text cell above in the same column. "" when none.
 */
function identity(s: SheetSnapshot, cell: string): { row: string; col: string } {
  const p = parseCell(cell);
  if (!p) return { row: "", col: "" };
  const r = p.row - s.top;
  const c = p.col - s.left;
  const labels: string[] = [];
  for (let x = c - 1; x >= 0 && labels.length < 2; x--) {
    const ct = cellText(s, r, x);
    if (!ct || !ct.t.trim()) continue;
    const code = /^\d{3,9}$/.test(ct.t.trim());
    if (code || !isNumberLike(ct.v, ct.t)) labels.unshift(squash(ct.t));
    else if (labels.length) break;
  }
  let col = "";
  for (let y = r - 1; y >= 0; y--) {
    const ct = cellText(s, y, c);
    if (ct && ct.t.trim() && !isNumberLike(ct.v, ct.t)) {
      col = squash(ct.t);
      break;
    }
  }
  return { row: labels.join("/"), col: col };
}

function sheetOf(book: WorkbookSnapshot | undefined, name: string): SheetSnapshot | null {
  if (!book) return null;
  for (let i = 0; i < book.sheets.length; i++) if (book.sheets[i].name === name) return book.sheets[i];
  return null;
}

/**
 * A message without the parts that move when rows move: cell addresses and 「第 N 行」. What is left names the
 * finding's subject and figures, which is what identifies it when its row has no labels.
 */
function stableMessage(m: string): string {
  return squash(m)
    .replace(/'[^']*'!/g, "")
    .replace(/第\d+行/g, "")
    .replace(/\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/g, "")
    .slice(0, 160);
}

/** The stable key of a finding (see the header); pass the workbook the finding came from whenever you have it. */
export function findingKey(f: Finding, book?: WorkbookSnapshot): string {
  const where: string[] = [];
  const s = f.cell ? sheetOf(book, f.sheet) : null;
  const id = s && f.cell ? identity(s, f.cell) : { row: "", col: "" };
  if (f.excerpt) where.push("excerpt", squash(f.excerpt).slice(0, 120), stableMessage(f.message));
  else if (id.row && id.col) where.push(id.row, id.col);
  else where.push(stableMessage(f.message), id.row, id.col);
  return [f.rule, f.table || squash(f.sheet)].concat(where, [f.expected || "", f.actual || ""]).join("|");
}

/** Splits findings into open and reviewed; `book` must be the snapshot the findings were audited from. */
export function applyReview(findings: Finding[], marks: ReviewMark[], book?: WorkbookSnapshot): ReviewSplit {
  const byKey: { [k: string]: ReviewMark } = Object.create(null);
  marks.forEach(function (m) {
    byKey[m.key] = m;
  });
  const used: { [k: string]: boolean } = Object.create(null);
  const out: ReviewSplit = { open: [], reviewed: [], byIndex: [], unmatched: [] };
  findings.forEach(function (f, i) {
    const k = findingKey(f, book);
    const m = byKey[k] || null;
    out.byIndex.push(m);
    if (m) {
      used[k] = true;
      out.reviewed.push({ index: i, finding: f, mark: m });
    } else out.open.push(f);
  });
  marks.forEach(function (m) {
    if (!used[m.key]) out.unmatched.push(m);
  });
  return out;
}

/** A new mark for a finding (note trimmed and capped); `now` for tests. */
export function makeMark(f: Finding, status: ReviewStatus, note: string, book?: WorkbookSnapshot, now?: Date): ReviewMark {
  return {
    key: findingKey(f, book),
    status: status,
    note: String(note || "").trim().slice(0, MAX_NOTE),
    when: (now || new Date()).toISOString(),
    rule: f.rule,
    at: f.cell ? f.sheet + "!" + f.cell : f.sheet,
  };
}

/** Replaces the mark with the same key (or adds it); `null` status removes it. Returns a new list. */
export function setMark(marks: ReviewMark[], mark: ReviewMark | { key: string; status: null }): ReviewMark[] {
  const rest = marks.filter(function (m) {
    return m.key !== mark.key;
  });
  if (mark.status === null) return rest;
  return rest.concat([mark as ReviewMark]);
}

/**
 * Marks read back from a document are input like any other (the file may come from elsewhere): keep only
 * well-formed entries, cap lengths and count. Returns the valid marks and how many were dropped.
 */
export function validateMarks(raw: unknown): { marks: ReviewMark[]; dropped: number } {
  const list = raw && typeof raw === "object" && Array.isArray((raw as { marks?: unknown }).marks) ? (raw as { marks: unknown[] }).marks : Array.isArray(raw) ? (raw as unknown[]) : [];
  const marks: ReviewMark[] = [];
  let dropped = 0;
  list.forEach(function (x) {
    const m = x as { [k: string]: unknown };
    const ok =
      m && typeof m === "object" && typeof m.key === "string" && m.key.length > 0 && m.key.length <= 2000 && REVIEW_STATUSES.indexOf(m.status as ReviewStatus) >= 0 && typeof m.when === "string" && m.when.length <= 40;
    if (!ok || marks.length >= MAX_MARKS) {
      dropped++;
      return;
    }
    const mark: ReviewMark = { key: m.key as string, status: m.status as ReviewStatus, note: typeof m.note === "string" ? m.note.slice(0, MAX_NOTE) : "", when: m.when as string };
    if (typeof m.rule === "string") mark.rule = m.rule.slice(0, 40);
    if (typeof m.at === "string") mark.at = m.at.slice(0, 300);
    marks.push(mark);
  });
  return { marks: marks, dropped: dropped };
}

/** The stored form: versioned so a later format can tell old entries apart. */
export function serializeMarks(marks: ReviewMark[]): string {
  return JSON.stringify({ v: 1, marks: marks });
}
