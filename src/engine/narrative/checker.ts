/**
 * The machinery every narrative check uses: reading table cells as operands, comparing a stated amount with
 * its cell, judging a stated ratio by interval, recording findings and figure marks.
 */
import { qualified } from "../address";
import { Decimal, plain, ZERO } from "../decimal";
import { money } from "../messages";
import { cellAt, rowByKey, TableModel, Tables } from "../model";
import { Finding, NotChecked, NotCheckedReason, Severity, TableId } from "../types";
import { original, Para } from "./normalise";
import { HALF, judgeRatio, judgeSum, pct4, RatioResult, Rounded } from "../rounding";
import { EXTERNAL_SHEET, FigureMark, MarkStatus } from "./result";
import { Figure, halfUnit, operandHalf, sameAsTable } from "./tokens";
import { say, SAY } from "./sayings";
import { bareFinding } from "../rules/context";

/** A value read from a table (or a 绩效 sheet) for comparison. */
export interface Ref extends Rounded {
  value: Decimal;
  dp: number;
  /** Sheet-qualified address ('公开05表'!C7), or "" when derived. */
  ref: string;
  /** Label for messages: "公开05 合计 本年支出小计". */
  label: string;
  /** Printed blank or dash, read as 0. */
  blank: boolean;
  /** Half-width of its rounding interval. */
  half: Decimal;
  /** More cells behind a derived value (sums). */
  refs?: string[];
  /** A 合计 printed blank over non-zero parts (合计未填, RULES.md §8.1.7): the text cannot be held to it. */
  blankTotal?: boolean;
}

/**
 * Findings computed from figures of the text alone (a ratio of two stated amounts): a table cell named in their
 * `related` is where a figure came from, not an operand, so a table's error never explains them (blame.ts).
 */
export const TEXT_ONLY = new WeakSet<Finding>();

export function op(v: Decimal, half: Decimal = HALF): Rounded {
  return { value: v, half };
}

export class Checker {
  findings: Finding[] = [];
  figures: FigureMark[] = [];
  checks = 0;
  passed = 0;
  /** Where each finding was raised (same index as findings), so a later check can tell what is already reported. */
  spans: ({ p: Para; start: number; end: number } | null)[] = [];
  notChecked: NotChecked[] = [];
  /**
   * Text alone (no workbook): one N-TABLES 未审核 already says that every comparison with the tables is not made,
   * so a statement bound to a missing table does not add its own 缺表 (index.ts sets it).
   */
  textOnly = false;

  constructor(
    readonly doc: string,
    readonly tables: Tables,
    /** Table named in findings (the 绩效 report's prose is checked under 绩效). */
    public table: "情况说明" | "绩效" = "情况说明",
  ) {}

  /** A table cell as an operand; null when the table or cell is missing or holds text (取数不足). */
  cell(id: TableId, key: string, col: string, label: string): Ref | null {
    const t: TableModel | undefined = this.tables[id];
    if (!t) return null;
    const c = cellAt(t, key, col);
    if (!c) return null;
    if (c.state === "text" || c.state === "error") return null;
    const blank = c.state !== "number";
    const r: Ref = { value: blank ? ZERO : (c.value as Decimal), dp: c.dp, ref: qualified(c.sheet, c.addr), label: id + " " + label, blank, half: t.halfUnit(c.dp) };
    if (blank && key === "合计" && t.rows.some((x) => x.key !== "合计" && x.cells[col] && x.cells[col].value && !(x.cells[col].value as Decimal).isZero())) r.blankTotal = true;
    return r;
  }

  /**
   * Why `cell(id, key, col)` gave no operand, for a 未审核 entry (RULES.md §0.3): the reason and a short Chinese
   * account of what is absent. Null when the cell is there and readable.
   */
  absent(id: TableId, key: string, col: string, label: string): { reason: NotCheckedReason; what: string; cells: string[] } | null {
    const t: TableModel | undefined = this.tables[id];
    if (!t) return { reason: "缺表", what: "未找到" + id, cells: [] };
    // Decision (issue 9): a 07/08/09 printed without amount rows under 「…无数据」 is 0 by that sentence (RULES.md
    // §8.1 item 4), so its cells are not missing; the narrative does not yet compare with that inferred 0 (it
    // would need the certainty cap on ratios too), and the statement is left unchecked as before, not 未审核.
    if (t.emptyStatement && !t.rows.length) return null;
    const row = rowByKey(t, key);
    if (!row) return key === "合计" ? { reason: "缺合计行", what: id + " 中没有合计行", cells: [] } : { reason: "缺行", what: id + " 中没有" + label + "所在的行", cells: [] };
    const c = row.cells[col];
    if (!c) return { reason: "缺栏", what: id + " 中没有" + label + "所在的栏", cells: [] };
    if (c.state === "text" || c.state === "error") return { reason: "取数不足", what: id + " " + label + "（" + qualified(c.sheet, c.addr) + "）不是数字", cells: [qualified(c.sheet, c.addr)] };
    return null;
  }

  /** Where a figure of a paragraph sits: sheet and A1 (sheet route) or the external text. */
  private place(p: Para | null): { sheet: string; cell: string | null } {
    if (p && p.cell) return { sheet: p.cell.sheet, cell: p.cell.addr };
    return { sheet: EXTERNAL_SHEET, cell: null };
  }

  excerpt(p: Para, start: number, end: number): string {
    return original(this.doc, p, start, end).trim();
  }

  /** Record a finding; returns its index. */
  emit(rule: string, severity: Severity, p: Para | null, clause: { start: number; end: number } | null, message: string, extra: Partial<Finding> = {}): number {
    const pl = this.place(p);
    const f: Finding = bareFinding(rule, severity, this.table, pl.sheet, pl.cell, message, extra);
    // the JSON contract: expected/actual/difference/tolerance are plain decimals or null (names and words stay in
    // the message)
    const DEC = /^-?\d+(\.\d+)?$/;
    if (f.actual !== null && !DEC.test(f.actual)) f.actual = null;
    if (f.expected !== null && !DEC.test(f.expected)) f.expected = null;
    if (f.difference !== null && !DEC.test(f.difference)) f.difference = null;
    if (f.tolerance !== null && !DEC.test(f.tolerance)) f.tolerance = null;
    if (p && clause && f.excerpt === undefined) f.excerpt = this.excerpt(p, clause.start, clause.end);
    this.findings.push(f);
    this.spans.push(p && clause ? { p, start: clause.start, end: clause.end } : null);
    return this.findings.length - 1;
  }

  /** `explain` may be a function: the sentence of a passed check is then written when first read (LazyMark). */
  mark(p: Para, fig: Figure, status: MarkStatus, rule: string, related: string[], explain: string | (() => string), findingIndex?: number): void {
    const start = p.map[fig.start];
    const end = p.map[fig.end - 1] + 1;
    if (typeof explain === "function") {
      this.figures.push(new LazyMark(start, end, status, rule, related, explain, p.cell));
      return;
    }
    const m: FigureMark = { start, end, status, rule, related, explain, cell: p.cell };
    if (findingIndex !== undefined) m.findingIndex = findingIndex;
    this.figures.push(m);
  }

  /** A statement whose check cannot be made (an operand absent or not identified with certainty): 未审核. */
  unchecked(rule: string, reason: NotCheckedReason, detail: string, cells: string[] = []): void {
    this.notChecked.push({ rule, table: this.table, reason, detail, cells });
  }

  ok(): void {
    this.checks++;
    this.passed++;
  }

  bad(): void {
    this.checks++;
  }

  /** A stated amount equals its table cell (RULES.md §5.4: text rounded like the table when shorter). */
  /** `cap`: the cell was matched by inference (RULES.md §0.3), so a difference is at most a 疑点. */
  amount(rule: string, where: string, p: Para, clause: { start: number; end: number }, fig: Figure, what: string, ref: Ref | null, cap?: "warning"): boolean {
    if (!ref) return true;
    if (ref.blankTotal) {
      this.unchecked(rule, "缺合计行", say(SAY.amountNotFilled, { where, label: ref.label, what, text: fig.text }), [ref.ref]);
      return true;
    }
    const cmp = sameAsTable(fig, ref.value, ref.dp);
    const refs = ref.refs || (ref.ref ? [ref.ref] : []);
    if (cmp.equal && fig.value.equals(ref.value)) {
      this.ok();
      // the explanation of a passed check is written only when read (the pane); its parts are taken now
      const text = fig.text;
      const label = ref.label;
      const value = ref.value;
      const dp = ref.dp;
      const blank = ref.blank ? "（空白按 0 计）" : "";
      this.mark(p, fig, "ok", rule, refs, () => say(SAY.amountOk, { what, text, label, shown: money(value, dp) + " 万元", blank }));
      return true;
    }
    const shown = money(ref.value, ref.dp) + " 万元";
    if (cmp.equal) {
      // the text shows fewer decimals and only agrees after rounding the table (885 万元 for 885.01): it rounds
      // away a non-zero digit the table publishes
      this.bad();
      const d = fig.value.minus(ref.value);
      const msg = say(SAY.amountRounded, { where, what, text: fig.text, label: ref.label, shown });
      const i = this.emit(rule, "warning", p, clause, msg, { related: refs, expected: plain(ref.value), actual: plain(fig.value), difference: plain(d), tolerance: plain(halfUnit(fig)) });
      this.mark(p, fig, "warning", rule, refs, msg, i);
      return true;
    }
    this.bad();
    const d = fig.value.minus(ref.value);
    const msg = say(SAY.amountDiffers, { where, what, text: fig.text, label: ref.label, shown, diff: plain(d) as string, blank: ref.blank ? "（表中空白按 0 计）" : "", cap: cap ? "；该行是推断对应的，列为疑点" : "" });
    const sev = cap ? "warning" : "error";
    const i = this.emit(rule, sev, p, clause, msg, { related: refs, expected: plain(ref.value), actual: plain(fig.value), difference: plain(d), tolerance: "0" });
    this.mark(p, fig, sev, rule, refs, msg, i);
    return false;
  }

  /**
   * A stated percentage recomputed as num / den × 100 and judged by interval. `zero` is the wording to use
   * when the denominator is 0.
   */
  ratio(rule: string, where: string, p: Para, clause: { start: number; end: number }, fig: Figure, what: string, num: Ref, den: Ref, zero: string): "exact" | "tail" | "error" | "undefined" {
    const refs = ([] as string[]).concat(num.refs || (num.ref ? [num.ref] : []), den.refs || (den.ref ? [den.ref] : []));
    if (num.blankTotal || den.blankTotal) {
      this.unchecked(rule, "缺合计行", say(SAY.ratioNotFilled, { where, label: num.blankTotal ? num.label : den.label, what, text: fig.text }), refs);
      return "exact";
    }
    const r = judgeRatio(num, den, fig.value, fig.dp);
    if (r.state === "exact") {
      this.ok();
      // written only when read (the pane): a figure and an operand are made before their check and never changed
      // after it (only an operand's `refs` may be, which the sentence does not read)
      this.mark(p, fig, "ok", rule, refs, () => say(SAY.ratioOk, { what, text: fig.text, recomputed: recomputedOf(num, den, r, fig.dp) }));
      return "exact";
    }
    if (r.state === "undefined") {
      this.bad();
      const msg = say(SAY.ratioUndefined, { where, label: den.label, what, text: fig.text, zero });
      const i = this.emit(rule, "error", p, clause, msg, { related: refs, expected: null, actual: plain(fig.value), difference: null, tolerance: null });
      this.mark(p, fig, "error", rule, refs, msg, i);
      return "undefined";
    }
    const recomputed = recomputedOf(num, den, r, fig.dp);
    this.bad();
    const interval = "[" + pct4(r.lo) + "%, " + (r.hi ? pct4(r.hi) + "%" : "∞") + "]";
    const tail = r.state === "tail";
    const msg = say(tail ? SAY.ratioTail : SAY.ratioDiffers, { where, what, text: fig.text, recomputed, interval });
    const i = this.emit(rule, tail ? "tail" : "error", p, clause, msg, {
      related: refs,
      expected: r.rounded!.toFixed(fig.dp),
      actual: plain(fig.value),
      difference: plain(fig.value.minus(r.rounded!)),
      tolerance: r.tolerance ? plain(r.tolerance) : null,
    });
    this.mark(p, fig, tail ? "tail" : "error", rule, refs, msg, i);
    if (!num.ref && !den.ref) TEXT_ONLY.add(this.findings[i]);
    return r.state;
  }

  /** A text figure as an operand (its own rounding half-width, at least that of 2 decimals of 万元). */
  textRef(fig: Figure, label: string): Ref {
    // “885 万元” means 885.00 at 2-decimal precision (RULES.md §0.2); 元 figures are finer still (operandHalf: made once)
    return { value: fig.value, dp: Math.max(fig.dp, 2), ref: "", label, blank: false, half: operandHalf(fig) };
  }

  /**
   * total = Σ parts where both sides are printed amounts (rounded): equal passes, within Σ half-units is 尾差,
   * beyond is an error (RULES.md §5.2).
   */
  sum(rule: string, where: string, p: Para, clause: { start: number; end: number }, fig: Figure | null, total: Ref, parts: Ref[], what: string, markParts?: { p: Para; fig: Figure }[]): void {
    const { expected: s, difference: d, tolerance: tol, verdict } = judgeSum(total, parts);
    const refs: string[] = [];
    for (const x of [total].concat(parts)) for (const r of x.refs || (x.ref ? [x.ref] : [])) refs.push(r);
    if (verdict === "exact") {
      this.ok();
      // one sentence for every mark of the sum, written when first read (the pane); its parts are taken now
      const label = total.label;
      const value = total.value;
      const terms = parts.map((x) => ({ label: x.label, value: x.value, dp: x.dp }));
      let explain: string | null = null;
      const lazy = () => explain || (explain = say(SAY.sumOk, { what, label, total: money(value, 2), parts: partsText(terms) }));
      if (fig) this.mark(p, fig, "ok", rule, refs, lazy);
      if (markParts) for (const mp of markParts) this.mark(mp.p, mp.fig, "ok", rule, refs, lazy);
      return;
    }
    const partText = partsText(parts);
    this.bad();
    const within = verdict === "tail";
    const msg = say(within ? SAY.sumTail : SAY.sumDiffers, { where, what, label: total.label, total: money(total.value, Math.max(total.dp, 2)), parts: partText, sum: money(s, 2), diff: plain(d) as string, tol: plain(tol) as string });
    const i = this.emit(rule, within ? "tail" : "error", p, clause, msg, { related: refs, expected: plain(s), actual: plain(total.value), difference: plain(d), tolerance: plain(tol) });
    if (fig) this.mark(p, fig, within ? "tail" : "error", rule, refs, msg, i);
    if (markParts) for (const mp of markParts) this.mark(mp.p, mp.fig, within ? "tail" : "error", rule, refs, msg, i);
  }
}

/** "label amount + label amount" of a sum's parts. */
function partsText(parts: { label: string; value: Decimal; dp: number }[]): string {
  return parts.map((x) => x.label + " " + money(x.value, Math.max(x.dp, 2))).join(" + ");
}

/** 「按 num / den 重算为 r%（保留 n 位为 x%）」 of a judged ratio. */
function recomputedOf(num: Ref, den: Ref, r: RatioResult, dp: number): string {
  const ops = num.label + " " + money(num.value, Math.max(num.dp, 2)) + " / " + den.label + " " + money(den.value, Math.max(den.dp, 2));
  return say(SAY.ratioRecomputed, { ops, ratio: pct4(r.ratio), dp: String(dp), rounded: r.rounded!.toFixed(dp) });
}

/**
 * The mark of a passed check (issue 9): its explanation is written when first read. The pane reads it; a batch audit
 * never does, and writing it (amounts formatted, a recomputed ratio, a template filled) was a good part of the
 * narrative's work. What it shows is taken when the check runs (strings, numbers and Decimals, which never change).
 */
class LazyMark implements FigureMark {
  private text: string | null = null;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly status: MarkStatus,
    readonly rule: string,
    readonly related: string[],
    private make: (() => string) | null,
    readonly cell: { sheet: string; addr: string } | null | undefined,
  ) {}

  get explain(): string {
    if (this.text === null) {
      this.text = (this.make as () => string)();
      this.make = null;
    }
    return this.text;
  }
}
