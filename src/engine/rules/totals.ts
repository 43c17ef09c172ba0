/** Rows that are totals of other rows (合计, 公开01/04 合计 and 总计 lines, 公开06 lane totals). */
import { TableId } from "../types";

const TOTAL_KEYS: { [t: string]: string[] } = {
  公开01: ["L27", "L30", "L57", "L60"],
  公开04: ["L27", "L28", "L32", "L59", "L60", "L64"],
  公开06: ["P.total", "G.total"],
};

/** When such a row is absent the reason is 缺合计行 (not 缺行), and a blank cell in it is never a certain 0. */
export function isTotalRow(t: TableId | string, key: string): boolean {
  return key === "合计" || (TOTAL_KEYS[t] || []).indexOf(key) >= 0;
}
