/**
 * Statements about one budget item (RULES.md §8.2.1), in 五(三) and in 八/九 (政府性基金, 国有资本经营):
 *   「3. X（类）Y（款）Z（项）。年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%」
 *   「“X（类）Y（款）Z（项）”B 万元，主要用于……年初预算为 A 万元，支出决算为 B 万元」 (Shanghai form)
 *   「12、X（类）Y（款）Z（项）B 万元。……年初预算为 A 万元，支出决算为 B 万元。」
 * Each statement binds to its row by its code or by its three names. How sure the binding is decides what a
 * difference may be (RULES.md §0.3):
 *   - code, or 类 + 款 + 项 names all equal the table's → an amount that differs is 不符;
 *   - 项 name unique under the stated 类 but the 款 name differs, or a row the model inferred → at most 疑点;
 *   - found by its amount alone → the names are reported, the amount ties by construction;
 *   - none of these → 未审核 (无法确定对应科目). Never compared with the 合计.
 * What lies inside the text is checked with or without a table: P = B / A (UNDEFINED when A = 0), the amount
 * after the head = B, the comparison word (大于/小于/等于/持平), a reason when B ≠ A.
 */
import { linkCause } from "../cause";
import { Decimal, plain } from "../decimal";
import { classByLabel } from "../layouts";
import { money } from "../messages";
import { TableModel, TRow } from "../model";
import { normKey } from "../text";
import { TableId } from "../types";
import { Checker, Ref } from "./checker";
import { Para } from "./normalise";
import { Figure, locate, NUM } from "./tokens";

export interface Span {
  start: number;
  end: number;
}

export interface ItemStatement {
  p: Para;
  /** List number as written ("3"), or "" (the Shanghai form numbers only the first item of a class). */
  n: string;
  cls: string;
  kuan: string;
  xiang: string;
  /** A 7-digit 功能分类 code written with the names, if any. */
  code: string | null;
  head: Span;
  /** The amount written right after the head (「…（项）”20.04 万元」). */
  amount: Figure | null;
  budget: Figure | null;
  spent: Figure | null;
  rate: Figure | null;
  /** 年初 / 全年 / 调整 before 预算 in the rate. */
  base: string;
  /** From the head to the end of the statement (the next head or the paragraph's end). */
  range: Span;
  /** From the budget to the rate (or the spent amount). */
  clause: Span;
}

/** Head: optional number, optional quote, optional code, 类 name (类), 款 name (款), 项 name (项), optional quote. */
// \s? not \s*: the normalised text has at most one space in a row, and two adjacent \s* made it quadratic (issue 13)
const HEAD = /(?:(\d{1,3})\s?[“"]?\s?[.、．]\s?)?[“"]?(?:(2\d{6})\s?)?([^()“”"。;,:、\d]{1,40}?)\(类\)([^“”"。;]{1,60}?)\(款\)([^“”"。;]{1,80}?)\(项\)[”"]?/g;
const AFTER_HEAD = new RegExp("^[”\"]?(?:[:：]|为|支出|决算(?:数)?)*" + NUM + "(万元|亿元|元)");
const BUDGET = new RegExp("年初预算(?:数)?(?:为|是)?" + NUM + "(万元|亿元|元)?");
const SPENT = new RegExp("(?:支出)?决算(?:数)?(?:为|是)?" + NUM + "(万元|亿元|元)?");
const RATE = /完成(年初|全年|调整)?预算(?:数)?的(-?\d+(?:\.\d+)?)%/;
const COMPARE = /决算(?:数|书)?(大于|小于|等于|高于|低于)(?:年初)?预算(?:数)?|决算(?:数)?与(?:年初)?预算(?:数)?(持平|相等|一致)/;

function clean(s: string): string {
  return normKey(s).replace(/^\d+/, "");
}

function fig(text: string, re: RegExp, from: number, to: number): { f: Figure; at: number; end: number } | null {
  const m = re.exec(text.slice(from, to));
  if (!m) return null;
  const f = locate(text, m[1], m[2] || "", from + m.index);
  return f && f.end <= to ? { f, at: from + m.index, end: f.end } : null;
}

/** Every item statement of a paragraph, in order. */
export function itemStatements(p: Para): ItemStatement[] {
  // HEAD needs a 「(项)」: without one no statement, and HEAD's lazy name scans are costly on every paragraph
  if (p.text.indexOf("(项)") < 0) return [];
  const heads: { m: RegExpExecArray; start: number; end: number }[] = [];
  HEAD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD.exec(p.text))) heads.push({ m, start: m.index, end: m.index + m[0].length });
  const out: ItemStatement[] = [];
  heads.forEach((h, i) => {
    const end = i + 1 < heads.length ? heads[i + 1].start : p.text.length;
    const amt = AFTER_HEAD.exec(p.text.slice(h.end, end));
    const amount = amt ? locate(p.text, amt[1], amt[2], h.end) : null;
    const b = fig(p.text, BUDGET, h.end, end);
    const s = fig(p.text, SPENT, b ? b.end : amount ? amount.end : h.end, end);
    const after = s ? s.end : b ? b.end : h.end;
    const r = RATE.exec(p.text.slice(after, end));
    const rate = r && /^[,，]?$/.test(p.text.slice(after, after + r.index)) ? locate(p.text, r[2], "%", after + r.index) : null;
    const code = h.m[2] || (/(?:^|\D)(2\d{6})(?:\D|$)/.exec(h.m[0]) || [])[1] || null;
    out.push({
      p,
      n: h.m[1] || "",
      cls: clean(h.m[3]),
      kuan: clean(h.m[4]),
      xiang: clean(h.m[5]),
      code,
      head: { start: h.start, end: h.end },
      amount: amount && amount.end <= end ? amount : null,
      budget: b ? b.f : null,
      spent: s ? s.f : null,
      rate,
      base: r ? r[1] || "" : "",
      range: { start: h.start, end },
      clause: { start: b ? b.at : s ? s.at : h.end, end: rate ? rate.end : s ? s.f.end : end },
    });
  });
  return out;
}

export type Binding = { row: TRow; how: "code" | "names" | "inferred" | "amount"; note: string };

function label(r: TRow): string {
  return clean(r.label);
}

/** The row of `t` a statement is about, and how sure that is; null when it cannot be identified. */
export function bind(t: TableModel, st: ItemStatement, col: string, taken: string[]): Binding | null {
  const rows = t.rows.filter((r) => r.level === 3);
  const byKey = (k: string) => t.rows.filter((r) => r.key === k)[0];
  if (st.code) {
    const r = byKey(st.code);
    if (r && r.level === 3) return { row: r, how: "code", note: label(r) === st.xiang ? "" : "科目编码 " + st.code + " 的名称为“" + r.label + "”" };
  }
  const clsCode = classByLabel(st.cls, t.pack) || classByLabel(st.cls + "支出", t.pack);
  const inClass = rows.filter((r) => !clsCode || r.key.slice(0, 3) === clsCode);
  const sameXiang = inClass.filter((r) => label(r) === st.xiang);
  const exact = sameXiang.filter((r) => {
    const k = byKey(r.key.slice(0, 5));
    // a 款 row printed without its name (the label is only the code) does not contradict the stated name
    return !!k && (label(k) === st.kuan || /^\d*$/.test(normKey(k.label)));
  });
  if (exact.length === 1 && clsCode) return { row: exact[0], how: "names", note: "" };
  if (exact.length === 1) return { row: exact[0], how: "inferred", note: "“" + st.cls + "”不是功能分类的类名" };
  if (exact.length === 0 && sameXiang.length === 1 && clsCode) {
    const k = byKey(sameXiang[0].key.slice(0, 5));
    return { row: sameXiang[0], how: "inferred", note: "款名“" + st.kuan + "”与表中“" + (k ? k.label : sameXiang[0].key.slice(0, 5)) + "”不同" };
  }
  // by amount only: a guess, unique among the rows not yet bound
  const f = st.spent || st.amount;
  if (!f) return null;
  const byAmount = rows.filter((r) => taken.indexOf(r.key) < 0 && r.cells[col] && r.cells[col].value && (r.cells[col].value as Decimal).equals(f.value));
  if (byAmount.length === 1) return { row: byAmount[0], how: "amount", note: "科目名称与表中的不一致，按金额对应 " + (byAmount[0].code || byAmount[0].key) + " " + byAmount[0].label };
  return null;
}

export interface ItemResult {
  st: ItemStatement;
  binding: Binding | null;
}

/**
 * Check one statement: inside the text, then against its row of `tableId` (column `col`). `taken` collects the
 * keys of rows already bound (an amount guess never reuses one).
 */
export function checkItem(ck: Checker, rule: string, where: string, st: ItemStatement, tableId: TableId, col: string, taken: string[]): ItemResult {
  const p = st.p;
  const w = where + (st.n ? "第" + st.n + "项" : "“" + st.xiang + "（项）”");
  const headText = st.cls + "（类）" + st.kuan + "（款）" + st.xiang + "（项）";
  // inside the text: the amount after the head is the 支出决算
  let slip = -1;
  if (st.amount && st.spent && !st.amount.value.equals(st.spent.value)) {
    ck.bad();
    const msg = w + "：科目后所列金额 " + st.amount.text + " 与同一段的支出决算 " + st.spent.text + " 不一致";
    slip = ck.emit(rule, "error", p, { start: st.head.start, end: st.clause.end }, msg, { actual: plain(st.amount.value), expected: plain(st.spent.value), difference: plain(st.amount.value.minus(st.spent.value)) });
    ck.mark(p, st.amount, "error", rule, [], msg, slip);
  } else if (st.amount && st.spent) ck.ok();
  const t = ck.tables[tableId];
  const spent = st.spent || st.amount;
  let binding: Binding | null = null;
  let ref: Ref | null = null;
  if (!t) {
    if (spent) ck.unchecked(rule, "缺表", w + "“" + headText + "”：未找到" + tableId + "，支出决算 " + spent.text + " 未与表核对");
  } else {
    binding = bind(t, st, col, taken);
    if (!binding) {
      if (spent) ck.unchecked(rule, "无法确定对应科目", w + "“" + headText + "”：在" + tableId + "中找不到名称相同的项，也不能按金额唯一确定，支出决算 " + spent.text + " 未与表核对");
    } else {
      const r = binding.row;
      if (taken.indexOf(r.key) < 0) taken.push(r.key);
      if (binding.note) {
        ck.bad();
        ck.emit(rule, "warning", p, st.head, w + "：科目“" + headText + "”" + binding.note + "，请核对科目名称");
      } else ck.ok();
      ref = ck.cell(tableId, r.key, col, (r.code || r.key) + " " + r.label + " " + (tableId === "公开05" ? "本年支出小计" : "本年支出"));
      const cap = binding.how === "inferred" || binding.how === "amount" || !!r.inferred ? "warning" : undefined;
      if (spent && ref) ck.amount(rule, w, p, st.clause, spent, "支出决算", ref, cap);
      else if (spent) ck.unchecked(rule, "取数不足", w + "：" + tableId + " " + r.label + " 的金额不可读，支出决算 " + spent.text + " 未与表核对", []);
    }
  }
  if (st.rate && st.budget && spent) {
    const num = ck.textRef(spent, "支出决算");
    num.refs = ref && ref.ref ? [ref.ref] : [];
    ck.ratio(rule, w, p, st.clause, st.rate, "完成" + st.base + "预算的", num, ck.textRef(st.budget, "年初预算"), "年初未安排预算，本年支出决算 " + spent.text + "，主要原因是……");
  }
  if (st.budget && spent) wordsAndReason(ck, rule, w, st, spent, ref);
  // one slip between the two amounts of the statement: what it throws off in the same statement follows from it
  if (slip >= 0) {
    const root = ck.findings[slip];
    for (let k = slip + 1; k < ck.findings.length; k++) if (ck.findings[k].severity === "error" && !ck.findings[k].cause) linkCause(ck.findings[k], root);
  }
  return { st, binding };
}

/** The comparison word agrees with the figures; a difference has a reason, and an amount in the reason fits it. */
function wordsAndReason(ck: Checker, rule: string, w: string, st: ItemStatement, spent: Figure, ref: Ref | null): void {
  const p = st.p;
  const text = p.text.slice(0, st.range.end);
  const budget = (st.budget as Figure).value;
  const actual = spent.value;
  const related = ref && ref.ref ? [ref.ref] : [];
  const re = new RegExp(COMPARE.source, "g");
  re.lastIndex = st.head.end;
  const cmp = re.exec(text);
  if (cmp) {
    const word = cmp[1] || cmp[2];
    const want = actual.gt(budget) ? ["大于", "高于"] : actual.lt(budget) ? ["小于", "低于"] : ["等于", "持平", "相等", "一致"];
    if (want.indexOf(word) < 0) {
      ck.bad();
      ck.emit(rule, "error", p, { start: cmp.index, end: cmp.index + cmp[0].length }, w + "：文中说决算数“" + word + "”预算数，但支出决算 " + money(actual, 2) + " 与年初预算 " + money(budget, 2) + " 的关系是“" + want[0] + "”", { actual: word, expected: want[0] });
    } else ck.ok();
  }
  if (actual.equals(budget)) return;
  const reasonAt = text.indexOf("原因", st.head.end);
  if (reasonAt < 0) {
    ck.bad();
    ck.emit(rule, "warning", p, st.clause, w + "：决算数与年初预算数不同，但未说明原因");
    return;
  }
  ck.ok();
  // an amount named in the reason cannot exceed the difference it explains
  const gap = actual.minus(budget).abs();
  const amt = /(-?\d{1,15}(?:\.\d{1,10})?)(万元|亿元|元)/g;
  amt.lastIndex = reasonAt;
  let am: RegExpExecArray | null;
  while ((am = amt.exec(text))) {
    const rf = locate(text, am[1], am[2], am.index);
    if (!rf) continue;
    if (rf.value.gt(gap)) {
      ck.bad();
      const i = ck.emit(rule, "warning", p, { start: am.index, end: am.index + am[0].length }, w + "：原因中所述金额 " + rf.text + " 大于决算数与年初预算数之差 " + money(gap, 2) + " 万元，请核实", { actual: plain(rf.value), expected: plain(gap), related });
      ck.mark(p, rf, "warning", rule, related, "原因金额大于差额", i);
    } else if (rf.value.lt(gap) && gap.minus(rf.value).lte(Decimal.max(gap.times("0.01"), new Decimal("0.05")))) {
      // nearly the whole difference but not quite: most likely a transcription slip
      ck.bad();
      const i = ck.emit(rule, "warning", p, { start: am.index, end: am.index + am[0].length }, w + "：原因中所述金额 " + rf.text + " 与决算数与年初预算数之差 " + money(gap, 2) + " 万元仅差 " + plain(gap.minus(rf.value)) + "，疑为笔误，请核实", { actual: plain(rf.value), expected: plain(gap), difference: plain(rf.value.minus(gap)), related });
      ck.mark(p, rf, "warning", rule, related, "原因金额与差额接近但不等", i);
    } else {
      ck.ok();
      ck.mark(p, rf, "ok", rule, related, "原因所述金额 " + rf.text + " 不超过决算与年初预算之差 " + money(gap, 2) + " 万元");
    }
  }
}

/**
 * After all statements of a list: every 项 of the table with an amount is stated (when every statement was bound;
 * otherwise 未审核), and the items' 年初预算 add up to the stated total's. Returns the total 年初预算 when stated.
 */
export function itemsSummary(ck: Checker, where: string, items: ItemResult[], total: { p: Para; fig: Figure; clause: Span } | null, tableId: TableId, col: string): Decimal | undefined {
  if (!items.length) return undefined;
  const t = ck.tables[tableId];
  const taken = items.filter((x) => x.binding).map((x) => x.binding!.row.key);
  const unbound = items.filter((x) => !x.binding).length;
  let complete = !t;
  if (t) {
    const missing = t.rows.filter((r) => r.level === 3 && r.cells[col] && r.cells[col].value && !(r.cells[col].value as Decimal).isZero() && taken.indexOf(r.key) < 0);
    const last = items[items.length - 1].st.p;
    const cells = missing.map((r) => "'" + r.cells[col].sheet.replace(/'/g, "''") + "'!" + r.cells[col].addr);
    const list = missing.map((r) => (r.code || r.key) + " " + r.label + " " + money(r.cells[col].value as Decimal, 2)).join("、");
    if (!missing.length) {
      ck.ok();
      complete = true;
    } else if (unbound) ck.unchecked(rule(tableId), "无法确定对应科目", where + "：有 " + unbound + " 条说明未能对应到" + tableId + "的项，无法判断 " + list + " 万元是否已说明", cells);
    else {
      ck.bad();
      ck.emit(rule(tableId), "error", last, null, where + "：" + tableId + " 中 " + list + " 万元未在具体情况中说明", { related: cells });
    }
  }
  if (!total) return undefined;
  const withBudget = items.filter((x) => x.st.budget);
  // the items' budgets add up to the total's only when the list is the whole table
  if (complete && withBudget.length === items.length) {
    const tb = total;
    ck.sum("N5c", where, tb.p, tb.clause, tb.fig, ck.textRef(tb.fig, "年初预算合计"), withBudget.map((x) => ck.textRef(x.st.budget as Figure, (x.st.n ? "第" + x.st.n + "项" : "“" + x.st.xiang + "”") + "年初预算")), "各项年初预算之和应等于年初预算合计", withBudget.map((x) => ({ p: x.st.p, fig: x.st.budget as Figure })));
  }
  return total.fig.value;
}

function rule(tableId: TableId): string {
  return tableId === "公开05" ? "N5d" : tableId === "公开07" ? "N7" : "N8";
}

/** The column holding a coded table's 本年支出 total. */
export function spentColumn(t: TableModel | undefined, id: TableId): string {
  if (id === "公开05") return "c1";
  if (id === "公开07") return "c3";
  return t && t.variant === "fund" ? "c3" : "c1";
}
