/**
 * Issue 13 item 2: merged cells as a CPU bomb. A cap on merges per sheet, overlapping merges dropped, and merged
 * areas looked up through an index instead of a scan of every big area.
 */
import { Grid } from "../../src/engine/grid";
import { MAX_MERGES_PER_SHEET, SheetSnapshot, colName, disjointAreas } from "../../src/engine";
import { readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { mergesWorkbook } from "./hostile/sheets";
import { mergesBomb } from "./hostile";

test("more merges on one sheet than the cap: refused with a Chinese sentence", () => {
  expect(MAX_MERGES_PER_SHEET).toBe(10000);
  const ok = readWorkbookBuffer(mergesWorkbook(10000, 3, (i) => "A" + (2 * i + 10) + ":B" + (2 * i + 10)), "t");
  expect(ok.ok).toBe(true);
  const r = readWorkbookBuffer(mergesWorkbook(10001, 3, (i) => "A" + (2 * i + 10) + ":B" + (2 * i + 10)), "t");
  expect(r).toEqual({ ok: false, error: "工作表“表1”有 10001 处合并单元格（上限 10000 处），不像正常的决算表，已拒绝读取。" });
});

test("the review's file (20,000 merges of A1:Z190000, a few KB) is refused at once", () => {
  const t = Date.now();
  const r = readWorkbookBuffer(mergesBomb(), "merges.xlsx");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toContain("20000 处合并单元格");
  expect(Date.now() - t).toBeLessThan(10000);
});

test("overlapping merges: only the first of each overlapping set is kept, the covered cells read blank", () => {
  const r = readWorkbookBuffer(mergesWorkbook(300, 2000, (i) => (i % 2 ? "A1:Z2000" : "B2:C" + (3 + i))), "t");
  if (!r.ok) throw new Error(r.error);
  expect(r.snapshot.sheets[0].merges).toEqual(["A1:Z2000"]);
  expect(r.snapshot.sheets[0].text[0][0]).toBe("合并");
  expect(r.snapshot.sheets[0].text[1999][25]).toBe("");
});

test("disjointAreas: overlap by one cell drops; touching areas both stay; order of tops, then file order", () => {
  const a = (r1: number, c1: number, r2: number, c2: number) => ({ r1, c1, r2, c2 });
  expect(disjointAreas([a(0, 0, 1, 1), a(1, 1, 2, 2), a(2, 0, 3, 0), a(0, 2, 0, 3)])).toEqual([true, false, true, true]);
  expect(disjointAreas([a(5, 0, 6, 0), a(0, 0, 5, 0)])).toEqual([false, true]);
  expect(disjointAreas([a(0, 0, 9, 9), a(0, 0, 9, 9)])).toEqual([true, false]);
});

function sheet(rows: number, cols: number, merges: string[]): SheetSnapshot {
  const values = [];
  for (let r = 0; r < rows; r++) values.push(new Array(cols).fill(null));
  return { name: "s", visibility: "visible", top: 0, left: 0, values, text: [], formats: [], merges };
}

test("Grid: a covered cell reads its area, the top-left and outside cells read none, also beyond the values' box", () => {
  const g = new Grid(sheet(10, 5, ["A1:B2", "C3:E9", "D10:F12", "A1:A3"]));
  expect(g.mergeOf(0, 0)).toBeNull();
  expect(g.mergeOf(1, 1)).toEqual({ r1: 0, c1: 0, r2: 1, c2: 1 });
  expect(g.mergeOf(2, 0)).toBeNull(); // A1:A3 overlaps A1:B2: dropped
  expect(g.mergeOf(8, 4)).toEqual({ r1: 2, c1: 2, r2: 8, c2: 4 });
  expect(g.mergeOf(10, 5)).toEqual({ r1: 9, c1: 3, r2: 11, c2: 5 }); // outside the box
  expect(g.mergeOf(9, 2)).toBeNull();
});

test("Grid: lookups over 1,500 big merged areas take constant time each (a scan of the areas took minutes)", () => {
  const strips: string[] = [];
  for (let c = 0; c < 1500; c++) strips.push(colName(c) + "1:" + colName(c) + "4100");
  const g = new Grid(sheet(4100, 1500, strips));
  const start = Date.now();
  let covered = 0;
  let r = 0;
  // Stop early when over budget, so the old scan fails fast instead of running on.
  for (; r < 4100 && Date.now() - start < 6000; r++) for (let c = 0; c < 1500; c++) if (g.mergeOf(r, c)) covered++;
  expect(r).toBe(4100);
  expect(covered).toBe(1500 * 4099);
  expect(Date.now() - start).toBeLessThan(6000);
});
