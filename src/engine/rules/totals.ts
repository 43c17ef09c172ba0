/** Rows that are totals of other rows (合计, 公开01/04 合计 and 总计 lines, 公开06 lane totals), from the template pack. */
import { TemplatePack } from "../templates";
import { TableId } from "../types";

/** When such a row is absent the reason is 缺合计行 (not 缺行), and a blank cell in it is never a certain 0. */
export function isTotalRow(pack: TemplatePack, t: TableId | string, key: string): boolean {
  if (key === "合计") return true;
  const lines = t === "公开01" ? pack.t01Lines : t === "公开04" ? pack.t04Lines : [];
  for (const l of lines) if (l.key === key) return !!l.total;
  return t === "公开06" && pack.basicTotals.some((b) => b.key === key);
}
