import type { TemplateSet } from "./templates";
import type { WorkbookSnapshot } from "./types";

/**
 * Options of one audit. A module of its own so that audit.ts and narrative/ both depend on it, not on each other
 * (the import loop audit.ts ↔ narrative/index.ts of issue 9).
 */
export interface AuditOptions {
  /** Narrative text (情况说明) pasted or read from a file, checked against the tables. */
  narrative?: string;
  /** No workbook: the narrative is checked on its own (its checks inside the text; the comparisons with the tables are 未审核). */
  textOnly?: boolean;
  /**
   * The template packs to choose from (default: the project's, templates/years.ts): a year or region declared by
   * the caller (`withYear(DEFAULT_TEMPLATES, "2026", patch)`) applies to this audit only.
   */
  templates?: TemplateSet;
  /**
   * Last year's document of the same unit (issue 12 item 1): every 上年 figure this year's 情况说明 states or
   * implies is checked against its tables, and the text carried over is measured (src/engine/prior/). Only the
   * entry auditWithPrevious compares; any other entry records the comparison as 未审核 (never silent).
   */
  previous?: { snapshot: WorkbookSnapshot; name: string };
}
