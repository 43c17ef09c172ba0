/**
 * Issue 13 item 1 (the zip guard and SheetJS must see one archive) and item 7 (cells counted as SheetJS finds them).
 * Small versions of the hostile files: on the old reader each of these read the hidden content or let SheetJS
 * parse what the guard never counted.
 */
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import { MESSAGES, readPaths, readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { countCells } from "../../src/io/zipCopy";
import { inspectZip } from "../../src/io/zipGuard";
import { namespacedCells, zipHiddenDirectory, zipLocalNameDiffers, zipLocalSizesZero, zipStoredVsDeflate } from "./hostile";
import { Entry, deflated, descriptor, sheetXml, smallWorkbook, writeZip, xlsxParts } from "./hostile/zip";
import { innocentRows } from "./hostile/zipViews";

function texts(b: Buffer): string[][][] {
  const r = readWorkbookBuffer(b, "t");
  if (!r.ok) throw new Error(r.error);
  return r.snapshot.sheets.map((s) => s.text);
}

test.each([
  ["a second end record in the last bytes of the comment (a hidden directory)", () => zipHiddenDirectory(0.0005)],
  ["a part the directory calls stored, deflated by its local header", () => zipStoredVsDeflate(0.001)],
  ["the same with local sizes 0 and a data descriptor", () => zipLocalSizesZero(0.001)],
  ["a local header naming a sheet the directory calls xl/media/data.bin", () => zipLocalNameDiffers(0.001)],
])("refused when the readers' views differ: %s", (_what, make) => {
  const r = readWorkbookBuffer(make(), "hostile.xlsx");
  expect(r).toEqual({ ok: false, error: MESSAGES.viewsDisagree });
});

test("the hidden directory is what SheetJS alone would read (the test's premise)", () => {
  const wb = XLSX.read(zipHiddenDirectory(0.0005), { type: "buffer" });
  expect(wb.SheetNames.length).toBe(6);
  expect(inspectZip(zipHiddenDirectory(0.0005))).toMatchObject({ ok: false, problem: { kind: "views-disagree" } });
});

test("a workbook written by a streaming writer (local sizes 0, data descriptors) still reads, the same as the plain one", () => {
  const plain = smallWorkbook(innocentRows());
  const streamed: Entry[] = plain.map((e) => {
    const s: Entry = { ...e, local: { flags: 0x0808, compressedSize: 0, uncompressedSize: 0, crc: 0 } };
    s.descriptor = descriptor(e);
    return s;
  });
  const a = texts(writeZip(plain).bytes);
  expect(a[0][2]).toEqual(["一般公共预算财政拨款收入", "100"]);
  expect(texts(writeZip(streamed).bytes)).toEqual(a);
  // and a comment without a second end record is fine
  expect(texts(writeZip(plain, { comment: Buffer.from("由决算软件导出") }).bytes)).toEqual(a);
});

test("local sizes that differ from the directory without a data descriptor are refused", () => {
  const entries = smallWorkbook(innocentRows());
  entries[2] = { ...entries[2], local: { uncompressedSize: entries[2].size + 1 } };
  expect(readWorkbookBuffer(writeZip(entries).bytes, "t")).toEqual({ ok: false, error: MESSAGES.viewsDisagree });
});

describe("cells are counted as SheetJS finds them, before any parsing (item 7)", () => {
  const before = () => readPaths.fast + readPaths.sheetjs;

  test("<x:c> cells in a prefixed sheet: refused before SheetJS runs", () => {
    const n = before();
    const r = readWorkbookBuffer(namespacedCells(0.001), "ns.xlsx", { maxCells: 5000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^工作簿单元格过多（至少 6006 个，上限 5000 个），无法审核。$/);
    expect(before()).toBe(n);
  });

  test("a sheet stored outside xl/worksheets/ is counted too", () => {
    const rows: number[][] = [];
    for (let r = 0; r < 300; r++) rows.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const parts = xlsxParts(sheetXml(rows)).map((p) => {
      if (p.name === "xl/worksheets/sheet1.xml") return { name: "xl/data/s1.xml", data: p.data };
      if (p.name === "xl/_rels/workbook.xml.rels") return { name: p.name, data: Buffer.from(p.data.toString().replace("worksheets/sheet1.xml", "data/s1.xml")) };
      return p;
    });
    const bytes = writeZip(parts.map((p) => deflated(p.name, p.data))).bytes;
    expect(readWorkbookBuffer(bytes, "t").ok).toBe(true);
    const n = before();
    const r = readWorkbookBuffer(bytes, "t", { maxCells: 2000 });
    expect(r).toEqual({ ok: false, error: "工作簿单元格过多（至少 3000 个，上限 2000 个），无法审核。" });
    expect(before()).toBe(n);
  });

  test("countCells: <c …>, <c>, <c/> and prefixed cells; not <col>, <cfRule>, <c:chart>, nor a tab after c", () => {
    expect(countCells(Buffer.from('<c r="A1"><v>1</v></c><c/><c><col/><cfRule/><c:chart/><x:c r="B1"/><c:c ><a.b:c/><x:c\t/><x:col/>'))).toBe(5);
  });

  test("countCells (a byte scan written for speed) counts exactly what SheetJS's split finds, on random text", () => {
    // The pattern SheetJS splits sheet XML on, counted on the bytes read as Latin-1 (\w is ASCII-only either way).
    const reference = (b: Buffer) => (b.toString("latin1").match(/<(?:\w+:)?c[ \/>]/g) || []).length;
    const piece = fc.constantFrom("<", "c", ":", "x", "_", "9", " ", "/", ">", "\t", ".", "é", "中", "<c ", "<x:c", ":c>", "<c:c/", "</c>");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (ps) => {
        const b = Buffer.from(ps.join(""), "utf8");
        expect(countCells(b)).toBe(reference(b));
      }),
      { numRuns: 3000 },
    );
  });
});
