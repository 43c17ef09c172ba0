/**
 * Changes over the prior year stated in the text (RULES.md §8.2.2, issue 8 §3), checked against the amounts the
 * text itself states, with or without tables:
 * - 「收、支总计各是 A、B 万元。与上年相比，收、支总计各减少 C、D 万元，各下降 p%、q%」: p = C / (A + C) and
 *   q = D / (B + D), each by interval (RULES.md §5.3, through Checker.ratio), and A = B (收入总计 = 支出总计);
 * - 增加 goes with 增长, 减少 with 下降 (NT.4); a change of 0 is 持平, not 增加/减少;
 * - a prior year of 0 makes the rate UNDEFINED (NT.6); a stated change needs its reason (NT.8).
 *
 * The current amount is the last amount the paragraph states before the change, when only a comparison phrase
 * (比上年, 较 2023 年度决算数, 与上年相比, 同比), a share clause or the same subject stands between them; otherwise the
 * change is not bound (never guessed).
 */
import { tolerance } from "../rounding";
import { Decimal, plain } from "../decimal";
import { money } from "../messages";
import { Ref } from "./checker";
import { Para } from "./normalise";
import { already, marksOf, pairWithOneUnit, nameBefore, Place, REASON, Stated, TextCtx, UNIT } from "./inTextBase";
import { Figure, locate, NUM, PCT } from "./tokens";

const CHANGE = new RegExp(
  "(各|分别)?(增加|减少|增长|下降|增收|减收|增支|减支|提高|降低)(?:了)?" + NUM + "(?:([、,和])" + NUM + ")?" + UNIT + "(?:[,]?(?:同比|比上年)?(?:各|分别)?(增长|下降|提高|降低|增加|减少)(?:了)?" + PCT + "(?:[、,和]" + PCT + ")?)?",
  "g",
);
const UP = /增加|增长|增收|增支|提高/;

const COMPARE = /(?:比|较|与|同)(?:上年度?|上一年度?|去年)?(?:同期)?(?:决算数?)?(?:相比|比较)?|同比/g;

function norm(s: string): string {
  return s.replace(/\((?:下同|同口径)\)/g, "").replace(/\d{4}年度?/g, "").replace(COMPARE, "").replace(/本年度?|年度|的|、|各|分别|均|总计|合计|决算数?|情况|[,;。:]/g, "");
}

/** 「收支」 names both totals; otherwise the subject words must name the stated amount exactly. */
function sameSubject(name: string, subject: string): boolean {
  const a = norm(name);
  if (!a) return false;
  if (subject === "收支") return /^(?:.*)?(?:收支|收入|支出)$/.test(a) && /总计$/.test(name);
  return a === subject;
}

/**
 * The amount a change is about. When the change names its subject (「与上年相比，本年支出合计增加…」), the last
 * amount of the paragraph stated under that name; otherwise the amount right before it, with only a comparison
 * phrase or a share clause between them.
 */
function currentOf(stated: Stated[], text: string, at: number): Stated | null {
  const before = stated.filter((x) => x.end <= at);
  if (!before.length) return null;
  const subject = norm(nameBefore(text, at));
  if (subject) {
    for (let i = before.length - 1; i >= 0; i--) if (sameSubject(before[i].name, subject)) return before[i];
    return null;
  }
  const cur = before[before.length - 1];
  const gap = text.slice(cur.end, at);
  if (gap.length > 60 || /其中|原因|主要/.test(gap)) return null;
  const g = gap.replace(/\((?:下同|同口径)\)/g, "").replace(/[,;]?占(?:比)?[^,;。]{0,24}?\d+(?:\.\d+)?%/g, "").replace(/\d{4}年度?/g, "").replace(COMPARE, "").replace(/[,;。:]/g, "");
  return g ? null : cur;
}

function derived(value: Decimal, label: string, half: Decimal): Ref {
  return { value, dp: 2, ref: "", label, blank: false, half };
}

function pick<T>(xs: T[], i: number): T {
  return xs[Math.min(i, xs.length - 1)];
}

export function changeChecks(t: TextCtx, pl: Place, stated: Stated[], next: Para | null): void {
  const ck = t.ck;
  const p = pl.p;
  const text = p.text;
  totalsEqual(t, pl, stated);
  CHANGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHANGE.exec(text))) {
    const s = m.index;
    const e = s + m[0].length;
    const clause = { start: s, end: e };
    const cur = currentOf(stated, text, s);
    if (!cur) continue;
    // the figures of the change: Δ (one or a pair) and the rates
    const deltas: Figure[] = [];
    let at = s;
    if (m[4] && m[1]) {
      const ab = pairWithOneUnit(text, m[3], m[4], m[5], m[6], at);
      if (!ab) continue;
      deltas.push(ab[0], ab[1]);
      at = ab[1].end;
    } else {
      const a = locate(text, m[4] ? m[5] : m[3], m[6], at);
      if (!a) continue;
      deltas.push(a);
      at = a.end;
    }
    const pcts: Figure[] = [];
    if (m[8] !== undefined) {
      const pa = locate(text, m[8], "%", at);
      if (pa) pcts.push(pa);
      const pb = pa && m[9] !== undefined ? locate(text, m[9], "%", pa.end) : null;
      if (pb) pcts.push(pb);
    }
    if (cur.figs.length === 1 && deltas.length === 2) continue;
    const n = Math.max(cur.figs.length, deltas.length);
    const seen: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = pick(cur.figs, i);
      const d = pick(deltas, i);
      const pf = pcts.length ? pick(pcts, i) : null;
      const key = c.value.toString() + "|" + d.value.toString() + "|" + (pf ? pf.start : "");
      if (seen.indexOf(key) >= 0) continue;
      seen.push(key);
      const side = n === 2 ? (i === 0 ? "收入" : "支出") : "";
      one(t, pl, clause, c, d, m[2], m[7] || null, pf, side + (cur.name || "本年数"));
    }
    // a change needs its reason (RULES.md §8.2.4), in the paragraph or at the start of the next one
    if (deltas.some((d) => !d.value.isZero())) {
      if (REASON.test(text.slice(s)) || REASON.test(text.slice(0, s)) || (next && REASON.test(next.text.slice(0, 24)))) ck.ok();
      else if (!already(t, "reason", p, s, e)) {
        ck.bad();
        ck.emit("NT.8", "warning", p, clause, pl.where + "：说明了" + cur.name + m[2] + " " + deltas.map((d) => d.text).join("、") + "，但未说明主要原因");
      }
    }
  }
}

/** One change: direction words, prior year, rate. */
function one(t: TextCtx, pl: Place, clause: { start: number; end: number }, c: Figure, d: Figure, dir: string, dir2: string | null, pf: Figure | null, subject: string): void {
  const ck = t.ck;
  const p = pl.p;
  const where = pl.where;
  const up = UP.test(dir);
  if (dir2 && up !== UP.test(dir2)) {
    if (!already(t, "dir", p, clause.start, clause.end) && !(pf && marksOf(t, p, pf).some((x) => x.status === "error"))) {
      ck.bad();
      const i = ck.emit("NT.4", "error", p, clause, where + "：“" + dir + "”与“" + dir2 + "”方向矛盾（增加应对应增长，减少应对应下降）");
      if (pf) ck.mark(p, pf, "error", "NT.4", [], "增减方向矛盾", i);
    }
    return;
  }
  if (dir2) ck.ok();
  if (d.value.isNegative()) {
    ck.bad();
    ck.emit("NT.4", "warning", p, clause, where + "：“" + dir + "”后的变动额写为负数 " + d.text + "，方向重复表示，请核实是增加还是减少", { actual: plain(d.value) });
    return;
  }
  if (d.value.isZero()) {
    const rateZero = !pf || pf.value.isZero();
    if (rateZero) {
      ck.bad();
      ck.emit("NT.4", "warning", p, clause, where + "：变动额为 0，却写“" + dir + " " + d.text + "”" + (pf ? "、“" + (dir2 || "") + pf.text + "”" : "") + "，应表述为“与上年持平”", { actual: "0" });
      return;
    }
  }
  if (!pf || marksOf(t, p, pf).length) return;
  // the prior year is derived from two rounded figures: its half-width is the sum of theirs (RULES.md §5.3)
  const half = tolerance([ck.textRef(c, ""), ck.textRef(d, "")]);
  const prior = up ? c.value.minus(d.value) : c.value.plus(d.value);
  if (prior.lt(half.negated())) {
    ck.bad();
    const i = ck.emit("NT.3", "error", p, clause, where + "：" + subject + " " + c.text + "，“" + dir + "”" + d.text + " 大于本年数，推出的上年数为负（" + money(prior, 2) + " 万元）", { actual: plain(d.value), expected: null, difference: plain(prior) });
    ck.mark(p, d, "error", "NT.3", [], "上年数为负", i);
    return;
  }
  if (prior.abs().lte(half)) {
    if (already(t, "ratio", p, clause.start, clause.end)) return;
    ck.bad();
    const i = ck.emit("NT.6", "error", p, clause, where + "：上年数为 0（" + subject + " " + c.text + (up ? " − " : " + ") + d.text + "），不应表述“" + (dir2 || "") + pf.text + "”，比率无意义；建议改为“上年无此项，本年新增 " + c.text + "”", { actual: plain(pf.value) });
    ck.mark(p, pf, "error", "NT.6", [], "上年数为 0，增减率无意义", i);
    return;
  }
  const priorRef = derived(prior, "上年数（" + c.text + (up ? " − " : " + ") + d.text + "）", half);
  ck.ratio("NT.3", where, p, clause, pf, dir2 || dir, ck.textRef(d, dir + "额"), priorRef, "");
}

/** 收入总计 = 支出总计 when the text states both (「收、支总计各是 A、B 万元」, 「收入总计 A 万元，支出总计 B 万元」). */
function totalsEqual(t: TextCtx, pl: Place, stated: Stated[]): void {
  const ck = t.ck;
  const p = pl.p;
  const pairs: { a: Figure; b: Figure; name: string }[] = [];
  for (const x of stated) if (x.figs.length === 2 && /收、?支总计$/.test(x.name)) pairs.push({ a: x.figs[0], b: x.figs[1], name: x.name.replace(/收、?支总计$/, "") });
  for (let i = 0; i + 1 < stated.length; i++) {
    const a = stated[i];
    const b = stated[i + 1];
    const ma = /^(.*)收入总计$/.exec(a.name);
    const mb = /^(.*)支出总计$/.exec(b.name);
    if (ma && mb && ma[1] === mb[1] && a.figs.length === 1 && b.figs.length === 1) pairs.push({ a: a.figs[0], b: b.figs[0], name: ma[1] });
  }
  for (const x of pairs) {
    const bad = marksOf(t, p, x.a).concat(marksOf(t, p, x.b)).some((m) => m.status === "error");
    if (bad) continue;
    if (x.a.value.equals(x.b.value)) {
      ck.ok();
      continue;
    }
    ck.bad();
    const clause = { start: x.a.start, end: x.b.end };
    // one quantity in 元 shown twice: a gap of one unit of the last digit is a rounding artefact (RULES.md §5.4)
    const d = x.b.value.minus(x.a.value).abs();
    const unit = tolerance([ck.textRef(x.a, ""), ck.textRef(x.b, "")]);
    const sev = d.lte(unit) ? "warning" : "error";
    const i = ck.emit("NT.3", sev, p, clause, pl.where + "：" + x.name + "收入总计 " + money(x.a.value, 2) + " 万元与" + x.name + "支出总计 " + money(x.b.value, 2) + " 万元不等；收入总计应等于支出总计（收支平衡），差 " + plain(x.a.value.minus(x.b.value)) + " 万元" + (sev === "warning" ? "，仅差末位一个单位，疑为舍位方式不一致" : ""), {
      expected: plain(x.a.value),
      actual: plain(x.b.value),
      difference: plain(x.b.value.minus(x.a.value)),
      tolerance: "0",
    });
    ck.mark(p, x.b, sev, "NT.3", [], "收入总计与支出总计不等", i);
  }
}
