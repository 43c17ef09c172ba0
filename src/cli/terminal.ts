/**
 * Text from a workbook on a terminal (issue 13 item 11). A sheet name, a cell text or a narrative excerpt can hold
 * ESC, BEL or CSI (`_x001B_` in the sheet XML): printed raw they move the cursor, retitle the window, hide lines or
 * forge report lines. Every string that comes from a file is passed through `escapeControls` before it is printed,
 * so the only raw line breaks in the text report are the report's own.
 *
 * Decisions (the issue is silent): C0 controls, DEL and C1 controls are shown as `\xHH`; a line break inside one field
 * becomes a space (a wrapped cell text reads on, and cannot fake a report line); a tab stays (it only moves the
 * cursor right); the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a line read
 * in another order than it is, are shown as `\uHHHH`. The JSON report is data: JSON.stringify already escapes C0;
 * `escapeJsonControls` escapes DEL, C1 and those overrides too (same parsed value), for readers who `cat` it.
 */

const HEX = "0123456789ABCDEF";

function hex(n: number, digits: number): string {
  let s = "";
  for (let i = digits - 1; i >= 0; i--) s += HEX.charAt((n >> (4 * i)) & 15);
  return s;
}

/** Anything a terminal would act on (tab excluded), in one class so clean text is returned without copying. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(s: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  return s.replace(/\r\n/g, " ").replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    if (n === 0x0a || n === 0x0d) return " ";
    return n > 0xff ? "\\u" + hex(n, 4) : "\\x" + hex(n, 2);
  });
}

const JSON_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text in, the same JSON value out, with DEL, C1 and bidi controls written as \uHHHH escapes. */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_CONTROL, (c) => "\\u" + hex(c.charCodeAt(0), 4).toLowerCase());
}

/** Every string of a value, escaped (arrays and plain objects copied; numbers, booleans and null as they are). */
function deepEscape<T>(v: T): T {
  if (typeof v === "string") return escapeControls(v) as unknown as T;
  if (Array.isArray(v)) return v.map(deepEscape) as unknown as T;
  if (v && typeof v === "object") {
    const out: { [k: string]: unknown } = {};
    for (const k of Object.keys(v)) out[k] = deepEscape((v as { [k: string]: unknown })[k]);
    return out as T;
  }
  return v;
}

/** A report whose every text (file, sheet, cell, message, excerpt, cause, reason …) is safe to print. */
export function printable<T extends object>(report: T): T {
  return deepEscape(report);
}
