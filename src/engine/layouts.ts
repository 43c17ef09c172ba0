/**
 * The layout of every 公开 table as the engine reads it: a thin view on the template pack of the document being
 * audited (templates/index.ts; the data lives in templates/2024.ts and the year and region patches in
 * templates/years.ts). Names, titles and classes follow the active pack; the 公开01/04 line specs and columns are
 * the same in every declared year, so they are exported as constants.
 */
import { activeTemplate, templateFor } from "./templates";
import { PACK_2024 } from "./templates/2024";
import { TableId } from "./types";

export type { ColumnSpec, LineSpec, TableKind, TableSpec } from "./templates";

export const T01_LINES = PACK_2024.t01Lines;
export const T04_LINES = PACK_2024.t04Lines;
export const T04_EXPENSE_COLUMNS = PACK_2024.t04ExpenseColumns;

export function tableSpec(id: TableId): import("./templates").TableSpec {
  for (const t of activeTemplate().tables) if (t.id === id) return t;
  throw new Error("unknown table " + id);
}

const classIndexes = new Map<object, { [name: string]: string }>();

/** 类 code from a printed class name, with or without 支出 and （类）, old names included. */
export function classByLabel(label: string): string | null {
  const classes = activeTemplate().classes;
  let index = classIndexes.get(classes);
  if (!index) {
    index = {};
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

export function className(code: string): string {
  for (const c of activeTemplate().classes) if (c.code === code) return c.name;
  return code;
}

const economicIndexes = new Map<object, { [name: string]: string[] }>();

/** Name key: no spaces, half-width brackets (维修（护）费 = 维修(护)费). */
function econKey(name: string): string {
  return name.replace(/[\s\u3000]/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

/**
 * The 经济分类 code a printed name stands for, given the 类 read last in its lane (or ""), or null. The table's
 * own year picks the list (absent: 2024) (names of the pre-2018 经济分类 first, templates/years.ts). A class name is taken as the
 * 类 unless that 类 is already the current one and has a 款 of the same name (399 / 39999 其他支出).
 */
export function economicCodeByName(name: string, currentClass: string, year?: string): string | null {
  const pack = templateFor(year);
  const old = pack.economicOld[econKey(name)];
  if (old && (!currentClass || old.slice(0, 3) === currentClass)) return old;
  let index = economicIndexes.get(pack.economic);
  if (!index) {
    index = {};
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
