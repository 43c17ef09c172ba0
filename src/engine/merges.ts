/**
 * Merged areas as a file may state them, made safe to use (issue 13 item 2). Excel never writes two merges that
 * overlap (it repairs such a file by dropping them); a hostile file can state 20,000 copies of A1:Z190000, and any
 * loop over merges × their cells then runs for minutes. Keeping only areas that do not overlap bounds every such
 * loop by the sheet's own size.
 */
import { Area } from "./address";

/** More merges than this on one sheet: the file is refused (a 决算 table has a few hundred at most). */
export const MAX_MERGES_PER_SHEET = 10000;

/**
 * Which areas to keep: each area that overlaps none kept before it, in order of top row (then file order).
 * Decision: of two overlapping merges the one starting higher wins (file order among equal tops), as
 * deterministic as Excel's repair and cheaper to find. A sweep over rows: O(n log n + n·k), k the areas open on a row.
 */
export function disjointAreas(areas: Area[]): boolean[] {
  const order = areas.map((_a, i) => i).sort((i, j) => areas[i].r1 - areas[j].r1 || i - j);
  const keep: boolean[] = new Array(areas.length).fill(false);
  let open: Area[] = [];
  for (const i of order) {
    const a = areas[i];
    if (open.length > 0 && open.some((b) => b.r2 < a.r1)) open = open.filter((b) => b.r2 >= a.r1);
    let clash = false;
    for (let k = 0; k < open.length && !clash; k++) clash = open[k].c1 <= a.c2 && a.c1 <= open[k].c2;
    if (clash) continue;
    keep[i] = true;
    open.push(a);
  }
  return keep;
}
