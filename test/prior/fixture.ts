/**
 * A "2023" document of the sample's unit, built from the sample's own statements about the prior year (issue 12):
 * 收、支总计 and 财政拨款收、支总计 3,881.84 (2,481.93 + 1,399.91), 一般公共预算财政拨款支出 3,881.84, 机关运行经费
 * 49.28 (49.97 − 0.69). Every year is moved back by one; the other figures stay the sample's (last year's document
 * is read, not audited).
 */
import * as XLSX from "@e965/xlsx";
import { eachCell, loadSample, snapshotOf } from "../fixtures/sample";
import { WorkbookSnapshot } from "../../src/engine/types";

/** Cells holding the 上年 figures the sample's text implies: sheet, address, value. */
export const PRIOR_CELLS: [string, string, number][] = [
  ["公开01表", "C36", 3881.84], // 收入总计
  ["公开01表", "F36", 3881.84], // 支出总计
  ["公开04表", "C38", 3881.84], // 财政拨款收入总计
  ["公开04表", "F38", 3881.84], // 财政拨款支出总计
  ["公开05表", "C7", 3881.84], // 一般公共预算财政拨款支出 合计
];

export function previousYearBook(edit?: (wb: XLSX.WorkBook) => void): XLSX.WorkBook {
  const wb = loadSample();
  for (const n of wb.SheetNames)
    eachCell(wb.Sheets[n], (_addr, cell) => {
      if (cell.t !== "s" || typeof cell.v !== "string") return;
      let v = cell.v.replace(/2023/g, "2022").replace(/2024/g, "2023").replace(/二〇二五/g, "二〇二四");
      v = v.replace("机关运行经费支出 49.97 万元", "机关运行经费支出 49.28 万元");
      cell.v = v;
      delete cell.w;
      delete (cell as { h?: string }).h;
      delete (cell as { r?: string }).r;
    });
  for (const [sheet, addr, v] of PRIOR_CELLS) {
    const c = wb.Sheets[sheet][addr] as XLSX.CellObject;
    c.v = v;
    delete c.w;
  }
  if (edit) edit(wb);
  return wb;
}

export function previousYear(edit?: (wb: XLSX.WorkBook) => void): WorkbookSnapshot {
  return snapshotOf(previousYearBook(edit), "2023.xlsx");
}
