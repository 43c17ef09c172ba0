/** 导出审核报告 under WPS: a new sheet, never overwriting; figures as numbers with formats; texts stay text. */
import { auditWithNarrative } from "../../src/engine";
import { REPORT_COLUMNS } from "../../src/present/reportSheet";
import { EtApplication } from "../../src/wps/et";
import { TABLE_HEADER_ROW } from "../../src/wps/report";
import { WpsHost } from "../../src/wps/wpsHost";
import { fakeEt } from "./fakeEt";
import { cliSnapshot, etBookFromSnapshot } from "./sampleEt";

test("the report sheet: after the last sheet, 审核报告(2) when taken, numbers with formats, a name like a formula stays text", async () => {
  const snap = cliSnapshot();
  const book = etBookFromSnapshot(snap);
  const target = auditWithNarrative(snap).findings.filter((f) => f.table && /^公开/.test(f.table))[0].sheet;
  book.sheets.filter((s) => s.name === target)[0].name = "=WEBSERVICE(1)";
  book.sheets.push({ name: "审核报告", visible: -1, protected: false, used: { top: 0, left: 0, rows: 0, cols: 0 }, cells: {}, merges: [], cfs: [] });
  const fake = fakeEt(book);
  const host = new WpsHost(fake.Application as EtApplication);
  const read = await host.readSnapshot();
  const result = auditWithNarrative(read);
  fake.log.calls = 0;
  const name = await host.exportReport(result, []);
  console.log("WPS report sheet: " + fake.log.calls + " calls for " + result.findings.length + " findings");
  expect(name).toBe("审核报告(2)");
  const sheet = book.sheets[book.sheets.length - 1];
  expect([sheet.name, book.active]).toEqual(["审核报告(2)", "审核报告(2)"]);
  expect(sheet.cells.A1.value).toBe("决算审核报告");
  const titles = REPORT_COLUMNS.map((_c, j) => sheet.cells[String.fromCharCode(65 + j) + TABLE_HEADER_ROW].value);
  expect(titles).toEqual(REPORT_COLUMNS.map((c) => c.title));
  // Row 1 of the table: 序号 1 as a number.
  expect(sheet.cells["A" + (TABLE_HEADER_ROW + 1)].value).toBe(1);
  const numbers = Object.keys(sheet.cells).filter((a) => typeof sheet.cells[a].value === "number" && /^[F-I]\d+$/.test(a));
  expect(numbers.length).toBeGreaterThan(10);
  numbers.forEach((a) => expect(sheet.cells[a].format).toMatch(/0/));
  // Every text went into a text-formatted cell: nothing became a formula.
  expect(Object.keys(sheet.cells).filter((a) => sheet.cells[a].formula)).toEqual([]);
  expect(Object.keys(sheet.cells).some((a) => String(sheet.cells[a].value).indexOf("=WEBSERVICE(1)") >= 0)).toBe(true);
  expect(sheet.widths!.J).toBe(50);
  expect(host.capabilities().exportReport).toBe(true);
});
