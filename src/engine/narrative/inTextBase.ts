/**
 * What the checks inside the text (RULES.md §8.2.2, issue 8 §3) share: the paragraphs they read, how a stated
 * amount is found with its name, and how they keep out of the way of the section checks that compare the same
 * figures with the tables (sectionChecks.ts), so that one misstatement is reported once.
 *
 * The text is normalised (normalise.ts): "，" is ",", "；" is ";", "：" is ":", "（" is "("; "、" and "。" stay.
 */
import { Decimal, halfOfDecimals } from "../decimal";
import { Tables } from "../model";
import { Checker, Ref } from "./checker";
import { Para } from "./normalise";
import { FigureMark } from "./result";
import { Figure, inWan, locate, NUM, parseNumber } from "./tokens";

/** An amount's unit; a bare "万" before punctuation is 万元 (seen in Guangxi documents: 「0.00 万，」). */
export const UNIT = "(万元|亿元|元|万(?=[,;:。、()]|$))";

/** What a finding is about, to tell whether a section check already reported the same thing. */
export type Kind = "sum" | "ratio" | "dir" | "reason" | "disclosure" | "cars";

const KIND_OF: { kind: Kind; re: RegExp }[] = [
  { kind: "dir", re: /方向矛盾|持平/ },
  { kind: "ratio", re: /重算为|比率|分母为 0|上年数为 0|无意义/ },
  { kind: "sum", re: /之和|占比合计|各项占比/ },
  { kind: "disclosure", re: /批次|人次|购置车辆|车辆数/ },
  { kind: "reason", re: /原因/ },
  { kind: "cars", re: /保有量|共有车辆/ },
];

export interface TextCtx {
  ck: Checker;
  tables: Tables;
  /** No workbook: the text is checked on its own. */
  alone: boolean;
  /** Findings and figure marks made by the section checks before these checks ran. */
  baseFindings: number;
  baseFigures: number;
  /** The largest total the tables allow (公开01 收入总计 / 支出总计), to bound shares whose whole is not named. */
  cap: Ref | null;
  /** The section checks' marks by source offset, made on the first marksOf (they no longer change). */
  marksAt?: Map<number, FigureMark[]>;
}

export interface Clause {
  start: number;
  end: number;
}

/** A paragraph with the "说明N(M)" label of where it stands. */
export interface Place {
  p: Para;
  where: string;
  /** Section kind (S1…S13) or "" when the text has no recognised sections. */
  kind: string;
}

/** Did a section check already report `kind` on a clause overlapping [start, end) of this paragraph? */
export function already(t: TextCtx, kind: Kind, p: Para, start: number, end: number): boolean {
  const ck = t.ck;
  for (let i = 0; i < t.baseFindings; i++) {
    const s = ck.spans[i];
    if (!s || s.p !== p || s.end <= start || s.start >= end) continue;
    const msg = ck.findings[i].message;
    for (const k of KIND_OF)
      if (k.re.test(msg)) {
        if (k.kind === kind) return true;
        break;
      }
  }
  return false;
}

/** A section check already found something wrong (error or warning) in a clause overlapping [start, end). */
export function flaggedNear(t: TextCtx, p: Para, start: number, end: number): boolean {
  for (let i = 0; i < t.baseFindings; i++) {
    const s = t.ck.spans[i];
    const sev = t.ck.findings[i].severity;
    if (s && s.p === p && s.end > start && s.start < end && (sev === "error" || sev === "warning")) return true;
  }
  return false;
}

const NO_MARKS: FigureMark[] = [];

/**
 * The figure's marks made by the section checks (a figure they already judged), in the order they were made. Read
 * only. Indexed once by offset: each figure of the text asks, and a scan of every mark each time was quadratic.
 */
export function marksOf(t: TextCtx, p: Para, fig: Figure): { status: string; related: string[]; explain: string }[] {
  let at = t.marksAt;
  if (!at) {
    // a Map, not an object: offsets as keys of an object made it allocate elements up to the largest offset
    at = t.marksAt = new Map<number, FigureMark[]>();
    for (let i = 0; i < t.baseFigures; i++) {
      const m = t.ck.figures[i];
      const list = at.get(m.start);
      if (list) list.push(m);
      else at.set(m.start, [m]);
    }
  }
  return at.get(p.map[fig.start]) || NO_MARKS;
}

/** The figure was compared with a table cell and agreed: the tables own every identity it takes part in. */
export function tableBacked(t: TextCtx, p: Para, fig: Figure): boolean {
  return marksOf(t, p, fig).some((m) => m.status === "ok" && m.related.length > 0);
}

/** One stated amount (or a pair 「各是 A、B 万元」) with the words that name it. */
export interface Stated {
  figs: Figure[];
  /** The words before the amount back to the previous punctuation, without 为/是/各是 … */
  name: string;
  start: number;
  end: number;
}

/** The delimiters a name does not cross (tested by indexOf: one per character of every name). */
const DELIMS = ",;:。、";
const AMOUNT = new RegExp("(各|分别|均)?(?:是|为)?" + NUM + "(?:([、,和])" + NUM + ")?" + UNIT, "g");
const CHANGE_WORD = /(?:增加|减少|增长|下降|增收|减收|增支|减支|提高|降低|相比|了)$/;

/** Name of what an amount states: the text before it back to the previous delimiter, trimmed. */
export function nameBefore(text: string, at: number): string {
  let i = at;
  // a name is short; the bound keeps hostile text without punctuation linear
  // 「收、支总计」 is one name: its 、 is not a delimiter
  while (i > 0 && at - i < 40 && (DELIMS.indexOf(text.charAt(i - 1)) < 0 || (text.charAt(i - 1) === "、" && text.charAt(i - 2) === "收" && text.charAt(i) === "支"))) i--;
  return text
    .slice(i, at)
    .replace(/^(?:截至)?\d{4}年(?:度|\d{1,2}月(?:底|末)?|期末|末|底)?/, "")
    .replace(/(?:各|分别|均)?(?:是|为|达|共计)$/, "")
    .replace(/(?:各|分别|均)$/, "");
}

/**
 * The amounts a paragraph states, in order: not the amounts of a change (「增加 5 万元」), not amounts in
 * parentheses. A pair needs 各/分别 before it, so a list 「a、b 万元」 is not mistaken for one.
 */
export function statedAmounts(p: Para): Stated[] {
  const out: Stated[] = [];
  const text = p.text;
  AMOUNT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AMOUNT.exec(text))) {
    const s = m.index;
    const before = text.slice(Math.max(0, s - 4), s);
    if (CHANGE_WORD.test(before)) continue;
    if (inParens(text, s)) continue;
    const pair = !!m[3] && !!m[1] && m[1] !== "均";
    const figs: Figure[] = [];
    if (pair) {
      const ab = pairWithOneUnit(text, m[2], m[3], m[4], m[5], s);
      if (!ab) continue;
      figs.push(ab[0], ab[1]);
    } else {
      if (m[3]) {
        // 「a、b 万元」 without 各: the amount is the second number only
        const b = locate(text, m[4], m[5], s);
        if (!b) continue;
        figs.push(b);
      } else {
        const a = locate(text, m[2], m[5], s);
        if (!a) continue;
        figs.push(a);
      }
    }
    out.push({ figs, name: nameBefore(text, figs.length === 2 ? s : figs[0].start), start: figs[0].start, end: figs[figs.length - 1].end });
  }
  return out;
}

/** Within 40 characters after an unclosed "(" (bounded, so hostile text stays linear). */
function inParens(text: string, at: number): boolean {
  const from = Math.max(0, at - 40);
  const w = text.slice(from, at);
  const open = w.lastIndexOf("(");
  return open >= 0 && w.lastIndexOf(")") < open;
}

/** The figure `num` + `unit` known to stand at `start`. */
/**
 * 「A、B 万元」: two amounts with the unit written once after the second. The second number must follow the
 * separator directly (so 「640.00,600.00万元」 is a pair, not a thousands group); the unit applies to both.
 */
export function pairWithOneUnit(text: string, first: string, sep: string, second: string, unit: string, from: number): [Figure, Figure] | null {
  const a = locate(text, first, "", from);
  const b = a && text.slice(a.end + sep.length, a.end + sep.length + second.length) === second ? figureAt(second, unit, a.end + sep.length) : null;
  if (!a || !b) return null;
  a.value = inWan(a.printed, unit, first.length);
  a.unit = unit;
  return [a, b];
}

export function figureAt(num: string, unit: string, start: number): Figure {
  const p = parseNumber(num);
  return { value: inWan(p.value, unit, num.length), printed: p.value, dp: p.dp, unit, text: num + unit, start, end: start + num.length + unit.length };
}

/** Words that explain a change or a deviation. */
export const REASON = /原因|由于|主要是|主要用于|系因|因为/;

/** Half a unit at a percentage's printed decimals. */
export function halfPct(f: Figure): Decimal {
  return halfOfDecimals(f.dp);
}

/** "说明五(三)" from a section heading and the current (一)/(二) sub-heading. */
export function whereOf(title: string, sub: string): string {
  const m = /^(?:-\s*)?([一二三四五六七八九十]+)、/.exec(title);
  if (!m) return "情况说明";
  return "说明" + m[1] + (sub ? "(" + sub + ")" : "");
}
