/**
 * The order of the findings list (issue 10 item 1): root causes with their consequences folded under them
 * (present/groups.ts decides what follows from what), 不符 first, then 疑点, 尾差, 提示; within a severity the
 * tables in their usual order. Reviewed findings (已核实/已忽略) are left out here and listed apart; a
 * consequence whose root was reviewed stands on its own.
 */
import { Finding, Severity } from "../engine";
import { Filters, groupFindings } from "../present/groups";
import { SEVERITY_ORDER } from "../present/labels";

export interface Cluster {
  /** Index in the findings array of the root (or of a finding that stands alone). */
  root: number;
  /** Findings that follow from the root, shown folded under it. */
  consequences: number[];
  severity: Severity;
}

export function clusters(findings: Finding[], filters: Filters, reviewed: (i: number) => boolean): Cluster[] {
  const out: Cluster[] = [];
  let cur: Cluster | null = null;
  groupFindings(findings, filters).forEach(function (g) {
    g.rows.forEach(function (r) {
      if (reviewed(r.index)) {
        if (!r.echo) cur = null;
        return;
      }
      if (r.echo && cur) {
        cur.consequences.push(r.index);
        return;
      }
      const c: Cluster = { root: r.index, consequences: [], severity: findings[r.index].severity };
      out.push(c);
      cur = r.echo ? null : c;
    });
    cur = null;
  });
  // Stable sort by severity (IE11's sort is not stable: tie-break on position).
  const pos = out.map(function (_c, i) {
    return i;
  });
  return pos
    .sort(function (a, b) {
      return SEVERITY_ORDER.indexOf(out[a].severity) - SEVERITY_ORDER.indexOf(out[b].severity) || a - b;
    })
    .map(function (i) {
      return out[i];
    });
}
