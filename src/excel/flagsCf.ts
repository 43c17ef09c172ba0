/**
 * Conditional-format flags (ExcelApi 1.6+) and notes (1.18).
 *
 * One rule per severity and one for all operands on each sheet (issue 10: the sample had 145 rules, one per cell;
 * now at most 3 per sheet). From ExcelApi 1.9 a rule covers many areas at once (Worksheet.getRanges → RangeAreas,
 * at most AREAS_PER_RULE areas each, office-js#5198); at 1.6–1.8 a rule covers one rectangle, so a group's cells
 * are first merged into as few rectangles as possible (present/flagPlan.ts cellsToAreas).
 * The rule formula `=ISTEXT("JSAUDIT:<group>")` is always TRUE and is our signature: clearing deletes exactly the
 * rules that carry it, found by scanning the sheets' conditional formats, so it works even when the registry is
 * lost, ignored, or the user copied flagged cells elsewhere.
 * Sync budget: apply 2 (read rules and notes; delete old + add new), clear 2 (same), +1 to list the sheets when
 * nothing names them, +1 per FLAGS_PER_REQUEST further rules, +2 per sheet only when protection refuses a batch.
 * Notes: ours start with NOTE_PREFIX; a cell that already has the user's note keeps it.
 */
import { Finding } from "../engine";
import { FlagOptions } from "../present/host";
import { CellFlag, cellsToAreas, FLAG_STYLE, FlagGroup, groupFlags, NOTE_PREFIX, noteText, RELATED_STYLE } from "../present/flagPlan";
import { isProtectionError } from "./errors";
import { ClearResult, FLAGS_PER_REQUEST, FlagEnv, FlagResult, isNull, runWrites, setEvents, sheetGetter, unique } from "./flagShared";
import { clearFill } from "./flagsFill";
import { loadRegistry, newRegistry, Registry, saveRegistry } from "./registry";

export const CF_MARKER = '"JSAUDIT:';
/** Areas per RangeAreas rule; Excel has been seen to fail past about 500 (office-js#5198). */
export const AREAS_PER_RULE = 400;

export function markerFormula(group: FlagGroup): string {
  return '=ISTEXT("JSAUDIT:' + group + '")';
}

export function isOurFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.indexOf(CF_MARKER) >= 0;
}

interface Scan {
  name: string;
  ws: Excel.Worksheet;
  cfs: Excel.ConditionalFormatCollection;
}

function queueScan(sheet: (n: string) => Excel.Worksheet, name: string): Scan {
  const ws = sheet(name);
  const cfs = ws.getRange().conditionalFormats;
  // customOrNullObject, not custom: loading `custom` fails when the sheet has rules of other types (office-js#2180).
  cfs.load("items/type,items/customOrNullObject/rule/formula");
  return { name: name, ws: ws, cfs: cfs };
}

function oursIn(s: Scan): Excel.ConditionalFormat[] {
  if (isNull(s.ws)) return [];
  return s.cfs.items.filter(function (cf) {
    const custom = cf.customOrNullObject;
    return cf.type === "Custom" && !isNull(custom) && isOurFormula(custom.rule.formula);
  });
}

interface NoteProbe {
  key: string;
  sheet: string;
  cell: string;
  ws: Excel.Worksheet;
  note: Excel.Note;
}

function queueNote(sheet: (n: string) => Excel.Worksheet, key: string): NoteProbe {
  const i = key.indexOf("\u0000");
  const name = key.slice(0, i);
  const cell = key.slice(i + 1);
  const ws = sheet(name);
  const note = ws.notes.getItemOrNullObject(cell);
  note.load("content");
  return { key: key, sheet: name, cell: cell, ws: ws, note: note };
}

function isOurNote(p: NoteProbe): boolean {
  return !isNull(p.ws) && !isNull(p.note) && String(p.note.content).indexOf(NOTE_PREFIX) === 0;
}

/** Queues the rules of one group on one sheet; returns how many rules were added. */
function queueGroup(ws: Excel.Worksheet, group: FlagGroup, cells: string[], rangeAreas: boolean): number {
  const areas = cellsToAreas(cells);
  const chunks: string[][] = [];
  if (rangeAreas) for (let i = 0; i < areas.length; i += AREAS_PER_RULE) chunks.push(areas.slice(i, i + AREAS_PER_RULE));
  else areas.forEach((a) => chunks.push([a]));
  chunks.forEach(function (chunk) {
    const target = rangeAreas ? ws.getRanges(chunk.join(",")) : ws.getRange(chunk[0]);
    const cf = target.conditionalFormats.add("Custom");
    cf.custom.rule.formula = markerFormula(group);
    cf.custom.format.fill.color = group === "related" ? RELATED_STYLE.fill : FLAG_STYLE[group].fill;
    if (group !== "related") cf.custom.format.font.color = FLAG_STYLE[group].font;
  });
  return chunks.length;
}

interface CfPass {
  flagged: number;
  /** Our rules and notes removed. */
  removed: number;
  /** Sheets left with (old or wanted) flags: protected, known or found on the way. */
  blocked: string[];
}

/**
 * The one pass behind both apply and clear (clear = apply nothing): read our rules and notes on the sheets, then
 * per sheet delete ours and add the wanted ones, one sync for all; if protection refuses it, the same sheet by
 * sheet (rescanned, since part of the batch may have landed). Protected sheets are only read.
 */
async function cfPass(plan: CellFlag[], findings: Finding[], options: FlagOptions, env: FlagEnv, reg: Registry | null): Promise<CfPass> {
  const caps = env.caps;
  const prot = env.protectedSheets;
  const writable = plan.filter((f) => !prot[f.sheet]);
  const groups = groupFlags(writable);
  const noteFor: { [k: string]: CellFlag } = Object.create(null);
  if (caps.notes && options.notes === true) writable.filter((f) => !f.related).forEach((f) => (noteFor[f.sheet + "\u0000" + f.cell] = f));
  const noteKeys = caps.notes ? unique(Object.keys(noteFor).concat(reg ? reg.notes : [])) : [];

  return runWrites(caps, async function (context) {
    let names = unique((reg ? reg.sheets : []).concat(env.knownSheets, writable.map((f) => f.sheet)));
    if (!names.length) {
      // Nothing names the sheets (the ribbon's clear in a fresh runtime, no registry): list them — one more sync.
      const wss = context.workbook.worksheets;
      wss.load("items/name");
      await context.sync();
      names = wss.items.map((ws) => ws.name);
    }
    const notes: string[] = [];
    let removed = 0;
    let pending = 0;
    let sheet = sheetGetter(context, caps);
    /** Queues one sheet's changes; returns how many of ours it removes. `chunk`: sync every FLAGS_PER_REQUEST rules. */
    const write = async function (name: string, scans: Scan[], probes: NoteProbe[], chunk: boolean): Promise<number> {
      let n = 0;
      scans.forEach(function (s) {
        if (s.name === name) oursIn(s).forEach((cf) => (cf.delete(), n++));
      });
      probes.forEach(function (p) {
        if (p.sheet !== name) return;
        const target = noteFor[p.key];
        if (target) {
          const text = noteText(target, findings);
          if (isNull(p.note)) p.ws.notes.add(target.cell, text);
          else if (isOurNote(p)) p.note.content = text;
          else return; // the user's own note stays as it is
          notes.push(p.key);
        } else if (isOurNote(p)) {
          p.note.delete();
          n++;
        }
      });
      for (let i = 0; i < groups.length; i++) {
        if (groups[i].sheet !== name) continue;
        pending += queueGroup(sheet(name), groups[i].group, groups[i].cells, caps.rangeAreas);
        if (chunk && pending >= FLAGS_PER_REQUEST) {
          pending = 0;
          await context.sync();
        }
      }
      return n;
    };
    const scans = names.map((n) => queueScan(sheet, n));
    const probes = noteKeys.map((k) => queueNote(sheet, k));
    await context.sync();
    // Protected sheets are read, not written: named when they carry flags of ours or should get some.
    const blocked = names.filter((n) => prot[n] && (scans.some((s) => s.name === n && oursIn(s).length > 0) || probes.some((p) => p.sheet === n && isOurNote(p))));
    const order = names.filter((n) => !prot[n]);
    const refused: string[] = [];
    setEvents(context, caps, false);
    try {
      for (let i = 0; i < order.length; i++) removed += await write(order[i], scans, probes, true);
      setEvents(context, caps, true);
      await context.sync();
    } catch (e) {
      if (!isProtectionError(e)) throw e;
      notes.length = 0;
      removed = 0;
      for (let i = 0; i < order.length; i++) {
        const name = order[i];
        sheet = sheetGetter(context, caps);
        const again = [queueScan(sheet, name)];
        const probesAgain = noteKeys.filter((k) => k.indexOf(name + "\u0000") === 0).map((k) => queueNote(sheet, k));
        try {
          await context.sync();
          const n = await write(name, again, probesAgain, false);
          await context.sync();
          removed += n;
        } catch (e2) {
          if (!isProtectionError(e2)) throw e2;
          refused.push(name);
        }
      }
      setEvents(context, caps, true);
      await context.sync();
    }
    const left = unique(plan.filter((f) => prot[f.sheet]).map((f) => f.sheet).concat(blocked, refused));
    const done = writable.filter((f) => refused.indexOf(f.sheet) < 0);
    // The registry names every sheet that may still carry our rules: the flagged ones and those left (to clear later).
    const regSheets = unique(done.map((f) => f.sheet).concat(left));
    const regNotes = notes.concat(reg ? reg.notes.filter((k) => left.some((n) => k.indexOf(n + "\u0000") === 0)) : []);
    await saveRegistry(regSheets.length || regNotes.length ? newRegistry("conditionalFormat", regSheets, unique(regNotes), []) : null);
    return { flagged: done.length, removed: removed, blocked: left };
  });
}

/** Flagged earlier on an Excel without conditional formats: those fills go back first. */
async function fillsFirst(env: FlagEnv, reg: Registry | null): Promise<{ reg: Registry | null; cleared: ClearResult }> {
  if (!reg || reg.mode !== "fill") return { reg: reg, cleared: { cleared: 0, notCleared: [] } };
  const cleared = await clearFill(env, reg);
  return { reg: loadRegistry().registry, cleared: cleared };
}

export async function applyCf(plan: CellFlag[], findings: Finding[], options: FlagOptions, env: FlagEnv, reg: Registry | null): Promise<FlagResult> {
  const first = await fillsFirst(env, reg);
  const r = await cfPass(plan, findings, options, env, first.reg);
  return { flagged: r.flagged, skippedSheets: r.blocked };
}

export async function clearCf(env: FlagEnv, reg: Registry | null): Promise<ClearResult> {
  const first = await fillsFirst(env, reg);
  const r = await cfPass([], [], {}, env, first.reg);
  return {
    cleared: r.removed + first.cleared.cleared,
    notCleared: first.cleared.notCleared.concat(r.blocked.map((n) => ({ sheet: n, reason: "工作表受保护" }))),
  };
}
