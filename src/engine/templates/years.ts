/**
 * Template years and regions declared as differences from the 2024 pack (RULES.md §4.6, §8.1 items 5 and 9).
 * A year's pack holds from that year until the next declared year (templates/index.ts); documents of an
 * undeclared later year use the latest declared pack.
 */
import { TemplatePatch } from "./types";

/**
 * 2018 and before: the 功能分类 classes 207 and 210 under their old names (RULES.md §4.6, Appendix A). The 2024
 * names stay readable as aliases: reading a name is tolerant, the narrative's wording check flags a wrong one.
 * Decision (the issue is silent): 224 and 234, which these years lack, stay in the list — a line that names them
 * is read rather than dropped, and the rules report its figures like any other.
 */
const UP_TO_2018: TemplatePatch = {
  classes: {
    "207": { name: "文化体育与传媒支出" },
    "210": { name: "医疗卫生与计划生育支出" },
  },
};

/**
 * Before the 2018 经济分类 reform (RULES.md §4.2, §4.6): 社会保障缴费 was one line, 伙食费 its own, and 住房公积金 and
 * 提租/购房补贴 sat under 303. A 公开06 printed with names only is coded with these first. The 2016 公开01 wording
 * 用事业基金弥补收支差额 (行28) is read by the 2024 line spec already (its pattern accepts both wordings).
 */
const BEFORE_2018: TemplatePatch = {
  classes: UP_TO_2018.classes,
  economicOld: { 社会保障缴费: "30104", 伙食费: "30105", 住房公积金: "30311", 提租补贴: "30312", 购房补贴: "30313" },
};

/** Declared years. 2019 starts the current class names; 2025 is the 2024 template, class 234 included (§8.1 item 9). */
export const YEAR_PATCHES: { [year: string]: TemplatePatch } = {
  "2016": BEFORE_2018,
  "2018": UP_TO_2018,
  "2019": {},
  "2024": {},
  "2025": {},
};

/**
 * Shanghai (RULES.md §8.1 item 5): no 公开NN codes; tables numbered 一…九 with 七 = 三公, 八 = 政府性基金,
 * 九 = 国有资本经营; 公开06 titled 一般公共预算财政拨款基本支出决算表 (not 明细表); 公开08 a 收入支出 table.
 * The numbering is data for the reader of a report; recognition goes by titles only (RULES.md §0.1).
 */
const SHANGHAI: TemplatePatch = {
  titles: {
    公开06: ["一般公共预算财政拨款基本支出决算表"],
    公开08: ["国有资本经营预算财政拨款收入支出决算表"],
  },
  numbering: { 一: "公开01", 二: "公开02", 三: "公开03", 四: "公开04", 五: "公开05", 六: "公开06", 七: "公开09", 八: "公开07", 九: "公开08" },
};

/** Regional alias sets. Recognition accepts all of them (the region of a workbook is not read); see templateFor. */
export const REGION_PATCHES: { [region: string]: TemplatePatch } = {
  上海: SHANGHAI,
};
