/**
 * The audit of one workbook snapshot: recognise the tables, run the catalogue, group 尾差 echoes, add the
 * notices about how the workbook was read. Pure: no I/O, never throws (a rule that fails is reported).
 */
import { qualified } from "./address";
import { TableModel } from "./model";
import { NarrativeResult, narrativeRules } from "./narrative";
import { completenessRules } from "./completeness";
import { AuditOptions } from "./options";
import { recognize, Recognition } from "./recognize";
import { CATALOGUE } from "./rules/catalogue";
import { DEFAULT_TEMPLATES, templateFor } from "./templates";
import { Context } from "./rules/context";
import { linkEchoes } from "./rules/echoes";
import { linkRootCauses } from "./rules/rootcause";
import { linkShiftedColumns } from "./rules/shift";
import { evaluate } from "./rules/evaluate";
import { basicRules, codedRules, functionEconomicHints, headRules, roundingNotes, summaryRules } from "./rules/structural";
import { AuditResult, Finding, Summary, TableId, TableStats, TABLE_IDS, WorkbookSnapshot } from "./types";
import { dict } from "./dict";

export type { AuditOptions } from "./options";


function guarded(ctx: Context, what: string, fn: () => void): void {
  try {
    fn();
  } catch {
    // the reader sees a Chinese sentence, never the program's own (English) error text (issue 13 item 6)
    ctx.note("S.9", "warning", null, null, "审核“" + what + "”时出现内部错误，该项未完成；请将此文件反馈给开发者");
  }
}

function notices(ctx: Context, rec: Recognition): void {
  for (const m of rec.missing) ctx.note("S.1", "warning", null, null, m.id + " 缺失：" + m.reason + "；其余各表照常审核", { table: m.id });
  for (const id of TABLE_IDS) {
    const chosen = rec.tables[id];
    if (!chosen) continue;
    const copies = rec.candidates.filter((c) => c.id === id && c.table && c.table !== chosen);
    if (copies.length)
      ctx.note("S.2", "warning", chosen, { sheet: chosen.sheet, addr: chosen.range.split(":")[0] }, id + " 在工作簿中出现 " + (copies.length + 1) + " 次（另见 " + copies.map((c) => "“" + c.sheet + "”" + c.cell).join("、") + "），审核的是“" + chosen.sheet + "”中的这一份" + (copies.some((c) => c.table && c.table.department && c.table.department !== chosen.department) ? "；各份的单位名称不同，工作簿中可能有两个单位的表" : ""));
    if (chosen.sheetHidden) ctx.note("S.6", "info", chosen, null, id + " 位于隐藏的工作表“" + chosen.sheet + "”，已照常审核");
    for (const p of chosen.problems) ctx.note("S.7", "warning", chosen, null, id + "：" + p);
    for (const p of chosen.remarks || []) ctx.note("S.7", "info", chosen, null, id + "：" + p);
    hiddenDecimals(ctx, chosen);
  }
}

/** Audit what is displayed, and say so when stored values carry decimals that are not shown. */
function hiddenDecimals(ctx: Context, t: TableModel): void {
  const cells: string[] = [];
  let example = "";
  for (const r of t.rows)
    for (const k in r.cells) {
      const c = r.cells[k];
      if (!c.hidden) continue;
      cells.push(qualified(c.sheet, c.addr));
      if (!example) example = c.addr + " 存储 " + c.hidden.toFixed() + "，显示 " + c.text;
    }
  if (cells.length)
    ctx.note("S.4", "info", t, { sheet: t.sheet, addr: cells[0].slice(cells[0].lastIndexOf("!") + 1) }, t.id + " 有 " + cells.length + " 个金额单元格的存储值含有未显示的小数（如 " + example + "）；本审核按显示值（即公开的数字）进行", { related: cells });
}

const ORDER: string[] = (TABLE_IDS as string[]).concat(["情况说明", "绩效"]);

/**
 * Per table: checks counted, passed, ended with a finding, 未审核. Workbook-level checks (X.25, no table) are in the
 * summary but in no table's line.
 */
function tableStats(ctx: Context): TableStats[] {
  const keys: string[] = [];
  const add = (k: string | null) => {
    if (k && keys.indexOf(k) < 0) keys.push(k);
  };
  for (const k in ctx.tally) add(k);
  for (const n of ctx.notChecked) add(n.table);
  keys.sort((a, b) => rankOf(a) - rankOf(b));
  return keys.map((k) => {
    const t = ctx.tally[k] || { checks: 0, passed: 0 };
    return { table: k, checks: t.checks, passed: t.passed, withFindings: t.checks - t.passed, notChecked: ctx.notChecked.filter((n) => n.table === k).length };
  });
}

/**
 * Checks counted on the Context without a table (the narrative adds its own counts in one sum) are put under
 * `table`, so the per-table figures add up to the summary.
 */
function tallyRest(ctx: Context, table: string): void {
  let checks = 0;
  let passed = 0;
  for (const k in ctx.tally) {
    checks += ctx.tally[k].checks;
    passed += ctx.tally[k].passed;
  }
  if (ctx.checks === checks) return;
  const t = ctx.tally[table] || (ctx.tally[table] = { checks: 0, passed: 0 });
  t.checks += ctx.checks - checks;
  t.passed += ctx.passed - passed;
}

/** The department and year most found tables print in their heads (a tie goes to the earlier table). */
function identity(tables: TableModel[]): { department?: string; year?: string } {
  const most = (pick: (t: TableModel) => string | undefined): string | undefined => {
    const n = dict<number>();
    let best: string | undefined;
    for (const t of tables) {
      const v = pick(t);
      if (!v) continue;
      n[v] = (n[v] || 0) + 1;
      if (best === undefined || n[v] > n[best]) best = v;
    }
    return best;
  };
  const out: { department?: string; year?: string } = {};
  const department = most((t) => t.department);
  const year = most((t) => t.year);
  if (department !== undefined) out.department = department;
  if (year !== undefined) out.year = year;
  return out;
}

function rankOf(table: string): number {
  const i = ORDER.indexOf(table);
  return i < 0 ? ORDER.length : i;
}

function summarise(ctx: Context): Summary {
  const s: Summary = { checks: ctx.checks, passed: ctx.passed, errors: 0, warnings: 0, tails: 0, infos: 0, notChecked: ctx.notChecked.length };
  for (const f of ctx.findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else if (f.severity === "tail") s.tails++;
    else s.infos++;
  }
  return s;
}

/**
 * A pass run after the narrative rules, given by the entry that needs it (prior/index.ts auditWithPrevious: the
 * comparison with last year's document), so that bundles that never compare (the pane) leave its code out.
 */
export type ExtraPass = (ctx: Context, rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions) => void;

export function runAudit(snapshot: WorkbookSnapshot, options: AuditOptions = {}, extra?: ExtraPass): AuditResult & { recognition: Recognition; context: Context } {
  let rec: Recognition;
  try {
    rec = recognize(snapshot, options.templates || DEFAULT_TEMPLATES);
  } catch {
    rec = { tables: {}, grids: [], candidates: [], missing: TABLE_IDS.map((id) => ({ id, reason: "读取工作簿时出现内部错误，未能识别各表；请将此文件反馈给开发者" })) };
  }
  // The rules and the narrative use the pack the tables were read with: it flows on in the Recognition and Context.
  if (!rec.template) rec.template = templateFor(undefined, undefined, options.templates || DEFAULT_TEMPLATES);
  return auditRecognised(rec, snapshot, options, extra);
}

function auditRecognised(rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions, extra?: ExtraPass): AuditResult & { recognition: Recognition; context: Context } {
  const ctx = new Context(rec.tables, rec.template);
  guarded(ctx, "读表", () => notices(ctx, rec));
  for (const spec of CATALOGUE) guarded(ctx, spec.id, () => evaluate(ctx, spec));
  guarded(ctx, "公开06", () => basicRules(ctx));
  guarded(ctx, "科目结构", () => codedRules(ctx));
  guarded(ctx, "公开01/04/09", () => summaryRules(ctx));
  guarded(ctx, "功能与经济分类", () => functionEconomicHints(ctx));
  const found = TABLE_IDS.map((id) => rec.tables[id]).filter((t): t is TableModel => !!t);
  guarded(ctx, "表头", () => headRules(ctx, found));
  guarded(ctx, "尾差说明", () => roundingNotes(ctx, found));
  // Shifted columns first (one cause for a whole table), then echoes up the hierarchy, then single wrong cells.
  guarded(ctx, "错行", () => linkShiftedColumns(ctx));
  guarded(ctx, "尾差归并", () => linkEchoes(ctx));
  guarded(ctx, "根源归并", () => linkRootCauses(ctx));
  guarded(ctx, "情况说明与绩效", () => narrativeRules(ctx, rec, snapshot, options));
  guarded(ctx, "完整性", () => completenessRules(ctx, rec, snapshot, options));
  if (extra) guarded(ctx, "与上年文件对比", () => extra(ctx, rec, snapshot, options));
  // never silent: last year's document given to an entry that does not compare (use auditWithPrevious)
  else if (options.previous) ctx.unchecked("PY.1", "情况说明", "其他", "给出了上年文件“" + options.previous.name + "”，但这一审核入口不做与上年文件的对比（应使用 auditWithPrevious）");
  tallyRest(ctx, "情况说明");
  const rank = (f: Finding) => rankOf(f.table || "");
  const findings = ctx.findings.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
  const units = dict<number>();
  for (const t of found) units[t.unit] = (units[t.unit] || 0) + 1;
  const unit = Object.keys(units).sort((a, b) => units[b] - units[a])[0];
  return {
    unit,
    tables: found.map((t) => ({ id: t.id as TableId, title: t.title, sheet: t.sheet, range: t.range })),
    missing: rec.missing.map((m) => m.id),
    summary: summarise(ctx),
    findings,
    notChecked: ctx.notChecked,
    tableStats: tableStats(ctx),
    recognition: rec,
    context: ctx,
  };
}

/**
 * For the pane: the audit result plus the narrative analysis it made (figures to mark in the text), so the pane
 * does not recognise the tables and read the narrative a second time.
 */
export function auditWithNarrative(snapshot: WorkbookSnapshot, options: AuditOptions = {}): AuditResult & { narrative: NarrativeResult | null } {
  const r = runAudit(snapshot, options);
  return { unit: r.unit, tables: r.tables, missing: r.missing, summary: r.summary, findings: r.findings, notChecked: r.notChecked, tableStats: r.tableStats, narrative: (r.context.narrative as NarrativeResult | null) || null };
}

export function auditWorkbook(snapshot: WorkbookSnapshot, options: AuditOptions = {}): AuditResult {
  return resultOf(runAudit(snapshot, options));
}

/** The audit result without the recognition and context that runAudit also returns. */
export function resultOf(r: AuditResult & { recognition: Recognition; context: Context }): AuditResult {
  const out: AuditResult = { unit: r.unit, tables: r.tables, missing: r.missing, summary: r.summary, findings: r.findings, notChecked: r.notChecked, tableStats: r.tableStats };
  // Only here, not in runAudit: the pane does not show them, so its bundle does not carry the code.
  const id = identity(TABLE_IDS.map((t) => r.recognition.tables[t]).filter((t): t is TableModel => !!t));
  if (id.department !== undefined) out.department = id.department;
  if (id.year !== undefined) out.year = id.year;
  return out;
}

/**
 * A 情况说明 checked on its own, without a workbook (`audit --narrative 说明.txt`): the checks inside the text run;
 * every comparison with the tables is 未审核 (one entry says so). No table is reported missing: none was given.
 */
export function auditText(narrative: string): AuditResult {
  const rec: Recognition = { tables: {}, grids: [], candidates: [], missing: [] };
  const ctx = new Context({});
  guarded(ctx, "情况说明", () => narrativeRules(ctx, rec, { sheets: [] }, { narrative, textOnly: true }));
  return { tables: [], missing: [], summary: summarise(ctx), findings: ctx.findings, notChecked: ctx.notChecked, tableStats: tableStats(ctx) };
}
