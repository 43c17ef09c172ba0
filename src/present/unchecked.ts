/**
 * The 未审核 checks (RULES.md §0.3) grouped for people: one group per table, reason and what was absent, naming the
 * rules it stopped. One missing table or 合计 row then reads as one line, not one per rule and column. Shared by
 * the CLI's text report and the pane.
 */
import { NotChecked } from "../engine";
import { TABLE_ORDER, WORKBOOK_LEVEL } from "./labels";

export interface UncheckedGroup {
  /** 公开01…, 情况说明, 绩效, or 工作簿. */
  table: string;
  reason: string;
  /** What was absent: the entry's detail up to 「，未能核对：」 (the whole detail when it has no such part). */
  cause: string;
  /** Rule ids stopped by this cause, in order of first appearance. */
  rules: string[];
  /** Entries in the group. */
  count: number;
}

/** The part of a detail that names the absence (the rest names the check, which the rule ids already say). */
export function uncheckedCause(detail: string): string {
  const cut = detail.indexOf("，未能核对：");
  return cut >= 0 ? detail.slice(0, cut) : detail;
}

function rank(table: string): number {
  const i = TABLE_ORDER.indexOf(table);
  return i < 0 ? TABLE_ORDER.length : i;
}

export function groupUnchecked(list: NotChecked[]): UncheckedGroup[] {
  const groups: UncheckedGroup[] = [];
  const byKey: { [k: string]: UncheckedGroup } = {};
  list.forEach(function (n) {
    const table = n.table || WORKBOOK_LEVEL;
    const cause = uncheckedCause(n.detail);
    const key = table + "\u0000" + n.reason + "\u0000" + cause;
    let g = byKey[key];
    if (!g) {
      g = byKey[key] = { table: table, reason: n.reason, cause: cause, rules: [], count: 0 };
      groups.push(g);
    }
    g.count++;
    if (g.rules.indexOf(n.rule) < 0) g.rules.push(n.rule);
  });
  // Stable: table order first, then the order the engine recorded them.
  return groups
    .map(function (g, i) {
      return { g: g, i: i };
    })
    .sort(function (a, b) {
      return rank(a.g.table) - rank(b.g.table) || a.i - b.i;
    })
    .map(function (x) {
      return x.g;
    });
}

/** "公开03 [缺合计行] 公开03 未找到“合计”行：T03.2、X.4（3 项）". */
export function uncheckedText(g: UncheckedGroup): string {
  return g.table + " [" + g.reason + "] " + g.cause + "：" + g.rules.join("、") + (g.count > 1 ? "（" + g.count + " 项）" : "");
}
