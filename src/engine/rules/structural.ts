/**
 * Rules that are not one identity of fixed shape: 公开06's lanes, code structure, usage hints, empty tables,
 * padding rows, signs and the consistency of the tables' heads. Ids follow RULES.md §1. Layout facts (which tables
 * are coded, the lanes of 公开06, the 公开09 blocks, the X.13 pairs) come from the template pack (ctx.template).
 */
import { Decimal, ZERO } from "../decimal";
import { money } from "../messages";
import { childRows, columnName, rowByKey, rowTitle, TableModel, TRow } from "../model";
import { sangongKey, specOf } from "../templates";
import { TableId } from "../types";
import { Context, Operand } from "./context";
import { firstGap, missingRow, missingTable, readCell, skip } from "./gaps";
import { dict } from "../dict";

/** T06.1–T06.4 and T06.6. */
export function basicRules(ctx: Context): void {
  const t = ctx.table("公开06");
  if (!t) {
    for (const [rule, what] of [["T06.1", "类 = 所属各款之和"], ["T06.2", "人员经费合计 = 各类之和"], ["T06.3", "公用经费合计 = 各类之和"], ["T06.4", "人员经费、公用经费合计 = 各款之和"]]) skip(ctx, rule, "公开06", missingTable("公开06"), what);
    return;
  }
  const classes = t.rows.filter((r) => r.level === 1);
  // A 款 whose 类 is not listed: sums by 类 would miss it (未审核, never a false 不符).
  const orphans = t.rows.filter((r) => r.level === 2 && r.code && !rowByKey(t, r.code.slice(0, 3)));
  for (const cls of classes) {
    const kids = childRows(t, cls);
    if (!kids.length) continue;
    const total = readCell(ctx, t, cls, "amt", "类级数");
    const parts = kids.map((k) => readCell(ctx, t, k, "amt", rowTitle(k)));
    const gap = firstGap([total].concat(parts));
    if (gap) skip(ctx, "T06.1", "公开06", gap, "公开06 " + rowTitle(cls) + "：类 = 所属各款之和");
    else ctx.sum("T06.1", "error", "公开06 " + rowTitle(cls), total as Operand, parts as Operand[], { rowKey: cls.key, lane: cls.lane });
  }
  for (const { key, lane, name } of ctx.template.basicTotals) {
    const byClass = lane === "personnel" ? "T06.2" : "T06.3";
    const tot = rowByKey(t, key);
    const inLane = (r: TRow) => r.lane === lane;
    const leaves = t.rows.filter((r) => r.level === 2 && inLane(r));
    if (!tot) {
      skip(ctx, byClass, "公开06", missingRow(ctx.template, "公开06", key), name + " = 各类之和");
      if (leaves.length) skip(ctx, "T06.4", "公开06", missingRow(ctx.template, "公开06", key), name + " = 各款之和");
      continue;
    }
    const cls = classes.filter(inLane);
    const total = readCell(ctx, t, tot, "amt", name);
    const parts = cls.map((k) => readCell(ctx, t, k, "amt", rowTitle(k)));
    const lost = orphans.filter(inLane)[0];
    const gap = firstGap([total].concat(parts));
    if (gap) skip(ctx, byClass, "公开06", gap, name + " = 各类之和");
    else if (lost) skip(ctx, byClass, "公开06", { reason: "缺行", detail: "公开06 列有 " + rowTitle(lost) + "，但未列示其所属的类 " + (lost.code as string).slice(0, 3), key: "缺行|" + key }, name + " = 各类之和");
    else if (!cls.length && !(total as Operand).value.isZero()) skip(ctx, byClass, "公开06", { reason: "缺行", detail: "公开06 未找到" + name.replace("合计", "") + "的类级行", key: "缺行|" + key }, name + " = 各类之和");
    else ctx.sum(byClass, "error", "公开06 " + name + "（按类）", total as Operand, parts as Operand[], { rowKey: key, lane });
    if (!leaves.length) continue;
    const kids = leaves.map((k) => readCell(ctx, t, k, "amt", k.code as string));
    const gap4 = firstGap([total].concat(kids));
    if (gap4) skip(ctx, "T06.4", "公开06", gap4, name + " = 各款之和");
    else ctx.sum("T06.4", "error", "公开06 " + name + "（按款）", readCell(ctx, t, tot, "amt", name) as Operand, kids as Operand[], { rowKey: key, lane });
  }
  for (const r of t.rows) {
    if (!r.code) continue;
    const personnel = ctx.template.personnelClasses.indexOf(r.code.slice(0, 3)) >= 0;
    if ((r.lane === "personnel") !== personnel) {
      const cell = r.cells.amt;
      ctx.note("T06.6", "error", t, cell, "公开06 " + rowTitle(r) + " 放在了“" + (r.lane === "personnel" ? "人员经费" : "公用经费") + "”栏，应属“" + (personnel ? "人员经费" : "公用经费") + "”");
      ctx.fail(t.id);
    } else ctx.pass(t.id);
  }
}


/** The structure rule (parents present) of each coded table: RULES.md T02.5, T03.5 and T05.5 (T03.2–T03.5, T05.2–5), and the hierarchy rules T07.3, T08.1. */
const STRUCTURE_RULE: { [id: string]: string } = { 公开02: "T02.5", 公开03: "T03.5", 公开05: "T05.5", 公开07: "T07.3", 公开08: "T08.1" };

/**
 * T02.5/T03.5/T05.5 structure (parents present), T02.7 depth, T03.6/T05.6 行政运行 hint, T07.4/T08.2 empty tables.
 * Disclosure depth is RULES.md T02.7 ([S11]: 功能分类 down to 项级) for every coded table: RULES.md gives it no
 * other id, and the former "T03.5"/"T05.5" for depth collided with the structure rules (issue 9 found T07.5/T08.5).
 */
export function codedRules(ctx: Context): void {
  const coded = ctx.template.tables.filter((s) => s.kind === "coded").map((s) => s.id);
  for (const id of coded) {
    const t = ctx.table(id);
    const rule = STRUCTURE_RULE[id];
    if (!t) {
      skip(ctx, rule, id, missingTable(id), "类、款、项是否完整");
      continue;
    }
    const keys = dict<boolean>();
    for (const r of t.rows) keys[r.key] = true;
    for (const r of t.rows) {
      if (!r.code || r.code.length === 3) continue;
      const parent = r.code.slice(0, r.code.length - 2);
      if (!keys[parent]) {
        const cell = r.cells.c1 || r.cells[Object.keys(r.cells)[0]];
        ctx.note(rule, "error", t, cell ? { sheet: t.sheet, addr: cell.addr } : null, id + " 科目 " + rowTitle(r) + " 缺少上级科目 " + parent + "，类、款、项不完整");
        ctx.fail(t.id);
      } else ctx.pass(t.id);
    }
    // 行政运行 carries only 基本支出 (RULES.md T03.6, [S10]).
    if (id === "公开03" || id === "公开05") {
      for (const r of t.rows) {
        if (r.level !== 3 || ctx.template.basicOnlyItems.indexOf(r.label.replace(/\s/g, "")) < 0 || !r.cells.c3) continue;
        const c = r.cells.c3;
        if (c.state === "number" && c.value && !c.value.isZero()) {
          ctx.note(id === "公开03" ? "T03.6" : "T05.6", "warning", t, c, id + " " + rowTitle(r) + " 列有项目支出 " + money(c.value, c.dp) + "：“" + r.label + "”科目一般只反映基本支出，项目支出通常应列“一般行政管理事务”等科目，请核实", { actual: c.value.toFixed() });
          ctx.fail(t.id);
        } else ctx.pass(t.id);
      }
    }
    // Empty table: a statement must say so (RULES.md T07.4, T08.2) where the template lets it be printed empty.
    if (specOf(ctx.template, id).mayBeEmpty) {
      let anyAmount = false;
      let blankTotal = false;
      for (const r of t.rows)
        for (const k in r.cells) {
          const c = r.cells[k];
          if (c.state === "number" && c.value && !c.value.isZero()) anyAmount = true;
          if (r.key === "合计" && c.state === "blank") blankTotal = true;
        }
      if (!anyAmount) {
        const stated = t.notes.some((n) => /无数据|空表|没有|无此类|未发生/.test(n));
        if (stated) ctx.pass(t.id);
        else {
          ctx.fail(t.id);
          ctx.note(id === "公开07" ? "T07.4" : "T08.2", "error", t, null, id + " 没有数据，但表下没有“本单位没有……故本表无数据”之类的说明");
        }
        const total = rowByKey(t, "合计");
        if (blankTotal && total && printsZeros(ctx)) ctx.note(id === "公开07" ? "T07.4" : "T08.2", "info", t, { sheet: t.sheet, addr: (total.cells.c1 || total.cells[Object.keys(total.cells)[0]]).addr }, id + " 合计行留空，未填 0.00（其他空表填 0.00），建议统一");
      }
    }
    // Disclosure depth: amounts shown only at 类/款 level (T02.7).
    for (const r of t.rows) {
      if (!r.code || r.level === 3) continue;
      // a row with children is detailed further: its amounts are not looked at
      if (childRows(t, r).length > 0) continue;
      const nonzero = Object.keys(r.cells).some((k) => r.cells[k].value && !r.cells[k].value!.isZero());
      if (nonzero) ctx.note("T02.7", "warning", t, { sheet: t.sheet, addr: r.cells[Object.keys(r.cells)[0]].addr }, id + " " + rowTitle(r) + " 有金额但未细化到项级科目");
    }
  }
}

/** Whether some table prints its zeros as 0.00 (then a blank 合计 elsewhere is an inconsistency, RULES.md H4). */
function printsZeros(ctx: Context): boolean {
  for (const id of ["公开01", "公开02", "公开03", "公开04", "公开05", "公开06", "公开08", "公开09"] as TableId[]) {
    const t = ctx.table(id);
    if (t) for (const r of t.rows) for (const k in r.cells) if (r.cells[k].state === "number" && r.cells[k].value!.isZero()) return true;
  }
  return false;
}

/** T01.6 / T04.9 padding rows, T01.7 signs, T09.7 决算 > 预算. */
export function summaryRules(ctx: Context): void {
  for (const id of ["公开01", "公开04"] as TableId[]) {
    const t = ctx.table(id);
    if (!t) continue;
    for (const r of t.rows) {
      if (r.key.indexOf("PAD") === 0) {
        for (const k in r.cells) {
          const c = r.cells[k];
          if (c.state !== "blank") ctx.note(id === "公开01" ? "T01.6" : "T04.9", "warning", t, c, id + " 第 " + (r.row + 1) + " 行没有项目名称却填有“" + c.text + "”，该数未计入任何合计");
        }
        continue;
      }
      if (id !== "公开01") continue;
      for (const k in r.cells) {
        const c = r.cells[k];
        // isNeg and not zero is lt(0) without a Decimal made for the 0 at every cell (−0 is not below 0)
        if (c.state === "number" && c.value && c.value.isNeg() && !c.value.isZero()) ctx.note("T01.7", "warning", t, c, "公开01 " + r.label + " 为负数 " + money(c.value, c.dp) + "，请核实并在说明中解释");
      }
    }
  }
  const t9 = ctx.table("公开09");
  const row = t9 && rowByKey(t9, "row");
  if (!t9) skip(ctx, "T09.7", "公开09", missingTable("公开09"), "决算数是否超过预算数");
  if (t9 && row) {
    for (const it of ctx.template.sangongItems) {
      const bk = sangongKey(ctx.template, it.offset, false);
      const ak = sangongKey(ctx.template, it.offset, true);
      const b = row.cells[bk];
      const a = row.cells[ak];
      if (!a || !b || a.state !== "number" || !a.value) continue;
      const budget = b.state === "number" && b.value ? b.value : ZERO;
      if (a.value.gt(budget)) {
        ctx.fail(t9.id);
        ctx.note("T09.7", "warning", t9, a, "公开09 " + columnName(t9, ak) + " " + money(a.value, a.dp) + " 大于" + columnName(t9, bk) + " " + money(budget, b.dp) + "，需在情况说明中解释原因");
      }
      else ctx.pass(t9.id);
    }
  }
}

/** X.25 every table's head names the same year and department; S.5 one unit throughout. */
export function headRules(ctx: Context, tables: TableModel[]): void {
  const years = dict<string[]>();
  const depts = dict<string[]>();
  const units = dict<string[]>();
  for (const t of tables) {
    if (t.year) (years[t.year] = years[t.year] || []).push(t.id);
    if (t.department) (depts[t.department] = depts[t.department] || []).push(t.id);
    (units[t.unit] = units[t.unit] || []).push(t.id);
  }
  const describe = (m: { [k: string]: string[] }) => Object.keys(m).map((k) => k + "（" + m[k].join("、") + "）").join("；");
  if (Object.keys(years).length > 1) {
    ctx.fail(null);
    ctx.note("X.25", "warning", null, null, "各表表头的年度不一致：" + describe(years));
  }
  else ctx.pass();
  if (Object.keys(depts).length > 1) {
    ctx.fail(null);
    ctx.note("X.25", "warning", null, null, "各表表头的单位名称不一致：" + describe(depts));
  }
  else ctx.pass();
  if (Object.keys(units).length > 1) ctx.note("S.5", "warning", null, null, "各表金额单位不一致：" + describe(units) + "；跨表核对按各表显示的数字直接比较，请统一单位");
}


/**
 * X.13 (hint): 基本支出 by function vs by economic class, over the pairs of the template pack. One 项 can hold
 * several 款, so these are not strict identities (RULES.md X.13): a mismatch is a 疑点.
 */
export function functionEconomicHints(ctx: Context): void {
  const t5 = ctx.table("公开05");
  const t6 = ctx.table("公开06");
  if (!t5 || !t6) return skip(ctx, "X.13", "公开05", missingTable(t5 ? "公开06" : "公开05"), "公开05 基本支出与公开06 经济分类的对应科目");
  const amount = (t: TableModel, keys: string[], col: string) => {
    let sum = ZERO;
    let any = false;
    const cells: string[] = [];
    for (const k of keys) {
      const r = rowByKey(t, k);
      const c = r && r.cells[col];
      if (!c) continue;
      any = true;
      cells.push("'" + c.sheet + "'!" + c.addr);
      if (c.state === "number" && c.value) sum = sum.plus(c.value);
    }
    return { any, sum, cells };
  };
  for (const { functions: fn, economic: econ } of ctx.template.functionEconomicPairs) {
    const a = amount(t5, fn, "c2");
    const b = amount(t6, econ, "amt");
    if (!a.any || !b.any) continue;
    if (a.sum.equals(b.sum)) ctx.pass(t5.id);
    else {
      ctx.fail(t5.id);
      const r = rowByKey(t5, fn[0]) || rowByKey(t5, fn[1] || "");
      ctx.note("X.13", "warning", t5, r ? r.cells.c2 : null, "公开05 " + fn.join("+") + " 基本支出 " + money(a.sum, 2) + " 与公开06 " + econ.join("+") + " " + money(b.sum, 2) + " 通常相同，相差 " + money(a.sum.minus(b.sum), 2) + "，请核实科目归类", { related: b.cells, actual: a.sum.toFixed(), expected: b.sum.toFixed(), difference: a.sum.minus(b.sum).toFixed() });
    }
  }
  // 离退休费 (30301 + 30302) against the 离退休 function items (2080501 + 2080502).
  const rp = ctx.template.retirementPair;
  const pay = amount(t6, rp.economic, "amt");
  const fnRetire = amount(t5, rp.functions, "c2");
  if (pay.any && pay.sum.gt(fnRetire.sum)) {
    ctx.fail(t6.id);
    const c = rp.economic.slice().reverse().map((k) => rowByKey(t6, k)).filter((x) => !!x)[0];
    ctx.note("X.13", "warning", t6, c ? c.cells.amt : null, "公开06 " + rp.economicName + "（" + rp.economic.join("+") + "）" + money(pay.sum, 2) + " 大于公开05 " + rp.functionsName + "（" + rp.functions.join("+") + "）基本支出 " + money(fnRetire.sum, 2) + "，其中 " + money(pay.sum.minus(fnRetire.sum), 2) + " 列在其他功能科目（如行政运行），而行政运行不含离退休支出，请核实科目归类", { related: fnRetire.cells, actual: pay.sum.toFixed(), expected: fnRetire.sum.toFixed(), difference: pay.sum.minus(fnRetire.sum).toFixed() });
  } else if (pay.any) ctx.pass(t6.id);
}

/**
 * RULES.md §5.1 / H4: a table converted to 万元 whose figures can carry 尾差 should say so under the table, as
 * the template's 公开01–06 do. An info, once per table that has non-zero rounded amounts and no such note.
 */
export function roundingNotes(ctx: Context, tables: TableModel[]): void {
  for (const t of tables) {
    if (t.halfUnit(t.dp).isZero()) continue;
    const amounts = t.rows.some((r) => Object.keys(r.cells).some((k) => r.cells[k].state === "number" && !(r.cells[k].value as Decimal).isZero()));
    if (!amounts) continue;
    if (t.notes.some((n) => /尾差/.test(n))) ctx.pass(t.id);
    else {
      ctx.fail(t.id);
      // 「（其他表有）」 only when another table really carries the note (issue 8 §2: messages describe the document).
      const elsewhere = tables.some((o) => o !== t && o.notes.some((n) => /尾差/.test(n)));
      ctx.note("S.8", "info", t, { sheet: t.sheet, addr: t.range.split(":")[0] }, t.id + " 的金额以" + t.unit + "列示、由元换算而来，但表下没有“本表金额转换为" + t.unit + "时，因四舍五入可能存在尾差”的说明" + (elsewhere ? "（其他表有）" : "") + "，建议补充");
    }
  }
}
