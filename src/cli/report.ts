/**
 * The JSON report (contracts/audit-report.schema.json). Built field by field in the schema's order, so that what
 * other tools read does not change when the engine's objects grow extra fields.
 */
import type { AuditResult, Finding, NotChecked, Summary, TableLocation, TableStats } from "../engine";

export interface ToolInfo {
  name: string;
  version: string;
}

export interface FileReport {
  file: string;
  ok: boolean;
  error?: string;
  unit?: string;
  tables: TableLocation[];
  missing: string[];
  summary: Summary;
  findings: Finding[];
  /** Schema v2: the checks that could not be made (未审核), with their reasons. */
  notChecked: NotChecked[];
  /** Schema v2: per table, checks passed / with findings / not checked. */
  tableStats: TableStats[];
  /** Issue 12 (additive): the department and year (YYYY) most of the tables' heads print, for batch summaries and letters. */
  department?: string;
  year?: string;
  /**
   * Additive (issue 12): last year's document compared with (--previous, --previous-dir), or null with the reason
   * none was (no partner found, or unreadable). Absent when no comparison was asked for.
   */
  previous?: { file: string | null; note: string | null };
}

/** Version 2 adds notChecked and tableStats (contracts/CHANGES.md). */
export const SCHEMA_VERSION = 2;

export interface AuditReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: ToolInfo;
  reports: FileReport[];
}

export function emptySummary(): Summary {
  return { checks: 0, passed: 0, errors: 0, warnings: 0, tails: 0, infos: 0, notChecked: 0 };
}

export function failedReport(file: string, error: string): FileReport {
  return { file: file, ok: false, error: error, tables: [], missing: [], summary: emptySummary(), findings: [], notChecked: [], tableStats: [] };
}

function table(t: TableLocation): TableLocation {
  const out: TableLocation = { id: t.id, title: t.title, sheet: t.sheet, range: t.range };
  if (t.title === undefined) delete (out as { title?: string }).title;
  return out;
}

/** The schema's decimal: plain notation, no separators, no exponent, no sign other than a leading minus. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * In the JSON contract expected/actual/difference/tolerance are decimals or null. A text comparison (a wording or a
 * project name) has no decimal: strict mode writes null there, and the finding's message still names both sides.
 */
function decimal(v: string | null | undefined, strict: boolean): string | null {
  if (v === undefined || v === null) return null;
  return strict && !DECIMAL_PATTERN.test(v) ? null : v;
}

export function finding(f: Finding, strict = true): Finding {
  const out: Finding = {
    rule: f.rule,
    severity: f.severity,
    table: f.table === undefined ? null : f.table,
    sheet: f.sheet,
    cell: f.cell === undefined ? null : f.cell,
    related: f.related ? f.related.slice() : [],
    expected: decimal(f.expected, strict),
    actual: decimal(f.actual, strict),
    difference: decimal(f.difference, strict),
    tolerance: decimal(f.tolerance, strict),
    message: f.message,
  };
  if (f.excerpt !== undefined) out.excerpt = f.excerpt;
  // issue 11, additive: where a finding read from a PDF stands
  if (typeof f.page === "number") out.page = f.page;
  if (typeof f.location === "string") out.location = f.location;
  if (f.cause !== undefined) out.cause = f.cause;
  // schema v2, additive: the structured reference to the same root, present wherever `cause` is
  if (f.cause !== undefined || f.causeRef !== undefined) out.causeRef = f.causeRef ? { rule: f.causeRef.rule, table: f.causeRef.table, sheet: f.causeRef.sheet, cell: f.causeRef.cell } : null;
  // issue 12, additive: last year's document's figure and place, for a comparison with it (PY.*)
  if (f.previous) out.previous = { file: f.previous.file, sheet: f.previous.sheet, cell: f.previous.cell, value: decimal(f.previous.value, strict) };
  return out;
}

function summary(s: Summary): Summary {
  return { checks: s.checks, passed: s.passed, errors: s.errors, warnings: s.warnings, tails: s.tails, infos: s.infos, notChecked: s.notChecked || 0 };
}

function notChecked(n: NotChecked): NotChecked {
  return { rule: n.rule, table: n.table === undefined ? null : n.table, reason: n.reason, detail: n.detail, cells: (n.cells || []).slice() };
}

function tableStats(t: TableStats): TableStats {
  return { table: t.table, checks: t.checks, passed: t.passed, withFindings: t.withFindings, notChecked: t.notChecked };
}

/** `strict` (the JSON report) keeps to the schema exactly; the text report shows the engine's values as they are. */
export function okReport(file: string, r: AuditResult, strict = true): FileReport {
  // Keys in the schema's order: unit, department and year (each only when known) sit between ok and tables.
  const out = { file: file, ok: true } as FileReport;
  if (r.unit !== undefined) out.unit = r.unit;
  if (r.department !== undefined) out.department = r.department;
  if (r.year !== undefined) out.year = r.year;
  out.tables = (r.tables || []).map(table);
  out.missing = (r.missing || []).slice();
  out.summary = summary(r.summary || emptySummary());
  out.findings = (r.findings || []).map((f) => finding(f, strict));
  out.notChecked = (r.notChecked || []).map(notChecked);
  out.tableStats = (r.tableStats || []).map(tableStats);
  return out;
}
