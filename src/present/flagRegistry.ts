/**
 * The flag registry's shape and its validation, shared by every host that stores one in the document (the Excel
 * adapter keeps it in the add-in settings, the WPS adapter in custom document properties).
 *
 * The registry is input from the file, and the file may come from someone else (issue 13 item 8): a forged one
 * could make 清除标记 recolour any range. So it is validated (registryFault): our format version, the document
 * nonce stored alongside it under another key, single well-formed cells on sheets it names, colours as #RRGGBB,
 * bounded sizes. One bad entry voids the whole registry, which is then ignored and the pane says so.
 */
import { parseCell } from "./address";

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
  /** Colour read before we painted; null = No Fill (each adapter says how it decides that). */
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

/** True for a nonce we wrote (makeNonce). */
export function isNonce(s: unknown): s is string {
  return typeof s === "string" && /^[0-9a-z]{8,40}$/.test(s);
}

export function makeNonce(): string {
  return (Date.now().toString(36) + Math.random().toString(36).slice(2, 12)).slice(0, 24);
}

/** A stored value (JSON text or an object) → the registry, or null with the sentence the pane shows. */
export function parseRegistry(raw: unknown, doc: string | null): LoadedRegistry {
  if (raw === null || raw === undefined) return { registry: null };
  let parsed: unknown = raw;
  try {
    if (typeof raw === "string") parsed = JSON.parse(raw);
  } catch (_e) {
    parsed = null;
  }
  const fault = registryFault(parsed, doc);
  if (fault) return { registry: null, problem: "文件中的标记记录未通过校验（" + fault + "），已忽略：只清除能从工作表上认出的本加载项标记。" };
  const r = parsed as Registry;
  return { registry: { v: 2, doc: r.doc, mode: r.mode, sheets: r.sheets, notes: r.notes, fills: r.fills } };
}
