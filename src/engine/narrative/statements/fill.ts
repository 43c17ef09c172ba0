/**
 * Templates of the statement tables, in the style of messages.ts: a text with named holes instead of string
 * concatenation. `{1}` is capture 1 of the match, `{item.col}` a field of the looked-up item, `{where}` and any
 * other name a value the caller gives. A hole with no value stays as written, so a typo shows in the output.
 */
/** What may stand between the braces of a hole. */
const KEY = /^(?:\d{1,2}|item\.[a-z]{1,12}|[a-z]{1,12})$/;

/**
 * Every hole `{key}` filled, left to right. Written as a scan with indexOf rather than String.replace with a
 * callback: fill makes every message and every figure's explanation, passed checks included (issue 9). A key holds
 * no brace, so a hole ends at the first } after its {; a { whose text up to that } is no key is left as written
 * (as the pattern /\{(\d{1,2}|item\.[a-z]{1,12}|[a-z]{1,12})\}/g would leave it).
 */
export function fill(template: string, m: RegExpExecArray | null, item: { [field: string]: unknown } | null = null, vars: { [k: string]: string } = {}): string {
  let open = template.indexOf("{");
  if (open < 0) return template;
  let out = "";
  let done = 0;
  while (open >= 0) {
    const close = template.indexOf("}", open + 1);
    if (close < 0) break;
    const key = template.slice(open + 1, close);
    if (!KEY.test(key)) {
      open = template.indexOf("{", open + 1);
      continue;
    }
    let v: unknown;
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) v = m ? m[parseInt(key, 10)] : undefined;
    else if (key.indexOf("item.") === 0) v = item ? item[key.slice(5)] : undefined;
    else v = vars[key];
    out += template.slice(done, open) + (typeof v === "string" ? v : "{" + key + "}");
    done = close + 1;
    open = template.indexOf("{", done);
  }
  return out + template.slice(done);
}
