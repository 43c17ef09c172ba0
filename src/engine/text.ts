/**
 * Text normalisation shared by recognition and the narrative checks. Written by hand instead of
 * String.prototype.normalize("NFKC") because the pane must run in Internet Explorer 11, which lacks it.
 */

/** Full-width ASCII (！…～) and the ideographic space become their ASCII forms; other characters stay. */
export function toHalfWidth(s: string): string {
  // a native scan first: most texts have nothing to change, and building a long text a character at a time was the
  // slowest part of reading a workbook of long texts (issue 13)
  if (!HAS_FULL.test(s)) return s;
  return s.replace(FULL, (ch) => (ch === "\u3000" || ch === "\u00a0" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
const HAS_FULL = /[\uff01-\uff5e\u3000\u00a0]/;
const FULL = /[\uff01-\uff5e\u3000\u00a0]/g;

/** A Map, not {}: labels are text of the file, and "constructor" or "__proto__" must be a key like any other. */
const keys = new Map<string, string>();
/** Characters held by the cache (bounded: a workbook of many long texts must not fill the memory). */
let keyChars = 0;

/** Key for comparing labels and titles: half-width, no white space, no quotes of any kind. Cached: the same
 * header and label texts are asked for many times while a table is read. */
export function normKey(s: string): string {
  const str = typeof s === "string" ? s : String(s);
  if (str === "") return "";
  const hit = keys.get(str);
  if (hit !== undefined) return hit;
  const k = computeKey(str);
  // long texts are cached too (within a budget of characters): a hostile workbook repeats one long text in many cells
  if (keys.size < 50000 && str.length < 200) keys.set(str, k);
  else if (keys.size < 50000 && keyChars + str.length < 4000000) {
    keys.set(str, k);
    keyChars += str.length;
  }
  return k;
}

function computeKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u200b]+/g, "")
    .replace(/["'“”‘’「」『』〝〞]/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

const OF_WHICH = /^其中[:：]?/;
const OUTLINE_CN = /^\(?[一二三四五六七八九十百零〇]+[)、.．]/;
const OUTLINE_NUM = /^\(\d+\)|^\d+[、.．](?!\d)/;

/** Row labels lose their outline numbering ("一、", "(三)", "1.", "其中：") before they are matched. */
export function normLabel(s: string): string {
  let k = normKey(s);
  k = k.replace(OF_WHICH, "");
  k = k.replace(OUTLINE_CN, "");
  k = k.replace(OUTLINE_NUM, "");
  return k;
}

export function isBlankText(s: string | null | undefined): boolean {
  return s === null || s === undefined || normKey(s) === "";
}
