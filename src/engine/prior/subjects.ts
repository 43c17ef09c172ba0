/**
 * What a year-over-year sentence of the 情况说明 is about, and where last year's document holds that figure
 * (issue 12 item 1). Data, not code: a new subject is one row.
 *
 * A subject is chosen by the section the sentence is in and the words that name it (「收、支总计」 under 一 is
 * 公开01's, under 四 公开04's). `cells` are last year's table cells, in the 栏/行 keys of catalogue.ts; a subject
 * with two cells (收入总计 and 支出总计) is checked against each, and a pair of changes (「各减少 C、D 万元」) takes
 * the first for 收入 and the second for 支出. `stated` instead of cells: last year's own 情况说明 is the only place
 * the figure is published (机关运行经费 is in none of the nine tables; RULES.md N10 bounds it by 公用经费 only).
 *
 * Decision (the issue is silent): a subject that is not in this list is not guessed: its 上年 figure is 未审核
 * (无法确定对应科目).
 */
import { TableId } from "../types";
import { SectionKind } from "../narrative/sections";

export interface PriorCell {
  table: TableId;
  row: string;
  col: string;
  /** Name in messages. */
  label: string;
}

export interface Subject {
  id: string;
  /** Name in messages. */
  name: string;
  /** Sections in which these words mean this subject; empty = any section. */
  sections: SectionKind[];
  /** The naming words (normalised text: no spaces, half-width punctuation). */
  words: RegExp;
  cells?: PriorCell[];
  /** Last year's figure is the amount its own 情况说明 states in this section under these words. */
  stated?: { section: SectionKind; words: RegExp };
}

const c = (table: TableId, row: string, col: string, label: string): PriorCell => ({ table, row, col, label });

/** Most specific first: the first row whose section and words match is the subject. */
export const SUBJECTS: Subject[] = [
  // 九 三公: items before the total
  { id: "三公.出国", name: "因公出国（境）费", sections: ["S9"], words: /因公出国/, cells: [c("公开09", "row", "c8", "决算数 因公出国（境）费")] },
  { id: "三公.车辆", name: "公务用车购置及运行维护费", sections: ["S9"], words: /公务用车购置及运行/, cells: [c("公开09", "row", "c9", "决算数 公务用车购置及运行维护费")] },
  { id: "三公.购置", name: "公务用车购置费", sections: ["S9"], words: /公务用车购置(?:费|支出)/, cells: [c("公开09", "row", "c10", "决算数 公务用车购置费")] },
  { id: "三公.运行", name: "公务用车运行维护费", sections: ["S9"], words: /运行维护/, cells: [c("公开09", "row", "c11", "决算数 公务用车运行维护费")] },
  { id: "三公.接待", name: "公务接待费", sections: ["S9"], words: /公务接待/, cells: [c("公开09", "row", "c12", "决算数 公务接待费")] },
  { id: "三公.合计", name: "“三公”经费支出", sections: ["S9"], words: /三公/, cells: [c("公开09", "row", "c7", "决算数 合计")] },
  // 十 机关（机构）运行经费
  { id: "运行经费", name: "机关运行经费", sections: [], words: /机[关构]运行经费/, stated: { section: "S10", words: /机[关构]运行经费/ } },
  // 六 基本支出: 人员经费 and 公用经费 before 基本支出
  { id: "人员经费", name: "人员经费", sections: ["S6"], words: /人员经费/, cells: [c("公开06", "P.total", "amt", "人员经费合计")] },
  { id: "公用经费", name: "公用经费", sections: ["S6"], words: /公用经费/, cells: [c("公开06", "G.total", "amt", "公用经费合计")] },
  { id: "基本支出.05", name: "一般公共预算财政拨款基本支出", sections: ["S5", "S6"], words: /基本支出/, cells: [c("公开05", "合计", "c2", "合计 基本支出")] },
  { id: "项目支出.05", name: "一般公共预算财政拨款项目支出", sections: ["S5"], words: /项目支出/, cells: [c("公开05", "合计", "c3", "合计 项目支出")] },
  // 五 一般公共预算财政拨款支出
  { id: "一般公共预算", name: "一般公共预算财政拨款支出", sections: ["S5"], words: /一般公共预算(?:财政拨款)?支出/, cells: [c("公开05", "合计", "c1", "合计 本年支出小计")] },
  // 四 财政拨款收、支总计
  { id: "财政拨款收入", name: "财政拨款收入总计", sections: ["S4"], words: /收入总计/, cells: [c("公开04", "L32", "c1", "收入总计")] },
  { id: "财政拨款支出", name: "财政拨款支出总计", sections: ["S4"], words: /支出总计/, cells: [c("公开04", "L64", "c2", "支出总计")] },
  { id: "财政拨款总计", name: "财政拨款收、支总计", sections: ["S4"], words: /收、?支总计|收入支出总计|收支/, cells: [c("公开04", "L32", "c1", "收入总计"), c("公开04", "L64", "c2", "支出总计")] },
  // 三 支出决算: 基本支出 and 项目支出 of 公开03
  { id: "基本支出.03", name: "基本支出", sections: ["S3"], words: /基本支出/, cells: [c("公开03", "合计", "c2", "合计 基本支出")] },
  { id: "项目支出.03", name: "项目支出", sections: ["S3"], words: /项目支出/, cells: [c("公开03", "合计", "c3", "合计 项目支出")] },
  // 一/二/三 totals of 公开01
  { id: "收入合计", name: "本年收入合计", sections: ["S1", "S2"], words: /收入合计|收入总额|^收入$/, cells: [c("公开01", "L27", "c1", "本年收入合计")] },
  { id: "支出合计", name: "本年支出合计", sections: ["S1", "S3"], words: /支出合计|支出总额|^支出$/, cells: [c("公开01", "L57", "c2", "本年支出合计")] },
  { id: "收入总计", name: "收入总计", sections: ["S1"], words: /收入总计/, cells: [c("公开01", "L30", "c1", "收入总计")] },
  { id: "支出总计", name: "支出总计", sections: ["S1"], words: /支出总计/, cells: [c("公开01", "L60", "c2", "支出总计")] },
  { id: "收支总计", name: "收、支总计", sections: ["S1"], words: /收、?支总计|收入支出总计|收支/, cells: [c("公开01", "L30", "c1", "收入总计"), c("公开01", "L60", "c2", "支出总计")] },
];

/** The subject named by `words` (normalised, qualifiers removed) in section `kind`, or null. */
export function subjectOf(kind: SectionKind | "", words: string): Subject | null {
  for (const s of SUBJECTS) {
    if (s.sections.length && (!kind || s.sections.indexOf(kind as SectionKind) < 0)) continue;
    if (s.words.test(words)) return s;
  }
  return null;
}
