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
 *
 * The registry is input from the file, and the file may come from someone else (issue 13 item 8): a forged one
 * could make 清除标记 recolour any range. So it is validated (present/flagRegistry.ts, shared with the WPS adapter): our format version, the document
 * nonce stored alongside it under another key, single well-formed cells on sheets it names, colours as #RRGGBB,
 * bounded sizes. One bad entry voids the whole registry, which is then ignored and the pane says so. Beyond
 * that structural check, fill mode restores a cell only while it still shows one of our flag colours (flagsFill.ts):
 * whatever the registry says, only cells we visibly painted are touched.
 */
import { DOC_KEY, isNonce, LoadedRegistry, makeNonce, parseRegistry, Registry, REGISTRY_KEY, SavedFill } from "../present/flagRegistry";
import { documentSettings, writeSetting } from "./reviewStore";

export { DOC_KEY, MAX_FILLS, MAX_SHEETS, REGISTRY_KEY, REGISTRY_VERSION, registryFault } from "../present/flagRegistry";
export type { LoadedRegistry, Registry, SavedFill } from "../present/flagRegistry";

/** This document's nonce, created (in memory; saved with the next registry save) when absent. */
export function documentNonce(create: boolean): string | null {
  const s = documentSettings();
  if (!s) return null;
  const cur = s.get(DOC_KEY);
  if (isNonce(cur)) return cur;
  if (!create) return null;
  const id = makeNonce();
  s.set(DOC_KEY, id);
  return id;
}

export function loadRegistry(): LoadedRegistry {
  const s = documentSettings();
  if (!s) return { registry: null };
  return parseRegistry(s.get(REGISTRY_KEY), documentNonce(false));
}

/** A registry for this document (the nonce is created if needed). */
export function newRegistry(mode: Registry["mode"], sheets: string[], notes: string[], fills: SavedFill[]): Registry {
  return { v: 2, doc: documentNonce(true) || "", mode: mode, sheets: sheets, notes: notes, fills: fills };
}

/** Stores (or with null removes) the registry and saves the settings; rejects when the save fails. */
export function saveRegistry(r: Registry | null): Promise<void> {
  return writeSetting(REGISTRY_KEY, r ? JSON.stringify(r) : null);
}
