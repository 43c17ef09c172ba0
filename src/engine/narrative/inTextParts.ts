/**
 * Wholes and their parts as the text states them (RULES.md §8.2.2), with or without tables:
 * - 「T 万元，其中：a 万元、b 万元、c 万元」 (also 「主要用于以下方面：」): the parts never exceed the whole; when the
 *   list is complete they make it exactly, up to the rounding of the printed figures (RULES.md §5.2, Checker.sum);
 * - the shares 「占 x%」 of one list: each is part / whole by interval, together they make 100 % (NT.2);
 * - a share that no whole can give: above 100 %, or (with tables) one that needs a whole larger than the
 *   department's 收入总计 (NT.7);
 * - car counts: 保有量 N 辆，其中 轿车 a 辆、越野车 b 辆 … → N = a + b + … (NT.5).
 *
 * A list is complete when it names every part of a known whole (收入总计 = 本年收入合计 + 使用非财政拨款结余 +
 * 年初结转和结余; 政府采购 = 货物 + 工程 + 服务; 基本支出 = 人员经费 + 公用经费; 三公 …) or when its stated shares
 * make 100 %. An incomplete list is only held to Σ parts ≤ whole: a part left out is not an error.
 */
import { Decimal, plain, ZERO } from "../decimal";
import { money } from "../messages";
import { judgeShares, judgeSum } from "../rounding";
import { already, flaggedNear, halfPct, Place, REASON, Stated, tableBacked, marksOf, TextCtx } from "./inTextBase";
import { Para } from "./normalise";
import { sentences } from "./sections";
import { Figure, locate } from "./tokens";

const WHOLES: { whole: RegExp; parts: RegExp[] }[] = [
  { whole: /收入总计$/, parts: [/本年收入(合计)?$|^收入合计$/, /非财政拨款结余|专用结余/, /(年初|上年)结转和?结余$/] },
  { whole: /支出总计$/, parts: [/本年支出(合计)?$|^支出合计$/, /结余分配$/, /年末结转和?结余$/] },
  { whole: /政府采购支出总额$/, parts: [/货物/, /工程/, /服务/] },
  { whole: /基本支出$/, parts: [/人员经费$/, /公用经费$/] },
  { whole: /三公.{0,3}经费(支出)?(决算)?(总额|合计)?$/, parts: [/出国/, /公务用车/, /公务接待/] },
  { whole: /公务接待费(支出)?$/, parts: [/外宾|外事|国\(境\)外/, /国内/] },
];

const OPENER = /其中:?|主要用于以下方面:?|具体(?:情况)?如下:?/g;
const SHARE = /^[,]?占(?:比)?(?:([^,;。%\d]{1,20}?)的)?(-?\d+(?:\.\d+)?)%/;

interface Part {
  st: Stated;
  share: Figure | null;
  /** The share names its own denominator and it is not this list's whole. */
  foreign: boolean;
}

function compatible(den: string, whole: string): boolean {
  const n = (s: string) => s.replace(/本年度?|年度|的|总额|总计|合计|决算数?|\d{4}年/g, "");
  const a = n(den);
  const b = n(whole);
  return !a || !b || a.indexOf(b) >= 0 || b.indexOf(a) >= 0;
}

export function partChecks(t: TextCtx, pl: Place, stated: Stated[]): void {
  const p = pl.p;
  const text = p.text;
  // the sentences only where an opener is (most paragraphs have none)
  let sents: { start: number; end: number }[] | null = null;
  OPENER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OPENER.exec(text))) {
    const ss = sents || (sents = sentences(text));
    const o = m.index;
    const oe = o + m[0].length;
    const si = ss.findIndex((x) => x.start <= o && o < x.end);
    if (si < 0) continue;
    const sent = ss[si];
    // the whole: the last amount before the opener in the sentence, or at the end of the previous sentence
    let before = lastBefore(stated, o, sent.start);
    if (!before.length && si > 0 && !text.slice(sent.start, o).replace(/[,;:]/g, "")) before = lastBefore(stated, ss[si - 1].end, ss[si - 1].start).filter((x) => ss[si - 1].end - x.end <= 3);
    if (!before.length) continue;
    const whole = before[before.length - 1];
    const gap = text.slice(whole.end, o);
    if (gap.length > 40 || REASON.test(gap)) continue;
    // the parts: amounts after the opener, to the end of the sentence, a nested 其中 or a reason
    let end = sent.end;
    const stop = /其中|原因|主要用于(?!以下)|主要是/g;
    stop.lastIndex = oe;
    const sm = stop.exec(text);
    if (sm && sm.index < end) end = sm.index;
    const parts: Part[] = [];
    let k = firstAtOrAfter(stated, oe);
    for (; k < stated.length && stated[k].end <= end; k++) {
      const x = stated[k];
      if (x.figs.length !== 1) continue;
      const sh = SHARE.exec(text.slice(x.end, x.end + 48));
      let share: Figure | null = null;
      let foreign = false;
      if (sh) {
        share = locate(text, sh[2], "%", x.end);
        foreign = !!sh[1] && !compatible(sh[1], whole.name);
      }
      parts.push({ st: x, share, foreign });
    }
    if (!parts.length) continue;
    listChecks(t, pl, whole, parts, { start: whole.start, end: parts[parts.length - 1].st.end });
  }
  impossibleShares(t, pl, stated);
  carCounts(t, pl);
}

/** Index of the first stated amount starting at or after `at` (binary search: the amounts are in text order). */
function firstAtOrAfter(stated: Stated[], at: number): number {
  let lo = 0;
  let hi = stated.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stated[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last single amount ending at or before `at` and starting at or after `from` (as a list of 0 or 1). */
function lastBefore(stated: Stated[], at: number, from: number): Stated[] {
  for (let i = firstAtOrAfter(stated, at) ; i >= 0; i--) {
    if (i >= stated.length) continue;
    const x = stated[i];
    if (x.end > at) continue;
    if (x.start < from) return [];
    if (x.figs.length === 1) return [x];
  }
  return [];
}

function listChecks(t: TextCtx, pl: Place, whole: Stated, parts: Part[], clause: { start: number; end: number }): void {
  const ck = t.ck;
  const p = pl.p;
  const W = whole.figs[0];
  const known = WHOLES.filter((w) => w.whole.test(whole.name))[0];
  const named = !!known && known.parts.every((re) => parts.some((x) => re.test(x.st.name)));
  const shares = parts.filter((x) => x.share && !x.foreign);
  // the rounding core decides both identities (RULES.md §5.2): the shares make 100 %, the parts make the whole
  const sh = judgeShares(shares.map((x) => ({ value: (x.share as Figure).value, half: halfPct(x.share as Figure) })));
  const shareSum = sh.sum;
  const shareTol = sh.tolerance;
  const sharesWhole = shares.length === parts.length && sh.verdict !== "beyond";
  const amounts = judgeSum(ck.textRef(W, ""), parts.map((x) => ck.textRef(x.st.figs[0], "")));
  const sum = amounts.expected;
  const tol = amounts.tolerance;
  const amountsWhole = amounts.verdict !== "beyond";
  const complete = named || sharesWhole;
  // the tables own an identity whose every figure agrees with them (the text only repeats their 尾差)
  const owned = tableBacked(t, p, W) && parts.every((x) => tableBacked(t, p, x.st.figs[0]));
  // a figure the section checks found at odds with its table is that finding's root; the sum would only echo it
  const blamed = [W].concat(parts.map((x) => x.st.figs[0])).some((f) => marksOf(t, p, f).some((x) => x.status === "error" || x.status === "warning"));
  // with tables, a misstatement in the paragraph is the table check's to report (one root, not two findings)
  if (blamed || (!t.alone && flaggedNear(t, p, 0, p.text.length))) return;
  // a section check that already summed this whole (N11 政府采购) has it (asked only now: reading a passed check's
  // explanation writes it)
  if (!owned && !summedBefore(t, p, W) && !already(t, "sum", p, clause.start, clause.end)) {
    const what = whole.name + "应等于其中所列各项之和";
    if (complete) {
      ck.sum("NT.1", pl.where, p, clause, W, ck.textRef(W, whole.name || "总数"), parts.map((x) => ck.textRef(x.st.figs[0], x.st.name || "其中一项")), what, parts.map((x) => ({ p, fig: x.st.figs[0] })));
    } else if (sum.minus(W.value).gt(tol)) {
      ck.bad();
      const i = ck.emit("NT.1", "error", p, clause, pl.where + "：" + (whole.name || "总数") + " " + W.text + "，其中所列各项之和 " + money(sum, 2) + " 万元反而更大，差 " + plain(sum.minus(W.value)) + "，超出四舍五入允许范围 ±" + plain(tol), {
        expected: plain(W.value),
        actual: plain(sum),
        difference: plain(sum.minus(W.value)),
        tolerance: plain(tol),
      });
      ck.mark(p, W, "error", "NT.1", [], "其中各项之和大于总数", i);
    } else ck.ok();
  }
  if (!shares.length) return;
  // each share = part / whole (judged by interval); a whole of 0 makes it UNDEFINED
  for (const x of shares) {
    const sf = x.share as Figure;
    if (marksOf(t, p, sf).length) continue;
    const zero = W.value.isZero();
    ck.ratio(zero ? "NT.6" : "NT.2", pl.where, p, { start: x.st.start, end: sf.end }, sf, (x.st.name || "该项") + "占", ck.textRef(x.st.figs[0], x.st.name || "该项"), ck.textRef(W, whole.name || "总数"), (whole.name || "总数") + "为 0，不计算占比");
  }
  if (W.value.isZero() || already(t, "sum", p, clause.start, clause.end)) return;
  const d = sh.difference;
  const listedAll = shares.length === parts.length && (named || amountsWhole);
  if (listedAll) {
    if (sh.verdict === "exact") ck.ok();
    else {
      ck.bad();
      const within = sh.verdict === "tail";
      ck.emit("NT.2", within ? "tail" : "error", p, clause, pl.where + "：其中所列各项占比合计 " + plain(shareSum) + "%，各项已列全，应为 100%，差 " + plain(d) + (within ? "，在四舍五入允许范围内，属尾差" : "，超出四舍五入允许范围 ±" + plain(shareTol)), {
        expected: "100",
        actual: plain(shareSum),
        difference: plain(d),
        tolerance: plain(shareTol),
      });
    }
  } else if (d.gt(shareTol)) {
    ck.bad();
    ck.emit("NT.2", "error", p, clause, pl.where + "：同一总数下各项占比合计 " + plain(shareSum) + "%，超过 100%", { expected: "100", actual: plain(shareSum), difference: plain(d), tolerance: plain(shareTol) });
  }
}

/** A section check summed this figure already (its mark explains a 之和). */
function summedBefore(t: TextCtx, p: Para, W: Figure): boolean {
  return marksOf(t, p, W).some((x) => /之和/.test(x.explain));
}

const ANY_SHARE = /占(?:比)?(?:([^,;。%\d]{1,24}?)的)?(-?\d+(?:\.\d+)?)%/g;

/** Shares that no whole allows: above 100 %; with tables, one that needs a whole beyond 收入总计. */
function impossibleShares(t: TextCtx, pl: Place, stated: Stated[]): void {
  const ck = t.ck;
  const p = pl.p;
  const text = p.text;
  ANY_SHARE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANY_SHARE.exec(text))) {
    const den = m[1] || "";
    // 「占年初预算的 120%」 is a completion rate, not a share
    if (/^(?:年初|全年|调整后?)?预算(?:数)?$|上年|去年|同期/.test(den)) continue;
    const sf = locate(text, m[2], "%", m.index);
    if (!sf || marksOf(t, p, sf).length) continue;
    const clause = { start: Math.max(0, m.index - 16), end: sf.end };
    const h = halfPct(sf);
    if (sf.value.minus(h).gt(100)) {
      ck.bad();
      const i = ck.emit("NT.7", "error", p, clause, pl.where + "：文中占比 " + sf.text + " 超过 100%，部分不可能大于整体", { actual: plain(sf.value), expected: null });
      ck.mark(p, sf, "error", "NT.7", [], "占比超过 100%", i);
      continue;
    }
    // with tables: the amount the share is of, when it stands right before 「占」
    const cap = t.cap;
    const a = lastBefore(stated, m.index, m.index - 48).filter((x) => m!.index - x.end <= 1)[0];
    if (!cap || !a || (den && /三公|采购|中小企业/.test(den))) continue;
    const af = a.figs[0];
    const ah = ck.textRef(af, "").half;
    const aLo = Decimal.max(af.value.minus(ah), ZERO);
    const top = cap.value.plus(cap.half);
    // the largest share the amount can have of any whole the tables allow is aLo / top; the smallest whole it
    // implies is aLo / (s + h)
    const needs = sf.value.plus(h).isZero() ? null : aLo.dividedBy(sf.value.plus(h)).times(100);
    if (aLo.gt(0) && (needs === null || needs.gt(top))) {
      ck.bad();
      const i = ck.emit("NT.7", "error", p, clause, pl.where + "：" + (a.name || "该项") + " " + af.text + " 占 " + sf.text + "，相应的整体至少为 " + (needs ? money(needs, 2) + " 万元" : "无穷大") + "，超过表中" + cap.label + " " + money(cap.value, 2) + " 万元，任何整体都给不出这一占比", { actual: plain(sf.value), related: cap.ref ? [cap.ref] : [] });
      ck.mark(p, sf, "error", "NT.7", cap.ref ? [cap.ref] : [], "表中总计之下不可能的占比", i);
    } else ck.ok();
  }
}

const CAR_TOTAL = /(保有量|共有(?:公务用)?车辆|实有(?:公务用)?车辆?|购置(?:公务用)?车辆|更新(?:购置)?(?:公务用)?车辆?)(?:为|共|是|共计)?(\d+)辆[,;:]?其中:?/g;
const CAR_ITEM = /([^\d,;。:、]{1,14}?)(\d+)辆/g;

function carCounts(t: TextCtx, pl: Place): void {
  const ck = t.ck;
  const p = pl.p;
  const text = p.text;
  CAR_TOTAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAR_TOTAL.exec(text))) {
    const n = parseInt(m[2], 10);
    let end = text.indexOf("。", CAR_TOTAL.lastIndex);
    if (end < 0) end = text.length;
    const items: { name: string; n: number }[] = [];
    CAR_ITEM.lastIndex = CAR_TOTAL.lastIndex;
    let im: RegExpExecArray | null;
    while ((im = CAR_ITEM.exec(text)) && im.index < end) items.push({ name: im[1].replace(/^[和及与]/, ""), n: parseInt(im[2], 10) });
    if (!items.length) continue;
    let sum = 0;
    for (const x of items) sum += x.n;
    const clause = { start: m.index, end: Math.min(end, text.length) };
    if (sum === n || (items.length === 1 && sum < n)) {
      ck.ok();
      continue;
    }
    ck.bad();
    ck.emit("NT.5", "error", p, clause, pl.where + "：" + m[1] + " " + n + " 辆，其中 " + items.map((x) => x.name + " " + x.n + " 辆").join("、") + "，合计 " + sum + " 辆，与总数不符", { expected: String(n), actual: String(sum), difference: String(sum - n), tolerance: "0" });
  }
}
