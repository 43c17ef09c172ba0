/**
 * Drawing and removing the audit's flags in Excel, without ever touching a value or leaving a trace in the
 * user's own formatting. Two mechanisms, chosen by the host's ExcelApi level:
 *  - ExcelApi 1.6+: conditional formats, one rule per severity and one for operands per sheet (flagsCf.ts);
 *  - below 1.6: fills, each cell's original fill kept in the registry to be put back (flagsFill.ts).
 * Notes (ExcelApi 1.18, option) join the conditional-format batch.
 *
 * Protection: sheets known to be protected (ExcelApi 1.2+) are left out and named. Where protection cannot be
 * read (1.1) or changed after the read, a refused batch is retried sheet by sheet, so one protected sheet costs
 * only its own flags (issue 10: "at API 1.1 one protected sheet must not abort all flagging"). A sheet that could
 * not be cleared keeps its entries in the registry, so a later 清除标记 (after unprotecting) still restores it.
 */
import { Finding } from "../engine";
import { FlagOptions } from "../present/host";
import { planFlags } from "../present/flagPlan";
import { applyCf, clearCf } from "./flagsCf";
import { ClearResult, FlagEnv, FlagResult } from "./flagShared";
import { applyFill, clearFill } from "./flagsFill";
import { loadRegistry } from "./registry";

export { CF_MARKER, isOurFormula, markerFormula } from "./flagsCf";
export { originalFill } from "./flagsFill";
export type { ClearResult, FlagEnv, FlagResult } from "./flagShared";
export { FLAGS_PER_REQUEST, RUN_OPTIONS } from "./flagShared";

export function applyFlags(findings: Finding[], options: FlagOptions, env: FlagEnv): Promise<FlagResult> {
  const plan = planFlags(findings, env.book);
  const loaded = loadRegistry();
  const run = env.caps.conditionalFormats ? applyCf(plan, findings, options, env, loaded.registry) : applyFill(plan, env, loaded.registry);
  return run.then(function (r) {
    if (loaded.problem) r.registryProblem = loaded.problem;
    return r;
  });
}

/** Removes every flag (and note) of ours that can be removed; names the sheets where that was not possible. */
export function clearFlags(env: FlagEnv): Promise<ClearResult> {
  const loaded = loadRegistry();
  const run = env.caps.conditionalFormats ? clearCf(env, loaded.registry) : clearFill(env, loaded.registry);
  return run.then(function (r) {
    if (loaded.problem) r.registryProblem = loaded.problem;
    return r;
  });
}
