/**
 * 情况说明 and 绩效 checks (RULES.md §3): every amount, share, completion rate and growth rate in the text is
 * recomputed from the tables; the 绩效 tables are checked in themselves and against the tables.
 *
 * The text comes from options.narrative (pasted in the pane or --narrative on the command line) when given,
 * else from the workbook sheet that holds it (recognised by its section headings, not by its name).
 */
import { AuditOptions } from "../options";
import { a1, qualified } from "../address";
import { Grid } from "../grid";
import { cellAt, Tables } from "../model";
import { Recognition, safeGrids } from "../recognize";
import { templateFor } from "../templates";
import { Context } from "../rules/context";
import { SheetSnapshot, WorkbookSnapshot } from "../types";
import { linkToTableErrors, uncheckDisplaced } from "./blame";
import { Checker } from "./checker";
import { hygiene, tocCheck } from "./hygiene";
import { wording, years } from "./wording";
import { Para, paragraphs } from "./normalise";
import { findPerformance, Performance } from "./performance";
import { PerfChecks } from "./performanceChecks";
import { EXTERNAL_SHEET, FigureMark, MarkStatus, NarrativeResult } from "./result";
import { changeConsistency, checkS1S4, checkS10, checkS11, checkS12, checkS13, checkS2, checkS3, checkS5, checkS6, checkS7S8, checkS9, Shared } from "./sectionChecks";
import { headingKind, outline } from "./sections";
import { inTextChecks } from "./inText";
import { capText, count, MAX_CELL_TEXT, MAX_DOC_TEXT } from "./limits";

export { EXTERNAL_SHEET } from "./result";
export type { FigureMark, MarkStatus, NarrativeResult } from "./result";

export interface Source {
  source: "sheet" | "external" | "none";
  sheet: string | null;
  doc: string;
  paras: Para[];
  /** Text not read because of the limits of limits.ts: one 未审核 each (detail, cells). */
  cut: { detail: string; cells: string[] }[];
}

/** The sheet holding the 情况说明: the one with most section headings (at least three). */
function narrativeSheet(grids: Grid[]): { grid: Grid; cells: { r: number; c: number }[] } | null {
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
        if (!t || typeof t !== "string" || !/[\u4e00-\u9fa5]/.test(t)) continue;
        if (g.mergeOf(r, c)) continue;
        cells.push({ r, c });
        // count headings inside the cell too (one cell may hold the whole text)
        const lines = t.split(/\r?\n/);
        for (const ln of lines) if (/说明|情况/.test(ln) && headingKind(ln.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")"))) score++;
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
  const paras: Para[] = [];
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
    for (const p of paragraphs(doc, from, doc.length, { sheet: found.grid.name, addr: a1(cl.r, cl.c) })) paras.push(p);
  }
  return { source: "sheet", sheet: found.grid.name, doc, paras, cut };
}

/** A pseudo sheet from the tab-separated table lines of a converted document (for its 绩效 tables). */
function textSheet(paras: Para[]): SheetSnapshot | null {
  const rows = paras.filter((p) => p.table && p.raw !== undefined).map((p) => (p.raw as string).split("\t"));
  if (!rows.length) return null;
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  const values = rows.map((r) => {
    const out: (string | null)[] = [];
    for (let i = 0; i < width; i++) out.push(r[i] !== undefined && r[i].replace(/\s+/g, "") !== "" ? r[i].trim() : null);
    return out;
  });
  return { name: EXTERNAL_SHEET, visibility: "visible", top: 0, left: 0, values, text: values.map((r) => r.map((v) => (v === null ? "" : v))), merges: [] };
}

function fiscalYear(tables: Tables, doc: string): number | undefined {
  for (const id in tables) {
    const t = tables[id as keyof Tables];
    if (t && t.year) return parseInt(t.year, 10);
  }
  const m = /(\d{4})\s*年度/.exec(doc);
  return m ? parseInt(m[1], 10) : undefined;
}

/** Run every narrative and 绩效 check; pure (no Context needed), used by narrativeRules and by the pane. */
export function analyseNarrative(rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions = {}): NarrativeResult {
  const grids = rec.grids && rec.grids.length ? rec.grids : safeGrids(snapshot);
  const src = sourceOf(grids, options);
  const ck = new Checker(src.doc, rec.tables);
  const out = outline(src.paras);
  // 绩效 tables: the workbook's first, then those of a converted document
  let perf: Performance = findPerformance(grids);
  const ext = { projects: false, whole: false };
  if (src.source === "external") {
    const ts = textSheet(src.paras);
    if (ts) {
      const tp = findPerformance([new Grid(ts)]);
      if (!perf.projects && tp.projects) {
        perf.projects = tp.projects;
        ext.projects = true;
      }
      if (!perf.whole && tp.whole) {
        perf.whole = tp.whole;
        ext.whole = true;
      }
      if (!perf.levels && tp.levels) perf.levels = tp.levels;
      if (!perf.indicators && tp.indicators) perf.indicators = tp.indicators;
      if (ext.whole || tp.levels || tp.indicators) ext.whole = true;
    }
  }
  for (const c of src.cut) ck.unchecked("N-SOURCE", "其他", c.detail, c.cells);
  const alone = !!options.textOnly;
  ck.textOnly = alone;
  if (src.source === "external" && alone) {
    ck.emit("N-SOURCE", "info", null, null, "只审核情况说明文本（" + src.paras.length + " 段），未提供工作簿：文中数字只做文内勾稽，与表的核对未审核", { sheet: EXTERNAL_SHEET });
  } else if (src.source === "external") {
    const wbSheet = narrativeSheet(grids);
    ck.emit("N-SOURCE", "info", null, null, "情况说明取自外部文本（" + src.paras.length + " 段）" + (wbSheet ? "，代替工作簿“" + wbSheet.grid.name + "”中的情况说明" : "") + "，与工作簿中的表核对", { sheet: EXTERNAL_SHEET });
  } else if (src.source === "none") {
    ck.emit("N-SOURCE", "info", null, null, "工作簿中未找到情况说明（按“收入支出决算总体情况说明”等标题识别），文字部分未审核；可在任务窗格粘贴或用 --narrative 指定", { sheet: "" });
  }
  const shared: Shared = { changes: [], projectCount: 0, fiscalYear: fiscalYear(rec.tables, src.doc) };
  const c = { ck, shared, perf };
  for (const sec of out.sections) {
    switch (sec.kind) {
      case "S1":
      case "S4":
        checkS1S4(c, sec);
        break;
      case "S2":
        checkS2(c, sec);
        break;
      case "S3":
        checkS3(c, sec);
        break;
      case "S5":
        checkS5(c, sec);
        break;
      case "S6":
        checkS6(c, sec);
        break;
      case "S7":
      case "S8":
        checkS7S8(c, sec);
        break;
      case "S9":
        checkS9(c, sec);
        break;
      case "S10":
        checkS10(c, sec);
        break;
      case "S11":
        checkS11(c, sec);
        break;
      case "S12":
        checkS12(c, sec);
        break;
      case "S13":
        checkS13(c, sec);
        break;
    }
  }
  changeConsistency(c);
  inTextChecks(ck, rec.tables, out, src.paras, alone);
  const prose: Para[] = [];
  for (const s of out.sections) {
    prose.push(s.heading);
    for (const p of s.body) prose.push(p);
  }
  hygiene(ck, prose);
  tocCheck(ck, out.toc, out.sections);
  wording(ck, prose, shared.fiscalYear, (rec.template || templateFor()).classes);
  // titles and 目录: the short lines before the first heading, and every heading
  const heads = out.toc.concat(out.sections).map((s) => s.heading);
  const first = src.paras.reduce((i, p, k) => (i < 0 && heads.indexOf(p) >= 0 ? k : i), -1);
  const titles = src.paras.slice(0, Math.max(first, 0)).filter((p) => !p.table && p.text.length <= 60).concat(heads);
  years(ck, titles, prose.filter((p) => heads.indexOf(p) < 0), shared.fiscalYear);
  // 绩效 tables
  const pc = new PerfChecks(ck, rec.tables, perf, ext);
  const t05 = rec.tables["公开05"];
  const c3 = t05 ? cellAt(t05, "合计", "c3") : undefined;
  const c1 = t05 ? cellAt(t05, "合计", "c1") : undefined;
  pc.projects(c3 && c3.value ? { value: c3.value, ref: qualified(c3.sheet, c3.addr) } : null);
  pc.whole(shared.initialBudget || null, c1 && c1.value ? { value: c1.value, ref: qualified(c1.sheet, c1.addr) } : null, out.rest);
  return { source: src.source, sheet: src.sheet, text: src.doc, findings: ck.findings, figures: ck.figures, checks: ck.checks, passed: ck.passed, notChecked: ck.notChecked };
}

export function narrativeRules(ctx: Context, rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions): void {
  const r = analyseNarrative(rec, snapshot, options);
  uncheckDisplaced(ctx.findings, r);
  linkToTableErrors(ctx.findings, r.findings);
  ctx.narrative = r;
  for (const f of r.findings) ctx.add(f, { rule: f.rule });
  ctx.checks += r.checks;
  ctx.passed += r.passed;
  for (const n of r.notChecked) ctx.unchecked(n.rule, n.table, n.reason, n.detail, n.cells);
}

/** The narrative text the engine checks for this workbook and options (for the pane to show). */
export function narrativeText(rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions = {}): { text: string; source: "sheet" | "external" | "none"; sheet: string | null } {
  const src = sourceOf(rec.grids && rec.grids.length ? rec.grids : safeGrids(snapshot), options);
  return { text: src.doc, source: src.source, sheet: src.sheet };
}

export interface Span {
  start: number;
  end: number;
  status: MarkStatus;
  findingIndex?: number;
  related?: string[];
  explain?: string;
  cell?: { sheet: string; addr: string } | null;
}

const RANK: { [s: string]: number } = { ok: 0, tail: 1, warning: 2, error: 3 };

/**
 * One span per checked figure of the text, in text order, with the worst result of every check it took
 * part in (ok, tail, warning, error). Pure; for the pane's marked view.
 */
export function markNarrative(result: NarrativeResult): Span[] {
  const by: { [k: string]: Span } = {};
  const order: string[] = [];
  for (const m of result.figures as FigureMark[]) {
    const k = m.start + ":" + m.end;
    const cur = by[k];
    if (!cur) {
      by[k] = { start: m.start, end: m.end, status: m.status, findingIndex: m.findingIndex, related: m.related.slice(), explain: m.explain, cell: m.cell };
      order.push(k);
      continue;
    }
    for (const r of m.related) if ((cur.related as string[]).indexOf(r) < 0) (cur.related as string[]).push(r);
    if (RANK[m.status] > RANK[cur.status]) {
      cur.status = m.status;
      cur.findingIndex = m.findingIndex;
      cur.explain = m.explain;
    } else if (RANK[m.status] === RANK[cur.status] && m.status === "ok") cur.explain = (cur.explain ? cur.explain + "；" : "") + m.explain;
  }
  const spans = order.map((k) => by[k]);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop spans nested in an earlier one
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}
