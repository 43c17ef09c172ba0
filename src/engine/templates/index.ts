/**
 * Template packs by year and region (issue 9 §3, RULES.md §4.6). The 2024 pack is the base; every other year and
 * region is a patch (templates/years.ts). Adding a year or a region is `registerTemplate` / `registerRegion` with
 * data, never an engine change.
 *
 * How a document picks its pack (decision, the issue is silent on the order):
 *   1. recognition finds title cells with the union of every declared year's titles;
 *   2. the fiscal year printed with those titles (the most frequent 「YYYY 年度」 in a title or its head lines) selects
 *      the pack: the declared year at or before it (the earliest declared one for older documents); no year → 2024;
 *   3. the titles are matched again against that pack alone, and the tables are read, the rules and the narrative
 *      run with it (`withTemplate`). A title only another year uses is therefore not a table of this document.
 * Region: a workbook does not say its region, so the engine's pack merges every regional alias set
 * (`templateFor(year)`); `templateFor(year, name)` gives one region's view and `templateFor(year, null)` none.
 */
import { PACK_2024 } from "./2024";
import { ClassSpec, TableSpec, TemplatePack, TemplatePatch } from "./types";
import { REGION_PATCHES, YEAR_PATCHES } from "./years";

export type { ClassSpec, ColumnSpec, Condition, LineSpec, TableKind, TableSpec, TemplatePack, TemplatePatch } from "./types";

const years: { [year: string]: TemplatePatch } = { ...YEAR_PATCHES };
const regions: { [region: string]: TemplatePatch } = { ...REGION_PATCHES };
let cache: { [key: string]: TemplatePack } = {};
let unionCache: TemplatePack | null = null;

/** Declare (or replace) a template year as its differences from 2024. */
export function registerTemplate(year: string, patch: TemplatePatch): void {
  if (!/^\d{4}$/.test(year)) throw new Error("template year must be four digits: " + year);
  years[year] = patch;
  cache = {};
  unionCache = null;
}

/** Declare (or replace) a regional alias set. */
export function registerRegion(name: string, patch: TemplatePatch): void {
  regions[name] = patch;
  cache = {};
  unionCache = null;
}

/** The declared year whose pack a document of `year` uses, or null for the 2024 base. */
function declaredYear(year?: string): string | null {
  const y = year && /^\d{4}$/.test(year) ? +year : NaN;
  if (isNaN(y)) return null;
  const keys = Object.keys(years).map(Number).sort((a, b) => a - b);
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
  };
}

/**
 * The pack for a fiscal year ("2024"; absent or unreadable → 2024) and a region (absent → every regional alias
 * set merged, as recognition uses it; a name → that region only; null → none).
 */
export function templateFor(year?: string, region?: string | null): TemplatePack {
  const y = declaredYear(year);
  const key = (y || "base") + "|" + (region === undefined ? "*" : String(region));
  if (cache[key]) return cache[key];
  let pack = y ? applyPatch(PACK_2024, years[y], y) : PACK_2024;
  const names = region === undefined ? Object.keys(regions) : region === null ? [] : [region];
  for (const r of names) {
    if (!regions[r]) throw new Error("unknown template region: " + r);
    pack = applyPatch(pack, regions[r], pack.year);
  }
  return (cache[key] = pack);
}

/** Every declared year's titles together: used only to find title cells before the year is known. */
export function anyYearTemplate(): TemplatePack {
  if (unionCache) return unionCache;
  let tables = templateFor().tables;
  for (const y of Object.keys(years)) {
    const other = templateFor(y).tables;
    tables = tables.map((t, i) => withTitles(t, other[i].titles));
  }
  return (unionCache = { ...templateFor(), tables });
}

let active: TemplatePack | null = null;

/** The pack of the document being audited (2024 outside an audit). */
export function activeTemplate(): TemplatePack {
  return active || templateFor();
}

/** Run `fn` with `pack` as the active pack; the previous one is restored afterwards (synchronous use only). */
export function withTemplate<T>(pack: TemplatePack, fn: () => T): T {
  const previous = active;
  active = pack;
  try {
    return fn();
  } finally {
    active = previous;
  }
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
