/**
 * Text hygiene that readers notice (RULES.md §3.3 N-TEMPLATE, N-PCT-UNIT, N-PUNCT, N-TOC): template residue,
 * a share without %, doubled punctuation and known typos, 目录 titles that differ from the body headings.
 */
import { Checker } from "./checker";
import { Para } from "./normalise";
import { P } from "./patterns";
import { Section } from "./sections";

export function hygiene(ck: Checker, paras: Para[]): void {
  // one global copy for all paragraphs (each loop below runs to exec's null, which sets lastIndex back to 0)
  const g = new RegExp(P.pctNoUnit.source, "g");
  for (const p of paras) {
    const t = P.template.exec(p.text);
    if (t) {
      ck.bad();
      ck.emit("N-TEMPLATE", "warning", p, { start: Math.max(0, t.index - 10), end: Math.min(p.text.length, t.index + t[0].length + 10) }, "文中留有模板占位或未删除的备选字样“" + ck.excerpt(p, t.index, t.index + t[0].length) + "”，应按实际情况改写", { actual: t[0] });
    } else ck.ok();
    g.lastIndex = 0;
    let m: RegExpExecArray | null;
    let pctOk = true;
    while ((m = g.exec(p.text))) {
      pctOk = false;
      ck.emit("N-PCT-UNIT", "error", p, { start: m.index, end: m.index + m[0].length }, "占比“" + ck.excerpt(p, m.index, m.index + m[0].length) + "”缺少百分号“%”", { actual: m[1] });
    }
    if (pctOk) ck.ok();
    else ck.bad();
    const d = P.doubled.exec(p.text);
    if (d) {
      ck.bad();
      ck.emit("N-PUNCT", "info", p, { start: Math.max(0, d.index - 12), end: d.index + d[0].length }, "标点重复“" + ck.excerpt(p, d.index, d.index + d[0].length) + "”", { actual: d[0] });
    } else ck.ok();
    for (const ty of P.typos) {
      const x = ty.re.exec(p.text);
      if (x) {
        ck.emit("N-PUNCT", "info", p, { start: x.index, end: x.index + x[0].length + 4 }, "疑为笔误：“" + x[0] + "”应为“" + ty.right + "”", { actual: x[0], expected: ty.right });
      }
    }
  }
}

/** 目录 entries vs body headings with the same number. */
export function tocCheck(ck: Checker, toc: Section[], sections: Section[]): void {
  for (const t of toc) {
    const num = /^([一二三四五六七八九十]+)、/.exec(t.title);
    if (!num) continue;
    const body = sections.filter((s) => s.title.indexOf(num[1] + "、") === 0)[0];
    if (!body) continue;
    const a = t.title.replace(/[。.]$/, "");
    const b = body.title.replace(/[。.]$/, "");
    if (a === b) ck.ok();
    else {
      ck.bad();
      ck.emit("N-TOC", "info", t.heading, { start: 0, end: t.heading.text.length }, "目录“" + a + "”与正文标题“" + b + "”不一致", { actual: a, expected: b });
    }
  }
}
