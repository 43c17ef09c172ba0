/**
 * How much narrative text is read (issue 13 item 3). Every pattern of the engine runs in linear time, but there are
 * some 300 of them, so the text read is capped as well: a hostile workbook (1,000 cells of 32 KB) or a pasted
 * megabyte must not keep the CPU busy for minutes. What is cut off is reported as 未审核, never dropped silently.
 *
 * Decisions (the issue names no figures):
 * - per cell: 32,767 characters, Excel's own limit for the text of a cell (a longer one comes from no Excel);
 * - per document: 200,000 characters, eight times the sample's 情况说明 (about 25,000 characters with its 绩效
 *   tables) and more than any narrative of the corpus, so a real document is never cut.
 * The text is cut at the last line break (or 。) before the limit, so that no statement is read half (a figure cut
 * in two would be compared as a wrong figure).
 */
export const MAX_CELL_TEXT = 32767;
export const MAX_DOC_TEXT = 200000;

/** The text up to `max` characters, cut after a line break or a 。 when there is one in its second half. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const cut = Math.max(head.lastIndexOf("\n"), head.lastIndexOf("。"));
  return cut >= max / 2 ? head.slice(0, cut + 1) : head;
}

/** 12345 → "12,345" (characters counted in a message). */
export function count(n: number): string {
  const s = String(n);
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let k = out.length; k < s.length; k += 3) out += "," + s.slice(k, k + 3);
  return out;
}
