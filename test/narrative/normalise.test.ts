/**
 * Issue 9: normaliseSpan is written on character codes for speed. It must read every text exactly as the plain
 * per-character reading below (the code before issue 9, kept here as the reference): same text, same offset map,
 * on random texts of spaces, line breaks, **, full-width forms, letters and digits, and on sub-ranges of them.
 */
import fc from "fast-check";
import { normaliseSpan, paragraphs } from "../../src/engine/narrative/normalise";
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

const PIECES = [" ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u3000", "\u00a0", "\u200b", "\u2028", "\ufeff", "*", "**", "***", "a", "Z", "0", "9", "12.5", "１", "９", "Ａ", "ｚ", "（", "）", "％", "，", "～", "！", "\uff00", "\uff5f", "万元", "说明", "。", "、", "\ud83d\ude00", "-", "_"];

const doc = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 60 }).map((ps) => ps.join(""));

test("normaliseSpan reads every range of a random text as the per-character reading does", () => {
  fc.assert(
    fc.property(doc, fc.nat(), fc.nat(), (d, a, b) => {
      const from = d.length ? a % (d.length + 1) : 0;
      const to = from + (d.length - from ? b % (d.length - from + 1) : 0);
      expect(normaliseSpan(d, from, to)).toEqual(reference(d, from, to));
      expect(normaliseSpan(d, 0, d.length)).toEqual(reference(d, 0, d.length));
    }),
    { numRuns: 3000 },
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
