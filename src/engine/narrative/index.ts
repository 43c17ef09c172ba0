/**
 * 情况说明 and 绩效 checks (RULES.md §3): every amount, share, completion rate and growth rate in the text is
 * recomputed from the tables. Placeholder until the narrative engine lands.
 */
import { AuditOptions } from "../audit";
import { Recognition } from "../recognize";
import { Context } from "../rules/context";
import { WorkbookSnapshot } from "../types";

export function narrativeRules(_ctx: Context, _rec: Recognition, _snapshot: WorkbookSnapshot, _options: AuditOptions): void {
  /* filled in by the narrative module */
}
