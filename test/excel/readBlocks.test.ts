import { planReadBlocks, CELLS_PER_REQUEST } from "../../src/excel/readBlocks";

describe("planReadBlocks", () => {
  test("nine normal tables fit in one request", () => {
    const dims = [];
    for (let i = 0; i < 9; i++) dims.push({ rows: 45, cols: 12 });
    const plan = planReadBlocks(dims);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toHaveLength(9);
    expect(plan[0][3]).toEqual({ sheet: 3, rowStart: 0, rowCount: 45 });
  });

  test("a sheet bigger than one request is cut into row blocks that each fit", () => {
    const plan = planReadBlocks([{ rows: 10, cols: 10 }, { rows: 100, cols: 10 }], 300);
    // the small sheet alone, then the big one in blocks of 30 rows
    const sizes = plan.map((req) => req.reduce((n, b) => n + b.rowCount * 10, 0));
    expect(sizes).toEqual([100, 300, 300, 300, 100]);
    sizes.forEach((s) => expect(s).toBeLessThanOrEqual(300));
    const rows = plan.reduce((n, req) => n + req.filter((b) => b.sheet === 1).reduce((m, b) => m + b.rowCount, 0), 0);
    expect(rows).toBe(100);
  });

  test("a single row wider than the budget still gets read, one row a request", () => {
    const plan = planReadBlocks([{ rows: 3, cols: 500 }], 100);
    expect(plan).toEqual([[{ sheet: 0, rowStart: 0, rowCount: 1 }], [{ sheet: 0, rowStart: 1, rowCount: 1 }], [{ sheet: 0, rowStart: 2, rowCount: 1 }]]);
  });

  test("empty sheets are skipped and the default budget stays under 5 MB at 100 bytes a cell", () => {
    expect(planReadBlocks([{ rows: 0, cols: 0 }])).toEqual([]);
    expect(CELLS_PER_REQUEST * 100).toBeLessThan(5 * 1024 * 1024);
  });
});
