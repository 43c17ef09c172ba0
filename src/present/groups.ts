/**
 * How findings are arranged in the pane: filtered, grouped by table, and each 尾差 echo placed right after the
 * finding that causes it (its structured `causeRef`, engine/cause.ts; the text `cause` is for people only), so
 * cause and echoes are read together.
 * Pure: tested without a DOM.
 */
import { Finding, rootIndexes, Severity } from "../engine";
import { TABLE_ORDER, WORKBOOK_LEVEL } from "./labels";

export interface Filters {
  severities: { [k in Severity]: boolean };
  /** "" = all tables. */
  table: string;
}

export interface Row {
  index: number;
  /** Placed under its cause (indented in the list). */
  echo: boolean;
  /** Indexes of the echoes this finding causes (all of them, whatever the filters). */
  echoes: number[];
}

export interface Group {
  table: string;
  rows: Row[];
}

export function tableKey(f: Finding): string {
  return f.table || WORKBOOK_LEVEL;
}

export function visible(f: Finding, filters: Filters): boolean {
  return filters.severities[f.severity] !== false && (!filters.table || tableKey(f) === filters.table);
}

export function groupFindings(findings: Finding[], filters: Filters): Group[] {
  const causeOf = rootIndexes(findings);
  const echoesOf: number[][] = findings.map(function () {
    return [];
  });
  causeOf.forEach(function (c, i) {
    if (c >= 0 && c !== i) echoesOf[c].push(i);
  });

  const groups: { [table: string]: Group } = {};
  const order: string[] = [];
  function groupFor(table: string): Group {
    if (!groups[table]) {
      groups[table] = { table: table, rows: [] };
      order.push(table);
    }
    return groups[table];
  }

  findings.forEach(function (f, i) {
    if (!visible(f, filters)) return;
    const c = causeOf[i];
    // An echo whose cause is listed too goes under the cause (added there); otherwise it stands in its own table.
    if (c >= 0 && c !== i && visible(findings[c], filters)) return;
    groupFor(tableKey(f)).rows.push({ index: i, echo: false, echoes: echoesOf[i] });
    echoesOf[i].forEach(function (e) {
      if (visible(findings[e], filters)) groupFor(tableKey(f)).rows.push({ index: e, echo: true, echoes: [] });
    });
  });

  return order
    .map(function (t) {
      return groups[t];
    })
    .sort(function (a, b) {
      // Tie-break on first appearance: IE11's sort is not stable.
      return rank(a.table) - rank(b.table) || order.indexOf(a.table) - order.indexOf(b.table);
    });
}

/** Sort key of a table group: 公开01…公开09 first, then 情况说明, 绩效, any other, workbook-level last. */
export function rank(table: string): number {
  const i = TABLE_ORDER.indexOf(table);
  return i >= 0 ? i : TABLE_ORDER.length + (table === WORKBOOK_LEVEL ? 1 : 0);
}

export function countBySeverity(findings: Finding[]): { [k in Severity]: number } {
  const n = { error: 0, warning: 0, tail: 0, info: 0 };
  findings.forEach(function (f) {
    n[f.severity]++;
  });
  return n;
}
