/**
 * RuleTester cases of the completeness checks (issue 12 item 5; src/engine/completeness/): 公开09's 空表说明, the
 * 情况说明 sections the template pack requires, the 目录 against the body, the 名词解释. 目录 and 名词解释 are judged
 * on a whole document (the sample's full text, given as the narrative); the workbook's 情况说明 sheet is only its part.
 */
import { ruleTests } from "./ruleTester";

const EXT = "情况说明（外部文本）!";
const NOOP: [string, string][] = [["第四部分 名词解释", "第四部分 名词解释"]];
const ZERO_09: { [cell: string]: string } = {};
for (let c = 1; c <= 12; c++) ZERO_09["公开09 row c" + c] = "0";

ruleTests([
  {
    rule: "CP.1",
    passes: [{ name: "公开09 with its amounts" }],
    fires: [{ name: "公开09 all 0.00 and no statement under it", set: ZERO_09, findings: ["warning 公开09表!"] }],
  },
  {
    rule: "CP.2",
    passes: [{ name: "the sample's 情况说明 sheet has the thirteen sections" }, { name: "the sample's full text", narrative: NOOP }],
    fires: [{ name: "说明十二 without its text", narrative: [["2024 年期末，我单位共有车辆 0 辆；单位价值 100 万元（含）以上设备 0 台（套）。", ""]], findings: ["warning " + EXT] }],
  },
  {
    rule: "CP.3",
    passes: [{ name: "the sample's full text: 目录 and body list the same sections", narrative: NOOP }],
    fires: [{ name: "说明十一 left out of the 目录", narrative: [["十一、政府采购支出情况说明\n\n十二、国有资产占用情况说明", "十二、国有资产占用情况说明"]], findings: ["warning " + EXT] }],
  },
  {
    rule: "CP.4",
    passes: [{ name: "the sample's full text has its 名词解释", narrative: NOOP }],
    fires: [{ name: "the 名词解释 part renamed away", narrative: [["第四部分 名词解释", "第四部分 附注"]], findings: ["warning " + EXT] }],
  },
]);
