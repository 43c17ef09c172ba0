/**
 * Drawing and removing the audit's flags in WPS 表格, under the Excel adapter's rules (src/excel/flags.ts):
 * flags never touch a value; only the open findings are flagged (present/flagPlan.ts planFlags, the same plan);
 * protected sheets are left alone and named; only what carries our signature or our colours is removed.
 *
 * Two mechanisms, chosen by what the running WPS can do (WpsHost probes Range.FormatConditions once):
 *  - conditional formats: per sheet one rule per severity and one for operands, each over the group's cells folded
 *    into rectangles (cellsToAreas), the address list cut into pieces of at most 255 characters (the longest
 *    string Range() takes in Excel; WPS is not documented to take more). The rule formula `=ISTEXT("JSAUDIT:<group>")`
 *    is the Excel add-in's signature too, so either add-in clears the other's flags. Clearing scans every sheet's
 *    rules and deletes those that carry it: no registry is needed, and none can make it delete anything else;
 *  - fills (flagsFill.ts), each cell's original fill kept in the registry and put back exactly.
 * Protection is read live (Worksheet.ProtectContents, one call a sheet), so a sheet protected after the audit is
 * also left alone; its old flags and registry entries stay until it can be cleared.
 * Notes (批注) are not written under WPS (capabilities.notes is false).
 */
import { FLAG_STYLE, FlagGroup, groupFlags, CellFlag, cellsToAreas, RELATED_STYLE } from "../present/flagPlan";
import { LoadedRegistry, SavedFill } from "../present/flagRegistry";
import { DocStore } from "./docStore";
import { activeBook, bgr, EtApplication, EtWorksheet, XL_EXPRESSION } from "./et";
import { applyFill, clearFill } from "./flagsFill";
import { loadRegistry, newRegistry, saveRegistry } from "./registry";
import { eachSheet, unique } from "./sheets";

export const CF_MARKER = '"JSAUDIT:';
/** The longest address list one Range() call is given. */
export const MAX_ADDRESS = 255;

export function markerFormula(group: FlagGroup): string {
  return '=ISTEXT("JSAUDIT:' + group + '")';
}

export function isOurFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.indexOf(CF_MARKER) >= 0;
}

export type WpsFlagMode = "conditionalFormat" | "fill";

export interface WpsFlagResult {
  flagged: number;
  /** Protected sheets that have flags to show and were left without them. */
  skippedSheets: string[];
  registryProblem?: string;
}

export interface WpsClearResult {
  cleared: number;
  notCleared: { sheet: string; reason: string }[];
  registryProblem?: string;
}

/** Areas joined with "," into lists of at most MAX_ADDRESS characters. */
export function addressChunks(areas: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  areas.forEach(function (a) {
    if (cur && cur.length + 1 + a.length > MAX_ADDRESS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? cur + "," + a : a;
  });
  if (cur) out.push(cur);
  return out;
}

/** Our rules on one sheet (scanned from the last, so deleting keeps the indexes right); deletes them when asked. */
function ourRules(ws: EtWorksheet, remove: boolean): number {
  const fcs = ws.Cells.FormatConditions;
  let n = 0;
  for (let i = fcs.Count; i >= 1; i--) {
    const fc = fcs.Item(i);
    if (fc.Type === XL_EXPRESSION && isOurFormula(fc.Formula1)) {
      if (remove) fc.Delete();
      n++;
    }
  }
  return n;
}

/** True when this WPS has conditional formats in its object model (older builds may lack them). */
export function probeConditionalFormats(app: EtApplication): boolean {
  try {
    const sheets = activeBook(app).Worksheets;
    if (sheets.Count < 1) return true;
    return typeof sheets.Item(1).Cells.FormatConditions.Count === "number";
  } catch (_e) {
    return false;
  }
}

function addRules(ws: EtWorksheet, sheetFlags: { group: FlagGroup; cells: string[] }[]): void {
  sheetFlags.forEach(function (g) {
    const style = g.group === "related" ? { fill: RELATED_STYLE.fill, font: null } : { fill: FLAG_STYLE[g.group].fill, font: FLAG_STYLE[g.group].font };
    addressChunks(cellsToAreas(g.cells)).forEach(function (list) {
      const fc = ws.Range(list).FormatConditions.Add(XL_EXPRESSION, undefined, markerFormula(g.group));
      fc.Interior.Color = bgr(style.fill);
      if (style.font) fc.Font.Color = bgr(style.font);
    });
  });
}

function applyCf(app: EtApplication, plan: CellFlag[], store: DocStore, loaded: LoadedRegistry): WpsFlagResult {
  const groups = groupFlags(plan);
  const skipped: string[] = [];
  const flaggedSheets: string[] = [];
  let flagged = 0;
  eachSheet(app).forEach(function (s) {
    const mine = groups.filter(function (g) {
      return g.sheet === s.name;
    });
    if (s.protected) {
      if (mine.length) skipped.push(s.name);
      return;
    }
    ourRules(s.ws, true);
    addRules(s.ws, mine);
    if (mine.length) flaggedSheets.push(s.name);
    mine.forEach(function (g) {
      flagged += g.cells.length;
    });
  });
  // Fills left from a WPS without conditional formats (same file, other computer) are put back first.
  const prevFills = loaded.registry && loaded.registry.mode === "fill" ? loaded.registry.fills : [];
  const left = prevFills.length ? clearFill(app, prevFills).left : [];
  saveRegistry(store, flaggedSheets.length || left.length ? newRegistry(store, left.length ? "fill" : "conditionalFormat", unique(flaggedSheets.concat(sheetsOf(left))), left) : null);
  return { flagged: flagged, skippedSheets: skipped };
}

function sheetsOf(fills: SavedFill[]): string[] {
  return unique(
    fills.map(function (f) {
      return f.sheet;
    })
  );
}

/** Replaces any earlier flags with flags for `plan` (already without reviewed findings). */
export function applyFlags(app: EtApplication, plan: CellFlag[], store: DocStore, mode: WpsFlagMode): WpsFlagResult {
  const loaded = loadRegistry(store);
  let r: WpsFlagResult;
  if (mode === "conditionalFormat") r = applyCf(app, plan, store, loaded);
  else {
    const f = applyFill(app, plan, loaded.registry && loaded.registry.mode === "fill" ? loaded.registry.fills : []);
    saveRegistry(store, f.fills.length ? newRegistry(store, "fill", sheetsOf(f.fills), f.fills) : null);
    r = { flagged: f.flagged, skippedSheets: f.skippedSheets };
  }
  if (loaded.problem) r.registryProblem = loaded.problem;
  return r;
}

/** Removes every flag of ours that can be removed; names the protected sheets that keep theirs. */
export function clearFlags(app: EtApplication, store: DocStore, mode: WpsFlagMode): WpsClearResult {
  const loaded = loadRegistry(store);
  let cleared = 0;
  const kept: string[] = [];
  if (mode === "conditionalFormat") {
    eachSheet(app).forEach(function (s) {
      if (s.protected) {
        if (ourRules(s.ws, false)) kept.push(s.name);
        return;
      }
      cleared += ourRules(s.ws, true);
    });
  }
  const prevFills = loaded.registry && loaded.registry.mode === "fill" ? loaded.registry.fills : [];
  const f = clearFill(app, prevFills);
  cleared += f.restored;
  const keptSheets = unique(kept.concat(sheetsOf(f.left)));
  saveRegistry(store, keptSheets.length ? newRegistry(store, f.left.length ? "fill" : "conditionalFormat", keptSheets, f.left) : null);
  const out: WpsClearResult = {
    cleared: cleared,
    notCleared: keptSheets.map(function (s) {
      return { sheet: s, reason: "工作表受保护" };
    }),
  };
  if (loaded.problem) out.registryProblem = loaded.problem;
  return out;
}
