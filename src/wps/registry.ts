/**
 * The flag registry and the document nonce in the WPS document (docStore.ts), validated exactly as the Excel
 * adapter validates its own (present/flagRegistry.ts). What it is for, and why validation is only structural: see
 * src/excel/registry.ts; here too only cells still in our colours are restored and only rules carrying our
 * signature are deleted.
 */
import { DOC_KEY, isNonce, LoadedRegistry, makeNonce, parseRegistry, Registry, REGISTRY_KEY, SavedFill } from "../present/flagRegistry";
import { DocStore } from "./docStore";

export function documentNonce(store: DocStore, create: boolean): string | null {
  const cur = store.get(DOC_KEY);
  if (isNonce(cur)) return cur;
  if (!create) return null;
  const id = makeNonce();
  store.set(DOC_KEY, id);
  return id;
}

export function loadRegistry(store: DocStore): LoadedRegistry {
  return parseRegistry(store.get(REGISTRY_KEY), documentNonce(store, false));
}

export function newRegistry(store: DocStore, mode: Registry["mode"], sheets: string[], fills: SavedFill[]): Registry {
  return { v: 2, doc: documentNonce(store, true) || "", mode: mode, sheets: sheets, notes: [], fills: fills };
}

export function saveRegistry(store: DocStore, r: Registry | null): void {
  store.set(REGISTRY_KEY, r ? JSON.stringify(r) : null);
}
