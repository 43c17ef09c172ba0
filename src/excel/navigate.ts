/**
 * Taking the user to a cell, and hearing about the cells the user selects (ExcelApi 1.7).
 * Each click is its own Excel.run: proxies from earlier runs are not reliable across runs (office-js#68).
 * Sheets are addressed by Worksheet.id where the last read gave one (documented stable across renames), so a
 * sheet renamed after the audit is still found; WorksheetCollection.getItem accepts a name or an id (1.1).
 * A hidden sheet is never unhidden: the user is told it is hidden.
 */
import { parseRange, toA1 } from "../present/address";
import { hiddenSheetMessage } from "../present/flagMessages";
import { userError } from "./errors";
import { RUN_OPTIONS } from "./runOptions";

export { hiddenSheetMessage };

/**
 * Activates the sheet and selects the cell: one sync. `hidden` is what the last read knew; when the sheet was hidden
 * since, Excel refuses activate() and one more sync checks the visibility to say so.
 */
export function selectCell(sheet: string, cell: string, id: string | null, hidden?: boolean): Promise<void> {
  if (hidden) return Promise.reject(userError(hiddenSheetMessage(sheet)));
  return Excel.run(RUN_OPTIONS, async function (context) {
    const ws = context.workbook.worksheets.getItem(id || sheet);
    ws.activate();
    ws.getRange(cell).select();
    try {
      await context.sync();
    } catch (e) {
      const again = context.workbook.worksheets.getItem(id || sheet);
      again.load("visibility");
      let visibility = "Visible";
      try {
        await context.sync();
        visibility = again.visibility;
      } catch (_e) {
        throw e;
      }
      if (visibility !== "Visible") throw userError(hiddenSheetMessage(sheet));
      throw e;
    }
  });
}

/**
 * Registers one selection handler per worksheet (Worksheet.onSelectionChanged is 1.7; the workbook-wide event is
 * 1.9+, so the per-sheet one works on every host that has selection events at all) for the sheets of the last
 * read — one sync. The handler is attached by id and reports the sheet under the name of the last read, the name
 * the findings carry, so a rename after the audit does not detach it. Reports the top-left cell of the selection.
 */
export function watchSelection(sheetIds: { [id: string]: string }, cb: (sheet: string, cell: string) => void): Promise<void> {
  return Excel.run(RUN_OPTIONS, async function (context) {
    Object.keys(sheetIds).forEach(function (id) {
      context.workbook.worksheets.getItem(id).onSelectionChanged.add(function (e: Excel.WorksheetSelectionChangedEventArgs) {
        const name = sheetIds[e.worksheetId] || sheetIds[id];
        const box = parseRange(e.address.split("!").pop() || "");
        if (box) cb(name, toA1(box.top, box.left));
        return Promise.resolve();
      });
    });
    await context.sync();
  });
}
