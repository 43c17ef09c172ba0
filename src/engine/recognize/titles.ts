/** Finding table titles in cell text (RULES.md §0.1: by title, never by sheet name or 公开 number). */
import { TableSpec } from "../templates";
import { normKey } from "../text";
import { TableId } from "../types";

export interface TitleMatch {
  id: TableId;
  title: string;
}

const LEADING_CODE = /^(?:附?表[\d一二三四五六七八九十]+|公开\d{1,2}表?|[一二三四五六七八九十]+[、.])[:：、.\-]*/;
const TRAILING_CODE = /[(（]?(?:公开\d{1,2}表?|附?表[\d一二三四五六七八九十]+)[)）]?$/;

/**
 * The cheap test every cell of every sheet goes through before matchTitle: every title of every pack names a
 * 决算 table. Kept apart so that the scan over all cells stays a small loop (V8 compiles it per worker).
 */
export function mayBeTitle(text: string): boolean {
  return !!text && text.length >= 5 && text.length <= 120 && text.indexOf("决算") >= 0;
}

/**
 * The table a title cell names among `tables` (the active template pack's by default), or null. The longest title
 * ending the text wins (财政拨款收入支出决算总表 ≠ 收入支出决算总表).
 */
export function matchTitle(text: string, tables: TableSpec[]): TitleMatch | null {
  if (!mayBeTitle(text)) return null;
  let k = normKey(text);
  if (/[。；;，,]/.test(k) || /^注|^说明/.test(k)) return null;
  // 「续表」「（续）」: the title repeated where a table continues over a page (RULES.md §8.1 item 6), not a new table.
  if (/续/.test(k.replace(/继续|持续|连续|后续/g, ""))) return null;
  k = k.replace(TRAILING_CODE, "").replace(LEADING_CODE, "");
  if (k.charAt(k.length - 1) !== "表") return null;
  let best: TitleMatch | null = null;
  let bestLen = 0;
  for (const spec of tables) {
    for (const t of spec.titles) {
      if (t.length > bestLen && k.length >= t.length && k.slice(k.length - t.length) === t && k.length - t.length <= 40) {
        best = { id: spec.id, title: String(text).trim() };
        bestLen = t.length;
      }
    }
  }
  return best;
}
