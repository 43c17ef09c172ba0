/**
 * The scanning helpers every section check uses: the state shared between sections, matching a sentence
 * pattern over a paragraph, locating its figures, walking a section with its (一)/(二) sub-headings.
 */
import { Decimal, plain } from "../decimal";
import { judgeShares, Rounded } from "../rounding";
import { Checker, Ref } from "./checker";
import { Para } from "./normalise";
import { P } from "./patterns";
import { Performance } from "./performance";
import { Section } from "./sections";
import { Figure, locate } from "./tokens";

export interface Shared {
  /** 九 保有量 (for 十二). */
  carStock?: { n: number; p: Para };
  /** 五(三) 年初预算 total and items, for the 部门整体表 (P.8). */
  initialBudget?: Decimal;
  /** Stated changes by section, for the consistency hint between 一/四/五. */
  changes: { rule: string; where: string; current: Decimal; delta: Decimal; dir: string; pct: Decimal | null; p: Para; fig: Figure; clause: { start: number; end: number } }[];
  /** Project paragraphs of 十三(二). */
  projectCount: number;
  fiscalYear?: number;
}

export { HALF } from "../rounding";

export interface Ctx {
  ck: Checker;
  shared: Shared;
  perf: Performance;
}

/**
 * Global copies of the sentence patterns, made once (each paragraph is matched against many of them). A Map by
 * pattern: a list searched on each call cost a scan of some hundred patterns per paragraph and statement.
 */
const globals = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) {
    g = new RegExp(re.source, "g");
    globals.set(re, g);
  }
  return g;
}

export function each(p: Para, re: RegExp, fn: (m: RegExpExecArray, s: number, e: number) => void): void {
  const g = globalOf(re);
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(p.text))) {
    fn(m, m.index, m.index + m[0].length);
    if (!m[0].length) g.lastIndex++;
  }
}

/** The shares of one breakdown add up to 100 %: exact passes, within the rounding of the shares is a 尾差. */
export function sharesMakeWhole(ck: Checker, rule: string, p: Para, clause: { start: number; end: number }, what: string, shares: Rounded[]): void {
  const { sum, difference: d, tolerance: tol, verdict } = judgeShares(shares);
  if (verdict === "exact") {
    ck.ok();
    return;
  }
  ck.bad();
  const within = verdict === "tail";
  ck.emit(rule, within ? "tail" : "error", p, clause, what + " " + plain(sum) + "%，应为 100%，差 " + plain(d) + (within ? "，在四舍五入允许范围内，属尾差" : "，超出四舍五入允许范围 ±" + plain(tol)), { expected: "100", actual: plain(sum), difference: plain(d), tolerance: plain(tol) });
}

/** 「年初预算为 A，支出决算为 B，完成…预算的 P%」: each complete statement with its three figures. */
export function eachBudgetRate(p: Para, fn: (m: RegExpExecArray, s: number, e: number, budget: Figure, spent: Figure, rate: Figure) => void): void {
  each(p, P.budgetRate, (m, s, e) => {
    const [bf, f, pf] = figs(p, m, s, [
      [1, 2],
      [3, 4],
      [6, "%"],
    ]);
    if (bf && f && pf) fn(m, s, e, bf, f, pf);
  });
}

/** Figures of a match in order: specs are [group of the number, unit ("%" / group index of the unit / "")]. */
export function figs(p: Para, m: RegExpExecArray, start: number, specs: [number, string | number][]): (Figure | null)[] {
  let cur = start;
  const out: (Figure | null)[] = [];
  for (const [g, u] of specs) {
    const num = m[g];
    if (num === undefined) {
      out.push(null);
      continue;
    }
    const unit = typeof u === "number" ? m[u] || "" : u;
    const f = locate(p.text, num, unit, cur);
    out.push(f);
    if (f) cur = f.end;
  }
  return out;
}

export function whereOf(sec: Section, sub: string): string {
  const m = /^(?:-\s*)?([一二三四五六七八九十]+)、/.exec(sec.title);
  return "说明" + (m ? m[1] : "") + (sub ? "(" + sub + ")" : "");
}

/** Walk a section's paragraphs with the current (一)/(二) sub-heading. */
export function walk(sec: Section, fn: (p: Para, where: string, sub: string) => void): void {
  let sub = "";
  // whereOf's label without reading the title again for every paragraph: "说明五" + "(二)"
  const head = whereOf(sec, "");
  let where = head;
  for (const p of sec.body) {
    // a paragraph starting "(" may open a sub-heading (most do not: no regex for them)
    const m = p.text.charCodeAt(0) === 40 ? SUB.exec(p.text) : null;
    if (m) {
      sub = m[1];
      where = head + "(" + sub + ")";
    }
    fn(p, where, sub);
  }
}

const SUB = /^\(([一二三四五六七八九十]+)\)/;

/** A derived operand (not a cell). */
export function derived(value: Decimal, label: string, half: Decimal, refs: string[] = []): Ref {
  return { value, dp: 2, ref: "", label, blank: false, half, refs };
}
