/**
 * Group echoes (RULES.md §5.2): a difference born in a 项 row reappears in its 款, 类 and 合计 rows
 * because they sum the same figures. Each echo gets `cause` = the root finding, so the accountant sees one
 * cause, not four alarms. A parent is an echo when its difference is exactly the sum of its children's
 * differences under the same rule and exactly one child carries a difference. This holds for 不符 and 疑点
 * as for 尾差 (issue 8 §2); a finding already linked to a cause (a shifted column, S.10) keeps it.
 */
import { qualified } from "../address";
import { linkCause, refersTo } from "../cause";
import { Decimal } from "../decimal";
import { childRows, TRow } from "../model";
import { Finding } from "../types";
import { Context, FindingMeta } from "./context";
import { dict } from "../dict";

export function linkEchoes(ctx: Context): void {
  // findings that name a row, by rule and table, then by row key: a rule's table without any is skipped whole
  const byRow = dict<{ [row: string]: { f: Finding; m: FindingMeta } }>();
  ctx.findings.forEach((f, i) => {
    const m = ctx.meta[i];
    if (!m.rowKey || !m.table) return;
    const k = m.rule + "|" + m.table;
    (byRow[k] || (byRow[k] = dict<{ f: Finding; m: FindingMeta }>()))[m.rowKey] = { f, m };
  });
  const root = (f: Finding): Finding => {
    let cur = f;
    for (let i = 0; i < 10 && cur.cause; i++) {
      const next = ctx.findings.filter((x) => refersTo(cur.causeRef, x))[0];
      if (!next) break;
      cur = next;
    }
    return cur;
  };
  // Row identities of coded tables: children are the next level down (合计 → 类 → 款 → 项).
  for (const rule in ctx.rowDiffs) {
    for (const tid in ctx.rowDiffs[rule]) {
      const t = ctx.tables[tid as keyof typeof ctx.tables];
      const found = byRow[rule + "|" + tid];
      if (!t || !found) continue;
      const diffs = ctx.rowDiffs[rule][tid];
      const rows = t.rows.filter((r) => r.level !== undefined).sort((a, b) => (b.level || 0) - (a.level || 0));
      for (const p of rows) {
        const own = found[p.key];
        if (!own || own.f.severity === "info" || own.f.cause) continue;
        const kids: TRow[] = childRows(t, p);
        linkIfEcho(own.f, own.m.diff as Decimal, kids.map((k) => ({ d: diffs[k.key], f: found[k.key] && found[k.key].f })), root);
      }
    }
  }
  // 公开06: the leaf-level lane total (T06.4) echoes the class rows of its lane (T06.1).
  ctx.findings.forEach((f, i) => {
    const m = ctx.meta[i];
    if (m.rule !== "T06.4" || f.severity === "info" || f.cause) return;
    const kids: { d?: Decimal; f?: Finding }[] = [];
    ctx.findings.forEach((g, j) => {
      const n = ctx.meta[j];
      if (n.rule === "T06.1" && n.lane === m.lane) kids.push({ d: n.diff, f: g });
    });
    linkIfEcho(f, m.diff as Decimal, kids, root);
  });
}

/** Exported for its test (test/engine/tableFast.test.ts). */
export function linkIfEcho(parent: Finding, d: Decimal, kids: { d?: Decimal; f?: Finding }[], root: (f: Finding) => Finding): void {
  // Σ of the kids' differences over the non-zero ones only (adding a zero changes no sum; most kids have none)
  let total: Decimal | null = null;
  let carrying: Finding | null = null;
  let carriers = 0;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (!k.d || k.d.isZero()) continue;
    total = total === null ? k.d : total.plus(k.d);
    if (k.f) {
      carriers++;
      carrying = k.f;
    }
  }
  if (carriers === 1 && carrying && total !== null && total.equals(d)) {
    const r = root(carrying);
    linkCause(parent, r);
    parent.message += "；与 " + (r.cell ? qualified(r.sheet, r.cell) : r.sheet) + " 的" + (r.severity === "tail" ? "尾差" : r.severity === "error" ? "不符" : "差异") + "同源（" + r.rule + "），不另计原因";
  }
}
