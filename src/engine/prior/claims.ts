/**
 * The 上年 figures this year's 情况说明 states or implies (issue 12 item 1):
 *   - implied: 「本年 A 万元 … 与上年相比增加 Δ 万元（增长 p%）」 → 上年 = A − Δ (减少: A + Δ);
 *   - implied by a rate alone: 「比上年增长 p%」 → 上年 = A ÷ (1 ± p%), checked as p against last year's figure;
 *   - stated: 「上年为 P 万元」, 「比 2023 年度的 P 万元增加…」.
 * A change counts only when its sentence compares with the prior year (上年, 上一年, 去年, 同比, or the year
 * before the fiscal year written out); a change against the budget (「决算数与年初预算数…」) is not one.
 *
 * The current amount A is the last amount before the comparison that is stated under the same subject words (or,
 * when the change names no subject, the last amount of the same or the previous sentence). Nothing is guessed:
 * a change whose A cannot be found is left out here and reported 未审核 by the caller (no operand, never 0).
 */
import { Decimal } from "../decimal";
import { HALF, Rounded } from "../rounding";
import { Para } from "../narrative/normalise";
import { Section, SectionKind, sentences } from "../narrative/sections";
import { Figure, halfUnit, locate, NUM, PCT, unitFactor } from "../narrative/tokens";

export interface Claim {
  section: SectionKind;
  p: Para;
  clause: { start: number; end: number };
  /** The subject words (normalised, qualifiers removed), for subjects.ts. */
  words: string;
  /** Which side of a 收/支 pair (0 收入, 1 支出), when the change states two figures. */
  side: number | null;
  current: Figure | null;
  delta: Figure | null;
  up: boolean;
  rate: Figure | null;
  /** Last year's amount written out in the text. */
  stated: Figure | null;
}

const UNIT = "(万元|亿元|元)";
/** 「增加 Δ 万元」 or 「各减少 C、D 万元」, optionally followed by 「，增长 p%」; or a rate alone 「增长 p%」. */
const CHANGE = new RegExp("(增加|减少|增长|下降|提高|降低|增收|减收)了?" + NUM + "(?:、" + NUM + ")?" + UNIT + "(?:[,，]?(?:同比|比上年)?(?:各|分别)?(?:增长|下降|提高|降低|增加|减少)了?" + PCT + ")?", "g");
const RATE = new RegExp("(增长|下降|提高|降低)了?" + PCT, "g");
const UP = /增加|增长|提高|增收/;
/** A comparison with the prior year; group 1 a written year. */
const COMPARE = /(?:比|较|与|同)(?:上年度?|上一年度?|去年|(\d{4})年度?)(?:同期)?(?:决算数?)?(?:的|相比|比较)?|同比/;
const STATED = new RegExp("(?:上年度?|上一年度?|去年|(\\d{4})年度?)(?:同期)?(?:决算数?)?(?:为|的|是)" + NUM + UNIT);
const AMOUNT = new RegExp(NUM + UNIT, "g");
/** 「A、」 just before the second amount of a pair. */
const PAIR_END = new RegExp(NUM + "、$");

/** Qualifiers that do not name the subject: comparisons, years, 本年, 各, 均为, 决算, punctuation. */
export function subjectWords(s: string): string {
  return trimTail(subjectRaw(s));
}

function subjectRaw(s: string): string {
  return s
    .replace(new RegExp(COMPARE.source, "g"), "")
    .replace(/\d{4}年度?/g, "")
    .replace(/\([^)]{0,12}\)/g, "")
    .replace(/本年度?|年度|全年|当年|决算数?|情况|其中/g, "")
    .replace(/^(?:各|分别|均|共|的)+/, "")
    .replace(/[,，:：;；。]/g, "")
    .replace(/\s/g, "");
}

/** Qualifiers at the end (「均为」, 「各」): removed one at a time, since `(…)+$` is quadratic on a long run (issue 13). */
const TAIL_WORD = /(?:各|分别|均|共|合计为|为|是|达|的)$/;

function trimTail(s: string): string {
  let m: RegExpExecArray | null;
  while ((m = TAIL_WORD.exec(s))) s = s.slice(0, s.length - m[0].length);
  return s;
}

/** The naming words before position `at` back to the start of its clause (the last , ; 。 or :). */
function wordsBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !/[,，;；。:：]/.test(text.charAt(i - 1)) && at - i < 40) i--;
  return subjectWords(text.slice(i, at));
}

function priorYearOk(m: RegExpExecArray | null, fiscalYear: number | undefined): boolean {
  if (!m) return false;
  if (!m[1]) return true;
  return fiscalYear !== undefined && parseInt(m[1], 10) === fiscalYear - 1;
}

interface Stated {
  fig: Figure;
  words: string;
  p: Para;
}

/** Every amount of the section before `p`'s position `at` (earlier paragraphs first), with its naming words. */
function amountsBefore(sec: Section, p: Para, at: number): Stated[] {
  const out: Stated[] = [];
  for (const q of sec.body) {
    const limit = q === p ? at : q.text.length;
    AMOUNT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = AMOUNT.exec(q.text)) && m.index < limit) {
      const f = locate(q.text, m[1], m[2], m.index);
      if (f && f.end <= limit) out.push({ fig: f, words: wordsBefore(q.text, m.index), p: q });
    }
    if (q === p) break;
  }
  return out;
}

function currentOf(sec: Section, p: Para, from: number, at: number, words: string): Figure | null {
  const before = amountsBefore(sec, p, at);
  if (words) {
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i].words;
      if (w && (w.indexOf(words) >= 0 || words.indexOf(w) >= 0)) return before[i].fig;
    }
    return null;
  }
  // no subject named: the amount just before, in this sentence (「机关运行经费支出 A 万元，比 2023 年增加…」)
  const last = before.length ? before[before.length - 1] : null;
  return last && last.p === p && last.fig.start >= from ? last.fig : null;
}

/** 「A、B 万元」: the first amount of a pair whose unit is written once, after the second. */
function pairedBefore(text: string, f: Figure): Figure | null {
  const m = PAIR_END.exec(text.slice(Math.max(0, f.start - 30), f.start));
  if (!m) return null;
  const at = f.start - m[0].length;
  const g = locate(text, m[1], "", at);
  return g ? withUnit(g, f.unit) : null;
}

function withUnit(f: Figure, unit: string): Figure {
  return { ...f, unit, value: f.printed.times(unitFactor(unit)) };
}

/** The half-width of a printed amount (RULES.md §0.2: 「885 万元」 is 885.00 at 2-decimal precision). */
export function roundedOf(f: Figure): Rounded {
  const h = halfUnit(f);
  return { value: f.value, half: f.unit === "%" ? h : Decimal.min(h, HALF) };
}

export function claimsOf(sections: Section[], fiscalYear: number | undefined): Claim[] {
  const out: Claim[] = [];
  for (const sec of sections)
    for (const p of sec.body) {
      if (p.table) continue;
      for (const sn of sentences(p.text)) {
        const s = p.text.slice(sn.start, sn.end);
        const cmp = COMPARE.exec(s);
        if (!cmp || !priorYearOk(cmp, fiscalYear)) continue;
        const found: { m: RegExpExecArray; rateOnly: boolean }[] = [];
        CHANGE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = CHANGE.exec(s))) found.push({ m, rateOnly: false });
        if (!found.length) {
          RATE.lastIndex = 0;
          while ((m = RATE.exec(s))) found.push({ m, rateOnly: true });
        }
        const st = STATED.exec(s);
        let statedFig = st && priorYearOk(st, fiscalYear) ? locate(p.text, st[2], st[3], sn.start + st.index) : null;
        let from = sn.start;
        for (const { m: x, rateOnly } of found) {
          const at = sn.start + x.index;
          const named = wordsBefore(p.text, at);
          const current = currentOf(sec, p, from, at, named);
          const words = named || (current ? wordsBefore(p.text, current.start) : "");
          const up = UP.test(x[1]);
          const clause = { start: Math.max(from, Math.min(sn.start + cmp.index, at)), end: at + x[0].length };
          from = clause.end;
          if (rateOnly) {
            out.push({ section: sec.kind, p, clause, words, side: null, current, delta: null, up, rate: locate(p.text, x[2], "%", at), stated: statedFig });
            statedFig = null;
            continue;
          }
          const first = locate(p.text, x[2], x[3] ? "" : x[4], at);
          const d1 = first && x[3] ? withUnit(first, x[4]) : first;
          const d2 = x[3] ? locate(p.text, x[3], x[4], d1 ? d1.end : at) : null;
          const rate = x[5] !== undefined ? locate(p.text, x[5], "%", (d2 || d1 || { end: at }).end) : null;
          if (d2) {
            out.push({ section: sec.kind, p, clause, words, side: 0, current: current ? pairedBefore(p.text, current) || current : null, delta: d1, up, rate, stated: null });
            out.push({ section: sec.kind, p, clause, words, side: 1, current, delta: d2, up, rate, stated: null });
          } else out.push({ section: sec.kind, p, clause, words, side: null, current, delta: d1, up, rate, stated: statedFig });
          statedFig = null;
        }
      }
    }
  return out;
}
