/**
 * Last year's document (issue 12 items 1 and 2): the 上年 figures of this year's 情况说明 against last year's
 * tables (check.ts, PY.1/PY.2), the text carried over from last year's 情况说明 (carried.ts, PY.3/PY.4), and whether
 * the two documents are of one unit and consecutive years (PY.5). Pure: both documents arrive as snapshots.
 *
 * Decision (the issue is silent): last year's document is read, not audited; its own errors are its own report's.
 * Its 情况说明 is taken from its workbook (the sheet found by its headings), never from --narrative.
 */
import { Source as NarrativeSource, sourceOf } from "../narrative";
import { outline, Section } from "../narrative/sections";
import { AuditOptions } from "../options";
import { recognize, Recognition, safeGrids } from "../recognize";
import { Context } from "../rules/context";
import { DEFAULT_TEMPLATES } from "../templates";
import { Tables } from "../model";
import { AuditResult, WorkbookSnapshot, TABLE_IDS } from "../types";
import { resultOf, runAudit } from "../audit";
import { carriedOver } from "./carried";
import { PriorChecks, PriorDoc } from "./check";
import { claimsOf } from "./claims";
import { identityOf } from "./identity";

export { identityOf, pairDocuments } from "./identity";
export type { DocIdentity, Pairing } from "./identity";
export { carriedShare } from "./carried";
export type { CarriedSection } from "./carried";

function sectionsOf(src: NarrativeSource): Section[] {
  return outline(src.paras).sections;
}

function fiscalYearOf(tables: Tables): number | undefined {
  for (const id of TABLE_IDS) {
    const t = tables[id];
    if (t && t.year) return parseInt(t.year, 10);
  }
  return undefined;
}

/**
 * The audit of `snapshot` with the comparison against `options.previous` (issue 12). A separate entry, not a step of
 * auditWorkbook, so that bundles that never compare (the pane) leave this code out (test/e2e bundle budget).
 */
export function auditWithPrevious(snapshot: WorkbookSnapshot, options: AuditOptions): AuditResult {
  return resultOf(runAudit(snapshot, options, priorRules));
}

/** The checks against last year's document; runs after the narrative rules (audit.ts ExtraPass). */
export function priorRules(ctx: Context, rec: Recognition, snapshot: WorkbookSnapshot, options: AuditOptions): void {
  const prev = options.previous;
  if (!prev) return;
  const prevRec = recognize(prev.snapshot, options.templates || DEFAULT_TEMPLATES);
  const now = sourceOf(rec.grids && rec.grids.length ? rec.grids : safeGrids(snapshot), options);
  const before = sourceOf(prevRec.grids && prevRec.grids.length ? prevRec.grids : safeGrids(prev.snapshot), {});
  const year = fiscalYearOf(rec.tables) || yearInText(now.doc);
  const doc: PriorDoc = { name: prev.name, tables: prevRec.tables, sections: sectionsOf(before) };
  // PY.5: one unit, consecutive years (a wrong partner would make every comparison meaningless)
  const a = identityOf(snapshot, rec);
  const b = identityOf(prev.snapshot, prevRec);
  const problems: string[] = [];
  if (a.year !== null && b.year !== null && b.year !== a.year - 1) problems.push("上年文件是 " + b.year + " 年度，本年文件是 " + a.year + " 年度，不是相邻两年");
  if (a.unit && b.unit && a.unit !== b.unit) problems.push("上年文件的单位是“" + b.unit + "”，本年文件是“" + a.unit + "”");
  if (!TABLE_IDS.some((id) => prevRec.tables[id])) problems.push("上年文件“" + prev.name + "”中没有识别出任何一张公开表");
  ctx.count("情况说明", problems.length === 0);
  if (problems.length) ctx.note("PY.5", "warning", null, null, "与上年文件“" + prev.name + "”对比：" + problems.join("；") + "，请确认所给的上年文件是否正确", { table: "情况说明", sheet: now.sheet || "" });
  if (!now.paras.length) {
    ctx.unchecked("PY.1", "情况说明", "无文本", "没有本年的情况说明，文中的上年数无从核对");
    return;
  }
  new PriorChecks(ctx, doc).run(claimsOf(sectionsOf(now), year));
  carriedOver(ctx, sectionsOf(now), doc.sections, prev.name, year);
}

function yearInText(doc: string): number | undefined {
  const m = /(\d{4})\s*年度/.exec(doc);
  return m ? parseInt(m[1], 10) : undefined;
}
