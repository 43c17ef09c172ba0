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
 * could make 清除标记 recolour any range. So it is validated (validateRegistry): our format version, the document
 * nonce stored alongside it under another key, single well-formed cells on sheets it names, colours as #RRGGBB,
 * bounded sizes. One bad entry voids the whole registry, which is then ignored and the pane says so. Beyond
 * that structural check, fill mode restores a cell only while it still shows one of our flag colours (flagsFill.ts):
 * whatever the registry says, only cells we visibly painted are touched.
 */
import { parseCell } from "../present/address";
import { documentSettings, writeSetting } from "./reviewStore";

export const REGISTRY_KEY = "juesuanAudit.flags";
/** A random id written once per document; the registry must carry the same. */
export const DOC_KEY = "juesuanAudit.doc";
/** The registry's format version; registries of other versions are not trusted. */
export const REGISTRY_VERSION = 2;
export const MAX_FILLS = 50000;
export const MAX_SHEETS = 1000;

export interface SavedFill {
  sheet: string;
  cell: string;
  /** Colour read before we painted; null = No Fill (see flagsFill.ts for how that is decided). */
  color: string | null;
}

export interface Registry {
  v: 2;
  doc: string;
  mode: "conditionalFormat" | "fill";
  /** Sheets that carry our conditional formats, notes or fills. */
  sheets: string[];
  /** Cells where we wrote a note, "sheet\u0000A1". */
  notes: string[];
  /** Original fills (fill mode only). */
  fills: SavedFill[];
}

export interface LoadedRegistry {
  registry: Registry | null;
  /** Set when a stored registry was ignored; one Chinese sentence. */
  problem?: string;
}

function isName(s: unknown): s is string {
  return typeof s === "string" && s.length > 0 && s.length <= 31 && !/[\\/?*[\]:]/.test(s);
}

function isCell(s: unknown): s is string {
  return typeof s === "string" && /^[A-Z]{1,3}[1-9]\d{0,6}$/.test(s) && parseCell(s) !== null;
}

/** Why `raw` is not a registry of ours for document `doc`, or null when it is. */
export function registryFault(raw: unknown, doc: string | null): string | null {
  const r = raw as { [k: string]: unknown };
  if (!r || typeof r !== "object") return "格式不对";
  if (r.v !== REGISTRY_VERSION) return "来自其他版本的加载项";
  if (!doc || r.doc !== doc) return "不属于本工作簿";
  if (r.mode !== "conditionalFormat" && r.mode !== "fill") return "格式不对";
  const sheets = r.sheets;
  if (!Array.isArray(sheets) || sheets.length > MAX_SHEETS || !sheets.every(isName)) return "工作表名称无效";
  const named: { [n: string]: boolean } = Object.create(null);
  (sheets as string[]).forEach(function (n) {
    named[n] = true;
  });
  const notes = r.notes;
  if (!Array.isArray(notes) || notes.length > MAX_FILLS) return "备注记录无效";
  for (let i = 0; i < notes.length; i++) {
    const k = notes[i];
    const at = typeof k === "string" ? k.indexOf("\u0000") : -1;
    if (at < 0 || !named[k.slice(0, at)] || !isCell(k.slice(at + 1))) return "备注记录无效";
  }
  const fills = r.fills;
  if (!Array.isArray(fills) || fills.length > MAX_FILLS) return "填充记录无效";
  if (r.mode === "conditionalFormat" && fills.length) return "填充记录无效";
  for (let i = 0; i < fills.length; i++) {
    const f = fills[i] as { [k: string]: unknown };
    if (!f || typeof f !== "object" || !named[f.sheet as string] || !isCell(f.cell)) return "填充记录中有不是本加载项标记的单元格";
    if (f.color !== null && !(typeof f.color === "string" && /^#[0-9A-Fa-f]{6}$/.test(f.color))) return "填充记录中的颜色无效";
  }
  return null;
}

/** This document's nonce, created (in memory; saved with the next registry save) when absent. */
export function documentNonce(create: boolean): string | null {
  const s = documentSettings();
  if (!s) return null;
  const cur = s.get(DOC_KEY);
  if (typeof cur === "string" && /^[0-9a-z]{8,40}$/.test(cur)) return cur;
  if (!create) return null;
  const id = (Date.now().toString(36) + Math.random().toString(36).slice(2, 12)).slice(0, 24);
  s.set(DOC_KEY, id);
  return id;
}

export function loadRegistry(): LoadedRegistry {
  const s = documentSettings();
  if (!s) return { registry: null };
  const raw = s.get(REGISTRY_KEY);
  if (raw === null || raw === undefined) return { registry: null };
  let parsed: unknown = raw;
  try {
    if (typeof raw === "string") parsed = JSON.parse(raw);
  } catch (_e) {
    parsed = null;
  }
  const fault = registryFault(parsed, documentNonce(false));
  if (fault) return { registry: null, problem: "文件中的标记记录未通过校验（" + fault + "），已忽略：只清除能从工作表上认出的本加载项标记。" };
  const r = parsed as Registry;
  return { registry: { v: 2, doc: r.doc, mode: r.mode, sheets: r.sheets, notes: r.notes, fills: r.fills } };
}

/** A registry for this document (the nonce is created if needed). */
export function newRegistry(mode: Registry["mode"], sheets: string[], notes: string[], fills: SavedFill[]): Registry {
  return { v: 2, doc: documentNonce(true) || "", mode: mode, sheets: sheets, notes: notes, fills: fills };
}

/** Stores (or with null removes) the registry and saves the settings; rejects when the save fails. */
export function saveRegistry(r: Registry | null): Promise<void> {
  return writeSetting(REGISTRY_KEY, r ? JSON.stringify(r) : null);
}
