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

export async function applyCf(plan: CellFlag[], findings: Finding[], options: FlagOptions, env: FlagEnv, reg: Registry | null): Promise<FlagResult> {
  const caps = env.caps;
  const prot = env.protectedSheets;
  if (reg && reg.mode === "fill") {
    // Flagged earlier on an Excel without conditional formats: put those fills back first.
    await clearFill(env, reg);
    reg = loadRegistry().registry;
  }
  const writable = plan.filter((f) => !prot[f.sheet]);
  const groups = groupFlags(writable);
  const flagged = unique(writable.map((f) => f.sheet));
  const names = unique((reg ? reg.sheets : []).concat(env.knownSheets, flagged));
  const wantNotes = caps.notes && options.notes === true;
  const noteFor: { [k: string]: CellFlag } = Object.create(null);
  if (wantNotes) writable.filter((f) => !f.related).forEach((f) => (noteFor[f.sheet + "\u0000" + f.cell] = f));
  const noteKeys = caps.notes ? unique(Object.keys(noteFor).concat(reg ? reg.notes : [])) : [];

  return runWrites(caps, async function (context) {
    let sheet = sheetGetter(context, caps);
    let scans = names.map((n) => queueScan(sheet, n));
    let probes = noteKeys.map((k) => queueNote(sheet, k));
    await context.sync();
    // Protected sheets are read, not written: they are named when they carry flags, old or new.
    const skipped = unique(
      plan
        .filter((f) => prot[f.sheet])
        .map((f) => f.sheet)
        .concat(scans.filter((s) => prot[s.name] && oursIn(s).length > 0).map((s) => s.name))
    );
    const notes: string[] = [];
    let pending = 0;
    const queueSheet = async function (name: string, scan: Scan | null, noteProbes: NoteProbe[], chunked: boolean): Promise<void> {
      if (scan) oursIn(scan).forEach((cf) => cf.delete());
      for (const g of groups) {
        if (g.sheet !== name) continue;
        pending += queueGroup(sheet(name), g.group, g.cells, caps.rangeAreas);
        if (chunked && pending >= FLAGS_PER_REQUEST) {
          pending = 0;
          await context.sync();
        }
      }
      noteProbes.forEach(function (p) {
        const target = noteFor[p.key];
        if (target) {
          const text = noteText(target, findings);
          if (isNull(p.note)) p.ws.notes.add(target.cell, text);
          else if (isOurNote(p)) p.note.content = text;
          else return; // the user's own note stays as it is
          notes.push(p.key);
        } else if (isOurNote(p)) p.note.delete();
      });
    };
    const order = names.filter((n) => !prot[n]);
    setEvents(context, caps, false);
    const refused: string[] = [];
    try {
      for (const n of order) await queueSheet(n, scans.filter((s) => s.name === n)[0], probes.filter((p) => p.sheet === n), true);
      setEvents(context, caps, true);
      await context.sync();
    } catch (e) {
      if (!isProtectionError(e)) throw e;
      // Protected since the read: redo sheet by sheet (rescan, since part of the batch may have landed).
      notes.length = 0;
      for (const n of order) {
        sheet = sheetGetter(context, caps);
        scans = [queueScan(sheet, n)];
        probes = noteKeys.filter((k) => k.indexOf(n + "\u0000") === 0).map((k) => queueNote(sheet, k));
        try {
          await context.sync();
          await queueSheet(n, scans[0], probes, false);
          await context.sync();
        } catch (e2) {
          if (!isProtectionError(e2)) throw e2;
          refused.push(n);
        }
      }
      setEvents(context, caps, true);
      await context.sync();
    }
    const failed: { [n: string]: boolean } = Object.create(null);
    refused.forEach((n) => (failed[n] = true));
    const done = writable.filter((f) => !failed[f.sheet]);
    // Sheets that may still carry our rules: the flagged ones, and the protected or refused ones (to clear later).
    const regSheets = unique(done.map((f) => f.sheet).concat(skipped, refused));
    await saveRegistry(regSheets.length || notes.length ? newRegistry("conditionalFormat", regSheets, notes, []) : null);
    return { flagged: done.length, skippedSheets: unique(skipped.concat(refused)) };
  });
}

export async function clearCf(env: FlagEnv, reg: Registry | null): Promise<ClearResult> {
  const caps = env.caps;
  const prot = env.protectedSheets;
  let fromFills: ClearResult = { cleared: 0, notCleared: [] };
  if (reg && reg.mode === "fill") {
    fromFills = await clearFill(env, reg);
    reg = loadRegistry().registry;
  }
  return runWrites(caps, async function (context) {
    const sheet = sheetGetter(context, caps);
    let names = unique((reg ? reg.sheets : []).concat(env.knownSheets));
    if (!names.length) {
      // Nothing known (a fresh runtime, no registry): list the sheets — the one extra sync.
      const wss = context.workbook.worksheets;
      wss.load("items/name");
      await context.sync();
      names = wss.items.map((ws) => ws.name);
    }
    const scans = names.map((n) => queueScan(sheet, n));
    const probes = caps.notes && reg ? reg.notes.map((k) => queueNote(sheet, k)) : [];
    await context.sync();
    const queue = function (n: string): number {
      let c = 0;
      scans.forEach(function (s) {
        if (s.name !== n) return;
        oursIn(s).forEach(function (cf) {
          cf.delete();
          c++;
        });
      });
      probes.forEach(function (p) {
        if (p.sheet === n && isOurNote(p)) {
          p.note.delete();
          c++;
        }
      });
      return c;
    };
    const has = names.filter((n) => (scans.some((s) => s.name === n && oursIn(s).length > 0) || probes.some((p) => p.sheet === n && isOurNote(p))));
    const blocked = has.filter((n) => prot[n]);
    const open = has.filter((n) => !prot[n]);
    setEvents(context, caps, false);
    let cleared = 0;
    const refused: string[] = [];
    open.forEach((n) => (cleared += queue(n)));
    try {
      setEvents(context, caps, true);
      await context.sync();
    } catch (e) {
      if (!isProtectionError(e)) throw e;
      // Some sheet was protected after we learnt about protection: tell which ones by trying each alone.
      cleared = 0;
      for (const n of open) {
        const rescan = [queueScan(sheet, n)];
        let c = 0;
        try {
          await context.sync();
          rescan.forEach(function (s) {
            oursIn(s).forEach(function (cf) {
              cf.delete();
              c++;
            });
          });
          probes.forEach(function (p) {
            if (p.sheet === n && isOurNote(p)) {
              p.note.delete();
              c++;
            }
          });
          await context.sync();
          cleared += c;
        } catch (e2) {
          if (!isProtectionError(e2)) throw e2;
          refused.push(n);
        }
      }
      setEvents(context, caps, true);
      await context.sync();
    }
    const left = unique(blocked.concat(refused));
    const leftNotes = reg ? reg.notes.filter((k) => left.some((n) => k.indexOf(n + "\u0000") === 0)) : [];
    await saveRegistry(left.length ? newRegistry("conditionalFormat", left, leftNotes, []) : null);
    return {
      cleared: cleared + fromFills.cleared,
      notCleared: fromFills.notCleared.concat(left.map((n) => ({ sheet: n, reason: "工作表受保护" }))),
    };
  });
}
