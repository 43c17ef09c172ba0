/** Engine entry point (placeholder until the rule engine lands): snapshot in, AuditResult out. */
import { AuditResult, WorkbookSnapshot } from "./types";
export * from "./types";

export interface AuditOptions {
  /** Narrative text pasted or read from a file, checked against the tables (情况说明). */
  narrative?: string;
}

export function auditWorkbook(_snapshot: WorkbookSnapshot, _options: AuditOptions = {}): AuditResult {
  return { tables: [], missing: [], summary: { checks: 0, passed: 0, errors: 0, warnings: 0, tails: 0, infos: 0 }, findings: [] };
}
