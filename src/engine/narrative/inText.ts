/**
 * Checks inside the text of the 情况说明 (RULES.md §8.2.2–8.2.4, issue 8 §3), run with or without tables, after
 * the section checks (sectionChecks.ts) that compare the text with the tables:
 *
 * | rule | what |
 * |---|---|
 * | NT.1 | a stated whole = its stated parts (Σ parts ≤ whole for an incomplete list) |
 * | NT.2 | shares under one whole: each = part / whole, together 100 % |
 * | NT.3 | a stated change and rate fit the two stated amounts; 收入总计 = 支出总计; 完成预算的 r% = 决算 / 预算 |
 * | NT.4 | 增加/增长, 减少/下降 and 持平 agree with the sign of the change |
 * | NT.5 | car counts add up |
 * | NT.6 | a rate over a zero base (预算 0, 上年 0, 整体 0) is UNDEFINED |
 * | NT.7 | a share that no whole allows (> 100 %, or beyond the tables' 收入总计) |
 * | NT.8 | required disclosures: a reason for a change or a deviation, 接待批次/人次, cars bought |
 *
 * All arithmetic goes through Checker.sum and Checker.ratio (RULES.md §5.2, §5.3): a figure printed with two
 * decimals stands for [v − 0.005, v + 0.005]. A figure a section check already judged is not judged again, and a
 * finding of the same kind on the same clause is not repeated (inTextBase.already).
 */
import { Tables } from "../model";
import { Checker, Ref } from "./checker";
import { changeChecks } from "./inTextChange";
import { Place, statedAmounts, TextCtx, whereOf } from "./inTextBase";
import { partChecks } from "./inTextParts";
import { disclosureChecks, rateChecks } from "./inTextRates";
import { Para } from "./normalise";
import { Outline } from "./sections";

const SUB = /^\(([一二三四五六七八九十]+)\)/;

/** Paragraphs to read: the sections' bodies, or every prose paragraph when the text has no section headings. */
function places(out: Outline, paras: Para[]): Place[] {
  const pls: Place[] = [];
  if (out.sections.length) {
    for (const sec of out.sections) {
      // whereOf once per section and sub-heading, not per paragraph (the same label)
      let where = whereOf(sec.title, "");
      for (const p of sec.body) {
        if (p.table) continue;
        // only a paragraph starting "(" may open a sub-heading
        const m = p.text.charCodeAt(0) === 40 ? SUB.exec(p.text) : null;
        if (m) where = whereOf(sec.title, m[1]);
        pls.push({ p, where, kind: sec.kind });
      }
    }
    return pls;
  }
  for (const p of paras) if (!p.table) pls.push({ p, where: "情况说明", kind: "" });
  return pls;
}

function cap(ck: Checker): Ref | null {
  const a = ck.cell("公开01", "L30", "c1", "收入总计");
  const b = ck.cell("公开01", "L60", "c2", "支出总计");
  if (a && b) return a.value.gte(b.value) ? a : b;
  return a || b;
}

export function inTextChecks(ck: Checker, tables: Tables, out: Outline, paras: Para[], alone: boolean): void {
  const t: TextCtx = { ck, tables, alone, baseFindings: ck.findings.length, baseFigures: ck.figures.length, cap: alone ? null : cap(ck) };
  const pls = places(out, paras);
  for (let i = 0; i < pls.length; i++) {
    const next = i + 1 < pls.length && pls[i + 1].kind === pls[i].kind ? pls[i + 1].p : null;
    const stated = statedAmounts(pls[i].p);
    changeChecks(t, pls[i], stated, next);
    partChecks(t, pls[i], stated);
    rateChecks(t, pls[i], next);
  }
  const sanGong = pls.filter((x) => x.kind === "S9");
  disclosureChecks(t, sanGong.length || out.sections.length ? sanGong : pls);
  if (alone)
    ck.unchecked(
      "N-TABLES",
      "缺表",
      "未提供工作簿：情况说明中的金额、占比、完成率与公开01–09 表的核对均未审核，只做了文内勾稽（各项之和、占比、增减额与增减率、零基数比率、车辆数、必要的说明）",
    );
}
