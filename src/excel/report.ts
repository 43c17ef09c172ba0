/**
 * 导出审核报告: a new sheet listing every finding, its 单元格 column a HYPERLINK to the cell. Never overwrites:
 * an existing 审核报告 leads to 审核报告(2) and so on. Two syncs: read sheet names, then write.
 * HYPERLINK formulas (not Range.hyperlink, 1.7) so the links work from ExcelApi 1.1.
 */
import { AuditResult } from "../engine";
import { freeSheetName, findingTarget, LINK_COLUMN, reportRows } from "../present/reportRows";
import { columnName } from "../present/address";
import { ExcelCapabilities } from "./capabilities";

function excelString(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

export function exportReport(result: AuditResult, caps: ExcelCapabilities): Promise<string> {
  return Excel.run(async function (context) {
    const wss = context.workbook.worksheets;
    wss.load("items/name");
    await context.sync();
    const name = freeSheetName(
      wss.items.map(function (ws) {
        return ws.name;
      })
    );
    const rows = reportRows(result);
    const cols = rows[0].length;
    const ws = wss.add(name);
    const range = ws.getRange("A1:" + columnName(cols - 1) + rows.length);
    // Text format first, so figures such as "1234.50" stay exactly as the engine wrote them.
    range.numberFormat = rows.map(function (row) {
      return row.map(function (_v, c) {
        return c === LINK_COLUMN ? "General" : "@";
      });
    });
    range.values = rows;
    const links = result.findings.map(function (f, i) {
      const target = findingTarget(f);
      return [target ? "=HYPERLINK(" + excelString("#" + target) + "," + excelString(target) + ")" : rows[i + 1][LINK_COLUMN]];
    });
    if (links.length) {
      const col = columnName(LINK_COLUMN);
      ws.getRange(col + "2:" + col + rows.length).formulas = links;
    }
    ws.getRange("A1:" + columnName(cols - 1) + "1").format.font.bold = true;
    if (caps.usedRangeValuesOnly) range.format.autofitColumns(); // 1.2
    ws.activate();
    await context.sync();
    return name;
  });
}
