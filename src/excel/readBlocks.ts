/**
 * Splitting the read of big used ranges so each request stays under Excel on the web's 5 MB payload limit.
 *
 * We cannot measure a response before asking for it, so we estimate: four arrays per cell (values, text,
 * numberFormat, formulas), each entry a quoted JSON string of ~20 bytes plus a comma, with CJK text at 3 bytes a
 * character. 100 bytes a cell is generous; 4 MB / 100 ≈ 41,900 cells a request, leaving headroom for the envelope.
 */

export const BYTES_PER_CELL = 100;
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
export const CELLS_PER_REQUEST = Math.floor(REQUEST_BUDGET_BYTES / BYTES_PER_CELL);

export interface SheetDims {
  rows: number;
  cols: number;
}

/** Rows [rowStart, rowStart+rowCount) of sheet `sheet` (indexes relative to its used range). */
export interface ReadBlock {
  sheet: number;
  rowStart: number;
  rowCount: number;
}

/**
 * Groups the used ranges into requests of at most `cellsPerRequest` cells. Sheets that fit go whole; a sheet
 * larger than one request is cut into row blocks. Normal workbooks give one request (the adapter's third sync);
 * only huge sheets add more.
 */
export function planReadBlocks(sheets: SheetDims[], cellsPerRequest: number = CELLS_PER_REQUEST): ReadBlock[][] {
  const requests: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let used = 0;

  function flush(): void {
    if (current.length) requests.push(current);
    current = [];
    used = 0;
  }

  sheets.forEach(function (d, i) {
    if (d.rows <= 0 || d.cols <= 0) return;
    const rowsPerRequest = Math.max(1, Math.floor(cellsPerRequest / d.cols));
    let row = 0;
    while (row < d.rows) {
      const remaining = d.rows - row;
      // A sheet that does not fit in what is left of this request starts a fresh one (no slivers across requests).
      if (current.length && remaining * d.cols > cellsPerRequest - used) flush();
      const take = Math.min(remaining, rowsPerRequest);
      current.push({ sheet: i, rowStart: row, rowCount: take });
      used += take * d.cols;
      row += take;
      if (row < d.rows || used >= cellsPerRequest) flush();
    }
  });
  flush();
  return requests;
}
