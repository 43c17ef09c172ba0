/**
 * Text carried over from last year's 情况说明 (issue 12 item 2).
 *
 * PY.3  Per section: the share of this year's text (in characters of the normalised text, spaces removed) that is
 *       in sentences repeating a sentence of the same section of last year's text apart from the numbers. A
 *       sentence's skeleton is the sentence with every number (years, amounts, rates, counts) replaced by one mark;
 *       two sentences are the same when their skeletons are equal. Reported as one 提示 listing the sections.
 * PY.4  A 「主要原因」 clause identical (apart from the numbers) to last year's for the same subject, while the change
 *       it explains went the other way (增加 last year, 减少 this year, or the reverse): a 疑点.
 *
 * Decisions (the issue is silent): sentences are compared within the same section only (one 一 sentence repeated
 * in 四 is not carried over from last year); a section absent from last year's text has share 0; the share is
 * printed with two decimals, computed exactly.
 */
import { Decimal } from "../decimal";
import { Section, SectionKind, sentences } from "../narrative/sections";
import { EXTERNAL_SHEET } from "../narrative/result";
import { Context } from "../rules/context";
import { Claim, claimsOf } from "./claims";
import { subjectOf } from "./subjects";

export interface CarriedSection {
  section: SectionKind;
  /** The section's heading as written this year. */
  title: string;
  /** Characters of this year's section text (normalised) and those in carried-over sentences. */
  chars: number;
  carried: number;
  /** carried ÷ chars × 100, exact. */
  share: Decimal;
}

/** A sentence with its numbers replaced: what stays the same when only the figures were updated. */
export function skeleton(s: string): string {
  let t = s.replace(/-?\d[\d,]*(?:\.\d+)?/g, "#");
  // trailing punctuation, one character at a time (`[…]+$` is quadratic on a long run, issue 13)
  let e = t.length;
  while (e > 0 && PUNCT.indexOf(t.charAt(e - 1)) >= 0) e--;
  t = t.slice(0, e);
  return t;
}

const PUNCT = " \t\r\n\u3000。；;,，、:：";

function sentenceTexts(sec: Section): string[] {
  const out: string[] = [];
  for (const p of sec.body) {
    if (p.table) continue;
    for (const sn of sentences(p.text)) {
      const t = p.text.slice(sn.start, sn.end);
      if (skeleton(t)) out.push(t);
    }
  }
  return out;
}

/** The carried-over share of each section of `now` (in its order) against `before`. */
export function carriedShare(now: Section[], before: Section[]): CarriedSection[] {
  return now.map((sec) => {
    const last = before.filter((b) => b.kind === sec.kind)[0];
    const old: { [k: string]: boolean } = Object.create(null);
    if (last) for (const t of sentenceTexts(last)) old[skeleton(t)] = true;
    let chars = 0;
    let carried = 0;
    for (const t of sentenceTexts(sec)) {
      chars += t.length;
      if (old[skeleton(t)]) carried += t.length;
    }
    return { section: sec.kind, title: sec.title, chars, carried, share: chars ? new Decimal(carried).dividedBy(chars).times(100) : new Decimal(0) };
  });
}

function pct(d: Decimal): string {
  return d.toDecimalPlaces(2).toFixed(2) + "%";
}

function shortTitle(t: string): string {
  const m = /^([一二三四五六七八九十]+)、/.exec(t);
  return m ? "说明" + m[1] : t.slice(0, 12);
}

/** The 「主要原因」 clause after a change, up to the end of its sentence (or of the next one, when it starts there). */
function reasonOf(c: Claim): string | null {
  const rest = c.p.text.slice(c.clause.end, c.clause.end + 160);
  const m = /主要原因(?:是|为|系|在于)?[:：]?([^。；;]{2,120})/.exec(rest);
  return m ? skeleton(m[1]) : null;
}

export function carriedOver(ctx: Context, now: Section[], before: Section[], name: string, year: number | undefined): void {
  const shares = carriedShare(now, before);
  let chars = 0;
  let carried = 0;
  for (const s of shares) {
    chars += s.chars;
    carried += s.carried;
  }
  const sheet = now.length && now[0].heading.cell ? now[0].heading.cell.sheet : EXTERNAL_SHEET;
  if (carried > 0) {
    ctx.count("情况说明", false);
    const whole = new Decimal(carried).dividedBy(chars).times(100);
    const list = shares.filter((s) => s.carried > 0).map((s) => shortTitle(s.title) + " " + pct(s.share));
    ctx.note("PY.3", "info", null, null, "与上年文件“" + name + "”的情况说明相比，除数字外与上年相同的句子占本年情况说明的 " + pct(whole) + "（" + carried + "/" + chars + " 字）；各节：" + list.join("、") + "。请确认这些文字已按本年情况更新", {
      table: "情况说明",
      sheet,
    });
  } else ctx.count("情况说明", true);
  // PY.4: the same reason for a change that turned round
  const lastYear = claimsOf(before, year !== undefined ? year - 1 : undefined).filter((c) => c.delta || c.rate);
  for (const c of claimsOf(now, year)) {
    if (!c.delta && !c.rate) continue;
    const s = subjectOf(c.section, c.words);
    const why = reasonOf(c);
    if (!s || !why) continue;
    const same = lastYear.filter((o) => {
      const os = subjectOf(o.section, o.words);
      return os && os.id === s.id && reasonOf(o) === why;
    })[0];
    if (!same) continue;
    if (same.up === c.up) {
      ctx.count("情况说明", true);
      continue;
    }
    ctx.count("情况说明", false);
    const pl = c.p.cell;
    ctx.note(
      "PY.4",
      "warning",
      null,
      pl ? { sheet: pl.sheet, addr: pl.addr } : null,
      shortTitle(now.filter((x) => x.kind === c.section)[0].title) + "：本年" + s.name + (c.up ? "增加" : "减少") + "，上年" + (same.up ? "增加" : "减少") + "，方向相反，而“主要原因”与上年文件“" + name + "”一字不差（数字除外），请核实原因是否已按本年情况改写",
      { table: "情况说明", sheet: pl ? pl.sheet : EXTERNAL_SHEET, excerpt: c.p.text.slice(c.clause.start, Math.min(c.p.text.length, c.clause.end + 60)), previous: { file: name, sheet: same.p.cell ? same.p.cell.sheet : EXTERNAL_SHEET, cell: same.p.cell ? same.p.cell.addr : null, value: null } },
    );
  }
}
