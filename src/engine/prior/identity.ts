/**
 * Which unit and year a document is (issue 12 item 1, `--previous-dir`): the 单位 and 年度 printed with the tables'
 * titles (「部门：某某局」, 「2024 年度」), else the first title line of its 情况说明 (「某某局 2024 年度部门决算」).
 * Pairing: this year's document with the document of the same unit and the year before; each document is used at
 * most once.
 *
 * Decisions (the issue is silent): unit names are compared after removing spaces and turning full-width brackets
 * half-width, nothing fuzzier (two units whose names differ by one character are two units); a document whose unit
 * or year cannot be read is never paired and is named as such; when several documents of one unit and year are
 * given, none of them is paired (the reader must choose) and they are named.
 */
import { toHalfWidth } from "../text";
import { Recognition } from "../recognize";
import { TABLE_IDS, WorkbookSnapshot } from "../types";

export interface DocIdentity {
  unit: string | null;
  year: number | null;
}

export function normUnit(s: string): string {
  return toHalfWidth(s)
    .replace(/\s+/g, "")
    .replace(/^(?:部门|单位|编制单位|预算单位)(?:名称)?[:：]/, "")
    .replace(/[（(]汇总[）)]$|[（(]本级[）)]$/, "");
}

const TITLE = /^(.{2,60}?)(\d{4})\s*年度?\s*(?:部门|单位)?决算/;

export function identityOf(snapshot: WorkbookSnapshot, rec: Recognition): DocIdentity {
  const units: { [u: string]: number } = Object.create(null);
  const years: { [y: string]: number } = Object.create(null);
  for (const id of TABLE_IDS) {
    const t = rec.tables[id];
    if (!t) continue;
    if (t.department) units[normUnit(t.department)] = (units[normUnit(t.department)] || 0) + 1;
    if (t.year) years[t.year] = (years[t.year] || 0) + 1;
  }
  let unit = top(units);
  let year = top(years);
  if (unit === null || year === null) {
    // a document without tables (a 情况说明 alone, a PDF whose tables were not read): its title line
    for (const s of snapshot.sheets || [])
      for (const row of s.text || [])
        for (const cell of row) {
          const m = cell ? TITLE.exec(toHalfWidth(cell).replace(/\s+/g, "")) : null;
          if (!m) continue;
          if (unit === null && !/^\d/.test(m[1])) unit = normUnit(m[1]);
          if (year === null) year = m[2];
          if (unit !== null && year !== null) return { unit, year: parseInt(year, 10) };
        }
  }
  return { unit, year: year === null ? null : parseInt(year, 10) };
}

function top(counts: { [k: string]: number }): string | null {
  let best: string | null = null;
  for (const k in counts) if (best === null || counts[k] > counts[best]) best = k;
  return best;
}

export interface Pairing<D> {
  /** This year's document and last year's. */
  pairs: { current: D; previous: D }[];
  /** Documents that found no partner, each with the reason in Chinese (a document of the earliest year included). */
  alone: { doc: D; reason: string }[];
}

/**
 * Pairs `current` documents with `candidates` (the --previous-dir documents): same unit, year − 1. A current
 * document is one the user asked to audit; candidates never pair among themselves.
 */
export function pairDocuments<D>(current: { doc: D; id: DocIdentity }[], candidates: { doc: D; id: DocIdentity }[]): Pairing<D> {
  const pairs: Pairing<D>["pairs"] = [];
  const alone: Pairing<D>["alone"] = [];
  for (const c of current) {
    if (!c.id.unit || c.id.year === null) {
      alone.push({ doc: c.doc, reason: "未能从标题读出" + (!c.id.unit ? "单位名称" : "年度") + "，无法配对上年文件" });
      continue;
    }
    const same = candidates.filter((x) => x.id.unit === c.id.unit && x.id.year === (c.id.year as number) - 1);
    if (same.length === 1) pairs.push({ current: c.doc, previous: same[0].doc });
    else if (same.length > 1) alone.push({ doc: c.doc, reason: "上年目录中有 " + same.length + " 份“" + c.id.unit + "” " + ((c.id.year as number) - 1) + " 年度的文件，无法确定用哪一份" });
    else alone.push({ doc: c.doc, reason: "上年目录中没有“" + c.id.unit + "” " + ((c.id.year as number) - 1) + " 年度的文件" });
  }
  return { pairs, alone };
}
