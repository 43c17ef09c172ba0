/**
 * The evaluation context: reads operands out of the recognised tables, applies the rounding model
 * (RULES.md §5) and records findings. Every comparison of the catalogue goes through `sum`, `same` or `le`
 * here, so the rounding policy lives in one place.
 */
import { qualified } from "../address";
import { Decimal, plain, ZERO } from "../decimal";
import { money, signed, sumSentence, Term, termList } from "../messages";
import { TCell, TableModel, Tables, TRow } from "../model";
import { TemplatePack, templateFor } from "../templates";
import { Finding, NotChecked, NotCheckedReason, Severity, TableId } from "../types";
import { isTotalRow } from "./totals";
import { judgeLe, judgeSame, judgeSum, Rounded } from "../rounding";

/** One figure taken from a table for a comparison. The label is built only when a message needs it. */
export class Operand implements Rounded {
  constructor(
    readonly table: TableModel,
    readonly cell: TCell | null,
    readonly value: Decimal,
    readonly half: Decimal,
    readonly dp: number,
    readonly blank: boolean,
    /** The label, or the function that words it (replaced by its text at the first read). */
    private source: string | (() => string),
    /** Hundredths as a safe integer, or null (see Amount.units). */
    readonly units: number | null = null,
    /** -1 when the cell's figure enters subtracted (see negated), for the root-cause grouping. */
    readonly sign: 1 | -1 = 1,
  ) {}
  /**
   * Why this figure is not certain (RULES.md §0.3 certainty ladder): its row or column was matched by inference,
   * or it is an absent row of a coded table read as 0. Null when read from a cell the recogniser is sure of.
   * A comparison with an uncertain operand reports at most a 疑点.
   */
  uncertain: string | null = null;
  get label(): string {
    if (typeof this.source !== "string") this.source = this.source();
    return this.source;
  }
  /** The same figure subtracted ("减 …"). */
  negated(): Operand {
    const o = new Operand(this.table, this.cell, this.value.negated(), this.half, this.dp, this.blank, () => "减 " + this.label, this.units === null ? null : -this.units, this.sign === 1 ? -1 : 1);
    o.uncertain = this.uncertain;
    return o;
  }
}

/** What a finding is about, kept for grouping echoes after all rules ran. */
export interface FindingMeta {
  rule: string;
  table?: TableId;
  rowKey?: string;
  lane?: string;
  diff?: Decimal;
}

export type RuleSeverity = "error" | "warn";

/**
 * One evaluated comparison, passed or not, kept so that the root-cause grouping (rootcause.ts) can ask what a
 * corrected cell would do to every identity it enters. d = Σ coef·operand: sum = total − Σ parts,
 * same = a − b, le = part − whole. `finding` is the finding it produced, if any.
 */
export interface CheckRecord {
  kind: "sum" | "same" | "le";
  rule: string;
  /** The first operand enters with +1 (total, a, part), every other with −1: see coefOf. */
  ops: Operand[];
  finding: Finding | null;
}

/**
 * The coefficient of operand i in d = Σ coef·operand of a record: +1 for the first, −1 for the others. Not stored
 * per record: about a thousand records are kept per audit, and the array was one allocation each.
 */
export function coefOf(i: number): 1 | -1 {
  return i === 0 ? 1 : -1;
}

/** Where an operand was read: its row and 栏 key, to know whether the recogniser inferred them. */
export interface At {
  row?: TRow;
  col?: string;
}

/** The first reason of doubt among the operands (RULES.md §0.3), or null when all were read with certainty. */
function doubtOf(ops: Operand[]): string | null {
  for (const o of ops) if (o.uncertain) return o.uncertain;
  return null;
}

/** The severity a comparison may give: an error needs certain operands, otherwise it is at most a 疑点. */
function capped(severity: Severity, doubt: string | null): Severity {
  return doubt && severity === "error" ? "warning" : severity;
}

function doubtNote(severity: Severity, doubt: string | null): string {
  return doubt && severity !== "tail" ? "（" + doubt + "，按疑点处理）" : "";
}

/** total = Σ parts holds exactly, decided in integer hundredths (no decimal arithmetic) when every figure allows. */
function exactInUnits(total: Operand, parts: Operand[]): boolean {
  if (total.units === null) return false;
  let rest = total.units;
  for (let i = 0; i < parts.length; i++) {
    const u = parts[i].units;
    if (u === null) return false;
    rest -= u;
  }
  // Sums of safe integers below 2^53 are exact; the magnitudes here are far below that.
  return rest === 0;
}

/** A finding that compares no two figures yet: the fields a caller does not give are empty. */
export function bareFinding(rule: string, severity: Severity, table: string | null, sheet: string, cell: string | null, message: string, extra: Partial<Finding> = {}): Finding {
  return { rule, severity, table, sheet, cell, related: [], expected: null, actual: null, difference: null, tolerance: null, message, cause: null, ...extra };
}


export class Context {
  findings: Finding[] = [];
  meta: FindingMeta[] = [];
  checks = 0;
  passed = 0;
  /** Cells that are not amounts, reported once each. */
  private badCells: { [q: string]: boolean } = {};
  /** Differences of row identities by rule and row key, zero included, for echo grouping. */
  rowDiffs: { [rule: string]: { [table: string]: { [row: string]: Decimal } } } = {};
  /** Every comparison made by sum/same/le, for the root-cause grouping. */
  log: CheckRecord[] = [];

  /** The narrative analysis made during this audit (figures and marks for the pane), when there was one. */
  narrative: unknown = null;

  /** Rule instances that could not be evaluated (RULES.md §0.3), each with its reason. */
  notChecked: NotChecked[] = [];
  /** Checks and passes per table (公开01…, 情况说明, 绩效; "" for workbook-level), for the per-table report. */
  tally: { [table: string]: { checks: number; passed: number } } = {};
  /** Keys of 未审核 entries already recorded (see gaps.ts `skip`), so one absence is reported once per rule. */
  uncheckedKeys: { [key: string]: boolean } = {};

  /** Record a rule instance that ended 未审核. Never counted as a check that passed. */
  unchecked(rule: string, table: string | null, reason: NotCheckedReason, detail: string, cells: string[] = []): void {
    this.notChecked.push({ rule, table, reason, detail, cells });
  }

  /** Count one check of `table`; `ok` when it passed. */
  count(table: string | null, ok: boolean): void {
    const k = table || "";
    const t = this.tally[k] || (this.tally[k] = { checks: 0, passed: 0 });
    t.checks++;
    this.checks++;
    if (ok) {
      t.passed++;
      this.passed++;
    }
  }

  /**
   * `template`: the pack the tables were read with (Recognition.template), an input of the audit like the tables;
   * the rules read layout facts (conditions, lines, lanes, pairs) from it. Default: the project's 2024 base.
   */
  constructor(
    readonly tables: Tables,
    readonly template: TemplatePack = templateFor(),
  ) {}

  table(id: TableId): TableModel | undefined {
    return this.tables[id];
  }

  /** An operand from a cell; null when the cell holds text or an error (reported once, never read as 0). */
  /** `label` may be a function: it is then only built when a finding needs it (most checks pass). */
  /**
   * `at` names the row and 栏 the cell was read from: an inferred row or column makes the operand uncertain.
   * No cell at all (a row of a coded table that the table does not list) is read as 0, and that 0 is inferred,
   * never certain: callers use it only for rows, never for a 合计 (RULES.md §0.3).
   */
  operand(t: TableModel, cell: TCell | undefined, label: string | (() => string), at: At = {}): Operand | null {
    return this.cellOperand(t, cell, label, at.row, at.col);
  }

  /** operand() with the row and 栏 given apart: what the rules' loops call, without an `at` object per figure. */
  cellOperand(t: TableModel, cell: TCell | undefined, label: string | (() => string), row?: TRow, col?: string): Operand | null {
    if (!cell) {
      const zero = new Operand(t, null, ZERO, ZERO, t.dp, true, label, 0);
      zero.uncertain = "未列示的科目按 0 计";
      return zero;
    }
    if (cell.state === "text" || cell.state === "error") {
      const q = qualified(cell.sheet, cell.addr);
      if (!this.badCells[q]) {
        this.badCells[q] = true;
        this.add(
          { rule: "S.3", severity: "warning", table: t.id, sheet: cell.sheet, cell: cell.addr, related: [], expected: null, actual: null, difference: null, tolerance: null, message: t.id + " " + (typeof label === "function" ? label() : label) + "：" + (cell.problem || "不是金额") + "，涉及这一格的勾稽关系未能审核（取数不足）" },
          { rule: "S.3", table: t.id },
        );
      }
      return null;
    }
    const blank = cell.state !== "number";
    const units = blank ? 0 : cell.units === undefined ? null : cell.units;
    const o = new Operand(t, cell, blank ? ZERO : (cell.value as Decimal), t.halfUnit(cell.dp), cell.dp, blank, label, units);
    const rowDoubt = row && row.inferred;
    const colDoubt = col && t.inferredColumns && t.inferredColumns[col];
    if (rowDoubt) o.uncertain = "科目系推断：" + rowDoubt;
    else if (colDoubt) o.uncertain = "栏目系推断：" + colDoubt;
    // RULES.md §0.1/§8.1 item 7: a blank in a total row is 0 only if the identities hold with it; where they do
    // not, the blank is 合计未填, at most a 疑点.
    else if (blank && row && isTotalRow(this.template, t.id, row.key)) o.uncertain = "合计行“" + row.label + "”此栏空白（合计未填）";
    return o;
  }

  add(f: Finding, meta: FindingMeta): Finding {
    this.findings.push(f);
    this.meta.push(meta);
    return f;
  }

  private ref(o: Operand): string[] {
    return o.cell ? [qualified(o.cell.sheet, o.cell.addr)] : [];
  }

  private term(o: Operand): Term {
    return { label: o.label, value: o.value, dp: o.dp, blank: o.blank && !!o.cell && o.cell.state !== "blank" ? true : o.blank && !!o.cell };
  }

  /**
   * total = Σ parts. Difference 0: passes. Within Σ half-units of all operands (total included, zeros too):
   * 尾差. Beyond: the rule's severity. RULES.md §5.2.
   */
  sum(rule: string, sev: RuleSeverity, place: string | (() => string), total: Operand | null, parts: (Operand | null)[], meta: Partial<FindingMeta> = {}): Decimal | null {
    if (!total) return null;
    for (let i = 0; i < parts.length; i++) if (parts[i] === null) return null;
    const ps = parts as Operand[];
    // the total then the parts, copied by hand: Array.prototype.concat is a call into the runtime, once per check
    const ops: Operand[] = [total];
    for (let i = 0; i < ps.length; i++) ops.push(ps[i]);
    const rec: CheckRecord = { kind: "sum", rule, ops, finding: null };
    this.log.push(rec);
    if (exactInUnits(total, ps)) {
      this.count(total.table.id, true);
      return ZERO;
    }
    return this.judgedSum(rule, sev, place, total, ps, ops, rec, meta);
  }

  /**
   * The rest of sum() when the hundredths do not settle it: a function of its own so that the check every sum makes
   * stays small (V8 compiles a hot function whole, in every worker; this part runs for few sums).
   */
  private judgedSum(rule: string, sev: RuleSeverity, place: string | (() => string), total: Operand, ps: Operand[], ops: Operand[], rec: CheckRecord, meta: Partial<FindingMeta>): Decimal {
    // the rounding core decides (RULES.md §5.2); this only words the finding
    const { expected, difference: d, tolerance: tol, tight, verdict } = judgeSum(total, ps);
    if (verdict === "exact") {
      this.count(total.table.id, true);
      return d;
    }
    this.count(total.table.id, false);
    const within = verdict === "tail";
    // RULES.md §8.1 item 7: a 合计 cell left blank over non-zero parts is 合计未填, a 疑点, never a 不符.
    const unfilled = !within && total.blank && !!total.cell && !expected.isZero();
    const doubt = doubtOf(ops);
    const severity: Severity = within ? "tail" : unfilled ? "warning" : capped(sev === "error" ? "error" : "warning", doubt);
    // `place` may be a function: the wording is built only here, for a finding (most sums pass)
    const where = typeof place === "function" ? place() : place;
    let msg = unfilled
      ? where + "：" + total.label + " 未填（空白），" + termList(ps.map((p) => this.term(p))) + " = " + money(expected, Math.max(total.dp, 2)) + "，合计未填，请核实"
      : sumSentence(where, this.term(total), ps.map((p) => this.term(p)), expected, d, tol, tight, severity === "tail" ? "tail" : severity === "error" ? "error" : "warning");
    if (!unfilled) msg += doubtNote(severity, doubt);
    const anchor = total.cell || ps.filter((p) => p.cell)[0]?.cell || null;
    rec.finding = this.add(
      {
        rule,
        severity,
        table: total.table.id,
        sheet: anchor ? anchor.sheet : total.table.sheet,
        cell: anchor ? anchor.addr : null,
        related: ([] as string[]).concat(...ps.map((p) => this.ref(p))),
        expected: plain(expected),
        actual: plain(total.value),
        difference: plain(d),
        tolerance: plain(tol),
        message: msg,
        cause: null,
      },
      { rule, table: total.table.id, diff: d, ...meta },
    );
    return d;
  }

  /**
   * The same quantity shown in two places (RULES.md §5.4): equal passes; one display unit apart is a
   * warning (舍位方式不一致); further apart, the rule's severity.
   */
  same(rule: string, sev: RuleSeverity, where: string, a: Operand | null, b: Operand | null): void {
    if (!a || !b) return;
    const rec: CheckRecord = { kind: "same", rule, ops: [a, b], finding: null };
    this.log.push(rec);
    if (a.units !== null && b.units !== null && a.units === b.units) {
      this.count(a.table.id, true);
      return;
    }
    const { difference: d, unit, verdict } = judgeSame(a, b);
    if (verdict === "exact") {
      this.count(a.table.id, true);
      return;
    }
    this.count(a.table.id, false);
    const close = verdict === "close";
    const doubt = doubtOf([a, b]);
    const severity: Severity = close ? "warning" : capped(sev === "error" ? "error" : "warning", doubt);
    const dp = Math.max(a.dp, b.dp);
    let msg = where + "：" + a.label + " " + money(a.value, a.dp) + " 与 " + b.label + " " + money(b.value, b.dp) + " 应为同一数，差 " + signed(d, dp);
    const word = severity === "error" ? "不符" : "请核实";
    msg += close ? "，相差一个尾数单位，疑为舍位方式不一致，请核实" : unit.isZero() ? "，该单位的金额未经舍入，应完全相等，" + word : "，" + word;
    if ((a.blank && a.cell) || (b.blank && b.cell)) msg += "（空白按 0 计）";
    msg += doubtNote(severity, doubt);
    const anchor = a.cell || b.cell;
    rec.finding = this.add(
      {
        rule,
        severity,
        table: a.table.id,
        sheet: anchor ? anchor.sheet : a.table.sheet,
        cell: a.cell ? a.cell.addr : null,
        related: this.ref(b),
        expected: plain(b.value),
        actual: plain(a.value),
        difference: plain(d),
        tolerance: plain(unit),
        message: msg,
        cause: null,
      },
      { rule, table: a.table.id, diff: d },
    );
  }

  /** part ≤ whole (RULES.md §2): violated within one display unit is a warning, beyond it the rule's severity. */
  le(rule: string, sev: RuleSeverity, where: string, part: Operand | null, whole: Operand | null): void {
    if (!part || !whole) return;
    const rec: CheckRecord = { kind: "le", rule, ops: [part, whole], finding: null };
    this.log.push(rec);
    if (part.units !== null && whole.units !== null && part.units <= whole.units) {
      this.count(part.table.id, true);
      return;
    }
    const { difference: d, unit, verdict } = judgeLe(part, whole);
    if (verdict === "exact") {
      this.count(part.table.id, true);
      return;
    }
    this.count(part.table.id, false);
    const close = verdict === "close";
    const doubt = doubtOf([part, whole]);
    const severity: Severity = close ? "warning" : capped(sev === "error" ? "error" : "warning", doubt);
    const msg = where + "：" + part.label + " " + money(part.value, part.dp) + " 不应大于 " + whole.label + " " + money(whole.value, whole.dp) + "，超出 " + money(d, Math.max(part.dp, whole.dp)) + (close ? "，仅差一个尾数单位，请核实" : severity === "error" ? "，不符" : "，请核实") + doubtNote(severity, doubt);
    rec.finding = this.add(
      {
        rule,
        severity,
        table: part.table.id,
        sheet: part.cell ? part.cell.sheet : part.table.sheet,
        cell: part.cell ? part.cell.addr : null,
        related: this.ref(whole),
        expected: plain(whole.value),
        actual: plain(part.value),
        difference: plain(d),
        tolerance: plain(unit),
        message: msg,
        cause: null,
      },
      { rule, table: part.table.id, diff: d },
    );
  }

  /** A finding that is not a comparison of two figures (hints, structure, presentation). */
  note(rule: string, severity: Severity, t: TableModel | null, cell: TCell | { sheet: string; addr: string } | null, message: string, extra: Partial<Finding> = {}): void {
    this.add(bareFinding(rule, severity, t ? t.id : null, cell ? cell.sheet : t ? t.sheet : "", cell ? cell.addr : null, message, extra), { rule, table: t ? t.id : undefined });
  }

  /**
   * Rules that are not comparisons (hints, structure, presentation) count one check each: `pass` when they find
   * nothing, `fail` when they report (T03.6, X.13, S.8 …), so a table's 有结果 includes them.
   */
  pass(table: string | null = null): void {
    this.count(table, true);
  }

  fail(table: string | null = null): void {
    this.count(table, false);
  }
}
