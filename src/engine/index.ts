/**
 * Engine entry point: a workbook snapshot goes in, findings come out. Pure TypeScript: no Office, DOM or Node.
 *   auditWorkbook(snapshot, { narrative? }) → AuditResult (see types.ts and contracts/audit-report.schema.json)
 */
export * from "./types";
export { auditWorkbook, auditWithNarrative, runAudit } from "./audit";
export type { AuditOptions } from "./audit";
