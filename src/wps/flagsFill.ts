/**
 * Fill flags, for a WPS whose object model has no conditional formats.
 *
 * Before painting, each cell's fill is read (Interior.ColorIndex −4142 = no fill, else Interior.Color) and kept in
 * the registry; clearing writes it back: no fill as ColorIndex = xlNone, a colour as that colour. A cell is put back
 * only while it still shows one of our flag colours: a cell the user recoloured since keeps the user's colour, and a
 * forged registry cannot recolour anything we did not paint. Earlier flags are put back before new ones are painted,
 * so a cell flagged twice still records its own fill, never ours.
 * What this cannot restore: a pattern fill or a gradient (ET's Interior.Pattern, not read) comes back as its colour.
 */
import { CellFlag, FLAG_STYLE, OUR_FILLS } from "../present/flagPlan";
import { SavedFill } from "../present/flagRegistry";
import { bgr, EtApplication, EtRange, EtWorksheet, hexOf, XL_NONE } from "./et";
import { eachSheet } from "./sheets";

function shown(r: EtRange): string | null {
  const it = r.Interior;
  return it.ColorIndex === XL_NONE ? null : hexOf(it.Color);
}

function isOurs(color: string | null): boolean {
  return color !== null && OUR_FILLS.indexOf(color.toUpperCase()) >= 0;
}

function restore(ws: EtWorksheet, f: SavedFill): boolean {
  const r = ws.Range(f.cell);
  if (!isOurs(shown(r))) return false;
  if (f.color === null) r.Interior.ColorIndex = XL_NONE;
  else r.Interior.Color = bgr(f.color);
  return true;
}

/** Puts saved fills back where the sheet is writable; returns how many and the entries that must stay. */
export function clearFill(app: EtApplication, fills: SavedFill[]): { restored: number; left: SavedFill[] } {
  if (!fills.length) return { restored: 0, left: [] };
  let restored = 0;
  const left: SavedFill[] = [];
  const sheets = eachSheet(app);
  fills.forEach(function (f) {
    const s = sheets.filter(function (x) {
      return x.name === f.sheet;
    })[0];
    if (!s) return; // the sheet is gone: nothing to restore
    if (s.protected) left.push(f);
    else if (restore(s.ws, f)) restored++;
  });
  return { restored: restored, left: left };
}

export function applyFill(app: EtApplication, plan: CellFlag[], prev: SavedFill[]): { flagged: number; skippedSheets: string[]; fills: SavedFill[] } {
  const fills = clearFill(app, prev).left;
  const skipped: string[] = [];
  let flagged = 0;
  eachSheet(app).forEach(function (s) {
    const mine = plan.filter(function (f) {
      return f.sheet === s.name;
    });
    if (!mine.length) return;
    if (s.protected) {
      skipped.push(s.name);
      return;
    }
    mine.forEach(function (f) {
      const r = s.ws.Range(f.cell);
      fills.push({ sheet: s.name, cell: f.cell, color: shown(r) });
      r.Interior.Color = bgr(f.related ? FLAG_STYLE[f.kind].relatedFill : FLAG_STYLE[f.kind].fill);
      flagged++;
    });
  });
  return { flagged: flagged, skippedSheets: skipped, fills: fills };
}
