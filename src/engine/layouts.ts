/**
 * The layout of every 公开 table as the engine reads it: a thin view on the template pack of the document being
 * audited (templates/index.ts; the data lives in templates/2024.ts and the year and region patches in
 * templates/years.ts). Every function takes the pack: it is an input of the audit, never module state.
 */
import { TemplatePack, templateFor } from "./templates";
import { TableId } from "./types";
import { dict, own } from "./dict";

export type { ColumnSpec, LineSpec, TableKind, TableSpec, TemplatePack } from "./templates";

export function tableSpec(id: TableId, pack: TemplatePack): import("./templates").TableSpec {
  for (const t of pack.tables) if (t.id === id) return t;
  throw new Error("unknown table " + id);
}

/** 公开01 and 公开04: tables of lines read by label (kind "summary" in the pack). */
export function isSummaryTable(id: TableId, pack: TemplatePack): boolean {
  return tableSpec(id, pack).kind === "summary";
}

const classIndexes = new Map<object, { [name: string]: string }>();

/**
 * 类 code from a printed class name, with or without 支出 and （类）, old names included, in `pack` (absent: the base
 * pack of the project's templates — only narrative/sectionGeneral.ts still calls it so; its owner passes the pack).
 */
export function classByLabel(label: string, pack: TemplatePack = templateFor()): string | null {
  const classes = pack.classes;
  let index = classIndexes.get(classes);
  if (!index) {
    index = dict<string>();
    for (const c of classes)
      for (const n of [c.name].concat(c.aliases || [])) {
        index[n] = c.code;
        index[n.replace(/支出$/, "")] = c.code;
        index[n + "支出"] = c.code;
      }
    classIndexes.set(classes, index);
  }
  const k = label.replace(/\(类\)$/, "");
  return Object.prototype.hasOwnProperty.call(index, k) ? index[k] : null;
}

export function className(code: string, pack: TemplatePack): string {
  for (const c of pack.classes) if (c.code === code) return c.name;
  return code;
}

const economicIndexes = new Map<object, { [name: string]: string[] }>();

/** Name key: no spaces, half-width brackets (维修（护）费 = 维修(护)费). */
function econKey(name: string): string {
  return name.replace(/[\s\u3000]/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

/**
 * The 经济分类 code a printed name stands for, given the 类 read last in its lane (or ""), or null. `pack` is the
 * pack of the table's own year (names of the pre-2018 经济分类 first, templates/years.ts). A class name is taken as
 * the 类 unless that 类 is already the current one and has a 款 of the same name (399 / 39999 其他支出).
 */
export function economicCodeByName(name: string, currentClass: string, pack: TemplatePack): string | null {
  const old = own(pack.economicOld, econKey(name));
  if (old && (!currentClass || old.slice(0, 3) === currentClass)) return old;
  let index = economicIndexes.get(pack.economic);
  if (!index) {
    index = dict<string[]>();
    for (const line of pack.economic)
      for (const pair of line.split("|")) {
        const i = pair.indexOf(" ");
        const k = econKey(pair.slice(i + 1));
        (index[k] = index[k] || []).push(pair.slice(0, i));
      }
    economicIndexes.set(pack.economic, index);
  }
  const codes = index[econKey(name)];
  if (!codes) return null;
  const klass = codes.filter((c) => c.length === 3)[0];
  const inClass = codes.filter((c) => c.length === 5 && c.slice(0, 3) === currentClass)[0];
  if (klass && klass !== currentClass) return klass;
  if (inClass) return inClass;
  return klass || (codes.length === 1 ? codes[0] : null);
}
