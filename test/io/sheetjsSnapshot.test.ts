/** snapshotFromSheetJS on the sample workbook and on small workbooks written here with SheetJS. */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { SHEETJS_READ_OPTIONS, SnapshotTooLargeError, snapshotFromSheetJS, xlsxProtectedSheets } from "../../src/io/sheetjsSnapshot";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/engine/types";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "2024-sanmenxia-xzsp.xlsx");

function sheet(s: WorkbookSnapshot, name: string): SheetSnapshot {
  const found = s.sheets.filter((x) => x.name === name)[0];
  if (!found) throw new Error("no sheet " + name);
  return found;
}

/** Cell by A1-style 0-based row/col on the sheet (not relative to top/left). */
function at(sh: SheetSnapshot, r: number, c: number) {
  const i = r - sh.top;
  const j = c - sh.left;
  return { value: sh.values[i][j], text: sh.text[i][j], format: sh.formats ? sh.formats[i][j] : undefined };
}

function roundTrip(wb: XLSX.WorkBook, bookType: XLSX.BookType, dense = false): WorkbookSnapshot {
  const buf = XLSX.write(wb, { type: "buffer", bookType: bookType });
  return snapshotFromSheetJS(XLSX.read(buf, { ...SHEETJS_READ_OPTIONS, type: "buffer", dense: dense }), "t." + bookType);
}

describe("sample workbook", () => {
  const buf = fs.readFileSync(SAMPLE);
  const sparse = snapshotFromSheetJS(XLSX.read(buf, { ...SHEETJS_READ_OPTIONS, type: "buffer" }), "sample.xlsx");
  const dense = snapshotFromSheetJS(XLSX.read(buf, { ...SHEETJS_READ_OPTIONS, type: "buffer", dense: true }), "sample.xlsx");

  test("sheets in tab order, all visible, none protected", () => {
    expect(sparse.source).toBe("sample.xlsx");
    expect(sparse.sheets.map((s) => s.name)).toEqual([
      "公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表", "情况说明", "项目支出绩效自评表",
    ]);
    for (const s of sparse.sheets) {
      expect(s.visibility).toBe("visible");
      expect(s.protected).toBeUndefined();
      expect(s.formulas).toBeUndefined();
    }
  });

  test("公开03表 exact cells, shape and merges", () => {
    const s = sheet(sparse, "公开03表");
    expect([s.top, s.left, s.values.length, s.values[0].length]).toEqual([0, 0, 31, 8]);
    for (const grid of [s.values, s.text, s.formats!]) for (const row of grid) expect(row.length).toBe(8);
    expect(at(s, 9, 2)).toEqual({ value: 585.44, text: "585.44", format: "#,##0.00" });
    expect(at(s, 6, 2)).toEqual({ value: 2481.93, text: "2,481.93", format: "#,##0.00" });
    expect(at(s, 6, 3)).toEqual({ value: 630.5, text: "630.50", format: "#,##0.00" });
    expect(at(s, 6, 5)).toEqual({ value: 0, text: "0.00", format: "#,##0.00" });
    expect(at(s, 0, 0)).toEqual({ value: "支出决算表", text: "支出决算表", format: "General" });
    // Merged A1:H1: only the top-left cell holds the title.
    expect(s.values[0].slice(1)).toEqual([null, null, null, null, null, null, null]);
    expect(s.text[0].slice(1)).toEqual(["", "", "", "", "", "", ""]);
    expect(s.merges).toEqual(["A1:H1", "A4:B4", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "A6:B6", "A31:H31"]);
    expect(s.text[6]).toEqual(["合计", "", "2,481.93", "630.50", "1,851.44", "0.00", "0.00", "0.00"]);
  });

  test("情况说明: one paragraph per row in column A", () => {
    const s = sheet(sparse, "情况说明");
    expect([s.values.length, s.values[0].length]).toEqual([70, 1]);
    expect(s.text[0][0]).toBe("三门峡市行政审批和政务信息管理局2024年度部门决算情况说明");
    expect(s.text[1][0]).toBe("一、收入支出决算总体情况说明");
    expect(s.text[2][0]).toMatch(/^2024 年度收、支总计均为 2481\.93 万元。/);
    expect(s.values[2][0]).toBe(s.text[2][0]);
  });

  test("percent formats on the 绩效 sheet follow the number format", () => {
    const s = sheet(sparse, "项目支出绩效自评表");
    expect(s.text[6].slice(7, 11)).toEqual(["885", "870", "870", "98.31%"]);
    expect(s.text[4][10]).toBe("49.42%");
    expect(s.text[3][11]).toBe("100%");
  });

  test("dense and sparse reads give the same snapshot", () => {
    expect(dense).toEqual(sparse);
  });
});

describe("small workbooks", () => {
  function book(): XLSX.WorkBook {
    const ws = XLSX.utils.aoa_to_sheet([
      [1234.5, 0.12345, 0.5, 45000, 3, "x", true, 2],
      [null, null, null, null, null, null, null, null],
    ]);
    const fm = ["#,##0.00", "0.00%", "0%", "yyyy-mm-dd", "0.00", "@", "General", "General"];
    fm.forEach((z, i) => {
      (ws[XLSX.utils.encode_cell({ r: 0, c: i })] as XLSX.CellObject).z = z;
    });
    ws["B2"] = { t: "n", f: "SUM(A1:A1)" } as XLSX.CellObject; // formula, no cached value
    ws["C2"] = { t: "e", v: 0x17 } as XLSX.CellObject; // #REF!
    ws["D2"] = { t: "n", v: 7, f: "3+4" } as XLSX.CellObject; // formula with cached value
    ws["!ref"] = "A1:H2";
    ws["!merges"] = [{ s: { r: 0, c: 6 }, e: { r: 1, c: 7 } }];
    ws["!protect"] = { password: "x" };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "S");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[1]]), "Hidden");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[2]]), "VeryHidden");
    const offset = XLSX.utils.aoa_to_sheet([[]]);
    XLSX.utils.sheet_add_aoa(offset, [["a", null], [null, 0.5]], { origin: "C4" });
    XLSX.utils.book_append_sheet(wb, offset, "Offset");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), "Empty");
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }, { Hidden: 0 }, { Hidden: 0 }] };
    return wb;
  }

  test.each([false, true])("xlsx (dense=%s): formats, formulas, errors, dates, merges, visibility, protection", (dense) => {
    const s = roundTrip(book(), "xlsx", dense);
    const main = sheet(s, "S");
    expect(main.values).toEqual([
      [1234.5, 0.12345, 0.5, 45000, 3, "x", true, null],
      [null, null, "#REF!", 7, null, null, null, null],
    ]);
    expect(main.text).toEqual([
      ["1,234.50", "12.35%", "50%", "2023-03-15", "3.00", "x", "TRUE", ""],
      ["", "", "#REF!", "7", "", "", "", ""],
    ]);
    expect(main.formats![0]).toEqual(["#,##0.00", "0.00%", "0%", "yyyy-mm-dd", "0.00", "@", "General", "General"]);
    expect(main.formulas).toEqual([
      [null, null, null, null, null, null, null, null],
      [null, "=SUM(A1:A1)", null, "=3+4", null, null, null, null],
    ]);
    expect(main.merges).toEqual(["G1:H2"]);
    expect(main.protected).toBe(true);
    expect(sheet(s, "Hidden").visibility).toBe("hidden");
    expect(sheet(s, "VeryHidden").visibility).toBe("veryHidden");
    expect(sheet(s, "Hidden").protected).toBeUndefined();
    const off = sheet(s, "Offset");
    expect([off.top, off.left]).toEqual([3, 2]);
    expect(off.values).toEqual([["a", null], [null, 0.5]]);
    expect(off.text).toEqual([["a", ""], ["", "0.5"]]);
    const empty = sheet(s, "Empty");
    expect([empty.values, empty.text, empty.merges]).toEqual([[], [], []]);
  });

  test("protection scan: the same answer on Buffers (Node's indexOf) and on plain bytes (the browser's loop)", () => {
    const buf = XLSX.write(book(), { type: "buffer", bookType: "xlsx" });
    const wb = XLSX.read(buf, { ...SHEETJS_READ_OPTIONS, type: "buffer" });
    const files = (wb as unknown as { files: { [p: string]: { content?: Uint8Array } } }).files;
    const onBuffers = xlsxProtectedSheets(wb);
    for (const k of Object.keys(files)) {
      const c = files[k].content;
      if (c && Buffer.isBuffer(c)) files[k].content = new Uint8Array(c);
    }
    expect(Buffer.isBuffer(files[Object.keys(files)[0]].content)).toBe(false);
    expect(xlsxProtectedSheets(wb)).toEqual(onBuffers);
    expect(onBuffers).toEqual({ S: true });
  });

  test("legacy .xls (BIFF8) gives the same values and text", () => {
    const s = roundTrip(book(), "biff8");
    const main = sheet(s, "S");
    expect(main.values[0]).toEqual([1234.5, 0.12345, 0.5, 45000, 3, "x", true, null]);
    expect(main.text[0]).toEqual(["1,234.50", "12.35%", "50%", "2023-03-15", "3.00", "x", "TRUE", ""]);
    expect(main.values[1][2]).toBe("#REF!");
    expect(sheet(s, "VeryHidden").visibility).toBe("veryHidden");
  });

  test("a value stored in a covered merge cell is dropped (Excel shows only the top-left)", () => {
    const ws = XLSX.utils.aoa_to_sheet([["title", "dup", "dup"]]);
    ws["!merges"] = [XLSX.utils.decode_range("A1:C1")];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "M");
    const m = snapshotFromSheetJS(wb).sheets[0];
    expect(m.values).toEqual([["title", null, null]]);
    expect(m.text).toEqual([["title", "", ""]]);
  });

  test("a format SheetJS left without `w` is formatted here; unknown formats fall back to General", () => {
    const ws: XLSX.WorkSheet = { "!ref": "A1:C1", A1: { t: "n", v: 0.98305, z: "0.00%" }, B1: { t: "n", v: 1851.44, z: "#,##0.00" }, C1: { t: "n", v: 2.5 } };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "F");
    expect(snapshotFromSheetJS(wb).sheets[0].text).toEqual([["98.31%", "1,851.44", "2.5"]]);
  });

  test("cell limit: the bounding box counts, not the stored cells", () => {
    const ws: XLSX.WorkSheet = { "!ref": "A1:Z1000", A1: { t: "n", v: 1 }, Z1000: { t: "n", v: 2 } };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Big");
    expect(() => snapshotFromSheetJS(wb, "big", { maxCells: 25999 })).toThrow(SnapshotTooLargeError);
    expect(snapshotFromSheetJS(wb, "big", { maxCells: 26000 }).sheets[0].values.length).toBe(1000);
  });
});
