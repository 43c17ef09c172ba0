/**
 * 九、“三公”经费 as a statement table (RULES.md §3.3 N9): the total and each item against 公开09, their 完成预算
 * rates and shares recomputed; the counts, the 接待 sum and the text's own arithmetic are handwritten
 * (handwritten/sangongDetails.ts).
 */
import { carCount, details, sangongEnd, shareOf } from "../handwritten/sangongDetails";
import { P } from "../patterns";
import { KEYS } from "../sangong";
import { StatementTable } from "./model";

/** The three items of 公开09, by the word that tells them apart in the text. */
const ITEMS = {
  capture: 1,
  entries: [
    { when: /出国/, ...KEYS.出国 },
    { when: /用车/, ...KEYS.公车 },
    { when: /接待/, ...KEYS.接待 },
  ],
};

export const S9: StatementTable = {
  sections: ["S9"],
  rule: "N9b",
  cells: {
    预算合计: ["公开09", "row", "c1", "预算数 合计"],
    决算合计: ["公开09", "row", "c7", "决算数 合计"],
    预算: ["公开09", "row", "{item.budget}", "预算数 {item.name}"],
    决算: ["公开09", "row", "{item.final}", "决算数 {item.name}"],
    出国费: ["公开09", "row", "c8", "决算数 因公出国（境）费"],
    购置费: ["公开09", "row", "c10", "决算数 公务用车购置费"],
    运行费: ["公开09", "row", "c11", "决算数 公务用车运行维护费"],
    接待费: ["公开09", "row", "c12", "决算数 公务接待费"],
  },
  entries: [
    {
      id: "total",
      rule: "N9a",
      pattern: P.sgTotal,
      figures: [
        { name: "budget", num: 1, unit: 2 },
        { name: "final", num: 3, unit: 4 },
        { name: "rate", num: 5, unit: "%" },
      ],
      checks: [
        { amount: "budget", what: "“三公”经费预算", to: "预算合计" },
        { amount: "final", what: "“三公”经费决算", to: "决算合计" },
        { ratio: "rate", what: "完成预算的", num: "决算合计", den: "预算合计", zero: "年初未安排“三公”经费预算" },
      ],
    },
    {
      id: "itemShare",
      pattern: P.sgItemShare,
      item: ITEMS,
      figures: [
        { name: "final", num: 2, unit: 3 },
        { name: "rate", num: 4, unit: "%" },
        { name: "share", num: 5, unit: "%" },
      ],
      checks: [
        { amount: "final", what: "{1}决算", to: "决算" },
        { ratio: "rate", what: "{1}完成预算的", num: "决算", den: "预算", zero: "年初未安排{1}预算", zeroBoth: "未安排{1}预算，也未发生支出" },
        { ratio: "share", what: "{1}占“三公”经费决算的", num: "决算", den: "决算合计", zero: "本年未发生“三公”经费支出，不计算占比" },
      ],
      also: shareOf,
    },
    {
      id: "itemBudget",
      pattern: P.sgItemBudget,
      item: ITEMS,
      figures: [
        { name: "budget", num: 2, unit: 3 },
        { name: "final", num: 4, unit: 5 },
        { name: "rate", num: 6, unit: "%" },
      ],
      checks: [
        { amount: "budget", what: "{1}预算", to: "预算" },
        { amount: "final", what: "{1}决算", to: "决算" },
        { ratio: "rate", what: "完成预算的", num: "决算", den: "预算", zero: "年初未安排{1}预算", zeroBoth: "未安排{1}预算，也未发生支出" },
      ],
    },
    { id: "carBuy", rule: "N9c", pattern: P.carBuy, figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "公务用车购置支出", to: "购置费" }], also: carCount },
    { id: "carRun", rule: "N9c", pattern: P.carRun, figures: [{ name: "amount", num: 1, unit: 2 }], checks: [{ amount: "amount", what: "公务用车运行维护支出", to: "运行费" }] },
    { hand: details },
  ],
  end: sangongEnd,
};
