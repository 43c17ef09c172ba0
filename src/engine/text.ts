/**
 * Text normalisation shared by recognition and the narrative checks. Written by hand instead of
 * String.prototype.normalize("NFKC") because the pane must run in Internet Explorer 11, which lacks it.
 */

/** Full-width ASCII (！…～) and the ideographic space become their ASCII forms; other characters stay. */
export function toHalfWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0) out += " ";
    else out += s.charAt(i);
  }
  return out;
}

/** A Map, not {}: labels are text of the file, and "constructor" or "__proto__" must be a key like any other. */
const keys = new Map<string, string>();

/** Key for comparing labels and titles: half-width, no white space, no quotes of any kind. Cached: the same
 * header and label texts are asked for many times while a table is read. */
export function normKey(s: string): string {
  const str = String(s);
  if (str === "") return "";
  const hit = keys.get(str);
  if (hit !== undefined) return hit;
  const k = computeKey(str);
  if (keys.size < 50000 && str.length < 200) keys.set(str, k);
  return k;
}

function computeKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u200b]+/g, "")
    .replace(/["'“”‘’「」『』〝〞]/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")");
}

/** Row labels lose their outline numbering ("一、", "(三)", "1.", "其中：") before they are matched. */
export function normLabel(s: string): string {
  let k = normKey(s);
  k = k.replace(/^其中[:：]?/, "");
  k = k.replace(/^\(?[一二三四五六七八九十百零〇]+[)、.．]/, "");
  k = k.replace(/^\(\d+\)|^\d+[、.．](?!\d)/, "");
  return k;
}

export function isBlankText(s: string | null | undefined): boolean {
  return s === null || s === undefined || normKey(s) === "";
}
