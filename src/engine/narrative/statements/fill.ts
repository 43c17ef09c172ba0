/**
 * Templates of the statement tables, in the style of messages.ts: a text with named holes instead of string
 * concatenation. `{1}` is capture 1 of the match, `{item.col}` a field of the looked-up item, `{where}` and any
 * other name a value the caller gives. A hole with no value stays as written, so a typo shows in the output.
 */
const HOLE = /\{(\d{1,2}|item\.[a-z]{1,12}|[a-z]{1,12})\}/g;

export function fill(template: string, m: RegExpExecArray | null, item: { [field: string]: unknown } | null = null, vars: { [k: string]: string } = {}): string {
  if (template.indexOf("{") < 0) return template;
  return template.replace(HOLE, (hole, key: string) => {
    let v: unknown;
    if (/^\d/.test(key)) v = m ? m[parseInt(key, 10)] : undefined;
    else if (key.indexOf("item.") === 0) v = item ? item[key.slice(5)] : undefined;
    else v = vars[key];
    return typeof v === "string" ? v : hole;
  });
}
