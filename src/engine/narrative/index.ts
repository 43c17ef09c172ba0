/**
 * 情况说明 and 绩效 checks (RULES.md §3): every amount, share, completion rate and growth rate in the text is
 * recomputed from the tables; the 绩效 tables are checked in themselves and against the tables.
 *
 * The text comes from options.narrative (pasted in the pane or --narrative on the command line) when given,
 * else from the workbook sheet that holds it (recognised by its section headings, not by its name).
 */
import { AuditOptions } from "../options";
import { qualified } from "../address";
import { Grid } from "../grid";
import { cellAt, Tables } from "../model";
import { Recognition } from "../recognize";
import { templateFor } from "../templates";
import { Context } from "../rules/context";
import { SheetSnapshot, WorkbookSnapshot } from "../types";
import { linkToTableErrors, uncheckDisplaced } from "./blame";
import { Checker } from "./checker";
import { hygiene, tocCheck } from "./hygiene";
import { wording, years } from "./wording";
import { Para } from "./normalise";
import { findPerformance, Performance } from "./performance";
import { PerfChecks } from "./performanceChecks";
import { EXTERNAL_SHEET, FigureMark, MarkStatus, NarrativeResult } from "./result";
import { changeConsistency, checkS1S4, checkS10, checkS11, checkS12, checkS13, checkS2, checkS3, checkS5, checkS6, checkS7S8, checkS9, Shared } from "./sectionChecks";
import { inTextChecks } from "./inText";
import { gridsOf, keepRead, NarrativeRead, narrativeSheet, readNarrative, sourceOf } from "./source";
import { withParsedNumbers } from "./tokens";

export { EXTERNAL_SHEET } from "./result";
export { sourceOf } from "./source";
export type { Source } from "./source";
export type { FigureMark, MarkStatus, NarrativeResult } from "./result";

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
export function analyseNarrative(rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions = {}, read: NarrativeRead = readNarrative(rec, snapshot, options)): NarrativeResult {
  // each figure of the text is parsed once in this analysis (tokens.ts), however many checks locate it
  return withParsedNumbers(() => analyse(rec, snapshot, options, read));
}

function analyse(rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions, read: NarrativeRead): NarrativeResult {
  const grids = gridsOf(rec, snapshot);
  const { src, out } = read;
  const ck = new Checker(src.doc, rec.tables);
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
  const read = readNarrative(rec, snapshot, options);
  keepRead(ctx, read);
  const r = analyseNarrative(rec, snapshot, options, read);
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
  const src = sourceOf(gridsOf(rec, snapshot), options);
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
