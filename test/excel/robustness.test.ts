/**
 * @jest-environment jsdom
 *
 * Excel robustness (issue 10): every batch waits for cell edit, the used range is capped with a sentence, a hidden
 * sheet is not unhidden, navigation and selection follow renames, errors become one Chinese sentence.
 */
import { auditWorkbook } from "../../src/engine";
import { describeOfficeError, isProtectionError } from "../../src/excel/errors";
import { hiddenSheetMessage } from "../../src/excel/navigate";
import { makeMark } from "../../src/present/review";
import { FakeCell } from "./fakeExcel";
import { levelOf, setup, sheetOf } from "./hostHarness";

test.each(["1.1", "1.6", "1.7", "1.18"])("ExcelApi %s: the user is typing in a cell — every batch of every call waits instead of failing", async (version) => {
  const { host, fake, book } = setup(version);
  book.cellEditMode = true;
  const snap = await host.readSnapshot();
  const result = auditWorkbook(snap);
  await host.saveReviewMarks([makeMark(result.findings[0], "忽略", "", snap)]);
  await host.applyFlags(result.findings, { notes: true });
  await host.select("公开03表", "C10");
  await host.onSelectionChanged(() => undefined);
  await host.exportReport(result);
  await host.clearFlagsReport();
  // read, flag, select, watch (1.7+), report, clear: six Excel.run calls (five below 1.7), all with delayForCellEdit.
  expect(fake.log.runs).toBe(levelOf(version) >= 7 ? 6 : 5);
  expect(fake.log.runsWaitingForCellEdit).toBe(fake.log.runs);
  expect(fake.log.runOptions.every((o) => (o as { delayForCellEdit?: boolean }).delayForCellEdit === true)).toBe(true);
});

test("without delayForCellEdit the fake refuses, as Excel does (guards the test above)", async () => {
  const { fake, book } = setup("1.6");
  book.cellEditMode = true;
  await expect(fake.Excel.run(async (ctx: unknown) => (ctx as { sync: () => Promise<void> }).sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
});

test("a used range past the cap stops the read with one sentence naming the sheet and what to do", async () => {
  const { host } = setup("1.6", (b) => {
    const s = sheetOf(b, "公开09表");
    (s.cells as { [a: string]: FakeCell }).Z30000 = { value: 1 };
  });
  await expect(host.readSnapshot()).rejects.toThrow("工作表「公开09表」的已用区域过大（30000 行 × 26 列），超出审核上限 50 万个单元格：请删除多余的行列或无关的工作表，保存后再审核。");
});

test("all used ranges together past the workbook cap: the same sentence for the workbook", async () => {
  const { host } = setup("1.6", (b) => {
    ["公开07表", "公开08表", "公开09表", "公开01表"].forEach((n) => ((sheetOf(b, n).cells as { [a: string]: FakeCell }).Z15000 = { value: 1 }));
  });
  await expect(host.readSnapshot()).rejects.toThrow("工作簿的已用区域过大（合计");
});

test("a finding on a hidden sheet: nothing is unhidden, the user is told, no Excel call at all", async () => {
  const { host, fake, book } = setup("1.6", (b) => {
    sheetOf(b, "公开06表").visibility = "Hidden";
  });
  await host.readSnapshot();
  const runs = fake.log.runs;
  await expect(host.select("公开06表", "I34")).rejects.toThrow(hiddenSheetMessage("公开06表"));
  expect(fake.log.runs).toBe(runs);
  expect(sheetOf(book, "公开06表").visibility).toBe("Hidden");
  expect(hiddenSheetMessage("公开06表")).toBe("工作表「公开06表」已隐藏，无法定位：如需查看，请右键工作表标签 →「取消隐藏」后再点这条结果。");
});

test("a sheet hidden after the read: Excel refuses, one more sync finds out why, the sentence says it is hidden", async () => {
  const { host, fake, book } = setup("1.6");
  await host.readSnapshot();
  sheetOf(book, "公开06表").visibility = "Hidden";
  const before = fake.log.syncs;
  await expect(host.select("公开06表", "I34")).rejects.toThrow(hiddenSheetMessage("公开06表"));
  expect(fake.log.syncs - before).toBe(2);
  expect(sheetOf(book, "公开06表").visibility).toBe("Hidden");
});

test("ExcelApi 1.7: after a rename, going to a finding and the selection handler still work (sheet ids)", async () => {
  const { host, fake, book } = setup("1.7");
  await host.readSnapshot();
  const seen: string[] = [];
  await host.onSelectionChanged((s, c) => seen.push(s + "!" + c));
  sheetOf(book, "公开06表").name = "公开06表（改）";
  await host.select("公开06表", "I34");
  expect(book.active).toBe("公开06表（改）");
  expect(book.selected).toBe("I34");
  const s06 = book.sheets.filter((s) => s.name === "公开06表（改）")[0];
  const h = fake.log.selectionHandlers.filter((x) => x.sheetId === s06.id)[0];
  await h.handler({ address: "'公开06表（改）'!I34", worksheetId: s06.id });
  // Reported under the name the findings carry (the last read's), so the pane finds the finding.
  expect(seen).toEqual(["公开06表!I34"]);
});

test("office-js errors become one Chinese sentence with what to do", () => {
  expect(describeOfficeError({ code: "InvalidOperationInCellEditMode" }, "读取工作簿")).toBe("Excel 正在编辑单元格，无法读取工作簿：请按 Enter 或 Esc 结束编辑后再试。");
  expect(describeOfficeError({ code: "AccessDenied" }, "写入标记")).toContain("工作表受保护或文件为只读，无法写入标记：请撤销工作表保护");
  expect(describeOfficeError({ code: "ResponsePayloadSizeLimitExceeded" }, "读取工作簿")).toBe("工作簿数据量超出 Excel 单次请求的上限，无法读取工作簿：请删除工作表中多余的空行空列后再试。");
  expect(describeOfficeError({ code: "ItemNotFound" }, "定位到该单元格")).toBe("工作表或单元格已不存在，无法定位到该单元格：请重新审核后再试。");
  expect(describeOfficeError({ code: "Weird", message: "x" }, "清除标记")).toBe("未能清除标记（Weird）：请稍候再试，若仍失败请保存并重新打开工作簿。");
  expect(describeOfficeError({ code: "toString" }, "清除标记")).toBe("未能清除标记（toString）：请稍候再试，若仍失败请保存并重新打开工作簿。");
  expect(isProtectionError({ code: "AccessDenied" })).toBe(true);
  expect(isProtectionError({ code: "ItemNotFound" })).toBe(false);
});

test("a failing read reaches the pane as that sentence, not the raw message", async () => {
  const { host, book, fake } = setup("1.6");
  book.cellEditMode = true;
  // Simulate a host that ignores delayForCellEdit: the refusal must still read as a sentence.
  const run = fake.Excel.run;
  fake.Excel.run = (...args: unknown[]) => run(args[args.length - 1]);
  await expect(host.readSnapshot()).rejects.toThrow("Excel 正在编辑单元格，无法读取工作簿：请按 Enter 或 Esc 结束编辑后再试。");
});
