/**
 * Pre-processing of the narrative (RULES.md §3.1) with a map back to the text as written, so that every
 * excerpt and every marked figure points at the original characters.
 *
 * - full-width ASCII becomes ASCII (（）％，：； → (),%:;) as toHalfWidth makes it; Chinese quotes stay;
 * - Markdown bold markers (**) of converted documents are dropped;
 * - white space (line breaks included) is removed unless it separates two ASCII letters or digits, so
 *   "2481.93 万元" → "2481.93万元", "2024 年" → "2024年" and "科学\n技术" → "科学技术";
 * - paragraphs: soft line breaks (a line that does not end a sentence, followed by a line that does not start
 *   a heading) are joined; table lines (with tabs) stay on their own.
 *
 * ES5 only: no regex `u` flag, no named groups, no lookbehind. Lines are trimmed with String.prototype.trim
 * (linear), never with /^\s+|\s+$/g, which takes minutes on a few hundred KB of spaces (issue 13).
 */

export interface Para {
  /** Normalised text. */
  text: string;
  /** map[i] = offset in the source document of text[i]; map[text.length] = end offset. */
  map: number[];
  /** The text cell it came from (sheet route); null for pasted or --narrative text. */
  cell: { sheet: string; addr: string } | null;
  /** A tab-separated table line of a converted document (not prose). */
  table: boolean;
  /** Raw lines of a table line (tab-split), for the 绩效 tables of a converted document. */
  raw?: string;
}

/** The half-width code of a full-width ASCII character (！…～), as toHalfWidth maps it; other codes stay. */
function halfCode(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/** An ASCII letter or digit once made half-width (c from halfCode). */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** White space removed by the normalisation (NaN, beyond the text, is none). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0xa0 || c === 0x200b;
}

/**
 * Normalise doc[from, to) into a paragraph text with its offset map.
 *
 * Written on character codes, the kept characters copied as runs of the source, a full-width one as its
 * half-width form (one character for one, so the map holds): this runs on every character of the narrative, and a
 * string and a regex test per character were the narrative's largest cost (issue 9).
 * test/narrative/normalise.test.ts compares it with the plain per-character reading on random texts.
 */
export function normaliseSpan(doc: string, from: number, to: number): { text: string; map: number[] } {
  let text = "";
  const map: number[] = [];
  // the kept run doc[run, i) not yet copied; the last kept character's half-width code (-1: none yet)
  let run = from;
  let last = -1;
  let i = from;
  while (i < to) {
    const c = doc.charCodeAt(i);
    // (a ** may end past `to`, as the marker of the next line: the reading steps over it all the same)
    if (c === 42 && doc.charCodeAt(i + 1) === 42) {
      text += doc.slice(run, i);
      i += 2;
      run = i;
      continue;
    }
    if (isSpace(c)) {
      text += doc.slice(run, i);
      let j = i;
      while (j < to && isSpace(doc.charCodeAt(j))) j++;
      let k = j;
      while (k < to && doc.charCodeAt(k) === 42 && doc.charCodeAt(k + 1) === 42) k += 2;
      // white space between two ASCII letters or digits stays as one space (line breaks too: a soft break inside
      // a word or number is joined, but two numbers must not merge)
      if (last >= 0 && k < to && isAsciiAlnum(last) && isAsciiAlnum(halfCode(doc.charCodeAt(k)))) {
        text += " ";
        map.push(i);
        last = 32;
      }
      i = j;
      run = i;
      continue;
    }
    // (past the end of doc, c is NaN: the position is mapped and adds no character, as charAt's "" did)
    map.push(i);
    last = halfCode(c);
    if (c >= 0xff01 && c <= 0xff5e) {
      // full-width ASCII (，（）％ are in most sentences): its half-width form
      text += doc.slice(run, i) + String.fromCharCode(last);
      run = i + 1;
    }
    i++;
  }
  text += doc.slice(run, Math.min(i, to));
  map.push(to);
  return { text, map };
}

const SENTENCE_END = /[。！？!?：:；;]$|[。！？!?][”"』」)）]?$/;
const HEADING_START = /^(?:-\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+部分)/;

function isShortHeading(line: string): boolean {
  const t = line.trim();
  return HEADING_START.test(t) && t.length <= 40 && !/[。]./.test(t) && !/[：:]/.test(t.slice(0, t.length - 1));
}

/**
 * Split doc[from, to) into paragraphs. Each line is a paragraph unless it is a soft break: it does not end a
 * sentence, is not a heading or a table line, and the next non-empty line does not start a heading.
 */
export function paragraphs(doc: string, from: number, to: number, cell: { sheet: string; addr: string } | null): Para[] {
  const lines: { s: number; e: number }[] = [];
  for (let s = from; ; ) {
    let i = doc.indexOf("\n", s);
    if (i < 0 || i > to) i = to;
    let e = i;
    if (e > s && doc.charAt(e - 1) === "\r") e--;
    lines.push({ s, e });
    if (i === to) break;
    s = i + 1;
  }
  // the paragraphs' ranges first, normalised after in one place: normaliseSpan is then compiled into one call
  // site, not into every place a paragraph ends (issue 9: V8 compiles this in each worker)
  const spans: { s: number; e: number; raw: string | null }[] = [];
  let cur: { s: number; e: number; raw: string | null } | null = null;
  const flush = () => {
    if (cur) spans.push(cur);
    cur = null;
  };
  for (let li = 0; li < lines.length; li++) {
    const ln = lines[li];
    const raw = doc.slice(ln.s, ln.e);
    if (/^\s*$/.test(raw)) continue;
    if (raw.indexOf("\t") >= 0) {
      flush();
      spans.push({ s: ln.s, e: ln.e, raw });
      continue;
    }
    const trimmed = raw.trim().replace(/\*\*/g, "");
    if (cur && isShortHeading(trimmed)) flush();
    if (!cur) cur = { s: ln.s, e: ln.e, raw: null };
    else cur.e = ln.e;
    // look ahead: is the next non-empty line a continuation?
    let nx = li + 1;
    while (nx < lines.length && /^\s*$/.test(doc.slice(lines[nx].s, lines[nx].e))) nx++;
    const next = nx < lines.length ? doc.slice(lines[nx].s, lines[nx].e).trim().replace(/\*\*/g, "") : "";
    // a heading ends its line unless a very short fragment follows ("…决算情况" + "说明" broken by a PDF)
    const headingEnds = isShortHeading(trimmed) && !(next.length <= 6 && !/[。，,；;：:]/.test(next) && !HEADING_START.test(next));
    const ends = SENTENCE_END.test(trimmed) || headingEnds;
    if (ends || !next || HEADING_START.test(next) || next.indexOf("\t") >= 0) flush();
  }
  flush();
  const out: Para[] = [];
  for (const sp of spans) {
    const n = normaliseSpan(doc, sp.s, sp.e);
    // a table line (tab-separated) is kept as it is; a prose paragraph only with text
    if (sp.raw !== null) out.push({ text: n.text, map: n.map, cell, table: true, raw: sp.raw });
    else if (n.text.length) out.push({ text: n.text, map: n.map, cell, table: false });
  }
  return out;
}

/** The fragment of the source document behind normalised text[start, end). */
export function original(doc: string, p: Para, start: number, end: number): string {
  if (end <= start) return "";
  const a = p.map[start];
  const b = p.map[end - 1] + 1;
  return doc.slice(a, b);
}

/** Source offsets of normalised text[start, end). */
export function span(p: Para, start: number, end: number): { start: number; end: number } {
  return { start: p.map[start], end: end > start ? p.map[end - 1] + 1 : p.map[start] };
}
