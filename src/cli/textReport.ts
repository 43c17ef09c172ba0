/**
 * The default, human report: Chinese, per file, grouped by table; within a table 不符 first, then 疑点, 尾差, 说明.
 * A finding that only follows from another (finding.cause set: a 尾差 echo, a 不符 caused by one wrong cell or a
 * shifted column) is printed indented under the finding that causes it, so one cause reads as one item.
 */
import { rootIndexes } from "../engine";
import type { Finding, NotChecked, TableStats } from "../engine";
import { FIGURE_LABEL, SEVERITY_LABEL, SEVERITY_ORDER, TABLE_ORDER, figureWords } from "../present/labels";
import { groupUnchecked, uncheckedText } from "../present/unchecked";
import type { FileReport } from "./report";
import { printable } from "./terminal";

/** Consequences printed under one root; the rest are counted in one line. */
const MAX_FOLDED = 12;

function quoteSheet(sheet: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'";
}

/** "'公开03表'!C10", the form used in `related` and `cause`. */
export function qualified(f: Finding): string {
  return f.cell ? quoteSheet(f.sheet) + "!" + f.cell : quoteSheet(f.sheet);
}

function figures(f: Finding): string {
  const parts: string[] = [];
  if (f.actual !== null || f.expected !== null) {
    const words = figureWords(f);
    parts.push(words.actual + " " + (f.actual === null ? "—" : f.actual) + " / " + words.expected + " " + (f.expected === null ? "—" : f.expected));
  }
  if (f.difference !== null) parts.push(FIGURE_LABEL.difference + " " + f.difference);
  if (f.tolerance !== null) parts.push(FIGURE_LABEL.tolerance + " ±" + f.tolerance);
  return parts.join("，");
}

function line(f: Finding, indent: string, echo: boolean): string {
  const where = f.location ? f.location : f.cell ? f.sheet + "!" + f.cell : f.sheet;
  const head = indent + (echo ? "└ " : "") + "[" + SEVERITY_LABEL[f.severity] + "] " + where;
  const fig = figures(f);
  let s = head + (fig ? "  " + fig : "") + "  (" + f.rule + ") " + f.message;
  if (f.excerpt) s += "\n" + indent + (echo ? "  " : "") + "    原文：“" + f.excerpt + "”";
  return s;
}

function tableRank(t: string | null): number {
  if (t === null) return TABLE_ORDER.length + 1;
  const i = TABLE_ORDER.indexOf(t);
  return i < 0 ? TABLE_ORDER.length : i;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
}

/** Stable sort (Array.prototype.sort is stable on node ≥ 12; keep the engine's order within equal keys). */
function stableSort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  return xs
    .map((x, i) => ({ x: x, i: i }))
    .sort((a, b) => cmp(a.x, b.x) || a.i - b.i)
    .map((p) => p.x);
}

export function summaryLine(label: string, r: { errors: number; warnings: number; tails: number; infos: number }): string {
  const L = SEVERITY_LABEL;
  return label + L.error + " " + r.errors + " 项，" + L.warning + " " + r.warnings + " 项，" + L.tail + " " + r.tails + " 项，" + L.info + " " + r.infos + " 项";
}

/** At most this many 未审核 groups are listed; the rest are counted (the JSON report has them all). */
const MAX_UNCHECKED_GROUPS = 30;

/** The 未审核 checks, grouped by table, reason and what was absent (src/present/unchecked.ts). */
export function uncheckedLines(list: NotChecked[], indent: string): string[] {
  const groups = groupUnchecked(list);
  const out = groups.slice(0, MAX_UNCHECKED_GROUPS).map((g) => indent + uncheckedText(g));
  if (groups.length > MAX_UNCHECKED_GROUPS) out.push(indent + "…… 另有 " + (groups.length - MAX_UNCHECKED_GROUPS) + " 组，见 --format json 的 notChecked");
  return out;
}

/** One line per table: "公开03  检查 140 项：通过 135，有结果 5，未审核 0". */
export function tableStatsLines(stats: TableStats[], indent: string): string[] {
  return stats.map((t) => indent + t.table + "  检查 " + t.checks + " 项：通过 " + t.passed + "，有结果 " + t.withFindings + "，未审核 " + t.notChecked);
}

export function formatFileReport(report: FileReport): string {
  // Texts from the file may hold terminal controls: escaped before anything is printed (terminal.ts).
  const r = printable(report);
  const out: string[] = [];
  out.push("文件：" + r.file + (r.ok && r.unit ? "（金额单位：" + r.unit + "）" : ""));
  // issue 12: which of last year's documents this one was compared with, or why none
  if (r.previous) out.push(r.previous.file !== null ? "上年文件：" + r.previous.file + (r.previous.note ? "（" + r.previous.note + "）" : "") : "未与上年文件对比：" + (r.previous.note || ""));
  if (!r.ok) {
    out.push("  无法读取：" + (r.error || "未知原因。"));
    return out.join("\n");
  }
  const found = r.tables.map((t) => t.id + "（" + t.sheet + "!" + t.range + "）");
  // no table found and none missing: a narrative checked on its own (`--narrative` without a workbook)
  if (!r.tables.length && !r.missing.length) out.push("  未提供工作簿：只审核情况说明文本（文内勾稽）");
  else out.push("  识别到 " + r.tables.length + " 张表" + (found.length ? "：" + found.join("、") : ""));
  if (r.missing.length) out.push("  未找到：" + r.missing.join("、"));

  // Echoes go under their cause (found by causeRef) when it is among the findings; otherwise they stand on their own.
  const rootAt = rootIndexes(r.findings);
  const children = new Map<Finding, Finding[]>();
  const roots: Finding[] = [];
  r.findings.forEach((f, i) => {
    const parent = rootAt[i] >= 0 ? r.findings[rootAt[i]] : undefined;
    if (parent) {
      const list = children.get(parent) || [];
      list.push(f);
      children.set(parent, list);
    } else roots.push(f);
  });
  const groups = new Map<string, Finding[]>();
  for (const f of stableSort(roots, (a, b) => tableRank(a.table) - tableRank(b.table))) {
    const g = f.table === null ? "工作簿" : f.table;
    const list = groups.get(g) || [];
    list.push(f);
    groups.set(g, list);
  }
  if (r.findings.length === 0) out.push("  未发现问题。");
  groups.forEach((list, name) => {
    out.push("  【" + name + "】");
    for (const f of stableSort(list, bySeverity)) {
      // An echo whose cause is not in this report stands alone: name the cause so it can be found.
      out.push(line(f, "    ", false) + (f.cause ? "（随 " + f.cause + "）" : ""));
      const kids = children.get(f);
      // Nested under its cause, the "└" says where it comes from; the engine's message usually says it too.
      // A shifted column can have dozens of consequences: the first ones are shown, the rest counted (JSON has all).
      if (kids) for (const k of kids.slice(0, MAX_FOLDED)) out.push(line(k, "      ", true));
      if (kids && kids.length > MAX_FOLDED) out.push("      └ 另有 " + (kids.length - MAX_FOLDED) + " 项同源结果从略（--format json 列出全部）");
    }
  });
  const nc = r.notChecked || [];
  if (nc.length) {
    out.push("  【未审核】（缺少运算数或无法确定取数，未作判断，也未计为通过）");
    for (const l of uncheckedLines(nc, "    ")) out.push(l);
  }
  if (r.tableStats && r.tableStats.length) {
    out.push("  【各表检查】");
    for (const l of tableStatsLines(r.tableStats, "    ")) out.push(l);
  }
  const s = r.summary;
  out.push("  " + summaryLine("小结：检查 " + s.checks + " 项，通过 " + s.passed + " 项，未审核 " + (s.notChecked || 0) + " 项；", s));
  return out.join("\n");
}

export function formatTextReport(reports: FileReport[]): string {
  const parts = reports.map(formatFileReport);
  const total = { errors: 0, warnings: 0, tails: 0, infos: 0 };
  let unreadable = 0;
  let notChecked = 0;
  for (const r of reports) {
    if (!r.ok) unreadable++;
    notChecked += r.summary.notChecked || 0;
    total.errors += r.summary.errors;
    total.warnings += r.summary.warnings;
    total.tails += r.summary.tails;
    total.infos += r.summary.infos;
  }
  const overall = summaryLine("共审核 " + reports.length + " 个文件：", total) + (notChecked ? "；未审核 " + notChecked + " 项" : "") + (unreadable ? "；无法读取 " + unreadable + " 个文件" : "");
  return parts.join("\n\n") + "\n\n" + overall + "\n";
}
