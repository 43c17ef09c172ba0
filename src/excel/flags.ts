/**
 * Drawing and removing the audit's flags in Excel, without ever touching a value or leaving a trace in the
 * user's own formatting.
 *
 * ExcelApi 1.6+: one conditional format per flagged cell, rule formula `=ISTEXT("JSAUDIT:<kind>")` (always TRUE).
 *   The string is our signature: clearing deletes exactly the rules that carry it, found by scanning the sheets'
 *   conditional formats, so it works even when the registry is lost or the user copied flagged cells elsewhere.
 *   Sync budget: apply 2 (read existing rules/notes; delete old + add new), clear 2 (same), as long as the sheet
 *   names are known from the last read or the registry (otherwise one more sync reads them) and no more than
 *   FLAGS_PER_REQUEST cells are flagged (each further 2,000 add a sync, for the 5 MB request limit on the web).
 * Below 1.6: fills. Each cell's original fill is read before painting and kept in the registry; clearing writes it
 *   back. ExcelApi 1.1–1.5 report No Fill and white alike as "#FFFFFF" (tintAndShade, which tells them apart, is
 *   1.9), so "#FFFFFF" is restored as No Fill with fill.clear(): a cell that was truly white comes back as No Fill,
 *   which looks the same except that gridlines show. Sync budget: apply 2, clear 1.
 * Notes (ExcelApi 1.18, option): our notes start with NOTE_PREFIX; a cell that already has the user's note keeps it.
 */
import { Finding } from "../engine";
import { FlagOutcome, FlagOptions } from "../present/host";
import { ExcelCapabilities } from "./capabilities";
import { CellFlag, FLAG_STYLE, FlagKind, NOTE_PREFIX, noteText, planFlags } from "../present/flagPlan";
import { loadRegistry, Registry, SavedFill, saveRegistry } from "./registry";

export const CF_MARKER = '"JSAUDIT:';

export function markerFormula(kind: FlagKind, related: boolean): string {
  return '=ISTEXT("JSAUDIT:' + kind + (related ? "-related" : "") + '")';
}

export function isOurFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.indexOf(CF_MARKER) >= 0;
}

export interface FlagEnv {
  caps: ExcelCapabilities;
  /** Sheet names from the last read (empty if none yet). */
  knownSheets: string[];
  /** Sheets known to be protected. */
  protectedSheets: { [name: string]: boolean };
}

const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/**
 * Flags written per request. Each conditional format costs four actions (~600 bytes of request); 2,000 keep a
 * request near 1.2 MB, well inside Excel on the web's 5 MB. Only workbooks with more flagged cells than this take
 * more than the 2 syncs.
 */
export const FLAGS_PER_REQUEST = 2000;

function unique(list: string[]): string[] {
  const seen: { [k: string]: boolean } = {};
  const out: string[] = [];
  list.forEach(function (s) {
    if (!seen[s]) {
      seen[s] = true;
      out.push(s);
    }
  });
  return out;
}

function noteKey(sheet: string, cell: string): string {
  return sheet + "\u0000" + cell;
}

function splitNoteKey(key: string): { sheet: string; cell: string } {
  const i = key.indexOf("\u0000");
  return { sheet: key.slice(0, i), cell: key.slice(i + 1) };
}

/** Caches worksheet proxies for one batch; getItemOrNullObject where 1.4 has it, so a deleted sheet is no error. */
function sheetGetter(context: Excel.RequestContext, caps: ExcelCapabilities): (name: string) => Excel.Worksheet {
  const cache: { [name: string]: Excel.Worksheet } = {};
  return function (name: string): Excel.Worksheet {
    if (!cache[name]) {
      const wss = context.workbook.worksheets;
      cache[name] = caps.nullObjects ? wss.getItemOrNullObject(name) : wss.getItem(name);
    }
    return cache[name];
  };
}

function isNull(obj: { isNullObject?: boolean }): boolean {
  return obj.isNullObject === true;
}

/** Queues writing saved fills back (a write needs no read, so it joins whatever batch comes next). */
function queueRestoreFills(sheet: (name: string) => Excel.Worksheet, fills: SavedFill[], protectedSheets: { [n: string]: boolean }): number {
  let n = 0;
  fills.forEach(function (f) {
    if (protectedSheets[f.sheet]) return;
    const fill = sheet(f.sheet).getRange(f.cell).format.fill;
    if (f.color === null) fill.clear();
    else fill.color = f.color;
    n++;
  });
  return n;
}

/** "#FFFFFF" means No Fill below ExcelApi 1.9 (see the header); anything else is a real colour. */
export function originalFill(color: string): string | null {
  return !color || color.toUpperCase() === "#FFFFFF" ? null : color;
}

interface CfScan {
  ws: Excel.Worksheet;
  cfs: Excel.ConditionalFormatCollection;
}

function queueCfScans(sheet: (name: string) => Excel.Worksheet, names: string[]): CfScan[] {
  return names.map(function (name) {
    const ws = sheet(name);
    const cfs = ws.getRange().conditionalFormats;
    // customOrNullObject, not custom: loading `custom` fails when the sheet has rules of other types (office-js#2180).
    cfs.load("items/type,items/customOrNullObject/rule/formula");
    return { ws: ws, cfs: cfs };
  });
}

/** Deletes our rules from scanned collections; returns how many. Call after the scan's sync. */
function deleteOurCfs(scans: CfScan[]): number {
  let n = 0;
  scans.forEach(function (s) {
    if (isNull(s.ws)) return;
    s.cfs.items.forEach(function (cf) {
      const custom = cf.customOrNullObject;
      if (cf.type === "Custom" && !isNull(custom) && isOurFormula(custom.rule.formula)) {
        cf.delete();
        n++;
      }
    });
  });
  return n;
}

interface NoteProbe {
  key: string;
  ws: Excel.Worksheet;
  note: Excel.Note;
}

function queueNoteProbes(sheet: (name: string) => Excel.Worksheet, keys: string[]): NoteProbe[] {
  return keys.map(function (key) {
    const k = splitNoteKey(key);
    const ws = sheet(k.sheet);
    const note = ws.notes.getItemOrNullObject(k.cell);
    note.load("content");
    return { key: key, ws: ws, note: note };
  });
}

function isOurNote(p: NoteProbe): boolean {
  return !isNull(p.ws) && !isNull(p.note) && String(p.note.content).indexOf(NOTE_PREFIX) === 0;
}

function setEvents(context: Excel.RequestContext, caps: ExcelCapabilities, on: boolean): void {
  // Our own writes must not wake selection/change handlers (ours or other add-ins'); 1.8+ only.
  if (caps.enableEvents) context.runtime.enableEvents = on;
}

/**
 * Excel.run for our writes: waits out cell-edit mode, and if a batch fails after turning events off (they are off
 * for the whole add-in runtime, not just this batch) turns them back on before passing the error up.
 */
function runWrites<T>(caps: ExcelCapabilities, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
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

export function applyFlags(findings: Finding[], options: FlagOptions, env: FlagEnv): Promise<FlagOutcome> {
  const caps = env.caps;
  const plan = planFlags(findings);
  const prev = loadRegistry();
  const skipped = unique(
    plan
      .filter(function (f) {
        return env.protectedSheets[f.sheet];
      })
      .map(function (f) {
        return f.sheet;
      })
  );
  const writable = plan.filter(function (f) {
    return !env.protectedSheets[f.sheet];
  });
  const flaggedSheets = unique(
    writable.map(function (f) {
      return f.sheet;
    })
  );

  return runWrites(caps, async function (context) {
    const sheet = sheetGetter(context, caps);
    const prevFills = prev ? prev.fills : [];
    // Whatever an earlier audit (maybe on an older Excel) painted with fills goes back first.
    queueRestoreFills(sheet, prevFills, env.protectedSheets);

    if (!caps.conditionalFormats) {
      const reads = writable.map(function (f) {
        const r = sheet(f.sheet).getRange(f.cell);
        r.format.fill.load("color");
        return { flag: f, range: r };
      });
      await context.sync();
      const saved: SavedFill[] = reads.map(function (x) {
        return { sheet: x.flag.sheet, cell: x.flag.cell, color: originalFill(x.range.format.fill.color) };
      });
      setEvents(context, caps, false);
      for (let i = 0; i < reads.length; i++) {
        const x = reads[i];
        const style = FLAG_STYLE[x.flag.kind];
        x.range.format.fill.color = x.flag.related ? style.relatedFill : style.fill;
        if ((i + 1) % FLAGS_PER_REQUEST === 0 && i + 1 < reads.length) await context.sync();
      }
      setEvents(context, caps, true);
      await context.sync();
      await saveRegistry(saved.length ? { v: 1, mode: "fill", sheets: flaggedSheets, notes: [], fills: saved } : null);
      return { flagged: saved.length, skippedSheets: skipped };
    }

    const scanNames = unique((prev ? prev.sheets : []).concat(env.knownSheets, flaggedSheets)).filter(function (n) {
      return !env.protectedSheets[n];
    });
    const scans = queueCfScans(sheet, scanNames);
    const wantNotes = caps.notes && options.notes === true;
    const noteTargets: { [key: string]: CellFlag } = {};
    if (wantNotes) {
      writable.forEach(function (f) {
        if (!f.related) noteTargets[noteKey(f.sheet, f.cell)] = f;
      });
    }
    const probes = caps.notes
      ? queueNoteProbes(
          sheet,
          unique(Object.keys(noteTargets).concat(prev ? prev.notes : [])).filter(function (k) {
            return !env.protectedSheets[splitNoteKey(k).sheet];
          })
        )
      : [];
    await context.sync();

    setEvents(context, caps, false);
    deleteOurCfs(scans);
    for (let i = 0; i < writable.length; i++) {
      const f = writable[i];
      const style = FLAG_STYLE[f.kind];
      const cf = sheet(f.sheet).getRange(f.cell).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markerFormula(f.kind, f.related);
      cf.custom.format.fill.color = f.related ? style.relatedFill : style.fill;
      if (!f.related) cf.custom.format.font.color = style.font;
      if ((i + 1) % FLAGS_PER_REQUEST === 0 && i + 1 < writable.length) await context.sync();
    }
    const notes: string[] = [];
    probes.forEach(function (p) {
      const target = noteTargets[p.key];
      if (target) {
        const text = noteText(target, findings);
        if (isNull(p.note)) p.ws.notes.add(target.cell, text);
        else if (isOurNote(p)) p.note.content = text;
        else return; // the user's own note stays as it is
        notes.push(p.key);
      } else if (isOurNote(p)) {
        p.note.delete();
      }
    });
    setEvents(context, caps, true);
    await context.sync();
    const reg: Registry | null = writable.length || notes.length ? { v: 1, mode: "conditionalFormat", sheets: flaggedSheets, notes: notes, fills: [] } : null;
    await saveRegistry(reg);
    return { flagged: writable.length, skippedSheets: skipped };
  });
}

/** Removes every flag (and note) of ours; resolves to the number of flags removed. */
export function clearFlags(env: FlagEnv): Promise<number> {
  const caps = env.caps;
  const prev = loadRegistry();
  return runWrites(caps, async function (context) {
    const sheet = sheetGetter(context, caps);
    let removed = queueRestoreFills(sheet, prev ? prev.fills : [], env.protectedSheets);
    if (caps.conditionalFormats) {
      let names = unique((prev ? prev.sheets : []).concat(env.knownSheets));
      if (!names.length) {
        // Nothing known (a fresh runtime without registry): ask for the sheet names — the one extra sync.
        const wss = context.workbook.worksheets;
        wss.load("items/name");
        await context.sync();
        names = wss.items.map(function (ws) {
          return ws.name;
        });
      }
      names = names.filter(function (n) {
        return !env.protectedSheets[n];
      });
      const scans = queueCfScans(sheet, names);
      const probes = caps.notes && prev ? queueNoteProbes(sheet, prev.notes) : [];
      await context.sync();
      setEvents(context, caps, false);
      removed += deleteOurCfs(scans);
      probes.forEach(function (p) {
        if (isOurNote(p)) p.note.delete();
      });
      setEvents(context, caps, true);
    }
    await context.sync();
    await saveRegistry(null);
    return removed;
  });
}
