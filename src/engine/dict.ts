/**
 * Dictionaries keyed by text read from a file (labels, headers, names, sheet names, number formats) have no
 * prototype (issue 13 item 6). With a plain `{}`, a cell reading "constructor", "__proto__" or "toString" finds
 * Object.prototype's members instead of nothing: 公开01 went missing with "k.replace is not a function". Map would
 * do as well; a null-prototype object keeps the `d[k]` code as it is and runs in the pane's ES5.
 */
export function dict<T>(): { [key: string]: T } {
  return Object.create(null) as { [key: string]: T };
}

/** d[k] when k is d's own key (for dictionaries made elsewhere as object literals, e.g. the template data). */
export function own<T>(d: { [key: string]: T }, k: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(d, k) ? d[k] : undefined;
}
