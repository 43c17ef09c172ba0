/**
 * The caps on what an adapter reads from an open workbook (Excel and WPS alike), and the sentence past a cap.
 * Used ranges are capped: the nine tables take a few thousand cells, and a sheet whose used range reaches far past
 * its data (a stray value in row 1,048,576) would otherwise be read cell by cell.
 */

/** Cells one sheet's used range may have; far above any 决算 table (a few thousand cells). */
export const MAX_SHEET_CELLS = 500000;
/** Cells of all used ranges together. */
export const MAX_BOOK_CELLS = 1500000;

/** Over a cap: one sentence naming where (a sheet, or the whole workbook), the size and what to do. */
export function tooLargeMessage(where: string, size: string, cap: number): string {
  return where + "的已用区域过大（" + size + "），超出审核上限 " + cap / 10000 + " 万个单元格：请删除多余的行列或无关的工作表，保存后再审核。";
}
