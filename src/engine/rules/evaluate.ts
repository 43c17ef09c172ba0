/** Evaluators for the shapes of the catalogue: each reads its cells and hands the comparison to the Context. */
import { tableSpec, TableKind } from "../layouts";
import { templateFor } from "../templates";
import { childRows, columnName, rowByKey, rowTitle, TableModel, TCell, TRow } from "../model";
import { TableId } from "../types";
import { Condition, Ref, RuleSpec } from "./catalogue";
import { Decimal } from "../decimal";
import { Context, Operand } from "./context";
import { absentCell, cellsOf, colName, firstGap, firstUnreadable, Gap, hasColumn, isGap, missingColumn, missingRow, missingTable, readCell, rowName, skip, unreadable } from "./gaps";
import { dict } from "../dict";
import { brokenParents } from "./hierarchy";

/** The table's kind in the pack it was read with (summary = lines by label, 公开01/04; basic = 公开06; sangong = 公开09). */
function kindOf(t: TableModel): TableKind {
  return tableSpec(t.id, t.pack || templateFor()).kind;
}

function isSummary(t: TableModel): boolean {
  return kindOf(t) === "summary";
}

/** How a row is named when the table is not obvious from context. */
function label(t: TableModel, row: TRow | undefined, col: string, withTable: boolean): string {
  let s: string;
  const kind = kindOf(t);
  if (kind === "sangong") s = columnName(t, col);
  else if (kind === "basic") s = row ? rowTitle(row) : "";
  else if (isSummary(t)) s = row ? row.label.replace(/^[一二三四五六七八九十]+、/, "") + (t.id === "公开04" && row.side === "expense" ? "（" + columnName(t, col).replace(/^支出/, "") + "）" : "") : "";
  else s = (row ? rowTitle(row) + " " : "") + columnName(t, col);
  return withTable ? t.id + " " + s : s;
}

/** The operand of a fixed cell, or why it cannot be read (RULES.md §0.3: an absent operand is never 0). */
function operand(ctx: Context, ref: Ref, withTable: boolean): Operand | Gap {
  const t = ctx.table(ref.t);
  if (!t) return missingTable(ref.t);
  const row = rowByKey(t, ref.row);
  if (!row && t.emptyStatement && !t.rows.length) return emptyZero(ctx, t, ref);
  if (!row) return missingRow(ctx.template, ref.t, ref.row);
  const cell = row.cells[ref.col];
  if (!cell) return row.absent && row.absent[ref.col] ? absentCell(ref.t, row, ref.col) : missingColumn(ctx.template, t, ref.t, ref.col);
  // the label is worded only when a finding needs it (most checks pass)
  const o = ctx.cellOperand(t, cell, () => label(t, row, ref.col, withTable), row, ref.col);
  if (!o) return unreadable(ref.t, cell);
  return ref.neg ? o.negated() : o;
}

/**
 * A table printed without any amount row under a sentence that says it has no data (RULES.md §8.1 item 4): its
 * figures are read as 0 from that sentence, not from cells, so as an inference (at most a 疑点 when the other
 * table shows an amount).
 */
function emptyZero(ctx: Context, t: TableModel, ref: Ref): Operand {
  const o = ctx.operand(t, undefined, t.id + " " + rowName(ctx.template, ref.t, ref.row) + " " + colName(ctx.template, t, ref.t, ref.col) + "（表内注明无数据，按 0 计）") as Operand;
  o.uncertain = t.id + " 未列金额行，表内注明“" + (t.emptyStatement as string).slice(0, 30) + "”";
  return ref.neg ? o.negated() : o;
}



function classCodes(t: TableModel): string[] {
  const out: string[] = [];
  const summary = isSummary(t);
  for (const r of t.rows) {
    if (summary && r.key.charAt(0) === "C") out.push(r.key.slice(1));
    else if (!summary && r.level === 1 && r.code) out.push(r.code);
  }
  return out;
}


function anyTableLabel(a: TableId, b: TableId): boolean {
  return a !== b;
}

/**
 * Whether a condition on 公开01 holds (its lines: the template pack's `conditions`, all 0); a gap when it cannot be told (公开01, a line or a readable figure absent).
 * Blank counts as 0 (a present cell), text never.
 */
function holds(ctx: Context, c: Condition): boolean | Gap {
  const t1 = ctx.table("公开01");
  if (!t1) return missingTable("公开01");
  for (const [k, col] of ctx.template.conditions[c]) {
    const row = rowByKey(t1, k);
    if (!row) return missingRow(ctx.template, "公开01", k);
    const cell = row.cells[col];
    if (!cell) return missingColumn(ctx.template, t1, "公开01", col);
    if (cell.state === "text" || cell.state === "error") return unreadable("公开01", cell);
    if (cell.state === "number" && !(cell.value as Decimal).isZero()) return false;
  }
  return true;
}

/** Rules written for one of 公开08's two forms apply only to that form. */
function variantApplies(ctx: Context, spec: RuleSpec): boolean {
  if (!("variant" in spec) || !spec.variant) return true;
  const t = ctx.table("公开08");
  // Without 公开08 its rules are reported 未审核 once, under the plain form.
  return t ? (t.variant || "plain") === spec.variant : spec.variant === "plain";
}

function what(spec: RuleSpec): string {
  return spec.title;
}

export function evaluate(ctx: Context, spec: RuleSpec): void {
  if (!variantApplies(ctx, spec)) return;
  switch (spec.kind) {
    case "sum": {
      const total = operand(ctx, spec.total, false);
      const parts = spec.parts.map((p) => operand(ctx, p, false));
      const gap = firstGap([total].concat(parts));
      if (gap) return skip(ctx, spec.id, spec.total.t, gap, what(spec), cellsOf([total].concat(parts)));
      ctx.sum(spec.id, spec.sev, () => spec.total.t + " " + spec.title.split(" = ")[0], total as Operand, parts as Operand[]);
      return;
    }
    case "rowSum":
      return rowSum(ctx, spec);
    case "tree":
      return tree(ctx, spec);
    case "classLines":
    case "itemLines":
      return lines(ctx, spec);
    case "same": {
      const cross = spec.b.some((b) => anyTableLabel(spec.a.t, b.t));
      const a = operand(ctx, spec.a, cross);
      const bs = spec.b.map((b) => operand(ctx, b, cross));
      const gap = firstGap([a].concat(bs));
      if (gap) return skip(ctx, spec.id, spec.a.t, gap, what(spec), cellsOf([a].concat(bs)));
      const where = cross ? "跨表核对" : spec.a.t;
      if (bs.length === 1) ctx.same(spec.id, spec.sev, where, a as Operand, bs[0] as Operand);
      else ctx.sum(spec.id, spec.sev, where, a as Operand, bs as Operand[]);
      return;
    }
    case "le": {
      const part = operand(ctx, spec.part, true);
      const whole = operand(ctx, spec.whole, true);
      const gap = firstGap([part, whole]);
      if (gap) return skip(ctx, spec.id, spec.part.t, gap, what(spec), cellsOf([part, whole]));
      ctx.le(spec.id, spec.sev, "跨表核对", part as Operand, whole as Operand);
      return;
    }
    case "perClass":
      return perClass(ctx, spec);
    case "perCode":
      return perCode(ctx, spec);
  }
}

type RowSum = Extract<RuleSpec, { kind: "rowSum" }>;
type PerClass = Extract<RuleSpec, { kind: "perClass" }>;
type PerCode = Extract<RuleSpec, { kind: "perCode" }>;

/** Per row: total 栏 = Σ part 栏; a part written "-c3" is subtracted (年末 = 年初 + 收入 − 支出). */
function rowSum(ctx: Context, spec: RowSum): void {
  const t = ctx.table(spec.t);
  if (!t) return skip(ctx, spec.id, spec.t, missingTable(spec.t), what(spec));
  // the parts' keys and signs, parsed once per rule rather than once per row (this loop runs over every row)
  // (their 栏 names too: the labels of the operands, the same for every row)
  const parts = spec.parts.map((c) => {
    const key = c.replace(/^-/, "");
    return { key, neg: c.charAt(0) === "-", name: columnName(t, key) };
  });
  const totalName = columnName(t, spec.total);
  const absent = [spec.total].concat(parts.map((p) => p.key)).filter((k) => !hasColumn(t, k));
  if (absent.length) return skip(ctx, spec.id, t.id, missingColumn(ctx.template, t, t.id, absent[0]), what(spec));
  const diffs = ((ctx.rowDiffs[spec.id] = ctx.rowDiffs[spec.id] || {})[t.id] = dict<Decimal>());
  for (const row of t.rows) {
    // A total the row does not print (a header over the 合计 row) is never 0: not checked.
    if (row.absent && row.absent[spec.total]) {
      skip(ctx, spec.id, t.id, absentCell(t.id, row, spec.total), t.id + " " + rowTitle(row) + "：" + spec.title);
      continue;
    }
    // A row without the total 栏 is on the other side of 公开04: the identity does not apply to it.
    const totalCell = row.cells[spec.total];
    if (!totalCell) continue;
    // A part absent from the row (a header over the 合计 row, RULES.md §8.1 items 1/7) is never 0: not checked.
    const gone = row.absent ? absentPart(row.absent, parts) : undefined;
    if (gone) {
      skip(ctx, spec.id, t.id, absentCell(t.id, row, gone.key), t.id + " " + rowTitle(row) + "：" + spec.title);
      continue;
    }
    // The parts the row has, in order (an operand that is not an amount is reported as it is read, then 未审核).
    const ops: (Operand | null)[] = [];
    let unread = false;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      const cell = row.cells[p.key];
      if (!cell) continue;
      const o = ctx.cellOperand(t, cell, p.name, row, p.key);
      if (!o) unread = true;
      ops.push(o && p.neg ? o.negated() : o);
    }
    if (!ops.length) continue;
    const total = ctx.cellOperand(t, totalCell, totalName, row, spec.total);
    if (!total || unread) {
      const cells: TCell[] = [totalCell];
      for (const p of parts) if (row.cells[p.key]) cells.push(row.cells[p.key]);
      skip(ctx, spec.id, t.id, firstUnreadable(t.id, cells) as Gap, t.id + " " + rowTitle(row) + "：" + spec.title);
      continue;
    }
    const d = ctx.sum(spec.id, spec.sev, () => t.id + " " + rowTitle(row), total, ops, { rowKey: row.key });
    if (d) diffs[row.key] = d;
  }
}

function absentPart<P extends { key: string }>(absent: { [col: string]: string }, parts: P[]): P | undefined {
  for (let i = 0; i < parts.length; i++) if (absent[parts[i].key]) return parts[i];
  return undefined;
}

type Tree = Extract<RuleSpec, { kind: "tree" }>;

/** Where a tree identity's 未审核 entry is (worded only for one: most cells are checked). */
function treeWhere(t: TableModel, parent: TRow, c: { name: string }, spec: Tree): string {
  return t.id + " " + rowTitle(parent) + " " + c.name + "栏：" + spec.title;
}

/** 合计 = Σ类, 类 = Σ款, 款 = Σ项 in every 栏 (spec.level: the parents' level). */
function tree(ctx: Context, spec: Tree): void {
  const t = ctx.table(spec.t);
  if (!t) return skip(ctx, spec.id, spec.t, missingTable(spec.t), what(spec));
  const parents = t.rows.filter((r) => r.level === spec.level);
  if (spec.level === 0 && !parents.length && t.rows.some((r) => r.level === 1)) skip(ctx, spec.id, t.id, missingRow(ctx.template, t.id, "合计"), what(spec));
  for (const parent of parents) {
    const kids = childRows(t, parent);
    if (!kids.length) continue;
    const hole = brokenParents(t)[parent.level === 0 ? "合计" : parent.code || parent.key];
    if (hole) {
      const code = (hole.code as string).slice(0, (parent.level === 0 ? 1 : (parent.code as string).length) + 2);
      skip(ctx, spec.id, t.id, { reason: "缺行", detail: t.id + " 列有 " + rowTitle(hole) + "，但未列示其上级科目 " + code, key: "缺行|" + t.id + "|" + parent.key }, t.id + " " + rowTitle(parent) + "：" + spec.title);
      continue;
    }
    const parentTitle = () => rowTitle(parent);
    for (const c of t.columns) {
      if (parent.absent && parent.absent[c.key]) skip(ctx, spec.id, t.id, absentCell(t.id, parent, c.key), treeWhere(t, parent, c, spec));
      if (!parent.cells[c.key]) continue;
      let lacking: TRow | undefined;
      for (let i = 0; i < kids.length && !lacking; i++) if (!kids[i].cells[c.key]) lacking = kids[i];
      if (lacking) {
        skip(ctx, spec.id, t.id, { reason: "缺栏", detail: t.id + " " + rowTitle(lacking) + " 没有“" + c.name + "”栏的数", key: "缺栏|" + t.id + "|" + lacking.key + "|" + c.key }, treeWhere(t, parent, c, spec));
        continue;
      }
      const total = ctx.cellOperand(t, parent.cells[c.key], parentTitle, parent, c.key);
      const parts: (Operand | null)[] = [];
      let unread = false;
      for (let i = 0; i < kids.length; i++) {
        const k = kids[i];
        const o = ctx.cellOperand(t, k.cells[c.key], k.code || k.label, k, c.key);
        if (!o) unread = true;
        parts.push(o);
      }
      if (!total || unread) {
        skip(ctx, spec.id, t.id, firstUnreadable(t.id, [parent.cells[c.key]].concat(kids.map((k) => k.cells[c.key]))) as Gap, treeWhere(t, parent, c, spec));
        continue;
      }
      ctx.sum(spec.id, spec.sev, () => t.id + " " + c.name + "栏", total, parts as Operand[], { rowKey: parent.key });
    }
  }
}

type Lines = Extract<RuleSpec, { kind: "classLines" | "itemLines" }>;

/** 公开01/04: a total line = Σ its 类 lines (classLines) or Σ its income item lines (itemLines). */
function lines(ctx: Context, spec: Lines): void {
  const t = ctx.table(spec.t);
  if (!t) return skip(ctx, spec.id, spec.t, missingTable(spec.t), what(spec));
  const totalRow = rowByKey(t, spec.total);
  if (!totalRow) return skip(ctx, spec.id, t.id, missingRow(ctx.template, t.id, spec.total), what(spec));
  const lines = spec.t === "公开01" ? ctx.template.t01Lines : ctx.template.t04Lines;
  const itemKeys = lines.filter((l) => l.item).map((l) => l.key);
  const partsRows = spec.kind === "classLines" ? t.rows.filter((r) => r.key.charAt(0) === "C") : t.rows.filter((r) => itemKeys.indexOf(r.key) >= 0);
  const cols = spec.kind === "classLines" ? spec.cols : [spec.col];
  for (const c of cols) {
    // the total's label and the 未审核 wording are worded only when a finding or an entry needs them
    const totalLabel = () => label(t, totalRow, c, false);
    const where = () => t.id + " " + totalLabel() + "：" + spec.title;
    if (!totalRow.cells[c]) {
      skip(ctx, spec.id, t.id, totalRow.absent && totalRow.absent[c] ? absentCell(t.id, totalRow, c) : missingColumn(ctx.template, t, t.id, c), where());
      continue;
    }
    const total = ctx.cellOperand(t, totalRow.cells[c], totalLabel, totalRow, c);
    const rows = partsRows.filter((r) => r.cells[c]);
    const parts = rows.map((r) => ctx.cellOperand(t, r.cells[c], () => label(t, r, c, false), r, c));
    if (!total || parts.some((p) => !p)) {
      skip(ctx, spec.id, t.id, firstUnreadable(t.id, [totalRow.cells[c]].concat(rows.map((r) => r.cells[c]))) as Gap, where());
      continue;
    }
    // No part line found at all: the total cannot be compared with anything (never with 0).
    if (!rows.length && !total.value.isZero()) {
      skip(ctx, spec.id, t.id, { reason: "缺行", detail: t.id + " 未找到" + (spec.kind === "classLines" ? "类级支出行" : "各项收入行"), key: "缺行|" + t.id + "|" + spec.kind }, where(), cellsOf([total]));
      continue;
    }
    ctx.sum(spec.id, spec.sev, () => t.id + " " + spec.title.split(" = ")[0], total, parts as Operand[]);
  }
}

/** Both tables and their 栏 must be there; otherwise one 未审核 entry for the rule. */
function tablesOf(ctx: Context, spec: RuleSpec, a: TableId, ca: string | null, b: TableId, cb: string | null): [TableModel, TableModel] | null {
  const ta = ctx.table(a);
  const tb = ctx.table(b);
  const gap = !ta ? missingTable(a) : !tb ? missingTable(b) : ca && !hasColumn(ta, ca) ? missingColumn(ctx.template, ta, a, ca) : cb && !hasColumn(tb, cb) ? missingColumn(ctx.template, tb, b, cb) : null;
  if (gap) {
    skip(ctx, spec.id, a, gap, spec.title);
    return null;
  }
  return [ta as TableModel, tb as TableModel];
}

function perClass(ctx: Context, spec: PerClass): void {
  const both = tablesOf(ctx, spec, spec.a.t, spec.a.col, spec.b.t, spec.b.col);
  if (!both) return;
  const [ta, tb] = both;
  const codes = classCodes(ta);
  for (const c of classCodes(tb)) if (codes.indexOf(c) < 0) codes.push(c);
  const pa = isSummary(ta) ? "C" : "";
  const pb = isSummary(tb) ? "C" : "";
  for (const code of codes) {
    // a summary table keys its class lines "C" + code (公开01/04), a coded table by the code itself
    const ra = rowByKey(ta, pa + code);
    const rb = rowByKey(tb, pb + code);
    // the class's name for a message, worded only when one is written (most classes pass)
    const name = () => code + " " + ((ra && ra.label) || (rb && rb.label) || "").replace(/^[一二三四五六七八九十]+、/, "");
    // A 类 that one table does not list is read as 0, as an inference (at most a 疑点, RULES.md §0.3).
    const oa = ra ? readCell(ctx, ta, ra, spec.a.col, () => ta.id + " " + name() + " " + columnName(ta, spec.a.col)) : (ctx.operand(ta, undefined, () => ta.id + " 未列示 " + code + " 类（按 0 计）") as Operand);
    const ob = rb ? readCell(ctx, tb, rb, spec.b.col, () => tb.id + " " + name() + (isSummary(tb) ? "" : " " + columnName(tb, spec.b.col))) : (ctx.operand(tb, undefined, () => tb.id + " 未列示 " + code + " 类（按 0 计）") as Operand);
    const gap = firstGap([oa, ob]);
    if (gap) {
      skip(ctx, spec.id, ta.id, gap, name() + "：" + spec.title);
      continue;
    }
    if (isGap(oa) || isGap(ob)) continue;
    if (!ra && ob.value.isZero()) continue;
    if (spec.op === "same") ctx.same(spec.id, spec.sev, "跨表核对", oa, ob);
    else ctx.le(spec.id, spec.sev, "跨表核对", oa, ob);
  }
}

function perCode(ctx: Context, spec: PerCode): void {
  const both = tablesOf(ctx, spec, spec.a, null, spec.b, null);
  if (!both) return;
  const [ta, tb] = both;
  if (spec.when) {
    const h = holds(ctx, spec.when);
    if (isGap(h)) return skip(ctx, spec.id, ta.id, h, spec.title + "（无法判断本规则是否适用）");
    // The condition does not hold: the rule does not apply (not a check).
    if (!h) return;
  }
  // An undecidable tightening keeps the weaker comparison.
  const eq = spec.equalWhen ? holds(ctx, spec.equalWhen) : false;
  const op = eq === true ? "same" : spec.op;
  for (const [ca, cb] of spec.cols) {
    const gap = !hasColumn(ta, ca) ? missingColumn(ctx.template, ta, ta.id, ca) : !hasColumn(tb, cb) ? missingColumn(ctx.template, tb, tb.id, cb) : null;
    if (gap) skip(ctx, spec.id, ta.id, gap, spec.title);
  }
  // A 合计 is never read as 0: if one table lists it and the other does not, that comparison is 未审核.
  if (!!rowByKey(ta, "合计") !== !!rowByKey(tb, "合计")) skip(ctx, spec.id, ta.id, missingRow(ctx.template, rowByKey(ta, "合计") ? tb.id : ta.id, "合计"), "合计：" + spec.title);
  for (const ra of ta.rows) {
    const rb = rowByKey(tb, ra.key);
    if (!rb && ra.key === "合计") continue;
    // indexed, not `for (const [ca, cb] of …)`: destructuring runs the iterator protocol, per row and pair
    for (let i = 0; i < spec.cols.length; i++) {
      const ca = spec.cols[i][0];
      const cb = spec.cols[i][1];
      // A cell the row does not print (header over a 合计 row) is never 0: that comparison is 未审核.
      const gone = ra.absent && ra.absent[ca] ? absentCell(ta.id, ra, ca) : rb && rb.absent && rb.absent[cb] ? absentCell(tb.id, rb, cb) : null;
      if (gone) {
        skip(ctx, spec.id, ta.id, gone, rowTitle(ra) + "：" + spec.title);
        continue;
      }
      if (!ra.cells[ca] || !hasColumn(tb, cb) || (rb && !rb.cells[cb])) continue;
      const oa = ctx.cellOperand(ta, ra.cells[ca], () => ta.id + " " + rowTitle(ra) + " " + columnName(ta, ca), ra, ca);
      // A code that table b does not list is read as 0, as an inference (at most a 疑点).
      const ob = rb ? ctx.cellOperand(tb, rb.cells[cb], () => tb.id + " " + rowTitle(rb) + " " + columnName(tb, cb), rb, cb) : ctx.operand(tb, undefined, () => tb.id + " 未列示 " + ra.key + "（按 0 计）");
      if (!oa || !ob) {
        const gap = firstUnreadable(ta.id, [ra.cells[ca]]) || (rb && firstUnreadable(tb.id, [rb.cells[cb]]));
        if (gap) skip(ctx, spec.id, ta.id, gap, rowTitle(ra) + "：" + spec.title);
        continue;
      }
      if (op === "same") ctx.same(spec.id, spec.sev, "跨表核对", oa, ob);
      else ctx.le(spec.id, spec.sev, "跨表核对", oa, ob);
    }
  }
}
