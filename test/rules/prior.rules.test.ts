/**
 * RuleTester cases of the comparison with last year's document (issue 12 items 1, 2; src/engine/prior/). Last
 * year's document is the "2023" workbook built from the sample's own statements about the prior year
 * (test/prior/fixture.ts), perturbed where a case needs it.
 */
import * as XLSX from "@e965/xlsx";
import { ruleTests } from "./ruleTester";
import { previousYear } from "../prior/fixture";
import { sampleSnapshot } from "../fixtures/sample";

const EXT = "情况说明（外部文本）!";
const setCell = (sheet: string, addr: string, v: number) => (wb: XLSX.WorkBook) => {
  (wb.Sheets[sheet][addr] as XLSX.CellObject).v = v;
};
const editText = (from: string, to: string) => (wb: XLSX.WorkBook) => {
  let hit = false;
  for (const n of wb.SheetNames)
    for (const a of Object.keys(wb.Sheets[n])) {
      const c = wb.Sheets[n][a] as XLSX.CellObject;
      if (a.charAt(0) !== "!" && c && typeof c.v === "string" && c.v.indexOf(from) >= 0) {
        c.v = c.v.split(from).join(to);
        hit = true;
      }
    }
  if (!hit) throw new Error("not found: " + from);
};

ruleTests([
  {
    rule: "PY.1",
    passes: [{ name: "the 2023 document made from the sample's stated prior-year figures", previous: () => previousYear() }],
    fires: [
      { name: "last year's 收入总计 3,881.94 (text implies 3,881.84)", previous: () => previousYear(setCell("公开01表", "C36", 3881.94)), findings: ["error 情况说明!A3"] },
      { name: "last year's 收入总计 3,881.85: within the rounding of three figures (尾差)", previous: () => previousYear(setCell("公开01表", "C36", 3881.85)), findings: ["tail 情况说明!A3"] },
      { name: "last year's 公开05 合计 3,871.84", previous: () => previousYear(setCell("公开05表", "C7", 3871.84)), findings: ["error 情况说明!A12"] },
      { name: "last year's 机关运行经费 stated as 49.38 in its text", previous: () => previousYear(editText("机关运行经费支出 49.28 万元", "机关运行经费支出 49.38 万元")), findings: ["error 情况说明!A45"] },
    ],
  },
  {
    rule: "PY.2",
    passes: [{ name: "a rate alone: 增长 1.40% on 49.28", narrative: [["比 2023 年增加 0.69 万元，增长 1.40%", "比 2023 年增长 1.40%"]], previous: () => previousYear() }],
    fires: [{ name: "a rate alone: 增长 1.50% on 49.28", narrative: [["比 2023 年增加 0.69 万元，增长 1.40%", "比 2023 年增长 1.50%"]], previous: () => previousYear(), findings: ["error " + EXT] }],
  },
  {
    rule: "PY.3",
    passes: [{ name: "last year's document without its 情况说明", previous: () => previousYear((wb) => dropSheet(wb, "情况说明")) }],
    fires: [{ name: "the same text as last year apart from the figures", previous: () => previousYear(), findings: ["info 情况说明!"] }],
  },
  {
    rule: "PY.4",
    passes: [{ name: "the same reason, the change in the same direction", previous: () => previousYear() }],
    fires: [{ name: "the same reason for a 减少 last year and an 增加 this year", previous: () => previousYear(editText("比 2022 年增加 0.69 万元，增长 1.40%", "比 2022 年减少 0.69 万元，下降 1.38%")), findings: ["warning 情况说明!A45"] }],
  },
  {
    rule: "PY.5",
    passes: [{ name: "one unit, 2023 then 2024", previous: () => previousYear() }],
    fires: [{ name: "the 2024 document given as last year's", previous: () => sampleSnapshot(), findings: ["warning 情况说明!"] }],
  },
]);

function dropSheet(wb: XLSX.WorkBook, name: string): void {
  wb.SheetNames = wb.SheetNames.filter((n) => n !== name);
  delete wb.Sheets[name];
}
