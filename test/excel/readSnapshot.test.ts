/** Reading: snapshot fidelity against the SheetJS reader, chunking of huge sheets, the merged-area guard. */
import { readSnapshot } from "../../src/excel/readSnapshot";
import { detectCapabilities } from "../../src/excel/capabilities";
import { CancelledError } from "../../src/present/host";
import { FakeCell, fakeExcel, RESPONSE_LIMIT, sheet } from "./fakeExcel";
import { bookFromSnapshot, sampleSnapshot } from "./sampleBook";

function caps(version: string) {
  const level = Number(version.split(".")[1]);
  return detectCapabilities((_n, v) => Number((v || "1.1").split(".")[1]) <= level);
}

function use(version: string, book: ReturnType<typeof bookFromSnapshot>) {
  const fake = fakeExcel(version, book);
  (global as unknown as { Excel: unknown }).Excel = fake.Excel;
  return fake;
}

test("capabilities follow isSetSupported and stop at the first missing set", () => {
  expect(caps("1.1")).toMatchObject({ level: "1.1", conditionalFormats: false, protection: false, notes: false });
  expect(caps("1.7")).toMatchObject({ level: "1.7", conditionalFormats: true, selectionEvents: true, enableEvents: false });
  expect(caps("1.18")).toMatchObject({ level: "1.18", mergedAreas: true, notes: true });
  expect(detectCapabilities((_n, v) => v !== "1.3").level).toBe("1.2");
});

test("ExcelApi 1.13: the snapshot read through Excel equals the one SheetJS reads from the file", async () => {
  const snap = sampleSnapshot();
  const fake = use("1.13", bookFromSnapshot(snap));
  const got = await readSnapshot(caps("1.13"));
  expect(fake.log.syncs).toBe(3);
  expect(got.snapshot.sheets.map((s) => s.name)).toEqual(snap.sheets.map((s) => s.name));
  got.snapshot.sheets.forEach((s, i) => {
    const want = snap.sheets[i];
    expect([s.top, s.left]).toEqual([want.top, want.left]);
    expect(s.values).toEqual(want.values);
    expect(s.text).toEqual(want.text);
    expect(s.merges.slice().sort()).toEqual(want.merges.slice().sort());
  });
  expect(got.sheetIds["{sheet-2}"]).toBe("公开03表");
});

test("below 1.13 there are no merged areas and below 1.2 no protection, still 3 syncs", async () => {
  const snap = sampleSnapshot();
  const book = bookFromSnapshot(snap);
  book.sheets[0].protected = true;
  const fake = use("1.1", book);
  const got = await readSnapshot(caps("1.1"));
  expect(fake.log.syncs).toBe(3);
  got.snapshot.sheets.forEach((s) => {
    expect(s.merges).toEqual([]);
    expect(s.protected).toBeUndefined();
  });
  use("1.2", book);
  expect((await readSnapshot(caps("1.2"))).snapshot.sheets[0].protected).toBe(true);
});

function bigBook(rows: number, cols: number) {
  const cells: { [a1: string]: FakeCell } = {};
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = r * 100 + c + 0.25;
      const whole = Math.floor(v);
      const text = (whole >= 1000 ? Math.floor(whole / 1000) + "," + String(whole % 1000 + 1000).slice(1) : String(whole)) + ".25";
      cells[String.fromCharCode(65 + c) + (r + 1)] = { value: v, text, format: "#,##0.00" };
    }
  return { sheets: [sheet("公开01表", { A1: "收入支出决算总表" }), sheet("明细", cells)], active: "明细", selected: "A1" };
}

test("a huge sheet is read in row blocks that each stay under the 5 MB response limit", async () => {
  const rows = 6000;
  const cols = 20; // 120,000 cells: one request would be over 5 MB
  const fake = use("1.6", bigBook(rows, cols));
  const progress: number[] = [];
  const got = await readSnapshot(caps("1.6"), (p) => progress.push(p.done));
  const s = got.snapshot.sheets[1];
  expect(s.values.length).toBe(rows);
  expect(s.values[rows - 1][cols - 1]).toBe((rows - 1) * 100 + cols - 1 + 0.25);
  expect(s.text[5000][3]).toBe("500,003.25");
  expect(fake.log.maxResponseBytes).toBeLessThan(RESPONSE_LIMIT);
  expect(fake.log.syncs).toBeGreaterThan(3); // chunks add syncs only for sheets this big
  expect(progress[progress.length - 1]).toBe(fake.log.syncs - 2);

  // The same read in one request is what the limit forbids.
  use("1.6", bigBook(rows, cols));
  await expect(readSnapshot(caps("1.6"), undefined, undefined, 1e9)).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
});

test("cancel between chunks stops the read", async () => {
  use("1.6", bigBook(6000, 20));
  const token = { cancelled: false };
  const p = readSnapshot(caps("1.6"), (pr) => {
    if (pr.done === 1) token.cancelled = true;
  }, token);
  await expect(p).rejects.toBeInstanceOf(CancelledError);
});

test("more than 512 merged areas: the merged-area query fails and the read goes on without it", async () => {
  const merges: string[] = [];
  const cells: { [a: string]: string } = {};
  for (let i = 0; i < 600; i++) {
    merges.push("A" + (i * 2 + 1) + ":B" + (i * 2 + 1));
    cells["A" + (i * 2 + 1)] = "行" + i;
  }
  const fake = use("1.13", { sheets: [sheet("明细", cells, { merges })], active: "明细", selected: "A1" });
  const got = await readSnapshot(caps("1.13"));
  expect(got.snapshot.sheets[0].merges).toEqual([]);
  expect(got.snapshot.sheets[0].values.length).toBe(1199);
  expect(fake.log.syncs).toBe(4);
});

test("1,048,576 formatted but empty rows: from ExcelApi 1.2 only the cells with values are read, in 3 syncs", async () => {
  const book = bookFromSnapshot(sampleSnapshot());
  // A whole column formatted down to the last row of the sheet, as happens when a user formats column A.
  const target = book.sheets.find((s) => s.name === "公开03表")!;
  (target.cells as { [a: string]: FakeCell })["A1048576"] = { format: "#,##0.00", fill: "#FFFF00" };
  const fake = use("1.6", book);
  const got = await readSnapshot(caps("1.6"));
  const s = got.snapshot.sheets.find((x) => x.name === "公开03表")!;
  expect(s.values.length).toBe(31);
  expect(fake.log.syncs).toBe(3);
  expect(fake.log.maxResponseBytes).toBeLessThan(RESPONSE_LIMIT);
});

test("a sheet of 200,000 cells is read in blocks under the limit, yielding between them", async () => {
  const fake = use("1.6", bigBook(10000, 20));
  const progress: number[] = [];
  const got = await readSnapshot(caps("1.6"), (p) => progress.push(p.done));
  expect(got.snapshot.sheets[1].values.length).toBe(10000);
  expect(fake.log.maxResponseBytes).toBeLessThan(RESPONSE_LIMIT);
  // Each block is its own sync; the reader yields to the UI (setTimeout 0) and reports progress between blocks.
  expect(progress.length).toBeGreaterThan(1);
});
