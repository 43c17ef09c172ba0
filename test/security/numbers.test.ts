/**
 * Issue 13 item 13: extreme numbers. A stored 1e308 shows as Excel shows it (15 digits, then zeros), not
 * "1e+,308.00"; 1e309 (no double holds it: Infinity) shows "∞" and is an unreadable amount with a Chinese reason,
 * not 「显示错误值 #DIV/0!」.
 */
import { auditWorkbook } from "../../src/engine";
import { readAmount } from "../../src/engine/amount";
import { readWorkbookBuffer } from "../../src/io/readWorkbookFile";
import { formatNumber } from "../../src/io/numberFormat";
import { eachCell, isAmountCell, loadSample, toBytes } from "../fixtures/sample";
import { xlsxParts } from "../io/fixtures";
import { deflated, writeZip } from "./hostile/zip";
import { extremeNumbers } from "./hostile";

test.each([true, false])("1e308, 1e309 and -1e309 as read (fast reader: %s)", (fast) => {
  const r = readWorkbookBuffer(extremeNumbers(), "x.xlsx", { fast });
  if (!r.ok) throw new Error(r.error);
  const s = r.snapshot.sheets[0];
  expect(s.text[0][1]).toBe("100" + ",000".repeat(102) + ".00");
  expect(s.text[1][1]).toBe("∞");
  expect(s.text[2][1]).toBe("-∞");
  const big = readAmount(s.values[0][1], s.text[0][1], (s.formats || [])[0][1]);
  expect(big.state).toBe("number");
  expect(big.value && big.value.toString()).toBe("1e+308");
  const inf = readAmount(s.values[1][1], s.text[1][1], (s.formats || [])[1][1]);
  expect(inf).toMatchObject({ state: "error", value: null, problem: "单元格存储的数值超出可表示的范围（∞），无法读取为金额" });
});

test("other formats: no exponent or Infinity leaks into the text", () => {
  expect(formatNumber("0.00%", 1.5e20)).toBe("15000000000000000000000.00%");
  expect(formatNumber("0.00_);(0.00)", 1e300)).toBe("1" + "0".repeat(300) + ".00 ");
  expect(formatNumber("0.00_);(0.00)", -1e300)).toBe("(1" + "0".repeat(300) + ".00)");
  expect(formatNumber("#,##0", -1e21)).toBe("-1" + ",000".repeat(7));
  expect(formatNumber("General", 1e308)).toBe("1E+308");
  expect(formatNumber("0.00E+00", 1e308)).toBe("1.00E+308");
  expect(formatNumber("#,##0.00", NaN)).toBe("#NUM!");
});

test("an amount of the sample stored as 1e309 is reported unreadable (取数不足) with the reason, never as #DIV/0!", () => {
  // SheetJS's writer turns Infinity into an error cell, so the stored text is patched in the sheet XML instead.
  const wb = loadSample();
  const name = wb.SheetNames.filter((n) => /公开01/.test(n))[0];
  let hit = "";
  eachCell(wb.Sheets[name], (addr, cell) => {
    if (!hit && isAmountCell(cell) && Number(cell.v) > 0) {
      hit = addr;
      cell.v = 987654.25;
      delete cell.w;
    }
  });
  const parts = xlsxParts(toBytes(wb)).map((p) => ({ name: p.name, data: Buffer.from(p.data.toString("utf8").replace(/<v>987654\.25<\/v>/, "<v>1e309</v>")) }));
  const r = readWorkbookBuffer(writeZip(parts.map((p) => deflated(p.name, p.data))).bytes, "x.xlsx");
  if (!r.ok) throw new Error(r.error);
  const res = auditWorkbook(r.snapshot);
  const s3 = res.findings.filter((f) => f.rule === "S.3" && f.cell === hit);
  expect(s3).toHaveLength(1);
  expect(s3[0].message).toContain("单元格存储的数值超出可表示的范围（∞），无法读取为金额");
  expect(JSON.stringify(res.findings)).not.toContain("#DIV/0!");
});
