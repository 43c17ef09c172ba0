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

export function linkEchoes(ctx: Context): void {
  const byKey: { [k: string]: { f: Finding; m: FindingMeta } } = {};
  ctx.findings.forEach((f, i) => {
    const m = ctx.meta[i];
    if (m.rowKey && m.table) byKey[m.rule + "|" + m.table + "|" + m.rowKey] = { f, m };
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
      if (!t) continue;
      const diffs = ctx.rowDiffs[rule][tid];
      const rows = t.rows.filter((r) => r.level !== undefined).sort((a, b) => (b.level || 0) - (a.level || 0));
      for (const p of rows) {
        const own = byKey[rule + "|" + tid + "|" + p.key];
        if (!own || own.f.severity === "info" || own.f.cause) continue;
        const kids: TRow[] = childRows(t, p);
        linkIfEcho(own.f, own.m.diff as Decimal, kids.map((k) => ({ d: diffs[k.key], f: byKey[rule + "|" + tid + "|" + k.key] && byKey[rule + "|" + tid + "|" + k.key].f })), root);
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

function linkIfEcho(parent: Finding, d: Decimal, kids: { d?: Decimal; f?: Finding }[], root: (f: Finding) => Finding): void {
  let total = new Decimal(0);
  const carrying: Finding[] = [];
  for (const k of kids) {
    if (!k.d) continue;
    total = total.plus(k.d);
    if (!k.d.isZero() && k.f) carrying.push(k.f);
  }
  if (carrying.length === 1 && total.equals(d)) {
    const r = root(carrying[0]);
    linkCause(parent, r);
    parent.message += "；与 " + (r.cell ? qualified(r.sheet, r.cell) : r.sheet) + " 的" + (r.severity === "tail" ? "尾差" : r.severity === "error" ? "不符" : "差异") + "同源（" + r.rule + "），不另计原因";
  }
}
