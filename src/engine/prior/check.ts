/**
 * PY.1 and PY.2 (issue 12 item 1): each 上年 figure of this year's 情况说明 against last year's document.
 *
 * PY.1  上年数 = 上年决算表中的数. The text's 上年 figure is 本年 ∓ 增减额 (implied) or the amount it writes out
 *       (stated). Implied: 本年 = 上年表数 ± 增减额 is one identity of three rounded figures, judged by the rounding
 *       core (judgeSum: exact passes, within Σ half-widths 尾差, beyond 不符). Stated: one quantity shown twice
 *       (judgeSame: off by one display unit is a 疑点).
 * PY.2  A rate stated without an amount (「比上年增长 p%」): p = (本年 − 上年表数) ÷ 上年表数, by interval (judgeRatio).
 *
 * Certainty (RULES.md §0.3): an absent operand (last year's table, row or cell, this year's amount) is 未审核, never
 * 0; last year's figure read from an inferred row or column caps the finding at 疑点.
 */
import { qualified } from "../address";
import { Decimal, plain } from "../decimal";
import { money } from "../messages";
import { cellAt, rowByKey, Tables, TCell } from "../model";
import { judgeRatio, judgeSame, judgeSum, pct4, Rounded } from "../rounding";
import { Context } from "../rules/context";
import { EXTERNAL_SHEET } from "../narrative/result";
import { Para } from "../narrative/normalise";
import { Section } from "../narrative/sections";
import { bareFinding } from "../rules/context";
import { Finding, NotCheckedReason, PreviousRef } from "../types";
import { Claim, roundedOf, subjectWords } from "./claims";
import { PriorCell, Subject, subjectOf } from "./subjects";
import { halfUnit, Figure, NUM } from "../narrative/tokens";

const T = "情况说明";

/** Last year's figure: its value, half-width, where it is, and why it is not certain (null when it is). */
interface Prior extends Rounded {
  label: string;
  where: PreviousRef;
  doubt: string | null;
}

export interface PriorDoc {
  name: string;
  tables: Tables;
  sections: Section[];
}

type Got = { ok: true; prior: Prior } | { ok: false; reason: NotCheckedReason; detail: string };

function readCell(doc: PriorDoc, pc: PriorCell): Got {
  const t = doc.tables[pc.table];
  if (!t) return { ok: false, reason: "缺表", detail: "上年文件“" + doc.name + "”中没有" + pc.table };
  const row = rowByKey(t, pc.row);
  const cell: TCell | undefined = cellAt(t, pc.row, pc.col);
  if (!row || !cell) return { ok: false, reason: pc.row === "合计" || /total|L\d+/.test(pc.row) ? "缺合计行" : "缺行", detail: "上年文件“" + doc.name + "”的" + pc.table + "中没有“" + pc.label + "”" };
  if (cell.state === "text" || cell.state === "error") return { ok: false, reason: "取数不足", detail: "上年文件“" + doc.name + "”" + qualified(cell.sheet, cell.addr) + " " + pc.label + " 不是金额" };
  const value = cell.state === "number" ? (cell.value as Decimal) : new Decimal(0);
  const doubt = row.inferred ? "上年表的科目系推断：" + row.inferred : t.inferredColumns && t.inferredColumns[pc.col] ? "上年表的栏目系推断：" + t.inferredColumns[pc.col] : cell.state !== "number" ? "上年表“" + pc.label + "”空白" : null;
  return { ok: true, prior: { value, half: t.halfUnit(cell.dp), label: pc.table + " " + pc.label, where: { file: doc.name, sheet: cell.sheet, cell: cell.addr, value: plain(value) }, doubt } };
}

/** 机关运行经费: the amount last year's own 情况说明 states in its section (no table publishes it). */
function readStated(doc: PriorDoc, s: NonNullable<Subject["stated"]>): Got {
  const sec = doc.sections.filter((x) => x.kind === s.section)[0];
  if (!sec) return { ok: false, reason: "缺行", detail: "上年文件“" + doc.name + "”的情况说明中没有机关运行经费一节" };
  for (const p of sec.body) {
    const m = new RegExp(s.words.source + "(?:支出)?(?:决算)?(?:为|是|共)?" + NUM + "(万元|元|亿元)").exec(p.text);
    if (!m) continue;
    const f = { value: new Decimal(m[1].replace(/,/g, "")), printed: new Decimal(m[1].replace(/,/g, "")), dp: m[1].indexOf(".") < 0 ? 0 : m[1].length - m[1].indexOf(".") - 1, unit: m[2], text: m[1] + m[2], start: m.index, end: m.index + m[0].length };
    if (m[2] !== "万元") f.value = f.printed.times(m[2] === "元" ? "0.0001" : "10000");
    const r = roundedOf(f);
    return { ok: true, prior: { value: r.value, half: r.half, label: "情况说明所述机关运行经费", where: { file: doc.name, sheet: p.cell ? p.cell.sheet : EXTERNAL_SHEET, cell: p.cell ? p.cell.addr : null, value: plain(r.value) }, doubt: null } };
  }
  return { ok: false, reason: "缺行", detail: "上年文件“" + doc.name + "”的情况说明中未写明机关运行经费支出" };
}

function place(p: Para): { sheet: string; cell: string | null } {
  return p.cell ? { sheet: p.cell.sheet, cell: p.cell.addr } : { sheet: EXTERNAL_SHEET, cell: null };
}

function where(c: Claim): string {
  const m = /^S(\d+)$/.exec(c.section);
  const n = m ? ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"][parseInt(m[1], 10)] : "";
  return "说明" + n;
}

export class PriorChecks {
  constructor(
    private readonly ctx: Context,
    private readonly doc: PriorDoc,
  ) {}

  private emit(rule: string, severity: Finding["severity"], c: Claim, message: string, extra: Partial<Finding>): void {
    const pl = place(c.p);
    const f = bareFinding(rule, severity, T, pl.sheet, pl.cell, message, { excerpt: c.p.text.slice(c.clause.start, c.clause.end), ...extra });
    this.ctx.add(f, { rule });
  }

  private unchecked(rule: string, reason: NotCheckedReason, c: Claim, detail: string): void {
    const pl = place(c.p);
    this.ctx.unchecked(rule, T, reason, where(c) + "：" + detail, pl.cell ? [qualified(pl.sheet, pl.cell)] : []);
  }

  /** Every claim: its subject, last year's figure(s), the check. */
  run(claims: Claim[]): void {
    for (const c of claims) {
      const s = subjectOf(c.section, c.words);
      const what = "“" + c.p.text.slice(c.clause.start, c.clause.end) + "”";
      if (!s) {
        this.unchecked("PY.1", "无法确定对应科目", c, what + "所说的“" + (c.words || subjectWords(c.p.text.slice(0, c.clause.start)).slice(-12)) + "”在上年的表中没有确定的对应数，上年数未核对");
        continue;
      }
      const cells: Got[] = s.stated ? [readStated(this.doc, s.stated)] : (s.cells || []).filter((_x, i, all) => c.side === null || all.length < 2 || i === c.side).map((pc) => readCell(this.doc, pc));
      for (const got of cells) {
        if (!got.ok) {
          this.unchecked(c.rate && !c.delta ? "PY.2" : "PY.1", got.reason, c, what + "：" + got.detail + "，上年数未核对");
          continue;
        }
        if (c.stated) this.stated(c, s, c.stated, got.prior);
        if (c.delta) this.implied(c, s, got.prior);
        else if (c.rate) this.rate(c, s, got.prior);
      }
    }
  }

  /** 本年 = 上年表数 ± 增减额 (PY.1, implied). */
  private implied(c: Claim, s: Subject, prior: Prior): void {
    const d = c.delta as Figure;
    if (!c.current) {
      this.unchecked("PY.1", "其他", c, "增减额 " + d.text + " 未能对应到文中的本年数，推不出上年数，未与上年的表核对");
      return;
    }
    const cur = roundedOf(c.current);
    const delta = roundedOf(d);
    const signed = { value: c.up ? delta.value : delta.value.negated(), half: delta.half };
    const j = judgeSum(cur, [prior, signed]);
    const implied = c.up ? cur.value.minus(delta.value) : cur.value.plus(delta.value);
    if (j.verdict === "exact") {
      this.ctx.count(T, true);
      return;
    }
    this.ctx.count(T, false);
    const sev = j.verdict === "tail" ? "tail" : prior.doubt ? "warning" : "error";
    const msg =
      where(c) + "：本年" + s.name + " " + money(cur.value, 2) + " 万元" + (c.up ? "增加" : "减少") + " " + money(delta.value, 2) + " 万元，推出上年数 " + money(implied, 2) + " 万元；上年文件“" + this.doc.name + "”" + qualified(prior.where.sheet, prior.where.cell || "") + " " + prior.label + " 为 " + money(prior.value, 2) + " 万元，差 " + money(implied.minus(prior.value), 2) + " 万元" +
      (sev === "tail" ? "，在四舍五入允许范围 ±" + plain(j.tolerance) + " 内，属尾差" : "，超出四舍五入允许范围 ±" + plain(j.tolerance) + (prior.doubt ? "（" + prior.doubt + "，按疑点处理）" : "") + "；增减额应为 " + money(cur.value.minus(prior.value).abs(), 2) + " 万元");
    this.emit("PY.1", sev, c, msg, { expected: plain(prior.value), actual: plain(implied), difference: plain(implied.minus(prior.value)), tolerance: plain(j.tolerance), previous: prior.where });
  }

  /** 「上年为 P 万元」 = 上年表数 (PY.1, stated). */
  private stated(c: Claim, s: Subject, f: Figure, prior: Prior): void {
    const j = judgeSame(roundedOf(f), prior);
    if (j.verdict === "exact") {
      this.ctx.count(T, true);
      return;
    }
    this.ctx.count(T, false);
    const sev = j.verdict === "close" || prior.doubt ? "warning" : "error";
    this.emit("PY.1", sev, c, where(c) + "：文中上年" + s.name + " " + money(f.value, 2) + " 万元，上年文件“" + this.doc.name + "”" + qualified(prior.where.sheet, prior.where.cell || "") + " " + prior.label + " 为 " + money(prior.value, 2) + " 万元，差 " + money(j.difference, 2) + " 万元" + (sev === "warning" && j.verdict === "close" ? "，仅差末位一个单位，疑为舍位方式不一致" : ""), {
      expected: plain(prior.value),
      actual: plain(f.value),
      difference: plain(j.difference),
      tolerance: plain(j.unit),
      previous: prior.where,
    });
  }

  /** p = (本年 − 上年表数) ÷ 上年表数 (PY.2, a rate without an amount). */
  private rate(c: Claim, s: Subject, prior: Prior): void {
    const rf = c.rate as Figure;
    if (!c.current) {
      this.unchecked("PY.2", "其他", c, "增减率 " + rf.text + " 未能对应到文中的本年数，未与上年的表核对");
      return;
    }
    const cur = roundedOf(c.current);
    const change = { value: cur.value.minus(prior.value), half: cur.half.plus(prior.half) };
    const wrongWay = change.value.isNegative() === c.up && !change.value.isZero();
    const r = judgeRatio(change, prior, rf.value, rf.dp);
    if (!wrongWay && r.state === "exact") {
      this.ctx.count(T, true);
      return;
    }
    this.ctx.count(T, false);
    const sev = r.state === "tail" && !wrongWay ? "tail" : prior.doubt ? "warning" : "error";
    const base = where(c) + "：本年" + s.name + " " + money(cur.value, 2) + " 万元，上年文件“" + this.doc.name + "”" + qualified(prior.where.sheet, prior.where.cell || "") + " 为 " + money(prior.value, 2) + " 万元，";
    const msg = r.state === "undefined" ? base + "上年为 0，不应列示增减率 " + rf.text : wrongWay ? base + "实际" + (c.up ? "减少" : "增加") + "，与文中“" + (c.up ? "增长" : "下降") + "”方向相反" : base + "增减率应为 " + pct4(r.ratio) + "%，文中为 " + rf.text + (sev === "tail" ? "，在四舍五入允许范围内，属尾差" : "");
    this.emit("PY.2", sev, c, msg, { expected: r.rounded ? plain(r.rounded) : null, actual: plain(rf.value), difference: r.rounded ? plain(rf.value.minus(r.rounded)) : null, tolerance: r.tolerance ? plain(r.tolerance) : plain(halfUnit(rf)), previous: prior.where });
  }
}
