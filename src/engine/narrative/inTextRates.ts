/**
 * Completion rates and required disclosures inside the text (RULES.md §8.2.2, §8.2.4), with or without tables:
 * - 「预算为 P 万元，支出决算为 S 万元，完成预算的 r%」 for any item: r = S / P by interval (NT.3); P = 0 makes
 *   the rate UNDEFINED (NT.6), whatever the item;
 * - a budget that was not met or was exceeded (S ≠ P) needs its reason (NT.8);
 * - 国内公务接待费 > 0 needs the number of 批次 and 人次; 公务用车购置费 > 0 needs the number of cars (NT.8).
 *
 * Decision (the issue is silent): the 绩效 project paragraphs of 说明十三 are not held to the reason rule (their
 * template asks for 「发现的主要问题及原因」 only where there are problems), and neither is a total whose paragraph
 * ends in 「其中：」 (the reasons follow item by item).
 */
import { plain } from "../decimal";
import { Para } from "./normalise";
import { already, marksOf, Place, REASON, TextCtx, UNIT } from "./inTextBase";
import { locate, NUM } from "./tokens";

const RATE = new RegExp(
  "(年初|全年|调整后?)?预算(?:数)?(?:为|是)?" + NUM + UNIT + "?[,]?(?:[^,;。\\d%]{0,16}?)(?:支出)?决算(?:数)?(?:为|是)?" + NUM + UNIT + "[,]?(?:[^,;。\\d%]{0,8}?)完成(年初|全年|调整后?)?预算(?:数)?的?(-?\\d+(?:\\.\\d+)?)%",
  "g",
);
const ZERO_BUDGET = /(年初|全年|调整后?)?预算(?:数)?(?:为|是)?0(?:\.0+)?(?:万元|元|万)?(?![\d.])/;
const RATE_ONLY = /完成(年初|全年|调整后?)?预算(?:数)?的?(-?\d+(?:\.\d+)?)%/g;

export function rateChecks(t: TextCtx, pl: Place, next: Para | null): void {
  const ck = t.ck;
  const p = pl.p;
  const text = p.text;
  // RATE, ZERO_BUDGET and RATE_ONLY all need 「预算」: without it their patterns (optional words first) would be tried
  // at every position of the paragraph for nothing
  if (text.indexOf("预算") < 0) return;
  const done: number[] = [];
  RATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RATE.exec(text))) {
    const s = m.index;
    const clause = { start: s, end: s + m[0].length };
    const bf = locate(text, m[2], m[3] || "", s);
    const sf = bf ? locate(text, m[4], m[5], bf.end) : null;
    const rf = sf ? locate(text, m[7], "%", sf.end) : null;
    if (!bf || !sf || !rf) continue;
    done.push(rf.start);
    const base = m[6] || m[1] || "";
    if (!marksOf(t, p, rf).length && !already(t, "ratio", p, clause.start, clause.end)) {
      const budget = ck.textRef(bf, base + "预算");
      ck.ratio(bf.value.isZero() ? "NT.6" : "NT.3", pl.where, p, clause, rf, "完成" + base + "预算的", ck.textRef(sf, "支出决算"), budget, sf.value.isZero() ? "未安排预算，也未发生支出" : (base === "年初" ? "年初未安排预算" : "未安排预算") + "，本年支出决算 " + sf.text + "，主要原因是……");
    }
    // a deviation from the budget needs its reason
    if (sf.value.equals(bf.value) || pl.kind === "S13" || /其中:?$/.test(text)) continue;
    if (REASON.test(text) || (next && REASON.test(next.text.slice(0, 24)))) ck.ok();
    else if (!already(t, "reason", p, clause.start, clause.end)) {
      ck.bad();
      ck.emit("NT.8", "warning", p, clause, pl.where + "：支出决算 " + sf.text + " 与预算 " + bf.text + " 不同（完成" + base + "预算的 " + rf.text + "），但未说明原因");
    }
  }
  // 「年初预算为 0 …，完成年初预算的 r%」 in other word orders
  if (!ZERO_BUDGET.test(text)) return;
  RATE_ONLY.lastIndex = 0;
  while ((m = RATE_ONLY.exec(text))) {
    const rf = locate(text, m[2], "%", m.index);
    if (!rf || done.indexOf(rf.start) >= 0 || marksOf(t, p, rf).length) continue;
    const z = ZERO_BUDGET.exec(text.slice(0, m.index));
    if (!z) continue;
    const clause = { start: z.index, end: rf.end };
    if (already(t, "ratio", p, clause.start, clause.end)) continue;
    ck.bad();
    const i = ck.emit("NT.6", "error", p, clause, pl.where + "：预算为 0，文中却写“完成" + (m[1] || "") + "预算的" + rf.text + "”，分母为 0 的比率无意义，不应列示；建议改为“" + (m[1] === "年初" ? "年初未安排预算" : "未安排预算") + "，主要原因是……”", { actual: plain(rf.value), expected: null });
    ck.mark(p, rf, "error", "NT.6", [], "预算为 0，完成率无意义", i);
  }
}

const DOMESTIC = new RegExp("(?:国内公务接待|国内接待)(?:费)?(?:支出)?(?:决算)?(?:数)?(?:为|是)?" + NUM + UNIT);
const RECEPTION = new RegExp("公务接待费(?:支出)?(?:决算)?(?:数)?(?:为|是)?" + NUM + UNIT);
const FOREIGN = new RegExp("(?:外宾|外事|国\\(境\\)外)接待(?:费)?(?:支出)?(?:为|是)?" + NUM + UNIT);
// counts: at most 15 digits, so that a long run of digits is not rescanned from each of its positions (issue 13)
const BATCH = /\d{1,15}(?:个)?(?:批次|批)|(?:批次|团组)[^\d,;。]{0,4}\d{1,15}|\d{1,15}个(?:来访)?团组|团组\d{1,15}个/;
const PERSONS = /\d{1,15}(?:人次|人(?![民员]))|人次[^\d,;。]{0,3}\d{1,15}/;
const CAR_BUY = new RegExp("公务用车购置(?:费)?(?:支出)?(?:决算)?(?:数)?(?:为|是)?" + NUM + UNIT);
const CAR_N = /(?:购置|更新|购买|新购)[^\d,;。]{0,10}?(\d+|[一二两三四五六七八九十]+)(?:辆|台)/;
const CN_DIGITS = "零一二三四五六七八九";

/** 「一辆」, 「两辆」, 「十二辆」 as numbers. */
function count(s: string): number {
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  if (s === "两") return 2;
  const ten = s.indexOf("十");
  if (ten < 0) return CN_DIGITS.indexOf(s);
  const hi = ten === 0 ? 1 : CN_DIGITS.indexOf(s.charAt(0));
  const lo = ten === s.length - 1 ? 0 : CN_DIGITS.indexOf(s.charAt(ten + 1));
  return hi * 10 + lo;
}

/** Required disclosures of the 三公 section, over its paragraphs (each with the next one). */
export function disclosureChecks(t: TextCtx, pls: Place[]): void {
  const ck = t.ck;
  const anywhere = (re: RegExp) => {
    for (let i = 0; i < t.baseFindings; i++) if (re.test(ck.findings[i].message)) return true;
    return false;
  };
  const foreign = pls.some((x) => {
    const f = FOREIGN.exec(x.p.text);
    const ff = f ? locate(x.p.text, f[1], f[2], f.index) : null;
    return !!ff && ff.value.gt(0);
  });
  // the 国内 amount where the text gives one (the detail paragraph), else 公务接待费 when nothing is 外宾
  const domesticStated = pls.some((x) => DOMESTIC.test(x.p.text));
  let receptionDone = false;
  let carsDone = false;
  for (let i = 0; i < pls.length; i++) {
    const pl = pls[i];
    const p = pl.p;
    const scope = p.text + (i + 1 < pls.length ? "。" + pls[i + 1].p.text : "");
    // 国内公务接待费 > 0 → 批次 and 人次; without a split into 外宾/国内, all of 公务接待费 is domestic
    const dm = domesticStated ? DOMESTIC.exec(p.text) : foreign ? null : RECEPTION.exec(p.text);
    if (dm && !receptionDone) {
      const f = locate(p.text, dm[1], dm[2], dm.index);
      if (f && f.value.gt(0)) {
        receptionDone = true;
        const after = scope.slice(dm.index);
        const missing = [BATCH.test(after) ? "" : "批次", PERSONS.test(after) ? "" : "人次"].filter((x) => !!x);
        if (!missing.length) ck.ok();
        else if (!anywhere(/接待批次|人次/)) {
          ck.bad();
          ck.emit("NT.8", "warning", p, { start: dm.index, end: dm.index + dm[0].length }, pl.where + "：有国内公务接待费 " + f.text + "，但未说明接待" + missing.join("和"), { actual: plain(f.value) });
        }
      }
    }
    const cm = CAR_BUY.exec(p.text);
    if (cm && !carsDone) {
      const f = locate(p.text, cm[1], cm[2], cm.index);
      if (f && f.value.gt(0)) {
        carsDone = true;
        const n = CAR_N.exec(scope.slice(cm.index));
        const cars = n ? count(n[1]) : null;
        if (cars !== null && cars > 0) ck.ok();
        else if (!anywhere(/购置车辆|购置费/)) {
          ck.bad();
          ck.emit("NT.8", "warning", p, { start: cm.index, end: cm.index + cm[0].length }, pl.where + "：有公务用车购置费 " + f.text + "，但" + (cars === 0 ? "所述购置车辆为 0" : "未说明购置车辆数"), { actual: plain(f.value) });
        }
      }
    }
  }
}
