/**
 * Engine entry point, and the only way into the engine from outside it (cli, io, present, excel, taskpane,
 * preview import "../engine", never a file inside it; eslint.config.mjs and test/architecture enforce this).
 * Pure TypeScript: no Office, DOM or Node (tsconfig.engine.json compiles it with neither).
 *   auditWorkbook(snapshot, { narrative? }) → AuditResult (see types.ts and contracts/audit-report.schema.json)
 */
export * from "./types";
export { auditText, auditWorkbook, auditWithNarrative, runAudit } from "./audit";
export type { AuditOptions } from "./options";
/** A1 helpers shared with the readers and the presentation layer. */
export { a1, colName, parseA1, parseRange, qualified, rangeA1 } from "./address";
export type { Area, CellPos } from "./address";
/** Links between findings: an echo or consequence and its root (`causeRef`); readers never parse `cause`. */
export { causeText, refersTo, rootIndexes } from "./cause";
/** Merged areas made safe (issue 13 item 2): the readers drop overlapping merges and cap their number. */
export { MAX_MERGES_PER_SHEET, disjointAreas } from "./merges";
/** The pane marks the figures of the narrative (taskpane/narrativeView.ts). */
export { recognize } from "./recognize";
export { analyseNarrative, markNarrative, EXTERNAL_SHEET } from "./narrative";
/** Pasted text is accepted as a 情况说明 only when its section headings are recognised (narrative/pasted.ts). */
export { narrativeHeadings } from "./narrative/pasted";
export type { FigureMark, MarkStatus, NarrativeResult, Span } from "./narrative";
/** The rule registry (npm run audit -- --rules). */
export { NOT_IMPLEMENTED, RULE_REGISTRY, ruleMeta } from "./rules/registry";
export type { RuleMeta } from "./rules/registry";
/** Template packs by year and region: a new year or region is data (templates/years.ts), or a TemplateSet given to one audit (AuditOptions.templates); docs/templates.md. */
export { DEFAULT_TEMPLATES, templateFor, withRegion, withYear } from "./templates";
export type { TemplatePack, TemplatePatch, TemplateSet } from "./templates";
/** Last year's document (issue 12): who a document is (unit, year) and the pairing of a batch with last year's. */
export { auditWithPrevious, identityOf, pairDocuments, priorRules } from "./prior";
export type { DocIdentity, Pairing } from "./prior";
