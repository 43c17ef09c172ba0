/**
 * 三公 statements beyond N9a/N9b (issue 8 §3):
 *   - each item's 完成预算 rate in the summary sentence 「其中：公务接待费支出决算为 A 万元，完成预算的 P%」:
 *     A against 公开09 决算, P = 决算 / 预算 of that item (UNDEFINED when its 预算 is 0);
 *   - the change of the total over the prior year equals the sum of the items' changes (增加 +, 减少 −, 持平 0).
 *     An item the paragraph does not account for at all is unknown: the difference is then at most a 疑点.
 *   - each item's stated change rate (「公务接待费支出决算增加 Δ 万元，增长 r%」): r = Δ / (本年 ∓ Δ) of that item, by
 *     interval (Checker.ratio); a prior year of 0 makes the rate UNDEFINED (RULES.md §8.2.2: rates over a zero base
 *     are UNDEFINED for any item). Decision where the issue is silent: 本年 is the item's 决算 the section itself
 *     states (「公务接待费支出决算为 A 万元」, in this or an earlier paragraph), so the rate is the text's own
 *     arithmetic and a table error does not excuse it; only when the text states none, 公开09 决算; without
 *     either the rate is 未审核.
 *   - the phrasings that disclose the 国内公务接待 批次 and 人次 (「接待批次 1 次、接待 15 人次」, 「2 批次、24 人次」).
 */
import { Decimal, plain, ZERO } from "../decimal";
import { money } from "../messages";
import { judgeSum, tolerance } from "../rounding";
import { Checker, Ref } from "./checker";
import { Para } from "./normalise";
import { each, figs } from "./scan";
import { AMT, Figure, PCT } from "./tokens";

const ITEM = "(因公出国\\(境\\)费|公务用车购置及运行(?:维护)?费|公务接待费)";
/** 公开09 budget and 决算 columns of each 三公 item, by the key `key()` gives a name in the text. */
export const KEYS: { [k: string]: { budget: string; final: string; name: string } } = {
  出国: { budget: "c2", final: "c8", name: "因公出国（境）费" },
  公车: { budget: "c3", final: "c9", name: "公务用车购置及运行维护费" },
  接待: { budget: "c6", final: "c12", name: "公务接待费" },
};
export function key(item: string): string {
  return /出国/.test(item) ? "出国" : /用车/.test(item) ? "公车" : "接待";
}

/** 「…费(支出)决算为 A 万元，完成预算的 P%」 not followed by a share (that form is N9b's sgItemShare). */
const ITEM_RATE = new RegExp(ITEM + "(?:支出)?决算(?:数)?(?:为)?" + AMT + "[,，]完成(?:年初)?预算(?:数)?的" + PCT + "(?![,，]?占)");
const TOTAL_CHANGE = new RegExp("三公[”\"]?经费(?:财政拨款)?(?:支出)?(?:决算)?(?:数)?(?:比|较)(?:上年|\\d{4}年)(?:度)?[^,，。;；\\d]{0,4}?(增加|减少)" + AMT);
const ITEM_CHANGE = new RegExp(ITEM + "(?:支出)?(?:决算)?(?:数)?(?:比上年|较上年|比\\d{4}年(?:度)?)?(增加|减少)" + AMT + "(?:[,，]?(?:同比|比上年)?(增长|下降|提高|降低)(?:了)?" + PCT + ")?");
const ITEM_AMOUNT = new RegExp(ITEM + "(?:支出)?决算(?:数)?(?:为)?" + AMT);
const ITEM_FLAT = new RegExp(ITEM + "(?:支出)?(?:决算)?(?:数)?(?:与(?:上年|\\d{4}年)(?:度)?|比上年|较上年)?(?:基本)?持平");

/** The 批次 and 人次 of 国内公务接待 are disclosed, in any of the common phrasings (counts of at most 15 digits: issue 13). */
export const RECEPTION_DISCLOSED = /接待国内来访团组\d{1,15}个|接待批次\d{1,15}次|\d{1,15}批次[、,，]?(?:共|累计)?(?:接待)?\d{1,15}人次|接待(?:国内)?(?:来访)?(?:团组|批次)?\d{1,15}(?:批|个|次)[^。;]{0,12}?\d{1,15}人次/;

/** `stated`: each item's 决算 as the section states it, kept across its paragraphs (one object per section). */
export function checkSangongExtra(ck: Checker, p: Para, where: string, stated: { [k: string]: Figure } = {}): void {
  const cell = (col: string, label: string) => ck.cell("公开09", "row", col, label);
  each(p, ITEM_RATE, (m, s, e) => {
    const [f, rf] = figs(p, m, s, [
      [2, 3],
      [4, "%"],
    ]);
    if (!f || !rf) return;
    const k = KEYS[key(m[1])];
    const fin = cell(k.final, "决算数 " + k.name);
    const bud = cell(k.budget, "预算数 " + k.name);
    const clause = { start: s, end: e };
    if (!fin || !bud) return ck.unchecked("N9b", ck.tables["公开09"] ? "取数不足" : "缺表", where + "：" + m[1] + "决算 " + f.text + "、完成预算的 " + rf.text + " 未与公开09 核对");
    ck.amount("N9b", where, p, clause, f, m[1] + "决算", fin);
    ck.ratio("N9b", where, p, clause, rf, m[1] + "完成预算的", fin, bud, bud.value.isZero() && fin.value.isZero() ? "未安排" + m[1] + "预算，也未发生支出" : "年初未安排" + m[1] + "预算");
  });
  changesAddUp(ck, p, where);
  each(p, ITEM_AMOUNT, (m, s) => {
    const [f] = figs(p, m, s, [[2, 3]]);
    if (f && !stated[key(m[1])]) stated[key(m[1])] = f;
  });
  itemRates(ck, p, where, stated);
}

/** Each item's change rate against its own prior year, 公开09 决算 ∓ the stated change. */
function itemRates(ck: Checker, p: Para, where: string, stated: { [k: string]: Figure }): void {
  each(p, ITEM_CHANGE, (m, s, e) => {
    // a rate against the direction is NT.4's (inTextChange.ts)
    if (m[6] === undefined || (m[2] === "增加") !== /增长|提高/.test(m[5])) return;
    const [df, rf] = figs(p, m, s, [
      [3, 4],
      [6, "%"],
    ]);
    if (!df || !rf) return;
    const k = KEYS[key(m[1])];
    const own = stated[key(m[1])];
    const cur = own ? ck.textRef(own, "文中" + k.name + "决算 " + own.text) : ck.cell("公开09", "row", k.final, "决算数 " + k.name);
    const said = m[1] + m[2] + " " + df.text + "、" + m[5] + rf.text;
    if (!cur) return ck.unchecked("N9a", ck.tables["公开09"] ? "取数不足" : "缺表", where + "：" + said + " 未能重算（文中未述其决算数，也缺公开09 " + k.name + "决算数）");
    const delta = ck.textRef(df, m[2] + "额");
    const up = m[2] === "增加";
    const prior: Ref = {
      value: up ? cur.value.minus(df.value) : cur.value.plus(df.value),
      dp: 2,
      ref: "",
      refs: cur.ref ? [cur.ref] : undefined,
      label: "上年数（" + (own ? own.text : cur.label) + (up ? " − " : " + ") + df.text + "）",
      blank: false,
      half: tolerance([cur, delta]),
    };
    // a negative prior year means the change disagrees with 公开09 itself: not a question of the rate
    if (prior.value.lt(prior.half.negated())) return;
    ck.ratio("N9a", where, p, { start: s, end: e }, rf, m[1] + m[5], delta, prior, "上年无此项支出，本年新增 " + money(cur.value, cur.dp) + " 万元");
  });
}

function changesAddUp(ck: Checker, p: Para, where: string): void {
  const tm = TOTAL_CHANGE.exec(p.text);
  if (!tm) return;
  const [tf] = figs(p, tm, tm.index, [[2, 3]]);
  if (!tf) return;
  const total = tm[1] === "增加" ? tf.value : tf.value.negated();
  const seen: { [k: string]: { v: Decimal; text: string; half: Decimal } } = {};
  const after = tm.index + tm[0].length;
  each(p, ITEM_CHANGE, (m, s) => {
    if (s < after) return;
    const [f] = figs(p, m, s, [[3, 4]]);
    const k = key(m[1]);
    if (f && !seen[k]) seen[k] = { v: m[2] === "增加" ? f.value : f.value.negated(), text: m[1] + m[2] + " " + f.text, half: ck.textRef(f, "").half };
  });
  each(p, ITEM_FLAT, (m, s) => {
    const k = key(m[1]);
    if (s >= after && !seen[k]) seen[k] = { v: ZERO, text: m[1] + "持平", half: ZERO };
  });
  const named = Object.keys(seen);
  if (!named.length) return;
  const j = judgeSum({ value: total, half: ck.textRef(tf, "").half }, named.map((k) => ({ value: seen[k].v, half: seen[k].half })));
  const { expected: sum, difference: d, tolerance: tol } = j;
  const clause = { start: tm.index, end: p.text.length };
  if (j.verdict === "exact") return ck.ok();
  ck.bad();
  const unknown = Object.keys(KEYS).filter((k) => !seen[k]).map((k) => KEYS[k].name);
  const within = j.verdict === "tail";
  const sev = within ? "tail" : unknown.length ? "warning" : "error";
  const msg =
    where + "：“三公”经费合计" + tm[1] + " " + tf.text + "，各项变动之和为 " + money(sum, 2) + " 万元（" + named.map((k) => seen[k].text).join("，") + "），差 " + plain(d) + " 万元" +
    (within ? "，在四舍五入允许范围 ±" + plain(tol) + " 内，属尾差" : unknown.length ? "；文中未说明 " + unknown.join("、") + " 的变动，若其未变动则不符，请核实" : "，合计的变动应等于各项变动之和，不符");
  const i = ck.emit("N9a", sev, p, clause, msg, { actual: plain(total), expected: plain(sum), difference: plain(d), tolerance: plain(tol) });
  ck.mark(p, tf, sev, "N9a", [], msg, i);
}
