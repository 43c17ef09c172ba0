/**
 * Taking the user to a cell, and hearing about the cells the user selects (ExcelApi 1.7).
 * Each click is its own Excel.run: proxies from earlier runs are not reliable across runs (office-js#68).
 */
import { parseRange, toA1 } from "../present/address";

export function selectCell(sheet: string, cell: string): Promise<void> {
  return Excel.run(async function (context) {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/**
 * Registers one selection handler per worksheet (Worksheet.onSelectionChanged is 1.7; the workbook-wide event is
 * 1.9+, so the per-sheet one works on every host that has selection events at all) for the sheets of the last
 * read — one sync. Reports the sheet name and the top-left cell of the selection.
 */
export function watchSelection(sheetIds: { [id: string]: string }, cb: (sheet: string, cell: string) => void): Promise<void> {
  return Excel.run(async function (context) {
    Object.keys(sheetIds).forEach(function (id) {
      const name = sheetIds[id];
      context.workbook.worksheets.getItem(name).onSelectionChanged.add(function (e: Excel.WorksheetSelectionChangedEventArgs) {
        const box = parseRange(e.address.split("!").pop() || "");
        if (box) cb(name, toA1(box.top, box.left));
        return Promise.resolve();
      });
    });
    await context.sync();
  });
}
