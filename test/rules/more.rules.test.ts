/**
 * Rule tests, RuleTester style (test/rules/ruleTester.ts), of the rules the first two tables did not cover:
 * padding rows, reading (S.*), and what else could be made to fire from an edit of the sample.
 */
import { ruleTests } from "./ruleTester";

const sample = { name: "the sample" };
/** 公开09 with every amount 0.00: nothing rounded, so no 尾差 note is needed. */
const zeros09: { [cell: string]: string } = {};
for (const c of ["c1", "c6", "c7", "c12"]) zeros09["公开09 row " + c] = "0";

ruleTests([
  // Padding rows: a figure on a row without a name is counted in no total.
  { rule: "T01.6", passes: [sample], fires: [{ name: "5.00 on the unnamed 收入 row 9", set: { "公开01表!C15": "5" }, findings: ["warning 公开01表!C15"] }] },
  { rule: "T04.9", passes: [sample], fires: [{ name: "5.00 on the unnamed 收入 row 9", set: { "公开04表!C15": "5" }, findings: ["warning 公开04表!C15"] }] },
  // Reading
  {
    rule: "S.3",
    passes: [sample],
    fires: [{ name: "公开05 一般公共服务 written in words (类 and 款 carry the same figure)", replace: [{ sheet: "公开05表", from: "1,290.77", to: "一二九〇" }], findings: ["warning 公开05表!C8", "warning 公开05表!C9"] }],
  },
  {
    rule: "S.8",
    passes: [{ name: "公开09 all 0.00: nothing rounded", set: zeros09 }],
    fires: [
      { name: "the sample: 公开09 has no 尾差 note", findings: ["info 公开09表!A1"] },
      { name: "公开03's note removed too", eraseText: ["本表反映本年度各项支出情况"], findings: ["info 公开03表!A1", "info 公开09表!A1"] },
    ],
  },
]);
