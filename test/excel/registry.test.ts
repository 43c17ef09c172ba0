/**
 * The flag registry is input from the file (issue 13 item 8): a forged one is ignored and the user told; even a
 * well-formed one can only restore cells that still show our flag colours.
 */
import { DOC_KEY, REGISTRY_KEY, registryFault } from "../../src/excel/registry";
import { auditAndFlag, setup, sheetOf } from "./hostHarness";

const FORGED_V1 = JSON.stringify({ v: 1, mode: "fill", sheets: ["公开01表"], notes: [], fills: [{ sheet: "公开01表", cell: "A1:C3", color: "#000000" }] });

test("structural check: version, document, sheets, single cells, colours", () => {
  const ok = { v: 2, doc: "abcdef123456", mode: "fill", sheets: ["公开01表"], notes: [], fills: [{ sheet: "公开01表", cell: "C7", color: null }] };
  expect(registryFault(ok, "abcdef123456")).toBeNull();
  expect(registryFault({ ...ok, v: 1 }, "abcdef123456")).toBe("来自其他版本的加载项");
  expect(registryFault(ok, "zzzzzzzz1234")).toBe("不属于本工作簿");
  expect(registryFault(ok, null)).toBe("不属于本工作簿");
  expect(registryFault({ ...ok, fills: [{ sheet: "公开01表", cell: "A1:C3", color: null }] }, "abcdef123456")).toBe("填充记录中有不是本加载项标记的单元格");
  expect(registryFault({ ...ok, fills: [{ sheet: "别的表", cell: "A1", color: null }] }, "abcdef123456")).toBe("填充记录中有不是本加载项标记的单元格");
  expect(registryFault({ ...ok, fills: [{ sheet: "公开01表", cell: "A1", color: "red;x" }] }, "abcdef123456")).toBe("填充记录中的颜色无效");
  expect(registryFault({ ...ok, sheets: ["a/b"] }, "abcdef123456")).toBe("工作表名称无效");
  expect(registryFault({ ...ok, notes: ["公开01表\u0000A1:B2"] }, "abcdef123456")).toBe("备注记录无效");
  expect(registryFault({ ...ok, mode: "conditionalFormat" }, "abcdef123456")).toBe("填充记录无效");
  expect(registryFault("junk", "abcdef123456")).toBe("格式不对");
});

test.each(["1.1", "1.6"])("ExcelApi %s: a forged registry in a received file is ignored, said so, and recolours nothing", async (version) => {
  const settings: { [k: string]: unknown } = { [REGISTRY_KEY]: FORGED_V1 };
  const { host, book } = setup(version, (b) => {
    sheetOf(b, "公开01表").cells.A1.fill = "#123456";
  }, settings);
  await host.readSnapshot();
  const r = await host.clearFlagsReport();
  expect(r.problem).toBe("文件中的标记记录未通过校验（来自其他版本的加载项），已忽略：只清除能从工作表上认出的本加载项标记。");
  expect(sheetOf(book, "公开01表").cells.A1.fill).toBe("#123456");
  expect(sheetOf(book, "公开01表").cells.B2 && sheetOf(book, "公开01表").cells.B2.fill).toBeFalsy();
});

test("ExcelApi 1.1: a well-formed registry with the right document id still restores only cells showing our colours", async () => {
  const settings: { [k: string]: unknown } = {};
  const { host, book } = setup("1.1", undefined, settings);
  await auditAndFlag(host);
  const reg = JSON.parse(settings[REGISTRY_KEY] as string);
  expect(typeof settings[DOC_KEY]).toBe("string");
  expect(reg.doc).toBe(settings[DOC_KEY]);
  // Someone adds an entry for a cell we never painted (the nonce travels in the same file, so this validates).
  reg.sheets.push("公开01表");
  reg.fills.push({ sheet: "公开01表", cell: "A1", color: "#000000" });
  settings[REGISTRY_KEY] = JSON.stringify(reg);
  sheetOf(book, "公开01表").cells.A1.fill = "#123456";
  // And the user recoloured a flagged cell by hand since: their colour stays.
  sheetOf(book, "公开05表").cells.C10.fill = "#00FF00";
  const r = await host.clearFlagsReport();
  expect(r.problem).toBeUndefined();
  expect(sheetOf(book, "公开01表").cells.A1.fill).toBe("#123456");
  expect(sheetOf(book, "公开05表").cells.C10.fill).toBe("#00FF00");
  expect(sheetOf(book, "公开03表").cells.C10.fill).toBe("#DDEBF7"); // ours restored
});

test("ExcelApi 1.6: flagging with a forged registry says so and still flags", async () => {
  const settings: { [k: string]: unknown } = { [REGISTRY_KEY]: JSON.stringify({ v: 2, doc: "forged000000", mode: "conditionalFormat", sheets: [], notes: [], fills: [] }) };
  const { host } = setup("1.6", undefined, settings);
  const { out } = await auditAndFlag(host);
  expect(out.flagged).toBeGreaterThan(0);
  expect(out.problem).toBe("文件中的标记记录未通过校验（不属于本工作簿），已忽略：只清除能从工作表上认出的本加载项标记。");
});
