/**
 * Issue 9: normaliseSpan is written on character codes for speed. It must read every text exactly as the plain
 * per-character reading below (the code before issue 9, kept here as the reference): same text, same offset map,
 * on random texts of spaces, line breaks, **, full-width forms, letters and digits, and on sub-ranges of them.
 */
import fc from "fast-check";
import { normaliseSpan, Para, paragraphs } from "../../src/engine/narrative/normalise";
import { toHalfWidth } from "../../src/engine/text";

function isAsciiAlnum(ch: string): boolean {
  return /[A-Za-z0-9]/.test(ch);
}

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\v" || ch === "\u3000" || ch === "\u00a0" || ch === "\u200b";
}

function reference(doc: string, from: number, to: number): { text: string; map: number[] } {
  const chars: string[] = [];
  const map: number[] = [];
  let i = from;
  while (i < to) {
    const ch = doc.charAt(i);
    if (ch === "*" && doc.charAt(i + 1) === "*") {
      i += 2;
      continue;
    }
    if (isSpace(ch)) {
      let j = i;
      while (j < to && isSpace(doc.charAt(j))) j++;
      const prev = chars.length ? chars[chars.length - 1] : "";
      let k = j;
      while (k < to && doc.charAt(k) === "*" && doc.charAt(k + 1) === "*") k += 2;
      const next = k < to ? toHalfWidth(doc.charAt(k)) : "";
      if (prev && next && isAsciiAlnum(prev) && isAsciiAlnum(next)) {
        chars.push(" ");
        map.push(i);
      }
      i = j;
      continue;
    }
    chars.push(toHalfWidth(ch));
    map.push(i);
    i++;
  }
  map.push(to);
  return { text: chars.join(""), map };
}

const SENTENCE_END = /[。！？!?：:；;]$|[。！？!?][”"』」)）]?$/;
const HEADING_START = /^(?:-\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+部分)/;

function isShortHeading(line: string): boolean {
  const t = line.trim();
  return HEADING_START.test(t) && t.length <= 40 && !/[。]./.test(t) && !/[：:]/.test(t.slice(0, t.length - 1));
}

/** paragraphs before issue 9, on the reference normaliseSpan. */
function paragraphsReference(doc: string, from: number, to: number, cell: { sheet: string; addr: string } | null): Para[] {
  const lines: { s: number; e: number }[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || doc.charAt(i) === "\n") {
      let e = i;
      if (e > s && doc.charAt(e - 1) === "\r") e--;
      lines.push({ s, e });
      s = i + 1;
    }
  }
  const out: Para[] = [];
  let cur: { s: number; e: number } | null = null;
  const flush = () => {
    if (!cur) return;
    const n = reference(doc, cur.s, cur.e);
    if (n.text.length) out.push({ text: n.text, map: n.map, cell, table: false });
    cur = null;
  };
  for (let li = 0; li < lines.length; li++) {
    const ln = lines[li];
    const raw = doc.slice(ln.s, ln.e);
    if (/^\s*$/.test(raw)) continue;
    if (raw.indexOf("\t") >= 0) {
      flush();
      const n = reference(doc, ln.s, ln.e);
      out.push({ text: n.text, map: n.map, cell, table: true, raw });
      continue;
    }
    const trimmed = raw.trim().replace(/\*\*/g, "");
    if (cur && isShortHeading(trimmed)) flush();
    if (!cur) cur = { s: ln.s, e: ln.e };
    else cur.e = ln.e;
    let nx = li + 1;
    while (nx < lines.length && /^\s*$/.test(doc.slice(lines[nx].s, lines[nx].e))) nx++;
    const next = nx < lines.length ? doc.slice(lines[nx].s, lines[nx].e).trim().replace(/\*\*/g, "") : "";
    const headingEnds = isShortHeading(trimmed) && !(next.length <= 6 && !/[。，,；;：:]/.test(next) && !HEADING_START.test(next));
    const ends = SENTENCE_END.test(trimmed) || headingEnds;
    if (ends || !next || HEADING_START.test(next) || next.indexOf("\t") >= 0) flush();
  }
  flush();
  return out;
}

const PIECES = [" ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u3000", "\u00a0", "\u200b", "\u2028", "\ufeff", "*", "**", "***", "a", "Z", "0", "9", "12.5", "１", "９", "Ａ", "ｚ", "（", "）", "％", "，", "～", "！", "\uff00", "\uff5f", "万元", "说明", "。", "、", "\ud83d\ude00", "-", "_"];

const doc = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 60 }).map((ps) => ps.join(""));

test("normaliseSpan reads every range of a random text as the per-character reading does", () => {
  fc.assert(
    fc.property(doc, fc.nat(), fc.nat(), (d, a, b) => {
      const from = d.length ? a % (d.length + 1) : 0;
      const to = from + (d.length - from ? b % (d.length - from + 1) : 0);
      expect(normaliseSpan(d, from, to)).toEqual(reference(d, from, to));
      expect(normaliseSpan(d, 0, d.length)).toEqual(reference(d, 0, d.length));
      // a range may end past the text (as callers have asked)
      expect(normaliseSpan(d, from, d.length + (b % 4))).toEqual(reference(d, from, d.length + (b % 4)));
    }),
    { numRuns: 3000 },
  );
});

const LINES = ["一、收入支出决算总体情况说明", "（一）收入", "1.项目", "第二部分", "收入总计", "１２３.４５万元。", "说明", "：", "。", "\t", "\n", "\r\n", "\n\n", " ", "**", "\u3000", "a", "7"];
const text = fc.array(fc.constantFrom(...LINES), { maxLength: 40 }).map((ps) => ps.join(""));

test("paragraphs splits every range of a random text as before", () => {
  const cell = { sheet: "情况说明", addr: "A1" };
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), (d, a, b) => {
      const from = d.length ? a % (d.length + 1) : 0;
      const to = from + (d.length - from ? b % (d.length - from + 1) : 0);
      expect(paragraphs(d, from, to, cell)).toEqual(paragraphsReference(d, from, to, cell));
      expect(paragraphs(d, 0, d.length, null)).toEqual(paragraphsReference(d, 0, d.length, null));
    }),
    { numRuns: 2000 },
  );
});

test("normaliseSpan: spaces between ASCII letters or digits stay as one, others go; ** is dropped", () => {
  const d = "收入 2481.93 万元，**ＡＢ**\u3000 12\n３4";
  const n = normaliseSpan(d, 0, d.length);
  expect(n.text).toBe("收入2481.93万元,AB 12 34");
  expect(n.map.length).toBe(n.text.length + 1);
  expect(normaliseSpan("ab **", 0, 4)).toEqual({ text: "ab", map: [0, 1, 4] });
});

test("paragraphs of a text with full-width forms, soft breaks and a table line", () => {
  const d = "一、收入支出决算总体情况说明\n2024年度收入总计\n１２３.４５万元。\n项目\t金额\n二、收入决算情况说明";
  const ps = paragraphs(d, 0, d.length, null);
  expect(ps.map((p) => [p.text, p.table])).toEqual([
    ["一、收入支出决算总体情况说明", false],
    ["2024年度收入总计123.45万元。", false],
    ["项目金额", true],
    ["二、收入决算情况说明", false],
  ]);
  for (const p of ps) expect(p.map.length).toBe(p.text.length + 1);
});
