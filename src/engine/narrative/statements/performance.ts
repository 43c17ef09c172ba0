/**
 * 十三 预算绩效 as a statement table (RULES.md §3.3 N13): the money of the projects evaluated (项目 N 个, 政府性基金/
 * 国有资本经营 projects, 整体支出绩效评价) against the table the sentence names, and its share of it. The total the
 * share is "of" is looked up from the words the text uses (DENOMINATORS); words that name no known total leave the
 * share 未审核 (无法确定对应科目). The count, Σ 全年执行数 of the 自评表 and the project paragraphs are handwritten
 * (handwritten/projects.ts).
 */
import { projectHead, projectsClaim, projectsEnd, wholeDenominator, wholeMark } from "../handwritten/projects";
import { P } from "../patterns";
import { Lookup, StatementTable } from "./model";

/** The total a share is "of", by the words of the text, in order (as denominatorOf did before issue 9). */
function denominators(capture: number): Lookup {
  return {
    capture,
    entries: [
      { name: "政府性基金项目", when: /政府性基金.{0,30}项目|项目.{0,30}政府性基金/, t: "公开07", col: "c5", label: "合计 项目支出" },
      { name: "政府性基金", when: /政府性基金/, t: "公开07", col: "c3", label: "合计 本年支出" },
      { name: "国有资本经营项目", when: /国有资本.{0,30}项目|项目.{0,30}国有资本/, t: "公开08", col: "c3", label: "合计 项目支出" },
      { name: "国有资本经营", when: /国有资本/, t: "公开08", col: "c1", label: "合计 本年支出" },
      { name: "项目支出", when: /项目支出/, t: "公开05", col: "c3", label: "合计 项目支出" },
      { name: "一般公共预算", when: /一般公共预算/, t: "公开05", col: "c1", label: "合计 本年支出小计" },
      { name: "支出总额", when: /支出(?:总额|合计)/, t: "公开03", col: "c1", label: "合计 本年支出合计" },
      // any other words: the share cannot be placed (the amounts are still checked)
      { name: "", when: /[^]/, unknown: "“{said}”不能确定是哪一张表的哪一个合计" },
    ],
  };
}

export const S13: StatementTable = {
  sections: ["S13"],
  rule: "N13a",
  cells: {
    den: ["{item.t}" as never, "合计", "{item.col}", "{item.label}"],
    一般公共预算支出: ["公开05", "合计", "c1", "合计 本年支出小计"],
  },
  entries: [
    {
      id: "projects",
      pattern: P.projects,
      figures: [
        { name: "amount", num: 2, unit: 3 },
        { name: "share", num: 5, unit: "%" },
      ],
      item: denominators(4),
      before: projectsClaim,
      checks: [{ ratio: "share", what: "占{4}的", num: { figure: "projects.amount", label: "共涉及资金" }, den: "den", zero: "本年无此类项目支出，不计算占比" }],
    },
    {
      id: "funds",
      pattern: P.fundProjects,
      figures: [
        { name: "amount", num: 3, unit: 4 },
        { name: "share", num: 6, unit: "%" },
      ],
      item: denominators(5),
      checks: [
        { amount: "amount", what: "{2}项目涉及资金", to: "den" },
        { ratio: "share", what: "占{5}的", num: { figure: "funds.amount", label: "涉及资金" }, den: "den", zero: "本年无{2}项目支出，未开展此类项目绩效自评" },
      ],
    },
    {
      id: "whole",
      rule: "N13b",
      pattern: P.whole,
      figures: [
        { name: "amount", num: 1, unit: 2 },
        { name: "share", num: 4, unit: "%" },
      ],
      item: denominators(3),
      before: wholeMark,
      checks: [
        { amount: "amount", what: "整体支出绩效评价涉及资金", to: "一般公共预算支出" },
        { ratio: "share", what: "占{3}的", num: { figure: "whole.amount", label: "涉及资金" }, den: "den", zero: "" },
      ],
      also: wholeDenominator,
    },
    { hand: projectHead },
  ],
  end: projectsEnd,
};
