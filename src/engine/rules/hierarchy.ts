/** Holes in a coded table's hierarchy, for the tree identities of evaluate.ts. */
import { rowByKey, TableModel, TRow } from "../model";
import { dict } from "../dict";

/**
 * Rows of a coded table whose hierarchy has a hole: parent key (a code, or "合计") → a row below it whose
 * intermediate parent is not listed. The parent's sum over its children would miss that row's amount, so the
 * identity is 未审核 (缺行) there rather than a false 不符.
 */
export function brokenParents(t: TableModel): { [key: string]: TRow } {
  const known = holes && holes.get(t);
  if (known) return known;
  const out = dict<TRow>();
  for (const r of t.rows) {
    if (!r.code || r.code.length <= 3) continue;
    let len = r.code.length - 2;
    while (len >= 3 && rowByKey(t, r.code.slice(0, len))) len -= 2;
    if (len < 3) continue;
    // r.code.slice(0, len) is absent: the nearest listed row above it (or 合计) sums without r's branch.
    let up = len - 2;
    while (up >= 3 && !rowByKey(t, r.code.slice(0, up))) up -= 2;
    const key = up >= 3 ? r.code.slice(0, up) : "合计";
    if (!out[key]) out[key] = r;
  }
  if (holes) holes.set(t, out);
  return out;
}

/** brokenParents by table: a table lives one audit, and its three tree rules (合计, 类, 款) ask alike. */
const holes = typeof WeakMap !== "undefined" ? new WeakMap<TableModel, { [key: string]: TRow }>() : null;
