/**
 * What the add-in flagged, kept in the document's add-in settings (Office.context.document.settings, Common API).
 *
 * Why these settings rather than workbook.settings (ExcelApi 1.4): they are read synchronously, so clearing costs
 * no extra Excel round trip, and they exist on every host we support (ExcelApi 1.1 included). They travel with the
 * file once it is saved, which is what the 「清除标记」 button of a later session needs (it runs in its own runtime).
 *
 * Conditional-format flags are re-derived from the sheets anyway (our rule formula carries a marker), so the
 * registry only has to name the sheets to look at. Fill flags (below ExcelApi 1.6) cannot be re-derived: here the
 * registry holds each cell's original fill, the only way to put it back exactly.
 */

export const REGISTRY_KEY = "juesuanAudit.flags";

export interface SavedFill {
  sheet: string;
  cell: string;
  /** Colour read before we painted; null = No Fill (see fillFlags.ts for how that is decided). */
  color: string | null;
}

export interface Registry {
  v: 1;
  mode: "conditionalFormat" | "fill";
  /** Sheets that carry our conditional formats or notes. */
  sheets: string[];
  /** Cells where we wrote a note, "sheet\u0000A1". */
  notes: string[];
  /** Original fills (fill mode only). */
  fills: SavedFill[];
}

function settings(): Office.Settings | null {
  try {
    return Office.context.document.settings || null;
  } catch (_e) {
    return null;
  }
}

export function loadRegistry(): Registry | null {
  const s = settings();
  if (!s) return null;
  const raw = s.get(REGISTRY_KEY);
  if (!raw) return null;
  try {
    const r = typeof raw === "string" ? JSON.parse(raw) : raw;
    if (r && r.v === 1 && (r.mode === "conditionalFormat" || r.mode === "fill")) {
      return { v: 1, mode: r.mode, sheets: r.sheets || [], notes: r.notes || [], fills: r.fills || [] };
    }
  } catch (_e) {
    // A damaged entry is as good as none: conditional formats are re-derived from the sheets.
  }
  return null;
}

/** Stores (or with null removes) the registry and saves the settings; a failed save is reported, not thrown. */
export function saveRegistry(r: Registry | null): Promise<void> {
  const s = settings();
  if (!s) return Promise.resolve();
  if (r) s.set(REGISTRY_KEY, JSON.stringify(r));
  else s.remove(REGISTRY_KEY);
  return new Promise(function (resolve) {
    s.saveAsync(function () {
      resolve();
    });
  });
}
