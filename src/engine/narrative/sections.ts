/**
 * Sections of the 情况说明 (RULES.md §3.1 step 4): recognised by the words of their headings, not by their
 * numbers (the numbering differs by year and region). A heading followed directly by another heading is a
 * table-of-contents entry (目录), kept for N-TOC.
 */
import { Para } from "./normalise";

export type SectionKind = "S1" | "S2" | "S3" | "S4" | "S5" | "S6" | "S7" | "S8" | "S9" | "S10" | "S11" | "S12" | "S13";

export interface Section {
  kind: SectionKind;
  heading: Para;
  /** Heading text without the list marker ("- ") of a converted 目录. */
  title: string;
  body: Para[];
}

/** Heading words → section, most specific first. */
const KINDS: { kind: SectionKind; match: RegExp }[] = [
  { kind: "S4", match: /财政拨款收入支出决算总体情况/ },
  { kind: "S1", match: /收入支出决算总体情况/ },
  { kind: "S6", match: /基本支出决算情况/ },
  { kind: "S7", match: /政府性基金预算/ },
  { kind: "S8", match: /国有资本经营预算/ },
  { kind: "S9", match: /三公/ },
  { kind: "S5", match: /一般公共预算财政拨款支出决算情况/ },
  { kind: "S2", match: /^收入决算情况/ },
  { kind: "S3", match: /^支出决算情况/ },
  { kind: "S10", match: /运行经费/ },
  { kind: "S11", match: /政府采购/ },
  { kind: "S12", match: /国有资产/ },
  { kind: "S13", match: /绩效/ },
];

const TOP = /^(?:-\s*)?([一二三四五六七八九十]+)、(.*)$/;

export function headingKind(text: string): SectionKind | null {
  const m = TOP.exec(text);
  if (!m) return null;
  const rest = m[2];
  // "七、政府性基金预算财政拨款收入支出决算表" is a table title (目录 of 第二部分), not a 情况说明 heading
  if (rest.length > 40 || /[：:]/.test(rest) || /。./.test(rest) || /表$/.test(rest)) return null;
  // a 情况说明 heading names a 情况 or 说明; 公开01 row labels such as "二、政府性基金预算财政拨款收入" do not
  if (!/情况|说明/.test(rest)) return null;
  for (const k of KINDS) if (k.match.test(rest)) return k.kind;
  return null;
}

function isTopHeading(text: string): boolean {
  const m = TOP.exec(text);
  return !!m && m[2].length <= 40 && !/[：:]/.test(m[2]) && !/。./.test(m[2]);
}

/** Paragraphs that end the 情况说明 (名词解释, the 绩效 report, another part of the document). */
const END = /^第[一二三四五六七八九十]+部分|名词解释$|绩效自评报告$|自评汇总表$|自评情况表$|自评表$/;

export interface Outline {
  sections: Section[];
  toc: Section[];
  /** Paragraphs after the 情况说明 (the 绩效 report of a converted document). */
  rest: Para[];
}

export function outline(paras: Para[]): Outline {
  const found: Section[] = [];
  let cur: Section | null = null;
  const rest: Para[] = [];
  let ended = false;
  for (const p of paras) {
    if (ended) {
      rest.push(p);
      continue;
    }
    if (p.table) {
      if (cur) {
        cur = null;
      }
      continue;
    }
    const kind = headingKind(p.text);
    if (kind) {
      cur = { kind, heading: p, title: p.text.replace(/^-\s*/, ""), body: [] };
      found.push(cur);
      continue;
    }
    if (END.test(p.text) || isTopHeading(p.text)) {
      // another part of the document: after the 情况说明's sections it ends the narrative; before them it is
      // the 目录 or the 概况
      if (found.filter((s) => s.body.length > 0).length >= 3) {
        ended = true;
        rest.push(p);
      }
      cur = null;
      continue;
    }
    if (cur) cur.body.push(p);
  }
  const sections: Section[] = [];
  const toc: Section[] = [];
  for (const s of found) {
    if (s.body.length) {
      if (!sections.some((x) => x.kind === s.kind)) sections.push(s);
    } else toc.push(s);
  }
  return { sections, toc, rest };
}

/** Sentences of a paragraph: [start, end) ranges ending after 。！？ (bind numbers only within one). */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "。" || ch === "!" || ch === "?" || ch === "！" || ch === "？") {
      let e = i + 1;
      while (e < text.length && /[。”"」』)]/.test(text.charAt(e))) e++;
      if (e > s) out.push({ start: s, end: e });
      s = e;
      i = e - 1;
    }
  }
  if (s < text.length) out.push({ start: s, end: text.length });
  return out;
}
