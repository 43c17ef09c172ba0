/** Reading through the ET object model: the sample's snapshot equals the CLI's, in a counted number of calls. */
import { readSnapshot } from "../../src/wps/readSnapshot";
import { EtApplication } from "../../src/wps/et";
import { CancelledError } from "../../src/present/host";
import { fakeEt } from "./fakeEt";
import { cliSnapshot, etBookFromSnapshot } from "./sampleEt";

test("the sample's snapshot read through ET equals the one the CLI reads from the same file", async () => {
  const want = cliSnapshot();
  const fake = fakeEt(etBookFromSnapshot(want, 2));
  const got = await readSnapshot(fake.Application as EtApplication);
  expect(got.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
  got.sheets.forEach((s, i) => {
    const w = want.sheets[i];
    expect([s.name, s.visibility, !!s.protected, s.top, s.left]).toEqual([w.name, w.visibility, !!w.protected, w.top, w.left]);
    expect(s.values).toEqual(w.values);
    expect(s.text).toEqual(w.text);
    expect(s.formats).toEqual(w.formats);
    expect(s.formulas).toEqual(w.formulas);
    expect(s.merges.slice().sort()).toEqual(w.merges.slice().sort());
  });
  const cells = want.sheets.reduce((n, s) => n + s.values.length * ((s.values[0] || []).length + 2), 0);
  console.log("WPS read of the sample: " + fake.log.calls + " calls for " + want.sheets.length + " sheets, " + cells + " cells; " + JSON.stringify(fake.log.byMember));
  // Measured 3,146 calls for 3,064 cells (2,700 of the tables plus two formatted empty columns per sheet): about one
  // call a cell, most of them the halving of number formats (698) and merged areas (680). Per-cell reading would take
  // at least three (Range, Value2, NumberFormat) plus the merges. The bound catches a regression.
  expect(fake.log.calls).toBeLessThanOrEqual(3200);
  expect(fake.log.byMember["Range.Value2"]).toBe(11);
  expect(fake.log.byMember["Range.Text"]).toBeUndefined();
});

test("hidden and protected sheets are read as such; formula cells show what WPS shows; big used ranges go in blocks", async () => {
  const want = cliSnapshot();
  const book = etBookFromSnapshot(want);
  book.sheets[5].visible = 0;
  book.sheets[2].protected = true;
  // A formula whose result is an error: its text can only come from the cell itself.
  book.sheets[0].cells["F40"] = { formula: "=1/0", value: -2146826281, text: "#DIV/0!" };
  book.sheets[0].used.rows += 3;
  // A stray value far down a sheet: 120,000 cells, read in three blocks of at most 50,000.
  const big = { name: "附表", visible: -1, protected: false, used: { top: 0, left: 0, rows: 12000, cols: 10 }, cells: { A1: { value: "x" }, J12000: { value: 1 } }, merges: [], cfs: [] };
  book.sheets.push(big);
  const fake = fakeEt(book);
  const got = await readSnapshot(fake.Application as EtApplication);
  expect(got.sheets[5].visibility).toBe("hidden");
  expect(got.sheets[2].protected).toBe(true);
  const s0 = got.sheets[0];
  expect(s0.text[39 - s0.top][5 - s0.left]).toBe("#DIV/0!");
  expect(s0.formulas![39 - s0.top][5 - s0.left]).toBe("=1/0");
  expect(fake.log.byMember["Range.Text"]).toBe(1);
  const b = got.sheets[11];
  expect([b.values.length, b.values[0].length, b.values[11999][9], b.text[11999][9]]).toEqual([12000, 10, 1, "1"]);
  expect(fake.log.byMember["Range.Value2"]).toBe(11 + 3);
});

test("a used range past the cap stops the read with a sentence naming the sheet; 取消 stops between sheets", async () => {
  const book = etBookFromSnapshot(cliSnapshot());
  book.sheets[1].used = { top: 0, left: 0, rows: 1048576, cols: 16 };
  await expect(readSnapshot(fakeEt(book).Application as EtApplication)).rejects.toThrow("工作表「公开02表」的已用区域过大（1048576 行 × 16 列）");
  const ok = etBookFromSnapshot(cliSnapshot());
  const cancel = { cancelled: false };
  const p = readSnapshot(fakeEt(ok).Application as EtApplication, (pr) => {
    if (pr.done === 2) cancel.cancelled = true;
  }, cancel);
  await expect(p).rejects.toBeInstanceOf(CancelledError);
});

test("the fake ET fails loudly on any member it does not model (so nothing the adapter calls goes untested)", () => {
  const app = fakeEt(etBookFromSnapshot(cliSnapshot())).Application as { [k: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ws = app.ActiveWorkbook.Worksheets.Item(1);
  expect(() => ws.Cells2).toThrow("fake ET: Worksheet.Cells2 is not modelled");
  expect(() => ws.Range("A1").Value).toThrow("fake ET: Range.Value is not modelled");
  expect(() => app.ActiveSheet).toThrow("fake ET: Application.ActiveSheet is not modelled");
  expect(() => {
    ws.Visible = 0;
  }).toThrow("fake ET: Worksheet.Visible cannot be set");
  expect(() => ws.Range("A1:B2").Address(true, true)).toThrow("only Address(false, false) is modelled");
});
