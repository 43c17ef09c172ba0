/**
 * Odd and hostile workbook content (issue 5 §2), each in a real .xlsx built here: a clear Chinese message,
 * the rest of the workbook still audited, nothing thrown, time bounded.
 */
import * as XLSX from "@e965/xlsx";
import { auditWorkbook } from "../../src/engine";
import { AuditResult } from "../../src/engine/types";
import { loadSample, snapshotOf } from "../fixtures/sample";

const audit = (wb: XLSX.WorkBook): AuditResult => auditWorkbook(snapshotOf(wb));
const rules = (r: AuditResult, rule: string) => r.findings.filter((f) => f.rule === rule);

test("an empty workbook: nine missing tables, each with its reason", () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), "Sheet1");
  const r = audit(wb);
  expect(r.missing.length).toBe(9);
  expect(rules(r, "S.1")[0].message).toBe("公开01 缺失：工作簿中没有找到标题为“收入支出决算总表”的表；其余各表照常审核");
});

test("a workbook with none of the nine tables", () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["工资表"], ["姓名", "金额"], ["张三", 100]]), "工资");
  expect(audit(wb).missing.length).toBe(9);
});

test("a table with its header only is missing with the reason; the others are audited", () => {
  const wb = loadSample();
  const ws = wb.Sheets["公开03表"];
  for (const k of Object.keys(ws)) if (!k.startsWith("!") && XLSX.utils.decode_cell(k).r >= 6) delete ws[k];
  const r = audit(wb);
  expect(r.missing).toEqual(["公开03"]);
  expect(rules(r, "S.1")[0].message).toContain("找到标题但没有找到数据行");
  expect(rules(r, "T05.1").length).toBe(4);
});

test("two copies of one table: the report says which one was audited; two departments are named", () => {
  const wb = loadSample();
  const copy = JSON.parse(JSON.stringify(wb.Sheets["公开09表"]));
  copy["A3"] = { t: "s", v: "单位：另一个局" };
  XLSX.utils.book_append_sheet(wb, copy, "副本");
  const r = audit(wb);
  const s2 = rules(r, "S.2");
  expect(s2.length).toBe(1);
  expect(s2[0].message).toContain("审核的是“公开09表”中的这一份");
  expect(s2[0].message).toContain("两个单位");
});

test("amount cells with dashes, accounting negatives, exponents, full-width digits, malformed numbers, booleans, dates, errors, uncached formulas, long strings", () => {
  const wb = loadSample();
  const ws = wb.Sheets["公开02表"];
  const put: [string, XLSX.CellObject][] = [
    ["E8", { t: "s", v: "—" }],
    ["F8", { t: "s", v: "-" }],
    ["G8", { t: "s", v: "/" }],
    ["H8", { t: "s", v: "(1.00)" }],
    ["I8", { t: "s", v: "-1.00" }],
    ["E9", { t: "s", v: "1.2E3" }],
    ["F9", { t: "s", v: "０.００" }],
    ["G9", { t: "s", v: "12.345.6" }],
    ["H9", { t: "b", v: true }],
    ["I9", { t: "d", v: new Date(Date.UTC(2024, 0, 1)) }],
    ["E10", { t: "e", v: 0x17, w: "#REF!" }],
    ["F10", { t: "e", v: 0x07, w: "#DIV/0!" }],
    ["G10", { t: "e", v: 0x0f, w: "#VALUE!" }],
    ["H10", { t: "n", f: "SUM(A1:A2)" } as XLSX.CellObject],
    ["I10", { t: "s", v: "很长的文字".repeat(5000) }],
  ];
  for (const [a, c] of put) ws[a] = c;
  const t0 = Date.now();
  const r = audit(wb);
  expect(Date.now() - t0).toBeLessThan(5000);
  const s3 = rules(r, "S.3").filter((f) => f.sheet === "公开02表").map((f) => f.cell + " " + f.message.replace(/^公开02 [^：]*：/, ""));
  expect(s3).toEqual([
    "E9 “1.2E3”不是规范的金额写法，涉及这一格的勾稽关系未能审核（取数不足）",
    "G9 “12.345.6”不是规范的金额写法，涉及这一格的勾稽关系未能审核（取数不足）",
    "H9 单元格是逻辑值 TRUE，不是金额，涉及这一格的勾稽关系未能审核（取数不足）",
    "I9 单元格是日期 1/1/24，不是金额，涉及这一格的勾稽关系未能审核（取数不足）",
    "E10 单元格显示错误值 #REF!，涉及这一格的勾稽关系未能审核（取数不足）",
    "F10 单元格显示错误值 #DIV/0!，涉及这一格的勾稽关系未能审核（取数不足）",
    "G10 单元格显示错误值 #VALUE!，涉及这一格的勾稽关系未能审核（取数不足）",
    "H10 单元格有公式 =SUM(A1:A2) 但没有计算结果，请在 Excel 中重新计算并保存，涉及这一格的勾稽关系未能审核（取数不足）",
    expect.stringMatching(/^I10 “很长的文字很长的文字/),
  ]);
  // Dashes read as 0, the negatives as -1.00: row 201 no longer adds up, which is reported as 不符.
  expect(r.findings.some((f) => f.rule === "T02.1" && f.cell === "C8" && f.severity === "error")).toBe(true);
  // The other tables are audited as before.
  expect(rules(r, "T03.1").length).toBe(4);
});

test("a sheet with 16,384 used columns and one with 10,000 merged areas", () => {
  const wb = loadSample();
  const wide: XLSX.WorkSheet = { "!ref": "A1:XFD3", A1: { t: "s", v: "宽表" }, XFD3: { t: "n", v: 1 } };
  for (let c = 0; c < 16384; c += 97) wide[XLSX.utils.encode_cell({ r: 1, c })] = { t: "n", v: c };
  XLSX.utils.book_append_sheet(wb, wide, "宽表");
  const merged: XLSX.WorkSheet = { "!ref": "A1:J2000", A1: { t: "s", v: "合并" } };
  const merges: XLSX.Range[] = [];
  for (let i = 0; i < 10000; i++) merges.push({ s: { r: Math.floor(i / 5), c: (i % 5) * 2 }, e: { r: Math.floor(i / 5), c: (i % 5) * 2 + 1 } });
  merged["!merges"] = merges;
  XLSX.utils.book_append_sheet(wb, merged, "合并");
  const t0 = Date.now();
  const r = audit(wb);
  expect(Date.now() - t0).toBeLessThan(10000);
  expect(r.missing).toEqual([]);
  expect(r.summary.tails).toBe(15);
});

test("two departments' tables in one workbook: the second copy of each is named", () => {
  const wb = loadSample();
  for (const n of ["公开01表", "公开02表"]) {
    const copy = JSON.parse(JSON.stringify(wb.Sheets[n]));
    copy["A3"] = { t: "s", v: "单位：三门峡市另一局" };
    XLSX.utils.book_append_sheet(wb, copy, n + "（另一局）");
  }
  const r = audit(wb);
  expect(rules(r, "S.2").map((f) => f.table)).toEqual(["公开01", "公开02"]);
});
