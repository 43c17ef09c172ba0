/**
 * Where the 情况说明 comes from and its paragraphs: options.narrative (pasted in the pane or --narrative on the
 * command line) when given, else the workbook sheet that holds it (recognised by its section headings, not by its
 * name).
 *
 * One audit reads the narrative once (issue 9): narrativeRules keeps its read for completenessRules of the same
 * audit, by the audit's Context (a WeakMap: it goes with the audit, nothing is shared between files). A direct
 * call of analyseNarrative (the pane, tests that change a sheet and audit again) always reads afresh.
 */
import { AuditOptions } from "../options";
import { a1, qualified } from "../address";
import { Grid } from "../grid";
import { Recognition, safeGrids } from "../recognize";
import { WorkbookSnapshot } from "../types";
import { Para, paragraphs } from "./normalise";
import { headingKind, outline, Outline } from "./sections";
import { capText, count, MAX_CELL_TEXT, MAX_DOC_TEXT } from "./limits";

export interface Source {
  source: "sheet" | "external" | "none";
  sheet: string | null;
  doc: string;
  paras: Para[];
  /** Text not read because of the limits of limits.ts: one 未审核 each (detail, cells). */
  cut: { detail: string; cells: string[] }[];
}

const HAN = /[\u4e00-\u9fa5]/;
const LINE_BREAK = /\r?\n/;

/** Section headings in one cell's text (one cell may hold the whole text). */
function headingsIn(t: string): number {
  // most cells name neither word: no split, no regex
  if (t.indexOf("说明") < 0 && t.indexOf("情况") < 0) return 0;
  let score = 0;
  const lines = t.indexOf("\n") < 0 ? [t] : t.split(LINE_BREAK);
  // (a heading is numbered 「一、」: a line without 、 is none)
  for (const ln of lines) if (ln.indexOf("、") >= 0 && /说明|情况/.test(ln) && headingKind(ln.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")"))) score++;
  return score;
}

/** The sheet holding the 情况说明: the one with most section headings (at least three). */
export function narrativeSheet(grids: Grid[]): { grid: Grid; cells: { r: number; c: number }[] } | null {
  let best: { grid: Grid; cells: { r: number; c: number }[]; score: number } | null = null;
  for (const g of grids) {
    let score = 0;
    const cells: { r: number; c: number }[] = [];
    const limit = Math.min(g.bottom, g.top + 5000);
    // The narrative is written down one or a few columns; very wide sheets are skimmed (bounded time).
    const right = Math.min(g.right, g.left + 64);
    for (let r = g.top; r < limit; r++)
      for (let c = g.left; c < right; c++) {
        const t = g.text(r, c);
        if (!t || typeof t !== "string" || !HAN.test(t)) continue;
        if (g.mergeOf(r, c)) continue;
        cells.push({ r, c });
        score += headingsIn(t);
      }
    if (score >= 3 && (!best || score > best.score)) best = { grid: g, cells, score };
  }
  return best ? { grid: best.grid, cells: best.cells } : null;
}

export function sourceOf(grids: Grid[], options: AuditOptions): Source {
  const cut: Source["cut"] = [];
  if (options && typeof options.narrative === "string" && /\S/.test(options.narrative)) {
    const full = options.narrative.replace(/^\ufeff/, "");
    const doc = capText(full, MAX_DOC_TEXT);
    if (doc.length < full.length) cut.push({ detail: "情况说明共 " + count(full.length) + " 字，超过可审核的上限 " + count(MAX_DOC_TEXT) + " 字：只审核了前 " + count(doc.length) + " 字，其后 " + count(full.length - doc.length) + " 字未审核", cells: [] });
    return { source: "external", sheet: null, doc, paras: paragraphs(doc, 0, doc.length, null), cut };
  }
  const found = narrativeSheet(grids);
  if (!found) return { source: "none", sheet: null, doc: "", paras: [], cut };
  let doc = "";
  // each cell's range of the document, split into paragraphs once the document is whole: split while it grew, every
  // cell flattened the document so far again (quadratic; issue 9: most of the narrative's allocation)
  const ranges: { from: number; to: number; cell: { sheet: string; addr: string } }[] = [];
  for (let i = 0; i < found.cells.length; i++) {
    const cl = found.cells[i];
    const where = qualified(found.grid.name, a1(cl.r, cl.c));
    const full = found.grid.text(cl.r, cl.c);
    const t = capText(full, MAX_CELL_TEXT);
    // (a cell is shorter than the document's limit: the first one always fits)
    if (doc.length + t.length + 1 > MAX_DOC_TEXT) {
      let rest = 0;
      for (let k = i; k < found.cells.length; k++) rest += found.grid.text(found.cells[k].r, found.cells[k].c).length;
      cut.push({ detail: "情况说明超过可审核的上限 " + count(MAX_DOC_TEXT) + " 字：自单元格 " + where + " 起的 " + count(found.cells.length - i) + " 个单元格（共 " + count(rest) + " 字）未审核", cells: [where] });
      break;
    }
    if (t.length < full.length) cut.push({ detail: "单元格 " + where + " 的文字共 " + count(full.length) + " 字，超过单元格的上限 " + count(MAX_CELL_TEXT) + " 字：只审核了前 " + count(t.length) + " 字，其后 " + count(full.length - t.length) + " 字未审核", cells: [where] });
    if (doc) doc += "\n";
    const from = doc.length;
    doc += t;
    ranges.push({ from, to: doc.length, cell: { sheet: found.grid.name, addr: a1(cl.r, cl.c) } });
  }
  // (a paragraph reads nothing past its cell: the "\n" after it is no "**" and no line of it, as the end was before)
  const paras: Para[] = [];
  for (const rg of ranges) for (const p of paragraphs(doc, rg.from, rg.to, rg.cell)) paras.push(p);
  return { source: "sheet", sheet: found.grid.name, doc, paras, cut };
}

/** The grids an audit reads: recognition's, else the snapshot's own. */
export function gridsOf(rec: Recognition, snapshot: WorkbookSnapshot): Grid[] {
  return rec.grids && rec.grids.length ? rec.grids : safeGrids(snapshot);
}

export interface NarrativeRead {
  rec: Recognition;
  snapshot: WorkbookSnapshot;
  narrative: string | undefined;
  src: Source;
  out: Outline;
}

/** Read the narrative and its outline. */
export function readNarrative(rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions): NarrativeRead {
  const src = sourceOf(gridsOf(rec, snapshot), options);
  return { rec, snapshot, narrative: options ? options.narrative : undefined, src, out: outline(src.paras) };
}

/** The read of each running audit, by its Context (any object of the audit: nothing outlives it). */
const reads = new WeakMap<object, NarrativeRead>();

/** Keep this audit's read for the passes after narrativeRules (completenessRules). */
export function keepRead(audit: object, read: NarrativeRead): void {
  reads.set(audit, read);
}

/**
 * The narrative this audit read (narrativeRules ran), else read now. Only for the same Recognition, snapshot and
 * options.narrative (the only option sourceOf reads). Callers must not change what they get.
 */
export function auditNarrative(audit: object, rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions): NarrativeRead {
  const hit = reads.get(audit);
  if (hit && hit.rec === rec && hit.snapshot === snapshot && hit.narrative === (options ? options.narrative : undefined)) return hit;
  return readNarrative(rec, snapshot, options);
}
