/**
 * Template packs by year and region (issue 9 §3, RULES.md §4.6). The 2024 pack is the base; every other year and
 * region is a patch (templates/years.ts). Adding a year or a region is data: a patch in years.ts, or a
 * `TemplateSet` built with `withYear` / `withRegion` and given to the audit (`AuditOptions.templates`).
 *
 * No module state (issue 9, decision): a `TemplateSet` is an immutable value (the declared year and region
 * patches); the pack selected for a document is computed from it and flows through the audit as an input
 * (Recognition.template → Region.pack, Context.template, the narrative). Two audits with different sets in one
 * process cannot see each other's packs. Packs are cached per set (a WeakMap keyed by the set object).
 *
 * How a document picks its pack (decision, the issue is silent on the order):
 *   1. recognition finds title cells with the union of every declared year's titles;
 *   2. the fiscal year printed with those titles (the most frequent 「YYYY 年度」 in a title or its head lines) selects
 *      the pack: the declared year at or before it (the earliest declared one for older documents); no year → 2024;
 *   3. the titles are matched again against that pack alone, and the tables are read, the rules and the narrative
 *      run with it. A title only another year uses is therefore not a table of this document.
 * Region: a workbook does not say its region, so the engine's pack merges every regional alias set
 * (`templateFor(year)`); `templateFor(year, name)` gives one region's view and `templateFor(year, null)` none.
 */
import { PACK_2024 } from "./2024";
import { TableId } from "../types";
import { ClassSpec, TableSpec, TemplatePack, TemplatePatch } from "./types";
import { REGION_PATCHES, YEAR_PATCHES } from "./years";

export type { ClassSpec, ColumnSpec, Condition, LineSpec, TableKind, TableSpec, TemplatePack, TemplatePatch } from "./types";

/** The declared years and regions, as differences from the 2024 pack. Immutable: build a new one to add data. */
export interface TemplateSet {
  readonly years: { readonly [year: string]: TemplatePatch };
  readonly regions: { readonly [region: string]: TemplatePatch };
}

/** The packs the project declares (templates/years.ts). */
export const DEFAULT_TEMPLATES: TemplateSet = { years: YEAR_PATCHES, regions: REGION_PATCHES };

/** `set` with a year declared (or replaced) as its differences from 2024. */
export function withYear(set: TemplateSet, year: string, patch: TemplatePatch): TemplateSet {
  if (!/^\d{4}$/.test(year)) throw new Error("template year must be four digits: " + year);
  return { years: { ...set.years, [year]: patch }, regions: set.regions };
}

/** `set` with a regional alias set declared (or replaced). */
export function withRegion(set: TemplateSet, name: string, patch: TemplatePatch): TemplateSet {
  return { years: set.years, regions: { ...set.regions, [name]: patch } };
}

interface Cache {
  packs: { [key: string]: TemplatePack };
  union: TemplatePack | null;
}
const caches = new WeakMap<TemplateSet, Cache>();

function cacheOf(set: TemplateSet): Cache {
  let c = caches.get(set);
  if (!c) caches.set(set, (c = { packs: {}, union: null }));
  return c;
}

/** The declared year whose pack a document of `year` uses, or null for the 2024 base. */
function declaredYear(set: TemplateSet, year?: string): string | null {
  const y = year && /^\d{4}$/.test(year) ? +year : NaN;
  if (isNaN(y)) return null;
  const keys = Object.keys(set.years).map(Number).sort((a, b) => a - b);
  let best: number | null = null;
  for (const k of keys) if (k <= y) best = k;
  return String(best === null ? keys[0] : best);
}

function withTitles(t: TableSpec, add?: string[], replace?: string[], name?: string): TableSpec {
  const titles = replace ? replace.slice() : t.titles.concat((add || []).filter((x) => t.titles.indexOf(x) < 0));
  return { ...t, titles, name: name || t.name };
}

export function applyPatch(base: TemplatePack, patch: TemplatePatch, year = base.year): TemplatePack {
  const tables = base.tables.map((t) => withTitles(t, patch.titles && patch.titles[t.id], patch.replaceTitles && patch.replaceTitles[t.id], patch.names && patch.names[t.id]));
  const classes: ClassSpec[] = base.classes.map((c) => {
    const p = patch.classes && patch.classes[c.code];
    if (!p) return c;
    const name = p.name || c.name;
    const aliases = (c.aliases || []).concat(name !== c.name ? [c.name] : [], p.aliases || []).filter((a) => a !== name);
    return { ...c, name, aliases };
  });
  return {
    ...base,
    year,
    tables,
    classes,
    economicOld: { ...base.economicOld, ...(patch.economicOld || {}) },
    numbering: patch.numbering ? { ...(base.numbering || {}), ...patch.numbering } : base.numbering,
    ...(patch.layout || {}),
  };
}

/**
 * The pack for a fiscal year ("2024"; absent or unreadable → 2024) and a region (absent → every regional alias
 * set merged, as recognition uses it; a name → that region only; null → none), from `set` (default: the project's).
 */
export function templateFor(year?: string, region?: string | null, set: TemplateSet = DEFAULT_TEMPLATES): TemplatePack {
  const cache = cacheOf(set).packs;
  const y = declaredYear(set, year);
  const key = (y || "base") + "|" + (region === undefined ? "*" : String(region));
  if (cache[key]) return cache[key];
  let pack = y ? applyPatch(PACK_2024, set.years[y], y) : PACK_2024;
  const names = region === undefined ? Object.keys(set.regions) : region === null ? [] : [region];
  for (const r of names) {
    if (!set.regions[r]) throw new Error("unknown template region: " + r);
    pack = applyPatch(pack, set.regions[r], pack.year);
  }
  return (cache[key] = pack);
}

/** Every declared year's titles together: used only to find title cells before the year is known. */
export function anyYearTemplate(set: TemplateSet = DEFAULT_TEMPLATES): TemplatePack {
  const c = cacheOf(set);
  if (c.union) return c.union;
  let tables = templateFor(undefined, undefined, set).tables;
  for (const y of Object.keys(set.years)) {
    const other = templateFor(y, undefined, set).tables;
    tables = tables.map((t, i) => withTitles(t, other[i].titles));
  }
  return (c.union = { ...templateFor(undefined, undefined, set), tables });
}

/** 公开09's 栏 key of item `offset` (pack.sangongItems) in the 预算数 block (栏1…n) or the 决算数 block (栏n+1…2n). */
export function sangongKey(pack: TemplatePack, offset: number, actual: boolean): string {
  return "c" + (offset + (actual ? pack.sangongItems.length : 0));
}

/** The spec of table `id` in `pack`. */
export function specOf(pack: TemplatePack, id: TableId): TableSpec {
  for (const t of pack.tables) if (t.id === id) return t;
  throw new Error("unknown table " + id);
}

/**
 * The fiscal year the titles state: per title (its text with its head lines) the first 「YYYY 年度」; the most
 * frequent among the titles (first seen wins a tie), or undefined.
 */
export function yearOfTitles(titles: string[]): string | undefined {
  const count: { [y: string]: number } = {};
  let best: string | undefined;
  for (const t of titles) {
    const m = /((?:19|20)\d{2})\s*年度/.exec(String(t));
    if (!m) continue;
    count[m[1]] = (count[m[1]] || 0) + 1;
    if (!best || count[m[1]] > count[best]) best = m[1];
  }
  return best;
}
