/**
 * Wording defects of the 情况说明 that need no table (issue 8 §3):
 *   N-WORD  stray word pairs left by editing (「减增加」「大小于」) — 疑点, the intended word cannot be known;
 *           a direction contradicted by 持平 in the same breath (「减少为 0.00 万元，与上年持平」) — 不符.
 *   N-YEAR  a year in the 目录, the titles or the headings that is incomplete (「202 年度」) or is not the fiscal
 *           year — 不符; an incomplete year in the body — 疑点.
 *   N-NAME  a 功能分类 class name that was renamed before the document's year (the template pack's classes, `outdated`).
 */
import { ClassSpec } from "../templates";
import { Checker } from "./checker";
import { Para } from "./normalise";

const STRAY = /减增加|增减少|大小于|小大于|高低于|低高于/;
const FLAT_AFTER_CHANGE = /(增加|减少|增长|下降)(?:为)?-?\d[\d,]*(?:\.\d+)?(?:万元|亿元|元|%)?[,，]?(?:与(?:上年|\d{4}年)(?:度)?(?:相比)?|较上年|同比)?(?:基本)?持平/;
const YEAR = /(^|[^\d.])(\d{1,4})年度/g;
/** An incomplete year: two or three digits starting with 2 before 年度 (「202 年度」). */
const SHORT_YEAR = /(^|[^\d.])(2\d{1,2})年度/;

/** `classes`: the 功能分类 classes of the document's template pack (their outdated names). */
export function wording(ck: Checker, paras: Para[], fiscalYear: number | undefined, classes: ClassSpec[]): void {
  const olds = fiscalYear && fiscalYear > 0 ? outdatedOf(classes, fiscalYear) : [];
  for (const p of paras) {
    const s = STRAY.exec(p.text);
    if (s) {
      ck.bad();
      ck.emit("N-WORD", "warning", p, { start: Math.max(0, s.index - 12), end: Math.min(p.text.length, s.index + s[0].length + 8) }, "用词有误：“" + s[0] + "”前后矛盾（疑为修改时未删净），应按数字写明增减或大小");
    }
    const f = FLAT_AFTER_CHANGE.exec(p.text);
    if (f) {
      ck.bad();
      ck.emit("N-WORD", "error", p, { start: f.index, end: f.index + f[0].length }, "表述矛盾：同一句既说“" + f[1] + "”又说“持平”");
    }
    if (fiscalYear && fiscalYear > 0) outdatedNames(ck, p, fiscalYear, olds);
  }
}

interface Outdated {
  /** The old name without its final 支出, as the text may write it. */
  old: string;
  name: string;
  lastYear: number;
  c: ClassSpec;
}

/** The class names renamed before `year`, in the pack's order (made once per text, not per paragraph). */
function outdatedOf(classes: ClassSpec[], year: number): Outdated[] {
  const out: Outdated[] = [];
  for (const c of classes) for (const o of c.outdated || []) if (year > o.lastYear) out.push({ old: o.name.replace(/支出$/, ""), name: o.name, lastYear: o.lastYear, c });
  return out;
}

function outdatedNames(ck: Checker, p: Para, year: number, olds: Outdated[]): void {
  for (const o of olds) {
    const at = p.text.indexOf(o.old);
    if (at < 0) continue;
    const c = o.c;
    ck.bad();
    ck.emit("N-NAME", "warning", p, { start: at, end: at + o.old.length }, "类名“" + o.name + "”为 " + o.lastYear + " 年及以前的科目名称，" + year + " 年度应为“" + c.name + "”（" + c.code + "）", { actual: o.name, expected: c.name });
  }
}

/**
 * Years of the 目录, the titles and the headings (short paragraphs before the first section, and every heading):
 * each must be the complete fiscal year. In the body an incomplete year is a 疑点.
 */
export function years(ck: Checker, titles: Para[], body: Para[], fiscalYear: number | undefined): void {
  for (const p of titles) {
    YEAR.lastIndex = 0;
    let m: RegExpExecArray | null;
    let ok = true;
    while ((m = YEAR.exec(p.text))) {
      const y = m[2];
      const at = m.index + m[1].length;
      const clause = { start: at, end: at + y.length + 2 };
      if (y.length < 4) {
        ok = false;
        ck.emit("N-YEAR", "error", p, clause, "标题或目录中的年度“" + y + "年度”不完整" + (fiscalYear ? "，应为“" + fiscalYear + "年度”" : ""), { actual: y, expected: fiscalYear ? String(fiscalYear) : null });
      } else if (fiscalYear && parseInt(y, 10) !== fiscalYear) {
        ok = false;
        ck.emit("N-YEAR", "error", p, clause, "标题或目录中的年度“" + y + "年度”与决算年度 " + fiscalYear + " 不符", { actual: y, expected: String(fiscalYear) });
      }
    }
    if (!ok) ck.bad();
  }
  for (const p of body) {
    const m = SHORT_YEAR.exec(p.text);
    if (!m) continue;
    const at = m.index + m[1].length;
    ck.bad();
    ck.emit("N-YEAR", "warning", p, { start: at, end: at + m[2].length + 2 }, "年度“" + m[2] + "年度”不完整" + (fiscalYear ? "，应为“" + fiscalYear + "年度”或上年" : ""), { actual: m[2] });
  }
}
