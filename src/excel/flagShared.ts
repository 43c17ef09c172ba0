/**
 * What the two flag mechanisms (flagsCf.ts, flagsFill.ts) share: the environment, results, and the batch helpers.
 */
import { WorkbookSnapshot } from "../engine";
import { ExcelCapabilities } from "./capabilities";
import { isProtectionError } from "./errors";

export interface FlagEnv {
  caps: ExcelCapabilities;
  /** Sheet names from the last read (empty if none yet). */
  knownSheets: string[];
  /** Sheets known to be protected. */
  protectedSheets: { [name: string]: boolean };
  /** The audited workbook, so that empty or zero operands stay unflagged (planFlags). */
  book?: WorkbookSnapshot;
}

export interface FlagResult {
  flagged: number;
  /** Sheets left without flags because they are protected. */
  skippedSheets: string[];
  /** Set when the stored registry was ignored (issue 13 item 8). */
  registryProblem?: string;
}

export interface ClearResult {
  /** Flags (rules, fills and notes) removed. */
  cleared: number;
  /** Sheets whose flags stay, with why (one Chinese phrase each). */
  notCleared: { sheet: string; reason: string }[];
  registryProblem?: string;
}

import { RUN_OPTIONS } from "./runOptions";
export { RUN_OPTIONS };

/**
 * Flags written per request. Each area costs a few actions; 2,000 keep a request near 1.2 MB, well inside Excel
 * on the web's 5 MB. Only workbooks with more flagged areas than this take more syncs.
 */
export const FLAGS_PER_REQUEST = 2000;

export function unique(list: string[]): string[] {
  const seen: { [k: string]: boolean } = Object.create(null);
  return list.filter(function (s) {
    if (seen[s]) return false;
    seen[s] = true;
    return true;
  });
}

/** Caches worksheet proxies for one batch; getItemOrNullObject where 1.4 has it, so a deleted sheet is no error. */
export function sheetGetter(context: Excel.RequestContext, caps: ExcelCapabilities): (name: string) => Excel.Worksheet {
  const cache: { [name: string]: Excel.Worksheet } = Object.create(null);
  return function (name: string): Excel.Worksheet {
    if (!cache[name]) {
      const wss = context.workbook.worksheets;
      cache[name] = caps.nullObjects ? wss.getItemOrNullObject(name) : wss.getItem(name);
    }
    return cache[name];
  };
}

export function isNull(obj: { isNullObject?: boolean }): boolean {
  return obj.isNullObject === true;
}

/**
 * Our writes must not wake our own selection/change handlers. context.runtime.enableEvents (1.8+) switches events
 * off for this add-in's runtime only — other add-ins and Excel itself still see the changes.
 */
export function setEvents(context: Excel.RequestContext, caps: ExcelCapabilities, on: boolean): void {
  if (caps.enableEvents) context.runtime.enableEvents = on;
}

/**
 * Excel.run for our writes: waits out cell-edit mode, and if a batch fails after turning events off (off for this
 * add-in's runtime until turned on again) turns them back on before passing the error up.
 */
export function runWrites<T>(caps: ExcelCapabilities, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(RUN_OPTIONS, async function (context) {
    try {
      return await body(context);
    } catch (e) {
      if (caps.enableEvents) {
        try {
          context.runtime.enableEvents = true;
          await context.sync();
        } catch (_e) {
          // The first error is the one to report.
        }
      }
      throw e;
    }
  });
}

/**
 * Queues every sheet's writes, then `finish` (turning events back on), and syncs once; if protection refuses the
 * batch, retries sheet by sheet (then `finish` again in one more sync). Returns the sheets that were refused.
 * Writes must be idempotent (a colour set twice is the same colour), since part of a refused batch may have landed.
 */
export async function writePerSheet(context: Excel.RequestContext, sheets: string[], queue: (sheet: string) => void, finish: () => void): Promise<string[]> {
  sheets.forEach(queue);
  finish();
  try {
    await context.sync();
    return [];
  } catch (e) {
    if (!isProtectionError(e)) throw e;
  }
  const refused: string[] = [];
  for (let i = 0; i < sheets.length; i++) {
    queue(sheets[i]);
    try {
      await context.sync();
    } catch (e) {
      if (!isProtectionError(e)) throw e;
      refused.push(sheets[i]);
    }
  }
  finish();
  await context.sync();
  return refused;
}
