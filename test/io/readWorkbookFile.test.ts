/** readWorkbookFile: content sniffing, bounded reading and one clear Chinese sentence per bad input. */
import * as fs from "fs";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { MESSAGES, readWorkbookBuffer, readWorkbookFile } from "../../src/io/readWorkbookFile";
import { inspectZip } from "../../src/io/zipGuard";
import { Fixtures, makeFixtures, removeFixtures, writeZip } from "./fixtures";

let f: Fixtures;
beforeAll(() => {
  f = makeFixtures();
});
afterAll(() => removeFixtures(f));

function error(p: string, limits = {}): string {
  const r = readWorkbookFile(p, limits);
  if (r.ok) throw new Error("expected failure for " + p);
  return r.error;
}

function sheetsOf(p: string) {
  const r = readWorkbookFile(p);
  if (!r.ok) throw new Error(p + ": " + r.error);
  return r.snapshot;
}

test("the sample reads; source is the path as given", () => {
  const s = sheetsOf(f.sample);
  expect(s.source).toBe(f.sample);
  expect(s.sheets.length).toBe(11);
  const t3 = s.sheets[2];
  expect(t3.name).toBe("公开03表");
  expect([t3.values[9][2], t3.text[9][2], t3.formats![9][2]]).toEqual([585.44, "585.44", "#,##0.00"]);
});

test("a name with spaces, brackets and Chinese characters", () => {
  const a = sheetsOf(f.spaced);
  const b = sheetsOf(f.sample);
  expect(a.sheets).toEqual(b.sheets);
});

test("format by content: .xlsx renamed .xls, and a real .xls (BIFF8) under both names", () => {
  const ref = sheetsOf(f.sample);
  expect(sheetsOf(f.xlsxAsXls).sheets).toEqual(ref.sheets);
  const xls = sheetsOf(f.realXls);
  const xlsRenamed = sheetsOf(f.xlsAsXlsx);
  expect(xlsRenamed.sheets).toEqual(xls.sheets);
  expect(xls.sheets.map((s) => s.name)).toEqual(ref.sheets.map((s) => s.name));
  const t3 = xls.sheets[2];
  expect([t3.values[9][2], t3.text[9][2], t3.formats![9][2]]).toEqual([585.44, "585.44", "#,##0.00"]);
  expect(t3.text[6][2]).toBe("2,481.93");
  expect(t3.merges).toContain("A1:H1");
});

test("Excel 2003 XML Spreadsheet is read like a workbook", () => {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([["合计", 2481.93]]);
  (ws.B1 as XLSX.CellObject).z = "#,##0.00";
  XLSX.utils.book_append_sheet(wb, ws, "公开03表");
  const p = path.join(f.dir, "xml2003.xls");
  fs.writeFileSync(p, Buffer.from(XLSX.write(wb, { type: "buffer", bookType: "xlml" }) as Buffer));
  const s = sheetsOf(p);
  expect(s.sheets[0].name).toBe("公开03表");
  expect(s.sheets[0].values).toEqual([["合计", 2481.93]]);
  expect(s.sheets[0].text).toEqual([["合计", "2,481.93"]]);
});

test.each([
  ["zeroBytes", MESSAGES.empty],
  ["directory", MESSAGES.directory],
  ["missing", MESSAGES.missing],
  ["empty", MESSAGES.noData],
  ["encrypted", "文件已加密（设置了打开密码），无法读取；请去除密码后再审核。"],
  ["corruptTruncated", MESSAGES.corruptZip],
  ["corruptData", MESSAGES.corruptZip],
  ["lyingBomb", MESSAGES.sizeMismatch],
  ["html", MESSAGES.html],
  ["docxLike", MESSAGES.zipNotExcel],
  ["text", MESSAGES.notWorkbook],
] as [keyof Fixtures, string][])("%s → its own message", (key, message) => {
  expect(error(f[key])).toBe(message);
});

test("zip bomb by declared size: refused from the central directory, fast", () => {
  const t0 = Date.now();
  const msg = error(f.declaredBomb);
  expect(Date.now() - t0).toBeLessThan(500);
  expect(msg).toMatch(/^文件解压后过大（约 \d+ MB，上限 200 MB），可能是恶意构造的压缩包，已拒绝读取。$/);
});

test("zip bomb by compression ratio", () => {
  expect(error(f.ratioBomb)).toMatch(/^文件中“xl\/media\/zeros\.bin”的压缩比异常（约 \d+ 倍，上限 500 倍），可能是恶意构造的压缩包，已拒绝读取。$/);
});

test("a real highly compressible part past a (lowered) total limit", () => {
  expect(error(f.ratioBomb, { maxTotalUncompressed: 4 * 1024 * 1024, maxRatio: 100000 })).toMatch(/^文件解压后过大/);
});

test("cell-count limit: counted in the sheet XML before parsing (.xlsx), on the snapshot (.xls)", () => {
  expect(error(f.sample, { maxCells: 1000 })).toMatch(/^工作簿单元格过多（至少 \d+ 个，上限 1000 个），无法审核。$/);
  expect(error(f.realXls, { maxCells: 1000 })).toMatch(/^工作簿单元格过多（至少 \d+ 个，上限 1000 个），无法审核。$/);
  // 2,037 <c> elements, 2,177 cells in the bounding boxes: a limit above both passes.
  const r = readWorkbookFile(f.sample, { maxCells: 2200 });
  expect(r.ok).toBe(true);
});

test("file-size limit", () => {
  expect(error(f.sample, { maxFileBytes: 1000 })).toMatch(/^文件过大（约 [\d.]+ MB，上限 0\.0 MB），无法审核。$/);
});

test("every message is one sentence (ends with 。, no line breaks)", () => {
  for (const m of Object.keys(MESSAGES).map((k) => (MESSAGES as { [k: string]: string })[k])) {
    expect(m).toMatch(/^[^\n。]+。$/);
  }
});

test("never throws on arbitrary bytes", () => {
  const sample = fs.readFileSync(f.sample);
  const inputs: Buffer[] = [Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])];
  for (let i = 0; i < 30; i++) {
    const b = Buffer.from(sample);
    // Deterministic damage across the file, including the central directory at the end.
    for (let j = 0; j < 20; j++) b[(i * 7919 + j * 104729) % b.length] ^= 0x5a;
    inputs.push(b);
    inputs.push(sample.subarray(0, (i * 997) % sample.length));
  }
  for (const b of inputs) {
    const r = readWorkbookBuffer(b, "x");
    if (!r.ok) expect(r.error).toMatch(/。$/);
  }
});

test("inspectZip reads zip64-free directories and reports declared sizes", () => {
  const z = writeZip([{ name: "a.txt", data: Buffer.from("hello") }]);
  const r = inspectZip(z);
  expect(r.ok && r.entries.map((e) => [e.name, e.uncompressedSize, e.method])).toEqual([["a.txt", 5, 8]]);
  expect(path.basename(f.sample)).toBe("sample.xlsx");
});
